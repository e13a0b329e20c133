import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';

export enum AccountsErrorReason {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  INVALID_ACCESS_TOKEN = 'INVALID_ACCESS_TOKEN',
  SESSION_ENDED = 'SESSION_ENDED',
  MISSING_ROLE = 'MISSING_ROLE',
}

export class AccountsError extends DomainError<AccountsErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case AccountsErrorReason.EMAIL_TAKEN:
        return ApiErrorCode.CONFLICT;
      case AccountsErrorReason.WEAK_PASSWORD:
      case AccountsErrorReason.ROLE_NOT_ALLOWED:
        return ApiErrorCode.BAD_USER_INPUT;
      case AccountsErrorReason.INVALID_CREDENTIALS:
      case AccountsErrorReason.INVALID_REFRESH_TOKEN:
      case AccountsErrorReason.REFRESH_TOKEN_REUSED:
      case AccountsErrorReason.INVALID_ACCESS_TOKEN:
      case AccountsErrorReason.SESSION_ENDED:
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

  static weakPassword(message: string): AccountsError {
    return new AccountsError(AccountsErrorReason.WEAK_PASSWORD, `password: ${message}`, {
      field: 'password',
    });
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

  static sessionEnded(): AccountsError {
    return new AccountsError(
      AccountsErrorReason.SESSION_ENDED,
      'This session has ended. Sign in again.',
    );
  }

  static missingRole(roles: readonly string[]): AccountsError {
    return new AccountsError(
      AccountsErrorReason.MISSING_ROLE,
      `This action needs the ${roles.join(' or ')} role on your account.`,
      { requiredRoles: roles },
    );
  }
}
