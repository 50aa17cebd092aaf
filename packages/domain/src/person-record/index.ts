export * from './person-record.schema';
export * from './person-record.parse';
