import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';

export enum MatchingErrorReason {
  PROFILE_NOT_FOUND = 'PROFILE_NOT_FOUND',
  MENTOR_NOT_FOUND = 'MENTOR_NOT_FOUND',
}

export class MatchingError extends DomainError<MatchingErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case MatchingErrorReason.PROFILE_NOT_FOUND:
      case MatchingErrorReason.MENTOR_NOT_FOUND:
        return ApiErrorCode.NOT_FOUND;
      default:
        return assertNever(this.reason);
    }
  }

  static menteeProfileRequired(): MatchingError {
    return new MatchingError(
      MatchingErrorReason.PROFILE_NOT_FOUND,
      'Matches need your mentee profile. Create your profile with updateProfile, then set your goals with updateMenteeGoals.',
    );
  }

  static mentorProfileRequired(): MatchingError {
    return new MatchingError(
      MatchingErrorReason.PROFILE_NOT_FOUND,
      'Suggested mentees need your mentor profile. Create your profile with updateProfile, then set what you offer with updateMentorSettings.',
    );
  }

  /** For anything scored against one's profile (recommended events): the profile must exist. */
  static profileRequired(what: string): MatchingError {
    return new MatchingError(
      MatchingErrorReason.PROFILE_NOT_FOUND,
      `${what} need your profile. Create your profile with updateProfile first (track, specialties, and where you are); goals from updateMenteeGoals and availability sharpen them.`,
    );
  }

  static mentorNotFound(): MatchingError {
    return new MatchingError(
      MatchingErrorReason.MENTOR_NOT_FOUND,
      'There is no mentor with that id. Find mentors with matches or mentors.',
    );
  }
}
