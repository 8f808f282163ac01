export * from './auth.decorators';
export * from './auth-user';
