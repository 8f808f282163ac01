export * from './expect-eventually';
export * from './kafka-probe';
export * from './test-app';
export * from './test-database';
