import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';

export enum TaxonomyErrorReason {
  SPECIALTY_NOT_FOUND = 'SPECIALTY_NOT_FOUND',
}

export class TaxonomyError extends DomainError<TaxonomyErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case TaxonomyErrorReason.SPECIALTY_NOT_FOUND:
        return ApiErrorCode.NOT_FOUND;
      default:
        return assertNever(this.reason);
    }
  }

  static specialtyNotFound(slug: string): TaxonomyError {
    return new TaxonomyError(
      TaxonomyErrorReason.SPECIALTY_NOT_FOUND,
      `No specialty has the slug "${slug}". List them with specialties(search: ...).`,
    );
  }
}
