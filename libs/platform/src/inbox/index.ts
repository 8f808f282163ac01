export * from './event-consumer';
export * from './event-consumer.host';
export * from './event-handler';
