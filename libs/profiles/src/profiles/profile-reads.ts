import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PreparedReads } from '@preceptor/core';
import { DataSource } from 'typeorm';
import {
  PROFILE_COLUMNS,
  profileFromRow,
  type ProfileRecord,
  type ProfileRow,
} from './profile-row.js';

/** A mentor's row with `created_at` as PostgreSQL prints it (microseconds), for page cursors. */
export type MentorRow = ProfileRow & { cursor_created_at: string };

const BY_USER_ID = `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE user_id = $1`;
const MENTORS_BY_USER_IDS = `SELECT ${PROFILE_COLUMNS}, created_at::text AS cursor_created_at
  FROM profiles WHERE user_id = ANY($1::uuid[]) AND is_mentor`;
const MENTEES_BY_USER_IDS = `SELECT ${PROFILE_COLUMNS}
  FROM profiles WHERE user_id = ANY($1::uuid[]) AND is_mentee`;

/**
 * The profile reads of every hot path (mentor pages, matches, the caller's own profile for
 * matching and recommendations), as prepared statements: with the profiles table's many
 * indexes, PostgreSQL spent 0.9–1.4 ms planning a page's primary-key read and 0.3–0.5 ms
 * running it.
 */
@Injectable()
export class ProfileReads {
  private readonly reads: PreparedReads;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.reads = new PreparedReads(dataSource);
  }

  /** The person's profile; undefined when they have none. */
  async byUserId(userId: string): Promise<ProfileRecord | undefined> {
    const [row] = await this.reads.query<ProfileRow>(BY_USER_ID, [userId]);
    return row && profileFromRow(row);
  }

  /** The mentors among `userIds`, in no particular order; people who are not mentors are left out. */
  mentorRows(userIds: readonly string[]): Promise<MentorRow[]> {
    return this.reads.query<MentorRow>(MENTORS_BY_USER_IDS, [userIds]);
  }

  /** The mentees among `userIds`, in no particular order; people who are not mentees are left out. */
  menteeRows(userIds: readonly string[]): Promise<ProfileRow[]> {
    return this.reads.query<ProfileRow>(MENTEES_BY_USER_IDS, [userIds]);
  }
}
