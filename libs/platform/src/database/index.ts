export * from './data-source';
export * from './database-errors';
export * from './platform-tables.migration';
export * from './periodic-sweep';
export * from './shared-fresh-reads';
export * from './token-revocations.migration';
