import {
  Catch,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorCode, assertNever } from '../errors/domain-error.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';

/** The HTTP status that goes with each client-visible error code. */
export function httpStatusOf(code: ApiErrorCode): HttpStatus {
  switch (code) {
    case ApiErrorCode.BAD_USER_INPUT:
    case ApiErrorCode.BAD_REQUEST:
      return HttpStatus.BAD_REQUEST;
    case ApiErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case ApiErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case ApiErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ApiErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
    case ApiErrorCode.TOO_MANY_REQUESTS:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ApiErrorCode.PAYLOAD_TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ApiErrorCode.SERVICE_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ApiErrorCode.INTERNAL_SERVER_ERROR:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertNever(code);
  }
}

/**
 * For plain HTTP routes that answer something other than GraphQL (a CSV download): whatever
 * they, their guard or a pipe throws becomes the same error a GraphQL client would see (one
 * mapping, `toGraphQLError`), as a JSON body `{ errors: [{ message, extensions }] }` with the
 * matching HTTP status. Put it on the controller with `@UseFilters(JsonErrorFilter)`.
 */
@Catch()
export class JsonErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string | number }>();
    const response = http.getResponse<Response>();
    const error = toGraphQLError(exception, request.id?.toString(), this.logger);
    const code = error.extensions['code'] as ApiErrorCode;
    const { http: transport, ...extensions } = error.extensions as Record<string, unknown> & {
      http?: { headers?: Map<string, string> };
    };
    for (const [name, value] of transport?.headers ?? []) response.setHeader(name, value);
    response
      .status(httpStatusOf(code))
      .type('application/json')
      .json({ errors: [{ message: error.message, extensions }] });
  }
}
