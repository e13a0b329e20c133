import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';
import { SessionEndReason, type SessionTimeout } from './sessions/session-end-reason.js';

export enum AccountsErrorReason {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  INVALID_ACCESS_TOKEN = 'INVALID_ACCESS_TOKEN',
  SESSION_ENDED = 'SESSION_ENDED',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  PASSWORD_UNCHANGED = 'PASSWORD_UNCHANGED',
  MISSING_ROLE = 'MISSING_ROLE',
}

/** What a person is told when a session they hold was ended, by why it ended. */
const ENDED_SESSION_MESSAGES: Partial<Record<SessionEndReason, string>> = {
  [SessionEndReason.PASSWORD_CHANGED]:
    'This session was ended because the account’s password was changed. Sign in again with the new password.',
  [SessionEndReason.LOGGED_OUT_EVERYWHERE]:
    'This session was ended when the account logged out everywhere. Sign in again.',
  [SessionEndReason.SESSION_LIMIT]:
    'This session was ended because the account signed in on more devices than allowed at once (the least recently used session ends first). Sign in again.',
};

export class AccountsError extends DomainError<AccountsErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case AccountsErrorReason.EMAIL_TAKEN:
        return ApiErrorCode.CONFLICT;
      case AccountsErrorReason.WEAK_PASSWORD:
      case AccountsErrorReason.ROLE_NOT_ALLOWED:
      case AccountsErrorReason.WRONG_CURRENT_PASSWORD:
      case AccountsErrorReason.PASSWORD_UNCHANGED:
        return ApiErrorCode.BAD_USER_INPUT;
      case AccountsErrorReason.INVALID_CREDENTIALS:
      case AccountsErrorReason.INVALID_REFRESH_TOKEN:
      case AccountsErrorReason.REFRESH_TOKEN_REUSED:
      case AccountsErrorReason.INVALID_ACCESS_TOKEN:
      case AccountsErrorReason.SESSION_ENDED:
      case AccountsErrorReason.SESSION_EXPIRED:
        return ApiErrorCode.UNAUTHENTICATED;
      case AccountsErrorReason.MISSING_ROLE:
        return ApiErrorCode.FORBIDDEN;
      default:
        return assertNever(this.reason);
    }
  }

  static emailTaken(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.EMAIL_TAKEN,
      'An account with this email already exists. Sign in instead, or use another email.',
      { field: 'email' },
    );
  }

  static weakPassword(message: string, field = 'password'): AccountsError {
    return new AccountsError(AccountsErrorReason.WEAK_PASSWORD, `${field}: ${message}`, {
      field,
    });
  }

  /** BAD_USER_INPUT rather than UNAUTHENTICATED: the session is fine, a form field is wrong. */
  static wrongCurrentPassword(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.WRONG_CURRENT_PASSWORD,
      'currentPassword: this is not your current password.',
      { field: 'currentPassword' },
    );
  }

  static passwordUnchanged(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.PASSWORD_UNCHANGED,
      'newPassword: must differ from your current password.',
      { field: 'newPassword' },
    );
  }

  static roleNotAllowed(role: string): AccountsError {
    return new AccountsError(
      AccountsErrorReason.ROLE_NOT_ALLOWED,
      `roles: ${role} cannot be chosen at sign-up; pick MENTEE, MENTOR or ORGANIZER.`,
      { field: 'roles' },
    );
  }

  /** One message for an unknown email and a wrong password, so neither can be probed. */
  static invalidCredentials(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.INVALID_CREDENTIALS,
      'The email or password is incorrect.',
    );
  }

  static invalidRefreshToken(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.INVALID_REFRESH_TOKEN,
      'This refresh token is not valid or has expired. Sign in again.',
    );
  }

  static refreshTokenReused(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.REFRESH_TOKEN_REUSED,
      'This refresh token was already used, so the session has been ended for safety. Sign in again.',
    );
  }

  static invalidAccessToken(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.INVALID_ACCESS_TOKEN,
      'The access token is invalid or has expired. Refresh the session or sign in again.',
    );
  }

  static sessionEnded(why?: SessionEndReason | null): AccountsError {
    return new AccountsError(
      AccountsErrorReason.SESSION_ENDED,
      (why && ENDED_SESSION_MESSAGES[why]) ?? 'This session has ended. Sign in again.',
    );
  }

  /** `limit` is the configured timeout as a person reads it ("30 minutes"). */
  static sessionExpired(timeout: SessionTimeout, limit: string): AccountsError {
    const message =
      timeout === SessionEndReason.IDLE_TIMEOUT
        ? `This session ended after ${limit} without use. Sign in again.`
        : `This session ended ${limit} after signing in, the longest a session lasts. Sign in again.`;
    return new AccountsError(AccountsErrorReason.SESSION_EXPIRED, message, { timeout });
  }

  static missingRole(roles: readonly string[]): AccountsError {
    return new AccountsError(
      AccountsErrorReason.MISSING_ROLE,
      `This action needs the ${roles.join(' or ')} role on your account.`,
      { requiredRoles: roles },
    );
  }
}
