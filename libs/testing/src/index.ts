export * from './auth-session';
export * from './expect-eventually';
export * from './kafka-probe';
export * from './service-process';
export * from './tcp-proxy';
export * from './test-app';
export * from './test-database';
export * from './smtp-test-server';
