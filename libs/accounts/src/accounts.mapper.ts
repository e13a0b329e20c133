import type { SessionModel } from './models/session.model.js';
import { type UserModel } from './models/user.model.js';
import type { SessionEntity } from './sessions/session.entity.js';
import type { UserEntity } from './users/user.entity.js';

/** The only way a user row reaches the API: the password hash never leaves. */
export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: [...user.roles],
    createdAt: user.createdAt,
  };
}

/** A session as its owner sees it; `expiresAt` is when its absolute timeout ends it. */
export function toSessionModel(
  session: SessionEntity,
  expiresAt: Date,
  currentSessionId: string,
): SessionModel {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt,
    userAgent: session.userAgent,
    current: session.id === currentSessionId,
  };
}
