import type { AppEnv } from '@preceptor/core';
import { SessionEndReason, type SessionTimeout } from './session-end-reason.js';

/** A session's last use is written at most once a minute (or a tenth of a short idle timeout). */
const TOUCH_EVERY_MAX_SECONDS = 60;

function seconds(value: number): string {
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`not a whole number of seconds: ${value}`);
  // Written into SQL: a validated integer from configuration, never client input.
  return `make_interval(secs => ${value})`;
}

/** "12 hours", "30 minutes", "1 second": how a person reads a configured number of seconds. */
export function describeSeconds(value: number): string {
  const [amount, unit] =
    value % 3600 === 0
      ? [value / 3600, 'hour']
      : value % 60 === 0
        ? [value / 60, 'minute']
        : [value, 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * When a session stops being open, written once: it ends when logged out (or otherwise ended),
 * SESSION_ABSOLUTE_TIMEOUT_SECONDS after sign-in however much it is used, and
 * SESSION_IDLE_TIMEOUT_SECONDS after its last use (OWASP ASVS 4.0.3 V3.3.2). The limits in force
 * apply to every session at each check rather than being stamped on it at sign-in, so shortening
 * them takes effect on open sessions at once.
 *
 * Every query that asks whether a session is open uses `openSql`; the database's clock decides.
 */
export class SessionLifetime {
  readonly absoluteSeconds: number;
  readonly idleSeconds: number;
  /** How stale `last_used_at` may get before a use writes it again. */
  readonly touchEverySeconds: number;

  constructor(
    env: Pick<AppEnv, 'SESSION_ABSOLUTE_TIMEOUT_SECONDS' | 'SESSION_IDLE_TIMEOUT_SECONDS'>,
  ) {
    this.absoluteSeconds = env.SESSION_ABSOLUTE_TIMEOUT_SECONDS;
    this.idleSeconds = env.SESSION_IDLE_TIMEOUT_SECONDS;
    this.touchEverySeconds = Math.min(TOUCH_EVERY_MAX_SECONDS, Math.floor(this.idleSeconds / 10));
  }

  /** SQL condition: the session row aliased `s` is open now. */
  openSql(s: string): string {
    return `(${s}.ended_at IS NULL
      AND ${s}.created_at > now() - ${seconds(this.absoluteSeconds)}
      AND ${s}.last_used_at > now() - ${seconds(this.idleSeconds)})`;
  }

  /** SQL expression: the timeout an unended session `s` is past ('IDLE_TIMEOUT', …) or NULL. */
  timeoutSql(s: string): string {
    return `CASE
      WHEN ${s}.created_at <= now() - ${seconds(this.absoluteSeconds)} THEN '${SessionEndReason.ABSOLUTE_TIMEOUT}'
      WHEN ${s}.last_used_at <= now() - ${seconds(this.idleSeconds)} THEN '${SessionEndReason.IDLE_TIMEOUT}'
    END`;
  }

  /** SQL expression: milliseconds until session `s` times out unless it is used. */
  msLeftSql(s: string): string {
    return `(extract(epoch FROM least(
        ${s}.created_at + ${seconds(this.absoluteSeconds)},
        ${s}.last_used_at + ${seconds(this.idleSeconds)}) - now()) * 1000)::float8`;
  }

  /** SQL condition: session `s` was last used long enough ago that this use should be written. */
  staleSql(s: string): string {
    return `${s}.last_used_at < now() - ${seconds(this.touchEverySeconds)}`;
  }

  /** SQL expression: the moment a session `s` started ends at the latest. */
  absoluteEndSql(s: string): string {
    return `${s}.created_at + ${seconds(this.absoluteSeconds)}`;
  }

  /** The configured limit a timeout refers to, as a person reads it. */
  limitOf(timeout: SessionTimeout): string {
    return describeSeconds(
      timeout === SessionEndReason.IDLE_TIMEOUT ? this.idleSeconds : this.absoluteSeconds,
    );
  }
}
