import { type UserModel } from './models/user.model.js';
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
