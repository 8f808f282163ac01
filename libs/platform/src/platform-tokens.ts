import type { ConfigOf } from './config/config-schema';
import type { PlatformConfigSchema } from './config/platform-config';

export type PlatformConfig = ConfigOf<PlatformConfigSchema>;

/** The app's whole validated configuration (its own variables and the platform's). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

/** The consumer group of a service: fixed, so deployments can scale on its lag. */
export function consumerGroupOf(service: string): string {
  return `passerelle.${service}`;
}
