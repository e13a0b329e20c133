import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** Statement texts remembered with their names; beyond it, names are computed again. */
const MAX_NAMED = 1_000;

/**
 * Runs a read as a named prepared statement, so each pooled connection parses and plans it once
 * and then executes the cached plan: for a page of events at 100,000 events, planning took
 * 1.2–2 ms of the 2.3 ms PostgreSQL spent, and the cached plan runs in 0.2 ms.
 *
 * Also for a write that is one statement on its own (an RSVP's placement): it runs in its own
 * implicit transaction. Only for statements whose text comes from a bounded set written in code,
 * every value a parameter: each distinct text is kept by every connection for its life. A value
 * a partial index depends on (e.g. `status = 'PUBLISHED'`) must be in the text, not a
 * parameter, or the cached generic plan cannot use that index. Outside any transaction: it
 * takes its own connection from the pool.
 */
export class PreparedReads {
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async query<Row extends QueryResultRow>(
    sql: string,
    parameters: readonly unknown[],
  ): Promise<Row[]> {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('The database is not connected');
    const result = await pool.query<Row>({
      name: this.nameOf(sql),
      text: sql,
      values: parameters as unknown[],
    });
    return result.rows;
  }

  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (name === undefined) {
      name = `r_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      if (this.names.size >= MAX_NAMED) this.names.clear();
      this.names.set(sql, name);
    }
    return name;
  }
}
