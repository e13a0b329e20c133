import { HttpException, HttpStatus, type LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { isDatabaseBusy, SqlState, sqlStateOf } from '../database/database-errors.js';
import {
  ApiErrorCode,
  CommonError,
  DomainError,
  INTERNAL_SERVER_ERROR_CODE,
} from './domain-error.js';

const HTTP_STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ApiErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: ApiErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ApiErrorCode.CONFLICT,
  [HttpStatus.TOO_MANY_REQUESTS]: ApiErrorCode.TOO_MANY_REQUESTS,
};

const REJECTED_VALUE_STATES: ReadonlySet<string> = new Set([
  SqlState.CHECK_VIOLATION,
  SqlState.INVALID_TEXT_REPRESENTATION,
  SqlState.STRING_DATA_RIGHT_TRUNCATION,
  // U+0000 in text: refused before execution (graphql/input-text.ts); this is the backstop.
  SqlState.CHARACTER_NOT_IN_REPERTOIRE,
]);

/**
 * What Retry-After says when the database was too busy: long enough for a lock holder or a burst
 * to pass, short enough that a person retrying by hand finds it working.
 */
export const BUSY_RETRY_AFTER_SECONDS = 3;

export function maskedInternalError(requestId: string | undefined): GraphQLError {
  const reference = requestId ? ` Quote request id ${requestId} if it persists.` : '';
  return new GraphQLError(`Something went wrong on our side.${reference}`, {
    extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR, requestId },
  });
}

function fromDomainError(error: DomainError<string>): GraphQLError {
  const extensions: Record<string, unknown> = {
    code: error.apiCode,
    reason: error.reason,
    ...error.details,
  };
  const retryAfter = error.details['retryAfterSeconds'];
  if (typeof retryAfter === 'number') {
    // Apollo moves `http` into the response (here: the Retry-After header) and drops it from
    // what the client sees in the error.
    extensions['http'] = { headers: new Map([['retry-after', String(retryAfter)]]) };
  }
  return new GraphQLError(error.message, { extensions });
}

/**
 * The one place where anything thrown while serving a GraphQL operation becomes what the client
 * sees. Domain errors keep their message; the unexpected is logged in full and masked.
 */
export function toGraphQLError(
  error: unknown,
  requestId: string | undefined,
  logger: LoggerService,
): GraphQLError {
  if (error instanceof DomainError) return fromDomainError(error as DomainError<string>);
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    if (typeof code === 'string' && code !== INTERNAL_SERVER_ERROR_CODE) return error;
  }
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()];
    if (code) return new GraphQLError(error.message, { extensions: { code } });
  }
  if (isDatabaseBusy(error)) {
    // Ours to watch (a pool too small, a lock held too long), not a bug: no stack needed.
    logger.warn?.({ err: error, requestId }, 'database too busy to serve a request');
    return fromDomainError(CommonError.serviceBusy(BUSY_RETRY_AFTER_SECONDS));
  }
  if (error instanceof QueryFailedError) {
    const pgCode = sqlStateOf(error);
    if (pgCode === SqlState.UNIQUE_VIOLATION) {
      return new GraphQLError('That record already exists.', {
        extensions: { code: ApiErrorCode.CONFLICT },
      });
    }
    if (pgCode !== undefined && REJECTED_VALUE_STATES.has(pgCode)) {
      logger.warn?.({ err: error, requestId }, 'database rejected a value');
      return new GraphQLError('A value is not acceptable. Check the input and try again.', {
        extensions: { code: ApiErrorCode.BAD_USER_INPUT },
      });
    }
  }
  logger.error({ err: error, requestId }, 'unexpected error while serving a GraphQL operation');
  return maskedInternalError(requestId);
}
