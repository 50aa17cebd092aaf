export * from './sheet-mapping';
export * from './header-dictionary.data';
export * from './header-suggest';
export * from './value-parse';
export * from './sheet-row';
export * from './sheet-reasons';
