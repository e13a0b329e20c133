import type { Role } from '../users/role.enum.js';

export interface CachedSession {
  userId: string;
  roles: Role[];
}

interface Entry extends CachedSession {
  expiresAt: number;
}

/**
 * Open sessions recently confirmed by the database, so a request need not ask again. Pure
 * bookkeeping; `ActiveSessionCache` connects it to the change feed that keeps it honest.
 *
 * An entry goes when its session ends or its user changes (`forget`, `clear`), when it is
 * older than the TTL or than what the session had left before timing out (`put`'s `maxAgeMs`:
 * timeouts send no notification), and all entries go while the cache is disabled (the feed is
 * down). A
 * lookup that started before an invalidation is never stored after it: `put` takes the
 * generation read before the lookup and drops the result if anything was invalidated since.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private on = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Read before looking a session up in the database; hand it to `put`. */
  get currentGeneration(): number {
    return this.generation;
  }

  get(sessionId: string, userId: string): CachedSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.userId === userId ? { userId: entry.userId, roles: entry.roles } : undefined;
  }

  /** `maxAgeMs`: how long the session stays open if nothing else happens to it. */
  put(sessionId: string, session: CachedSession, generation: number, maxAgeMs = Infinity): void {
    if (!this.on || this.ttlMs === 0 || generation !== this.generation || maxAgeMs <= 0) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(sessionId)) {
      // The oldest entry first (insertion order): the TTL renews them soon enough.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, {
      ...session,
      expiresAt: this.now() + Math.min(this.ttlMs, maxAgeMs),
    });
  }

  forget(sessionId: string): void {
    this.generation += 1;
    this.entries.delete(sessionId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  enable(): void {
    this.clear();
    this.on = this.ttlMs > 0;
  }

  disable(): void {
    this.on = false;
    this.clear();
  }
}
