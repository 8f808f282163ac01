export * from './http-error.filter';
export * from './request-observer.middleware';
export * from './security-headers';
export * from './too-many-requests.exception';
export * from './validation';
export * from './page-query';
export * from './body-guard';
