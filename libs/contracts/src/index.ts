export * from './event-definition';
export * from './topics';
export * from './catalogue';
export * from './validation';
export * from './envelope';
export * from './record-origin';
export * from './asyncapi/asyncapi';
export * from './events';
