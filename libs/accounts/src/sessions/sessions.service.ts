import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, runTransaction, type AppEnv } from '@preceptor/core';
import { DataSource, type EntityManager, type QueryResult } from 'typeorm';
import { AccountsError } from '../accounts.errors.js';
import { Role } from '../users/role.enum.js';
import { ActiveSessionCache } from './active-session-cache.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEndReason, SessionEntity } from './session.entity.js';

export interface IssuedRefreshToken {
  sessionId: string;
  userId: string;
  refreshToken: string;
}

export interface ActiveSessionUser {
  id: string;
  roles: Role[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface ClaimedToken {
  session_id: string;
  expires_at: Date;
  user_id: string;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Sessions and their refresh tokens. Tokens are opaque 256-bit values stored hashed; each one is
 * exchanged once. Presenting a used token again ends the whole session (the family), because
 * it means two parties hold it.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly activeSessions: ActiveSessionCache,
  ) {}

  async start(
    manager: EntityManager,
    userId: string,
    userAgent: string | null,
  ): Promise<IssuedRefreshToken> {
    const session = await manager.save(
      manager.create(SessionEntity, {
        userId,
        userAgent: userAgent?.slice(0, 300) ?? null,
        endedAt: null,
        endReason: null,
      }),
    );
    const refreshToken = await this.issueToken(manager, session.id);
    return { sessionId: session.id, userId, refreshToken };
  }

  /** Exchanges a refresh token for a new one in the same session. */
  async rotate(refreshToken: string): Promise<IssuedRefreshToken> {
    const tokenHash = hashToken(refreshToken);
    const outcome = await runTransaction(this.dataSource, async (manager) => {
      // Claiming the token with a conditional update makes concurrent exchanges race safely:
      // exactly one wins, the others see it used.
      // A transaction's manager always has its query runner; structured results give rows.
      const claimed = (await manager.queryRunner!.query(
        `UPDATE refresh_tokens t SET used_at = now(), updated_at = now()
             FROM sessions s
            WHERE t.token_hash = $1 AND t.used_at IS NULL
              AND s.id = t.session_id AND s.ended_at IS NULL
        RETURNING t.session_id, t.expires_at, s.user_id`,
        [tokenHash],
        true,
      )) as QueryResult<ClaimedToken>;
      const row = claimed.records[0];
      if (!row) return { kind: 'not-claimed' } as const;
      if (row.expires_at.getTime() <= Date.now()) return { kind: 'expired' } as const;
      const next = await this.issueToken(manager, row.session_id);
      return {
        kind: 'rotated',
        issued: { sessionId: row.session_id, userId: row.user_id, refreshToken: next },
      } as const;
    });

    if (outcome.kind === 'rotated') return outcome.issued;
    if (outcome.kind === 'expired') throw AccountsError.invalidRefreshToken();
    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOne({
      where: { tokenHash },
      relations: { session: true },
    });
    if (!known) throw AccountsError.invalidRefreshToken();
    if (known.session.endedAt) throw AccountsError.sessionEnded();
    await this.end(known.sessionId, SessionEndReason.REFRESH_TOKEN_REUSED);
    throw AccountsError.refreshTokenReused();
  }

  /** Ends the session a refresh token belongs to. Returns false when it had already ended. */
  async endByRefreshToken(refreshToken: string): Promise<boolean> {
    const known = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOne({ where: { tokenHash: hashToken(refreshToken) } });
    if (!known) throw AccountsError.invalidRefreshToken();
    return this.end(known.sessionId, SessionEndReason.LOGGED_OUT);
  }

  /** The signed-in user behind an access token, or null once its session has ended. */
  async activeSessionUser(sessionId: string, userId: string): Promise<ActiveSessionUser | null> {
    const { cache } = this.activeSessions;
    const cached = cache.get(sessionId, userId);
    if (cached) return { id: cached.userId, roles: cached.roles };
    const generation = cache.currentGeneration;
    const rows: { id: string; roles: Role[] }[] = await this.dataSource.query(
      `SELECT u.id, u.roles::text[] AS roles
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const roles = Object.freeze([...row.roles]) as Role[];
    cache.put(sessionId, { userId: row.id, roles }, generation);
    return { id: row.id, roles };
  }

  private async end(sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ endedAt: () => 'now()', endReason: reason })
      .where('id = :sessionId AND ended_at IS NULL', { sessionId })
      .execute();
    // At once here; other processes hear of it from the sessions trigger.
    this.activeSessions.cache.forget(sessionId);
    return (result.affected ?? 0) > 0;
  }

  private async issueToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      sessionId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TTL_DAYS * DAY_MS),
      usedAt: null,
    });
    return token;
  }
}
