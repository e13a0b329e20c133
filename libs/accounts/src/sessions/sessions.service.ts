import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runTransaction } from '@preceptor/core';
import { DataSource, type EntityManager, type QueryResult } from 'typeorm';
import { AccountsError } from '../accounts.errors.js';
import { toSessionModel } from '../accounts.mapper.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { SessionModel } from '../models/session.model.js';
import { Role } from '../users/role.enum.js';
import { ActiveSessionCache } from './active-session-cache.js';
import { SessionEndReason, type SessionTimeout } from './session-end-reason.js';
import { SessionLifetime } from './session-lifetime.js';
import { SessionEntity } from './session.entity.js';

export interface IssuedRefreshToken {
  sessionId: string;
  userId: string;
  refreshToken: string;
}

export interface StartedSession extends IssuedRefreshToken {
  /** Sessions this sign-in ended (the person's least recently used, past MAX_OPEN_SESSIONS). */
  endedSessionIds: string[];
}

export interface ActiveSessionUser {
  id: string;
  roles: Role[];
}

/** The most sessions one person holds open; signing in once more ends the least recently used. */
export const MAX_OPEN_SESSIONS = 20;

interface SessionCheckRow {
  ended: boolean;
  end_reason: SessionEndReason | null;
  timeout: SessionTimeout | null;
  ms_left: number;
  user_id: string;
  roles: Role[];
}

