/** Why a session ended (`sessions.end_reason`). */
export enum SessionEndReason {
  LOGGED_OUT = 'LOGGED_OUT',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  /** Unused for longer than SESSION_IDLE_TIMEOUT_SECONDS. */
  IDLE_TIMEOUT = 'IDLE_TIMEOUT',
  /** Signed in longer ago than SESSION_ABSOLUTE_TIMEOUT_SECONDS. */
  ABSOLUTE_TIMEOUT = 'ABSOLUTE_TIMEOUT',
  /** The password was changed from another session. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  LOGGED_OUT_EVERYWHERE = 'LOGGED_OUT_EVERYWHERE',
  /** The person signed in once more while holding the most open sessions allowed. */
  SESSION_LIMIT = 'SESSION_LIMIT',
}

/** The reasons that are a timeout rather than something someone did. */
export type SessionTimeout = SessionEndReason.IDLE_TIMEOUT | SessionEndReason.ABSOLUTE_TIMEOUT;
