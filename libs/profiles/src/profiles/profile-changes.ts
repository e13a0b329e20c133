import { requestFollowedTableReload, type TableFeed } from '@preceptor/core';
import type pg from 'pg';

/** Channel of the profiles trigger: a user id per changed mentor, or RELOAD after bulk loads. */
export const MENTOR_CHANGES_CHANNEL = 'mentor_changes';
export const MENTOR_CHANGES_RELOAD = 'reload';
/** How the mentor index's connections (its listener and its loads) appear in pg_stat_activity. */
export const MENTOR_INDEX_APPLICATION_NAME = 'preceptor-mentor-index';

/** Channel of the profiles trigger for mentees: a user id per changed mentee, or RELOAD. */
export const MENTEE_CHANGES_CHANNEL = 'mentee_changes';
export const MENTEE_CHANGES_RELOAD = 'reload';
/** How the mentee index's connections appear in pg_stat_activity. */
export const MENTEE_INDEX_APPLICATION_NAME = 'preceptor-mentee-index';

export const MENTOR_FEED: TableFeed = {
  channel: MENTOR_CHANGES_CHANNEL,
  reloadPayload: MENTOR_CHANGES_RELOAD,
  applicationName: MENTOR_INDEX_APPLICATION_NAME,
};
export const MENTEE_FEED: TableFeed = {
  channel: MENTEE_CHANGES_CHANNEL,
  reloadPayload: MENTEE_CHANGES_RELOAD,
  applicationName: MENTEE_INDEX_APPLICATION_NAME,
};

/**
 * Tells every API process on this database to reload its mentor and mentee indexes, for writes
 * made with the per-row notifications switched off (bulk loads). Sent on `client`: inside a
 * transaction it is delivered at commit, and never if the transaction rolls back.
 *
 * Returns how many API processes are listening now. 0 means none is running: the next to start
 * loads everyone anyway.
 */
export async function requestProfileIndexReloads(client: pg.ClientBase): Promise<number> {
  await requestFollowedTableReload(client, MENTEE_FEED);
  return requestFollowedTableReload(client, MENTOR_FEED);
}
