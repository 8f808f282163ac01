import type { IdentityConfig } from '../../config';
import type { ThrottledAction, ThrottlePolicy } from '../../tokens/domain/attempt-throttle';

/** The throttle of an account route, from ACCOUNT_THROTTLE_* (docs/operations.md, configuration). */
export function accountRouteThrottle(action: Exclude<ThrottledAction, 'login'>, config: IdentityConfig): ThrottlePolicy {
  const windowMs = config.accountThrottleWindowMinutes * 60_000;
  return {
    action,
    perAccount: { kind: 'count', windowMs, max: config.accountThrottlePerAddress },
    perClient: { kind: 'count', windowMs, max: config.accountThrottlePerIp },
  };
}
