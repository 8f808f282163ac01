export * from './access-token-claims';
export * from './access-token-keys';
export * from './access-token.guard';
export * from './auth.decorators';
export * from './auth-user';
export * from './network-access';
