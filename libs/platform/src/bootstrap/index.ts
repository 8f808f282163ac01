export * from './api-document';
export * from './service-app';
export * from './service-definition';
