import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_ENV, ChangeFeeds, type AppEnv, type PgListener } from '@preceptor/core';
import { SessionCache } from './session-cache.js';

/** Channel of the sessions and users triggers: an ended session's id, or ALL. */
export const SESSION_CHANGES_CHANNEL = 'session_changes';
/** Sessions were deleted, or users' roles changed or users were deleted: forget everything. */
export const SESSION_CHANGES_ALL = 'all';
const MAX_ENTRIES = 100_000;

/**
 * The session check of every authenticated request, answered from memory while this process
 * hears about every change that could alter the answer.
 *
 * Triggers on `sessions` and `users` NOTIFY at commit. A session ended through this process
 * is forgotten before the mutation returns; one ended elsewhere (another API process, SQL by
 * hand) within milliseconds. While the feed is lost (its connection dropped, or its heartbeat
 * stopped coming back) the cache is off and every request asks the database, and it starts
 * empty when the feed is back. Entries also expire after SESSION_CACHE_TTL_MS (0 turns the
 * cache off).
 */
@Injectable()
export class ActiveSessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActiveSessionCache.name);
  readonly cache: SessionCache;
  private listener: PgListener | null = null;

  constructor(
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly feeds: ChangeFeeds,
  ) {
    this.cache = new SessionCache(env.SESSION_CACHE_TTL_MS, MAX_ENTRIES);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.SESSION_CACHE_TTL_MS === 0) return;
    const listener = this.feeds.listener('sessionFeed', {
      channels: [SESSION_CHANGES_CHANNEL],
      applicationName: 'preceptor-session-feed',
      onNotification: (_channel, payload) => {
        if (payload === SESSION_CHANGES_ALL) this.cache.clear();
        else this.cache.forget(payload);
      },
      onLost: (error) => {
        this.cache.disable();
        this.logger.warn(
          `Lost the session change feed${error ? ` (${error.message})` : ''}; checking every session in the database until it is back`,
        );
      },
      onRestored: () => {
        this.cache.enable();
        this.logger.log('Session change feed restored');
      },
    });
    await listener.start();
    this.listener = listener;
    this.cache.enable();
  }

  async onApplicationShutdown(): Promise<void> {
    this.cache.disable();
    await this.listener?.stop();
    this.listener = null;
  }
}
