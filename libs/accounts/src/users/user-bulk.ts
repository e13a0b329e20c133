/**
 * Accounts written and read in bulk, for loaders such as the seeder: they hand over rows and
 * never address the users table themselves. Everything runs on the caller's connection, inside
 * the caller's transaction.
 */
import {
  copyBoolean,
  copyChunks,
  copyInto,
  copyLine,
  copyText,
  copyTimestamp,
  plainArray,
} from '@preceptor/core';
import type pg from 'pg';
import type { Role } from './role.enum.js';
import { USERS_TABLE } from './user.entity.js';

/** One account as COPY writes it: every column given, the password already hashed. */
export interface UserCopyRow {
  id: string;
  email: string;
  fullName: string;
  passwordHash: string;
  roles: readonly Role[];
  isSeeded: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const USER_COPY_COLUMNS = [
  'id',
  'email',
  'full_name',
  'password_hash',
  'roles',
  'is_seeded',
  'created_at',
  'updated_at',
];

function userLine(row: UserCopyRow): string {
  return copyLine([
    row.id,
    copyText(row.email),
    copyText(row.fullName),
    copyText(row.passwordHash),
    plainArray(row.roles),
    copyBoolean(row.isSeeded),
    copyTimestamp(row.createdAt),
    copyTimestamp(row.updatedAt),
  ]);
}

/**
 * Writes the accounts with one COPY, streaming rows as they are produced; `onRows` hears how many
 * were handed to the database so far, chunk by chunk. Unique emails and ids are checked as usual.
 */
export async function copyUsers(
  client: pg.ClientBase,
  rows: Iterable<UserCopyRow>,
  onRows?: (rows: number) => void,
): Promise<void> {
  await copyInto(client, USERS_TABLE, USER_COPY_COLUMNS, copyChunks(rows, userLine, onRows));
}

/** Whether any account exists, and how many were not seeded (real people). */
export async function countUsers(
  client: pg.ClientBase,
): Promise<{ any: boolean; notSeeded: number }> {
  const { rows } = await client.query<{ any: boolean; not_seeded: number }>(
    `SELECT EXISTS (SELECT 1 FROM ${USERS_TABLE}) AS any,
            (SELECT count(*)::int FROM ${USERS_TABLE} WHERE NOT is_seeded) AS not_seeded`,
  );
  const row = rows[0];
  if (!row) throw new Error('unreachable: a SELECT without FROM returns one row');
  return { any: row.any, notSeeded: row.not_seeded };
}

/**
 * The greatest email (in text order) of a seeded account from `from` to `to`, or null: one
 * backward step along the unique email index rather than a scan.
 */
export async function lastSeededEmail(
  client: pg.ClientBase,
  from: string,
  to: string,
): Promise<string | null> {
  const { rows } = await client.query<{ email: string }>(
    `SELECT email::text AS email FROM ${USERS_TABLE}
      WHERE email BETWEEN $1 AND $2 AND is_seeded ORDER BY email DESC LIMIT 1`,
    [from, to],
  );
  return rows[0]?.email ?? null;
}
