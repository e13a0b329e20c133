import { SetMetadata } from '@nestjs/common';

export const ACCESS_POLICY = 'preceptor:access-policy';

/**
 * Who may call an operation. Every resolver method and controller route declares one; the
 * access guard refuses anything undeclared, so a forgotten decorator fails closed.
 */
export type AccessPolicy =
  { kind: 'public' } | { kind: 'authenticated'; anyOfRoles: readonly string[] };

/** Anyone, signed in or not; the caller (if any) is still available via @CurrentUser(). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** A signed-in caller, holding at least one of `anyOfRoles` when any are given. */
export const Authenticated = (...anyOfRoles: string[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated', anyOfRoles } satisfies AccessPolicy);
