import type { ErrorRequestHandler, RequestHandler } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import { ApiErrorCode } from '../errors/domain-error.js';

/** Largest JSON body accepted; a GraphQL document is at most GRAPHQL_MAX_TOKENS tokens anyway. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** What body-parser attaches to the errors it raises (through http-errors). */
interface BodyParserError {
  status: number;
  expose: boolean;
  type: string;
  message: string;
  limit?: number;
  length?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose, type } = error as Partial<BodyParserError>;
  return typeof status === 'number' && expose === true && typeof type === 'string';
}

function answerFor(error: BodyParserError): { code: ApiErrorCode; message: string } {
  if (error.type === 'entity.too.large') {
    return {
      code: ApiErrorCode.PAYLOAD_TOO_LARGE,
      message: `The request body is ${error.length ?? 'over'} bytes; the limit is ${error.limit ?? JSON_BODY_LIMIT_BYTES} bytes.`,
    };
  }
  if (error.type === 'entity.parse.failed') {
    return {
      code: ApiErrorCode.BAD_REQUEST,
      message: `The request body is not valid JSON: ${error.message}`,
    };
  }
  return {
    code: ApiErrorCode.BAD_REQUEST,
    message: `The request body was refused: ${error.message}`,
  };
}

/**
 * The JSON body parser, and right behind it the handler for what it refuses (too large, not
 * JSON, an unsupported charset): the client's mistake, so a GraphQL-shaped answer with the
 * parser's HTTP status (413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST…) and one warning without a
 * stack. Mounted in place of Nest's own parser, whose errors would otherwise travel through the
 * exception filters as unexpected ones.
 */
export function jsonBody(logger: Logger): [RequestHandler, ErrorRequestHandler] {
  const parser = express.json({ limit: JSON_BODY_LIMIT_BYTES });
  const refused: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (!isBodyParserError(error) || error.status >= 500) {
      next(error);
      return;
    }
    const { code, message } = answerFor(error);
    logger.warn(
      {
        requestId: (req as { id?: unknown }).id,
        status: error.status,
        code,
        reason: error.type,
        ...(error.length === undefined ? {} : { length: error.length, limit: error.limit }),
      },
      'request body refused',
    );
    res.status(error.status).json({ errors: [{ message, extensions: { code } }] });
  };
  return [parser, refused];
}
