export * from './accounts.errors.js';
export * from './accounts.module.js';
export * from './auth/auth-user.js';
export * from './auth/current-user.decorator.js';
export * from './models/user.model.js';
export * from './password/password-hasher.service.js';
export * from './users/role.enum.js';
export * from './users/user.entity.js';