interface UnclaimedTokenRow {
  session_id: string;
  used: boolean;
  ended: boolean;
  end_reason: SessionEndReason | null;
  timeout: SessionTimeout | null;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Rows of a statement (RETURNING ones included), inside `manager`'s transaction if it has one. */
async function records<Row>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return ((await runner.query(sql, params, true)) as QueryResult<Row>).records;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * Sessions and their refresh tokens. Tokens are opaque 256-bit values stored hashed; each one is
 * exchanged once. Presenting a used token again ends the whole session (the family), because
 * it means two parties hold it. A session is open until it is ended or times out
 * (`SessionLifetime`); a timed-out session is marked ended the next time it is presented.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifetime: SessionLifetime,
    private readonly activeSessions: ActiveSessionCache,
  ) {}

  /**
   * Opens a session inside the caller's transaction. Sessions it ends (past MAX_OPEN_SESSIONS)
   * are to be handed to `forget` once that transaction commits.
   */
  async start(
    manager: EntityManager,
    userId: string,
    userAgent: string | null,
  ): Promise<StartedSession> {
    const session = await manager.save(
      manager.create(SessionEntity, {
        userId,
        userAgent: userAgent?.slice(0, 300) ?? null,
        endedAt: null,
        endReason: null,
      }),
    );
    const refreshToken = await this.issueToken(manager, session.id);
    const ended = await records<{ id: string }>(
      manager,
      `UPDATE sessions SET ended_at = now(), end_reason = $3
        WHERE id IN (
          SELECT s.id FROM sessions s
           WHERE s.user_id = $1 AND s.id <> $2 AND ${this.lifetime.openSql('s')}
           ORDER BY s.last_used_at DESC, s.created_at DESC
          OFFSET ${MAX_OPEN_SESSIONS - 1})
        RETURNING id`,
      [userId, session.id, SessionEndReason.SESSION_LIMIT],
    );
    return {
      sessionId: session.id,
      userId,
      refreshToken,
      endedSessionIds: ended.map((row) => row.id),
    };
  }

  /** Exchanges a refresh token for a new one in the same session, which counts as a use. */
  async rotate(refreshToken: string): Promise<IssuedRefreshToken> {
    const tokenHash = hashToken(refreshToken);
    const issued = await runTransaction(this.dataSource, async (manager) => {
      // Claiming the token with a conditional update makes concurrent exchanges race safely:
      // exactly one wins, the others see it used.
      const [claimed] = await records<{ session_id: string; user_id: string }>(
        manager,
        `UPDATE refresh_tokens t SET used_at = now(), updated_at = now()
           FROM sessions s
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
            AND s.id = t.session_id AND ${this.lifetime.openSql('s')}
        RETURNING t.session_id, s.user_id`,
        [tokenHash],
      );
      if (!claimed) return null;
      await manager.query('UPDATE sessions SET last_used_at = now() WHERE id = $1', [
        claimed.session_id,
      ]);
      const next = await this.issueToken(manager, claimed.session_id);
      return { sessionId: claimed.session_id, userId: claimed.user_id, refreshToken: next };
    });
    if (issued) return issued;

    // Not exchanged: say why, and end the session if that is what the reason calls for.
    const [known] = await records<UnclaimedTokenRow>(
      this.dataSource.manager,
      `SELECT t.session_id, t.used_at IS NOT NULL AS used, s.ended_at IS NOT NULL AS ended,
              s.end_reason, ${this.lifetime.timeoutSql('s')} AS timeout
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    if (!known) throw AccountsError.invalidRefreshToken();
    if (known.ended) throw this.endedError(known.end_reason);
    if (known.timeout) {
      await this.end(known.session_id, known.timeout);
      throw this.endedError(known.timeout);
    }
    if (known.used) {
      await this.end(known.session_id, SessionEndReason.REFRESH_TOKEN_REUSED);
      throw AccountsError.refreshTokenReused();
    }
    // The token outlived the absolute timeout in force when it was issued (since lengthened).
    throw AccountsError.invalidRefreshToken();
  }

  /** Ends the session a refresh token belongs to. Returns false when it had already ended. */
  async endByRefreshToken(refreshToken: string): Promise<boolean> {
    const [known] = await records<{ session_id: string }>(
      this.dataSource.manager,
      'SELECT session_id FROM refresh_tokens WHERE token_hash = $1',
      [hashToken(refreshToken)],
    );
    if (!known) throw AccountsError.invalidRefreshToken();
    return this.end(known.session_id, SessionEndReason.LOGGED_OUT);
  }

  /**
   * The signed-in user behind an access token; throws once its session has ended or timed out.
   * A use: it moves the session's last use forward (written at most once a minute or so).
   */
  async activeSessionUser(sessionId: string, userId: string): Promise<ActiveSessionUser> {
    const { cache } = this.activeSessions;
    const cached = cache.get(sessionId, userId);
    if (cached) return { id: cached.userId, roles: cached.roles };
    const generation = cache.currentGeneration;
    const [row] = await records<SessionCheckRow>(
      this.dataSource.manager,
      `WITH found AS (
         SELECT s.id, s.ended_at IS NOT NULL AS ended, s.end_reason,
                ${this.lifetime.timeoutSql('s')} AS timeout,
                ${this.lifetime.msLeftSql('s')} AS ms_left,
                ${this.lifetime.staleSql('s')} AS stale,
                u.id AS user_id, u.roles::text[] AS roles
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.user_id = $2
       ), touched AS (
         UPDATE sessions s SET last_used_at = now()
           FROM found f
          WHERE s.id = f.id AND NOT f.ended AND f.timeout IS NULL AND f.stale
       )
       SELECT ended, end_reason, timeout, ms_left, user_id, roles FROM found`,
      [sessionId, userId],
    );
    if (!row) throw AccountsError.sessionEnded();
    if (row.ended) throw this.endedError(row.end_reason);
    if (row.timeout) {
      await this.end(sessionId, row.timeout);
      throw this.endedError(row.timeout);
    }
    const roles = Object.freeze([...row.roles]) as Role[];
    // Timeouts send no notification: the entry must not outlive the session.
    cache.put(sessionId, { userId: row.user_id, roles }, generation, row.ms_left);
    return { id: row.user_id, roles };
  }

  /** The caller's open sessions, most recently used first; never anyone else's. */
  async mySessions(caller: AuthUser): Promise<SessionModel[]> {
    const sessions = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId: caller.id })
      .andWhere(this.lifetime.openSql('s'))
      .orderBy('s.last_used_at', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .limit(MAX_OPEN_SESSIONS)
      .getMany();
    return sessions.map((session) =>
      toSessionModel(
        session,
        new Date(session.createdAt.getTime() + this.lifetime.absoluteSeconds * 1000),
        caller.sessionId,
      ),
    );
  }

  /** Ends every open session of the caller's, this one included. Returns how many ended. */
  async logOutEverywhere(caller: AuthUser): Promise<number> {
    const ended = await this.endOpenSessions(
      this.dataSource.manager,
      caller.id,
      null,
      SessionEndReason.LOGGED_OUT_EVERYWHERE,
    );
    this.forget(ended);
    return ended.length;
  }

  /**
   * Ends the person's open sessions but `keepSessionId` (all of them when null), inside
   * `manager`'s transaction; hand the ids to `forget` once it commits.
   */
  async endOpenSessions(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null,
    reason: SessionEndReason,
  ): Promise<string[]> {
    const ended = await records<{ id: string }>(
      manager,
      `UPDATE sessions s SET ended_at = now(), end_reason = $2
        WHERE s.user_id = $1 AND s.id IS DISTINCT FROM $3 AND ${this.lifetime.openSql('s')}
        RETURNING s.id`,
      [userId, reason, keepSessionId],
    );
    return ended.map((row) => row.id);
  }

  /** Whether the session is open, read inside `manager`'s transaction. */
  async isOpen(manager: EntityManager, sessionId: string): Promise<boolean> {
    const rows = await records<{ id: string }>(
      manager,
      `SELECT s.id FROM sessions s WHERE s.id = $1 AND ${this.lifetime.openSql('s')}`,
      [sessionId],
    );
    return rows.length > 0;
  }

  /**
   * Refuses ended sessions on this process at once (call after the ending commits); other
   * processes hear of them from the sessions trigger.
   */
  forget(sessionIds: readonly string[]): void {
    for (const id of sessionIds) this.activeSessions.cache.forget(id);
  }

  /** The error for presenting a session that ended for `reason`. */
  private endedError(reason: SessionEndReason | null): AccountsError {
    if (reason === SessionEndReason.IDLE_TIMEOUT || reason === SessionEndReason.ABSOLUTE_TIMEOUT) {
      return AccountsError.sessionExpired(reason, this.lifetime.limitOf(reason));
    }
    return AccountsError.sessionEnded(reason);
  }

  private async end(sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ endedAt: () => 'now()', endReason: reason })
      .where('id = :sessionId AND ended_at IS NULL', { sessionId })
      .execute();
    this.forget([sessionId]);
    return (result.affected ?? 0) > 0;
  }

  /** A new refresh token for the session, good until the session's absolute timeout. */
  private async issueToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at)
       SELECT s.id, $2, ${this.lifetime.absoluteEndSql('s')} FROM sessions s WHERE s.id = $1`,
      [sessionId, hashToken(token)],
    );
    return token;
  }
}
