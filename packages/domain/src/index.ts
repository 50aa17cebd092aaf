export * from './access/index';
export * from './api/index';
export * from './registry/index';
