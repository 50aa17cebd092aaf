export * from './workflow';
export * from './birth';
export * from './search-text';
