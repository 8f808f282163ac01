export * from './kafka-connection';
