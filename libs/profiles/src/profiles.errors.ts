import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';

export enum ProfilesErrorReason {
  PROFILE_NOT_FOUND = 'PROFILE_NOT_FOUND',
}

export class ProfilesError extends DomainError<ProfilesErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case ProfilesErrorReason.PROFILE_NOT_FOUND:
        return ApiErrorCode.NOT_FOUND;
      default:
        return assertNever(this.reason);
    }
  }

  static profileRequired(): ProfilesError {
    return new ProfilesError(
      ProfilesErrorReason.PROFILE_NOT_FOUND,
      'You have no profile yet. Create it with updateProfile first.',
    );
  }
}
