export * from './http-error.filter';
export * from './request-observer.middleware';
export * from './validation';
