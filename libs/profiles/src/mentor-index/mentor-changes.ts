import type pg from 'pg';

/** Channel of the profiles trigger: a user id per changed mentor, or RELOAD after bulk loads. */
export const MENTOR_CHANGES_CHANNEL = 'mentor_changes';
export const MENTOR_CHANGES_RELOAD = 'reload';
/** How the mentor index's connections (its listener and its loads) appear in pg_stat_activity. */
export const MENTOR_INDEX_APPLICATION_NAME = 'preceptor-mentor-index';

/**
 * Tells every API process on this database to reload its mentor index, for writes made with
 * the per-mentor notifications switched off (bulk loads). Sent on `client`: inside a transaction
 * it is delivered at commit, and never if the transaction rolls back.
 *
 * Returns how many API processes are listening now. 0 means none is running: the next to start
 * loads every mentor anyway.
 */
export async function requestMentorIndexReload(client: pg.ClientBase): Promise<number> {
  await client.query(`NOTIFY ${MENTOR_CHANGES_CHANNEL}, '${MENTOR_CHANGES_RELOAD}'`);
  const { rows } = await client.query<{ listening: number }>(
    // One listener per process. A load reads inside a transaction under the same name, while the
    // listener waits outside one. (For another role's sessions, without the right to see their
    // details, xact_start reads as null: those are counted.)
    `SELECT count(*)::int AS listening FROM pg_stat_activity
      WHERE application_name = $1 AND datname = current_database() AND xact_start IS NULL`,
    [MENTOR_INDEX_APPLICATION_NAME],
  );
  return rows[0]?.listening ?? 0;
}
