export * from './mailer';
export * from './mail-queue';
