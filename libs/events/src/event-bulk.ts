/**
 * Events written in bulk, for loaders such as the seeder: they hand over rows and never address
 * the events tables themselves. Everything runs on the caller's connection, inside the caller's
 * transaction. The search words are derived here, by the same rule as every other write.
 */
import {
  copyBoolean,
  copyChunks,
  copyInto,
  copyLine,
  copyNumber,
  copyText,
  copyTimestamp,
  COPY_NULL,
  plainArray,
} from '@preceptor/core';
import type { GrowthArea, Track } from '@preceptor/taxonomy';
import type pg from 'pg';
import { EVENTS_TABLE } from './entities/event.entity.js';
import type { EventFormat, EventKind, EventStatus, RsvpStatus } from './event-enums.js';
import { eventSearchVector } from './event-search.js';
import type { CreditOffer } from './rules/event-rules.js';

/** One event as COPY writes it, with its credit offers. */
export interface EventCopyRow {
  id: string;
  organizerId: string;
  title: string;
  description: string;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: {
    name: string;
    address: string | null;
    city: string;
    region: string | null;
    country: string;
  } | null;
  joinUrl: string | null;
  capacity: number | null;
  specialtyIds: readonly number[];
  specialtyLineage: readonly number[];
  growthAreas: readonly GrowthArea[];
  tracks: readonly Track[];
  credits: readonly CreditOffer[];
  goingCount: number;
  waitlistCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  isSeeded: boolean;
}

const EVENT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'organizer_id',
  'title',
  'description',
  'kind',
  'format',
  'status',
  'starts_at',
  'ends_at',
  'time_zone',
  'venue_name',
  'venue_address',
  'venue_city',
  'venue_region',
  'venue_country',
  'join_url',
  'capacity',
  'specialty_ids',
  'specialty_lineage',
  'growth_areas',
  'tracks',
  'search_words',
  'sequence',
  'going_count',
  'waitlist_count',
  'published_at',
  'is_seeded',
];

const CREDIT_COLUMNS = [
  'event_id',
  'position',
  'type',
  'hours',
  'accreditor',
  'activity_id',
  'provider_number',
];

function eventLine(row: EventCopyRow): string {
  return copyLine([
    row.id,
    copyTimestamp(row.createdAt),
    copyTimestamp(row.createdAt),
    row.organizerId,
    copyText(row.title),
    copyText(row.description),
    row.kind,
    row.format,
    row.status,
    copyTimestamp(row.startsAt),
    copyTimestamp(row.endsAt),
    copyText(row.timeZone),
    copyText(row.venue?.name ?? null),
    copyText(row.venue?.address ?? null),
    copyText(row.venue?.city ?? null),
    copyText(row.venue?.region ?? null),
    copyText(row.venue?.country ?? null),
    copyText(row.joinUrl),
    copyNumber(row.capacity),
    plainArray(row.specialtyIds),
    plainArray(row.specialtyLineage),
    plainArray(row.growthAreas),
    plainArray(row.tracks),
    copyText(eventSearchVector(row.title, row.description)),
    '0',
    String(row.goingCount),
    String(row.waitlistCount),
    row.publishedAt === null ? COPY_NULL : copyTimestamp(row.publishedAt),
    copyBoolean(row.isSeeded),
  ]);
}

/**
 * Writes the events with one COPY, then their credit offers with another; `onRows` hears how
 * many events were handed to the database so far. The tables' constraints hold as for any write.
 */
export async function copyEvents(
  client: pg.ClientBase,
  rows: Iterable<EventCopyRow>,
  onRows?: (rows: number) => void,
): Promise<void> {
  const credits: string[] = [];
  function* collecting(): Generator<EventCopyRow> {
    for (const row of rows) {
      row.credits.forEach((credit, position) =>
        credits.push(
          copyLine([
            row.id,
            String(position),
            credit.type,
            String(credit.hours),
            copyText(credit.accreditor),
            copyText(credit.activityId),
            copyText(credit.providerNumber ?? null),
          ]),
        ),
      );
      yield row;
    }
  }
  await copyInto(client, EVENTS_TABLE, EVENT_COLUMNS, copyChunks(collecting(), eventLine, onRows));
  await copyInto(
    client,
    'event_credits',
    CREDIT_COLUMNS,
    copyChunks(credits, (line) => line),
  );
}

/** One RSVP as a loader writes it. */
export interface RsvpCopyRow {
  eventId: string;
  userId: string;
  status: RsvpStatus;
  waitlistPosition: number | null;
  createdAt: Date;
}

/** Writes RSVPs with one COPY; the caller keeps the events' counters in step. */
export async function copyRsvps(client: pg.ClientBase, rows: Iterable<RsvpCopyRow>): Promise<void> {
  await copyInto(
    client,
    'rsvps',
    ['event_id', 'user_id', 'status', 'waitlist_position', 'created_at', 'updated_at'],
    copyChunks(rows, (row) =>
      copyLine([
        row.eventId,
        row.userId,
        row.status,
        copyNumber(row.waitlistPosition),
        copyTimestamp(row.createdAt),
        copyTimestamp(row.createdAt),
      ]),
    ),
  );
}

/** How many events there are, and how many of them were seeded. */
export async function countEvents(
  client: pg.ClientBase,
): Promise<{ any: boolean; seeded: number }> {
  const { rows } = await client.query<{ any: boolean; seeded: number }>(
    `SELECT EXISTS (SELECT 1 FROM ${EVENTS_TABLE}) AS any,
            (SELECT count(*)::int FROM ${EVENTS_TABLE} WHERE is_seeded) AS seeded`,
  );
  return rows[0] ?? { any: false, seeded: 0 };
}
