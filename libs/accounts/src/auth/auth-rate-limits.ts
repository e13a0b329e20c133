import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, errorMessage, type AppEnv } from '@preceptor/core';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type IRateLimiterOptions,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/** The counters of every API process, created by a migration (never by the library). */
export const AUTH_RATE_LIMITS_TABLE = 'auth_rate_limits';
const MINUTE = 60;
const HOUR = 60 * 60;
/** Counters that ran out over an hour ago go, every few minutes. */
const CLEAN_UP_EVERY_MS = 5 * 60 * 1000;
const STORE_FAILURE_LOG_EVERY_MS = 60 * 1000;

/**
 * One budget (say, 5 attempts a minute per account) counted in PostgreSQL, so that every API
 * process draws from it. Should the database not answer, the process counts in its own memory
 * until it does: a limit per process is still a limit, and the attempt itself will need the
 * database anyway.
 */
class SharedBudget {
  private readonly shared: RateLimiterPostgres;
  private readonly local: RateLimiterMemory;

  constructor(
    dataSource: DataSource,
    options: IRateLimiterOptions,
    private readonly onStoreFailure: (error: unknown) => void,
  ) {
    this.shared = new RateLimiterPostgres({
      ...options,
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: AUTH_RATE_LIMITS_TABLE,
      tableCreated: true,
      // Cleaned up by AuthRateLimits, on a timer it stops at shutdown.
      clearExpiredByTimeout: false,
    });
    this.local = new RateLimiterMemory(options);
  }

  /** Counts one attempt; rejects with a RateLimiterRes once over budget. */
  async consume(key: string): Promise<RateLimiterRes> {
    try {
      return await this.shared.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      this.onStoreFailure(error);
      return this.local.consume(key);
    }
  }
}

/**
 * Sign-up, log-in and password-change attempts, limited per account and per client IP, per
 * minute and per hour (AUTH_RATE_LIMIT, AUTH_RATE_LIMIT_HOURLY, AUTH_IP_RATE_LIMIT,
 * AUTH_IP_RATE_LIMIT_HOURLY; 0 turns one off, AUTH_RATE_LIMIT=0 all). Every attempt counts,
 * refused ones included, so a guessing run is slowed whether or not it succeeds.
 */
@Injectable()
export class AuthRateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger(AuthRateLimits.name);
  private readonly perAccount: SharedBudget[] = [];
  private readonly perIp: SharedBudget[] = [];
  private readonly cleanUp: NodeJS.Timeout | undefined;
  private lastStoreFailureLog = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(APP_ENV) env: AppEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    if (env.AUTH_RATE_LIMIT === 0) return;
    const budget = (keyPrefix: string, points: number, duration: number): SharedBudget[] =>
      points > 0
        ? [
            new SharedBudget(dataSource, { keyPrefix, points, duration }, (error) =>
              this.storeFailed(error),
            ),
          ]
        : [];
    this.perAccount.push(
      ...budget('account-minute', env.AUTH_RATE_LIMIT, MINUTE),
      ...budget('account-hour', env.AUTH_RATE_LIMIT_HOURLY, HOUR),
    );
    this.perIp.push(
      ...budget('ip-minute', env.AUTH_IP_RATE_LIMIT, MINUTE),
      ...budget('ip-hour', env.AUTH_IP_RATE_LIMIT_HOURLY, HOUR),
    );
    this.cleanUp = setInterval(() => void this.removeSpentCounters(), CLEAN_UP_EVERY_MS);
    this.cleanUp.unref();
  }

  /**
   * Counts an attempt at `operation` from `ip` on `account` (an email, or a user id; null when
   * there is none). Returns null when it may go ahead, else the seconds to wait.
   */
  async attempt(operation: string, ip: string, account: string | null): Promise<number | null> {
    // Hashed: bounded keys, and no email addresses in the counters table.
    const accountKey =
      account === null
        ? null
        : createHash('sha256').update(`${operation}:${account}`).digest('base64url');
    const outcomes = await Promise.allSettled([
      ...this.perIp.map((budget) => budget.consume(ip)),
      ...(accountKey === null ? [] : this.perAccount.map((budget) => budget.consume(accountKey))),
    ]);
    let waitMs = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
      waitMs = Math.max(waitMs, outcome.reason.msBeforeNext);
    }
    return outcomes.some((outcome) => outcome.status === 'rejected')
      ? Math.max(1, Math.ceil(waitMs / 1000))
      : null;
  }

  onApplicationShutdown(): void {
    clearInterval(this.cleanUp);
  }

  private async removeSpentCounters(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM ${AUTH_RATE_LIMITS_TABLE} WHERE expire < $1`, [
        Date.now() - HOUR * 1000,
      ]);
    } catch (error) {
      this.logger.warn(`Could not remove spent auth rate-limit counters: ${errorMessage(error)}`);
    }
  }

  private storeFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.lastStoreFailureLog < STORE_FAILURE_LOG_EVERY_MS) return;
    this.lastStoreFailureLog = now;
    this.logger.warn(
      `Auth rate limits are counted in this process's memory: the database did not answer (${errorMessage(error)})`,
    );
  }
}
