import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccountRole, AuthUser } from './auth-user';

export const IS_PUBLIC = 'passerelle:public';
export const REQUIRED_ROLES = 'passerelle:required-roles';

/** A route anyone may call without a token (login, registration, JWKS, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller must hold at least one of these account roles (403 otherwise). */
export const RequireRoles = (...roles: AccountRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of this request; set by the access-token guard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});
