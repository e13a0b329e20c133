import type { Role } from '../users/role.enum.js';

/** The caller behind a valid access token. */
export interface AuthUser {
  id: string;
  roles: readonly Role[];
  sessionId: string;
}

/** Claims carried by an access token. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}
