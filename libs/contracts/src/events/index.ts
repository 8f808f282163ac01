export * from './identity.events';
export * from './intake.events';
export * from './matching.events';
export * from './communication.events';
export * from './evaluation.events';
