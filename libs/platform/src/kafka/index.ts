export * from './kafka-connection';
export * from './log-replay';
