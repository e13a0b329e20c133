import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { isRetryableTransactionFailure, sqlStateOf } from './database-errors.js';

/** Runs of one transaction at most: the first and up to three retries. */
export const TRANSACTION_ATTEMPTS = 4;
/** Backoff before retry n (1-based) is drawn from [0, BASE × 2^(n-1)]: ≤ 10, 20, 40 ms. */
const RETRY_BACKOFF_BASE_MS = 10;

const logger = new Logger('Transaction');

export interface TransactionOptions {
  /** PostgreSQL's default, READ COMMITTED, when omitted. */
  isolation?: IsolationLevel;
}

/**
 * How long to wait before retry `retry` (1-based): "full jitter", a random wait up to a bound
 * that doubles each time, so transactions that collided do not collide again in step.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * RETRY_BACKOFF_BASE_MS * 2 ** (retry - 1));
}

/**
 * The one way services run a transaction: `work` runs in a transaction that commits when it
 * resolves and rolls back when it throws. A serialization failure or deadlock (40001, 40P01)
 * rolls the whole transaction back; it is then run again from its start, in a new transaction
 * with a new manager, after a short jittered wait, up to TRANSACTION_ATTEMPTS runs in all. Any
 * other error, and the last of those, reaches the caller at once (where the API answers a
 * deadlock that persists as SERVICE_UNAVAILABLE).
 *
 * `work` may therefore run more than once: it must do nothing but database work through its
 * manager (no emails sent, no caches touched), and leave what follows the commit to the caller.
 */
export async function runTransaction<T>(
  dataSource: Pick<DataSource, 'transaction'>,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return options.isolation
        ? await dataSource.transaction(options.isolation, work)
        : await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionFailure(error)) throw error;
      const delay = retryDelayMs(attempt);
      logger.warn(
        `Transaction rolled back by ${sqlStateOf(error)}; running it again in ${delay} ms (attempt ${attempt + 1} of ${TRANSACTION_ATTEMPTS})`,
      );
      await sleep(delay);
    }
  }
}
