import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { databaseErrorOf } from '../database/database-errors.js';

const REQUEST_ID = /^[\w.-]{1,128}$/;

/** Anything that might carry a credential is never written. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
];

/** Paths whose next segment is itself a credential: the token of a private calendar feed. */
const SECRET_PATH_SEGMENT = /^(\/calendar\/)[^/?#]+/;

/** A request URL as logged: a credential in the path is replaced, the rest kept. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PATH_SEGMENT, '$1[redacted]');
}

/**
 * Errors as logged. A database error keeps its SQLSTATE, constraint, table and column, and drops
 * its SQL, its parameters and PostgreSQL's detail: those can hold password hashes, token hashes
 * and contact details.
 */
export function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const database = databaseErrorOf(value);
  if (!database) return pino.stdSerializers.err(value);
  return {
    type: value.name,
    message: `database error ${database.code}${database.constraint ? ` on ${database.constraint}` : ''}`,
    sqlState: database.code,
    constraint: database.constraint,
    table: database.table,
    column: database.column,
    routine: database.routine,
    stack: value.stack?.split('\n').slice(1).join('\n'),
  };
}

export function createRootLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'preceptor-api' },
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination ?? pino.destination(1),
  );
}

/** A caller's x-request-id when it is sane, otherwise a fresh one; echoed in the response. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * One JSON line per request with its id (`req.id`, also used in masked error messages). When the
 * level drops request lines (above info), only the id is assigned: pino-http would otherwise
 * serialise and redact every request into a child logger that never writes (~0.3 ms each).
 */
export function createHttpLogger(logger: Logger): HttpLogger | Middleware {
  if (!logger.isLevelEnabled('info')) {
    const assignId: Middleware = (req, res, next) => {
      (req as IncomingMessage & { id?: string }).id = requestIdFor(req, res);
      next();
    };
    return assignId;
  }
  return pinoHttp({
    logger,
    genReqId: requestIdFor,
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    serializers: {
      req: (req: { url?: string }) => Object.assign(req, { url: redactUrl(req.url) }),
    },
  });
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's logger interface on top of pino, so framework and app logs share one JSON stream. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    // Nest passes the logger's context as the last string argument.
    const rest = [...params];
    const context =
      rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const text = rest.find((param): param is string => typeof param === 'string');
    if (message instanceof Error) {
      this.logger[level]({ err: message, context }, text ?? message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ ...message, context }, text);
    } else if (level === 'error' && text) {
      // Logger.error(message, stack, context)
      this.logger.error({ context, stack: text }, String(message));
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}
