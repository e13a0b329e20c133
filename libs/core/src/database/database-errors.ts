/**
 * What a failed database call means, read off the error in one place: the SQLSTATE codes we act
 * on, which failures a transaction may retry, and which say the database is too busy right now.
 */

/** What a PostgreSQL error (bare, or wrapped by TypeORM) carries besides its values. */
export interface DatabaseErrorFields {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

/** The SQLSTATE codes the API treats specially (PostgreSQL manual, appendix A). */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  CHECK_VIOLATION: '23514',
  INVALID_TEXT_REPRESENTATION: '22P02',
  STRING_DATA_RIGHT_TRUNCATION: '22001',
  CHARACTER_NOT_IN_REPERTOIRE: '22021',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  /** lock_timeout, or NOWAIT. */
  LOCK_NOT_AVAILABLE: '55P03',
  /** statement_timeout, or a cancel request. */
  QUERY_CANCELED: '57014',
  /** max_connections reached on the server. */
  TOO_MANY_CONNECTIONS: '53300',
  /** The server is starting up or shutting down. */
  CANNOT_CONNECT_NOW: '57P03',
} as const;

/** The PostgreSQL error inside `error` (TypeORM wraps it as `driverError`), if there is one. */
export function databaseErrorOf(error: unknown): DatabaseErrorFields | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidate = ((error as { driverError?: unknown }).driverError ??
    error) as Partial<DatabaseErrorFields>;
  return typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)
    ? (candidate as DatabaseErrorFields)
    : undefined;
}

export function sqlStateOf(error: unknown): string | undefined {
  return databaseErrorOf(error)?.code;
}

/**
 * The transaction lost a race with another one and was rolled back whole: run again from its
 * start, it will most likely succeed.
 */
export function isRetryableTransactionFailure(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code === SqlState.SERIALIZATION_FAILURE || code === SqlState.DEADLOCK_DETECTED;
}

/**
 * What node-postgres's pool says when no connection could be had within
 * `connectionTimeoutMillis`: every pooled one stayed busy (pg-pool's `connect`), or a new one did
 * not connect in time. Plain errors, known only by their message (pg-pool/index.js).
 */
const POOL_TIMEOUT_MESSAGES: ReadonlySet<string> = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

const BUSY_STATES: ReadonlySet<string> = new Set([
  SqlState.LOCK_NOT_AVAILABLE,
  SqlState.QUERY_CANCELED,
  SqlState.TOO_MANY_CONNECTIONS,
  SqlState.CANNOT_CONNECT_NOW,
  // Still losing races after the transaction helper's retries: contention, not a bug.
  SqlState.SERIALIZATION_FAILURE,
  SqlState.DEADLOCK_DETECTED,
]);

/**
 * The database could not serve this now, though nothing is wrong with the request: it waited too
 * long for a lock, a statement, or a connection. Nothing was written (the statement or its
 * transaction was rolled back); the same request should work a few seconds later.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = sqlStateOf(error);
  if (code !== undefined) return BUSY_STATES.has(code);
  return error instanceof Error && POOL_TIMEOUT_MESSAGES.has(error.message);
}
