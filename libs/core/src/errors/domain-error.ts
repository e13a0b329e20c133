/** The `extensions.code` values a client can see. */
export enum ApiErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself was refused before GraphQL saw it (e.g. its body is not JSON). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body is over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Nothing wrong with the request, but we could not serve it now; retry after a while. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** Plain-string form, for comparing against codes read off arbitrary errors. */
export const INTERNAL_SERVER_ERROR_CODE: string = ApiErrorCode.INTERNAL_SERVER_ERROR;

/**
 * Base of every error a service throws on purpose. Each domain declares its own `reason` enum
 * and maps it exhaustively to an `ApiErrorCode`; the GraphQL layer turns it into a client error.
 */
export abstract class DomainError<Reason extends string = string> extends Error {
  abstract readonly apiCode: ApiErrorCode;

  protected constructor(
    readonly reason: Reason,
    message: string,
    /** Safe, client-facing details added to `extensions` (e.g. the offending field). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The message of anything thrown, for log lines (never for clients). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

export enum CommonErrorReason {
  INVALID_INPUT = 'INVALID_INPUT',
  AUTHENTICATION_REQUIRED = 'AUTHENTICATION_REQUIRED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_BUSY = 'SERVICE_BUSY',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Errors shared by all domains: input validation, access, lookups, rate limits. */
export class CommonError extends DomainError<CommonErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case CommonErrorReason.INVALID_INPUT:
        return ApiErrorCode.BAD_USER_INPUT;
      case CommonErrorReason.AUTHENTICATION_REQUIRED:
        return ApiErrorCode.UNAUTHENTICATED;
      case CommonErrorReason.FORBIDDEN:
        return ApiErrorCode.FORBIDDEN;
      case CommonErrorReason.NOT_FOUND:
        return ApiErrorCode.NOT_FOUND;
      case CommonErrorReason.ALREADY_EXISTS:
        return ApiErrorCode.CONFLICT;
      case CommonErrorReason.RATE_LIMITED:
        return ApiErrorCode.TOO_MANY_REQUESTS;
      case CommonErrorReason.SERVICE_BUSY:
        return ApiErrorCode.SERVICE_UNAVAILABLE;
      default:
        return assertNever(this.reason);
    }
  }

  static invalidInput(problems: FieldProblem[]): CommonError {
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new CommonError(CommonErrorReason.INVALID_INPUT, `Invalid input. ${message}`, {
      field: problems[0]?.field,
      fields: problems,
    });
  }

  static authenticationRequired(): CommonError {
    return new CommonError(
      CommonErrorReason.AUTHENTICATION_REQUIRED,
      'You must be signed in. Send a valid access token as "Authorization: Bearer <token>".',
    );
  }

  static forbidden(message: string): CommonError {
    return new CommonError(CommonErrorReason.FORBIDDEN, message);
  }

  static notFound(what: string): CommonError {
    return new CommonError(CommonErrorReason.NOT_FOUND, `${what} was not found.`);
  }

  static alreadyExists(message: string): CommonError {
    return new CommonError(CommonErrorReason.ALREADY_EXISTS, message);
  }

  static rateLimited(retryAfterSeconds: number): CommonError {
    return new CommonError(
      CommonErrorReason.RATE_LIMITED,
      `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      { retryAfterSeconds },
    );
  }

  /** The database could not serve the request in time (locks, slow statements, no connection). */
  static serviceBusy(retryAfterSeconds: number): CommonError {
    return new CommonError(
      CommonErrorReason.SERVICE_BUSY,
      'The service is busy; try again in a few seconds.',
      { retryAfterSeconds },
    );
  }
}
