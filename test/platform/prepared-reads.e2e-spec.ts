import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PreparedReads, sqlStateOf } from '@preceptor/core';
import { DataSource } from 'typeorm';
import { signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('PreparedReads', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let reads: PreparedReads;

  beforeAll(async () => {
    api = await startTestApp();
    dataSource = api.app.get(DataSource);
    reads = new PreparedReads(dataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  it('reads what an unprepared query reads, typed by the driver the same way', async () => {
    const { user } = await signUp(api.gql, { roles: ['MENTOR'] });
    const sql = 'SELECT id, email, roles::text[] AS roles, created_at FROM users WHERE id = $1';
    const plain = await dataSource.query<Record<string, unknown>[]>(sql, [user.id]);
    for (let i = 0; i < 8; i += 1) {
      const prepared = await reads.query<Record<string, unknown>>(sql, [user.id]);
      expect(prepared).toEqual(plain);
    }
    expect(plain[0]?.['created_at']).toBeInstanceOf(Date);
  });

  it('keeps each statement prepared on the connection that ran it', async () => {
    // Unnamed statements are never listed in pg_prepared_statements; named ones are, for the
    // connection's life, this one too once it has run there.
    const sql = `SELECT count(*)::int AS named FROM pg_prepared_statements
                  WHERE statement LIKE '%pg_prepared_statements%'`;
    for (let i = 0; i < 10; i += 1) {
      const [row] = await reads.query<{ named: number }>(sql, []);
      expect(row?.named).toBe(1);
    }
  });

  it('runs many different statements side by side, each under its own name', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        reads.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [i]),
      ),
    );
    expect(results.map(([row]) => row?.n)).toEqual(Array.from({ length: 40 }, (_, i) => 2 * i));
  });

  it('fails with the database error, SQLSTATE and all, and the pool stays usable', async () => {
    const error = await reads
      .query('SELECT $1::int AS n', ['not a number'])
      .catch((e: unknown) => e);
    expect(sqlStateOf(error)).toBe('22P02');
    await expect(reads.query('SELECT $1::int AS n', ['7'])).resolves.toEqual([{ n: 7 }]);
  });
});
