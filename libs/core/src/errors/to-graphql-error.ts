import { HttpException, HttpStatus, type LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ApiErrorCode, DomainError, INTERNAL_SERVER_ERROR_CODE } from './domain-error.js';

const HTTP_STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ApiErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: ApiErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ApiErrorCode.CONFLICT,
  [HttpStatus.TOO_MANY_REQUESTS]: ApiErrorCode.TOO_MANY_REQUESTS,
};

const PG_UNIQUE_VIOLATION = '23505';
const PG_CHECK_VIOLATION = '23514';
const PG_INVALID_TEXT = '22P02';
const PG_VALUE_TOO_LONG = '22001';
// U+0000 in text: refused before execution (graphql/input-text.ts); this is the backstop.
const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';

export function maskedInternalError(requestId: string | undefined): GraphQLError {
  const reference = requestId ? ` Quote request id ${requestId} if it persists.` : '';
  return new GraphQLError(`Something went wrong on our side.${reference}`, {
    extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR, requestId },
  });
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
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.apiCode, reason: error.reason, ...error.details },
    });
  }
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    if (typeof code === 'string' && code !== INTERNAL_SERVER_ERROR_CODE) return error;
  }
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()];
    if (code) return new GraphQLError(error.message, { extensions: { code } });
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: string } | undefined)?.code;
    if (pgCode === PG_UNIQUE_VIOLATION) {
      return new GraphQLError('That record already exists.', {
        extensions: { code: ApiErrorCode.CONFLICT },
      });
    }
    if (
      pgCode === PG_CHECK_VIOLATION ||
      pgCode === PG_INVALID_TEXT ||
      pgCode === PG_VALUE_TOO_LONG ||
      pgCode === PG_CHARACTER_NOT_IN_REPERTOIRE
    ) {
      logger.warn?.({ err: error, requestId }, 'database rejected a value');
      return new GraphQLError('A value is not acceptable. Check the input and try again.', {
        extensions: { code: ApiErrorCode.BAD_USER_INPUT },
      });
    }
  }
  logger.error({ err: error, requestId }, 'unexpected error while serving a GraphQL operation');
  return maskedInternalError(requestId);
}
