export * from './access/index';
export * from './api/index';
