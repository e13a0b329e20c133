import { describe, expect, it } from '@jest/globals';
import { Role } from '../users/role.enum.js';
import { SessionCache } from './session-cache.js';

const mentee = { userId: 'user-1', roles: [Role.MENTEE] };

function cacheAt(
  ttlMs = 1_000,
  maxEntries = 100,
): { cache: SessionCache; advance(ms: number): void } {
  let now = 0;
  const cache = new SessionCache(ttlMs, maxEntries, () => now);
  cache.enable();
  return { cache, advance: (ms) => (now += ms) };
}

describe('SessionCache', () => {
  it('answers from memory once a lookup is stored', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration);
    expect(cache.get('s1', 'user-1')).toEqual(mentee);
  });

  it('never answers for another user than the one the session belongs to', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration);
    expect(cache.get('s1', 'user-2')).toBeUndefined();
  });

  it('lets entries go when they are older than the TTL', () => {
    const { cache, advance } = cacheAt(1_000);
    cache.put('s1', mentee, cache.currentGeneration);
    advance(999);
    expect(cache.get('s1', 'user-1')).toEqual(mentee);
    advance(1);
    expect(cache.get('s1', 'user-1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('lets an entry go when its session times out, before the TTL', () => {
    const { cache, advance } = cacheAt(1_000);
    cache.put('s1', mentee, cache.currentGeneration, 300);
    advance(299);
    expect(cache.get('s1', 'user-1')).toEqual(mentee);
    advance(1);
    expect(cache.get('s1', 'user-1')).toBeUndefined();
  });

  it('stores nothing for a session with no time left', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration, 0);
    expect(cache.size).toBe(0);
  });

  it('forgets an ended session and keeps the others', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration);
    cache.put('s2', mentee, cache.currentGeneration);
    cache.forget('s1');
    expect(cache.get('s1', 'user-1')).toBeUndefined();
    expect(cache.get('s2', 'user-1')).toEqual(mentee);
  });

  it('drops a lookup that started before an invalidation', () => {
    const { cache } = cacheAt();
    const before = cache.currentGeneration;
    // The session ends (here or elsewhere) while the database is being asked.
    cache.forget('s1');
    cache.put('s1', mentee, before);
    expect(cache.get('s1', 'user-1')).toBeUndefined();
    cache.put('s1', mentee, cache.currentGeneration);
    expect(cache.get('s1', 'user-1')).toEqual(mentee);
  });

  it('forgets everything on clear, and lookups in flight with it', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration);
    const inFlight = cache.currentGeneration;
    cache.clear();
    cache.put('s2', mentee, inFlight);
    expect(cache.size).toBe(0);
  });

  it('stores nothing while disabled, and starts empty when enabled again', () => {
    const { cache } = cacheAt();
    cache.put('s1', mentee, cache.currentGeneration);
    cache.disable();
    expect(cache.enabled).toBe(false);
    expect(cache.get('s1', 'user-1')).toBeUndefined();
    cache.put('s2', mentee, cache.currentGeneration);
    expect(cache.size).toBe(0);
    cache.enable();
    expect(cache.get('s2', 'user-1')).toBeUndefined();
    cache.put('s2', mentee, cache.currentGeneration);
    expect(cache.get('s2', 'user-1')).toEqual(mentee);
  });

  it('stays off with a TTL of 0', () => {
    const { cache } = cacheAt(0);
    expect(cache.enabled).toBe(false);
    cache.put('s1', mentee, cache.currentGeneration);
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, letting the oldest go first', () => {
    const { cache } = cacheAt(1_000, 2);
    for (const id of ['s1', 's2', 's3']) cache.put(id, mentee, cache.currentGeneration);
    expect(cache.size).toBe(2);
    expect(cache.get('s1', 'user-1')).toBeUndefined();
    expect(cache.get('s3', 'user-1')).toEqual(mentee);
  });
});
