export * from './errors';
export * from './system';
export * from './auth';
export * from './users';
export * from './audit';
export * from './people';
export * from './registry';
export * from './places';
