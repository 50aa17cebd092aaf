export * from './match.model';
export * from './person.features';
export * from './string.similarity';
export * from './pair.compare';
export * from './pair.score';
export * from './blocking.keys';
export * from './link.engine';
export * from './match.train';
