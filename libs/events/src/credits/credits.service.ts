import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError, runTransaction } from '@preceptor/core';
import { CredentialsService } from '@preceptor/profiles';
import { DataSource } from 'typeorm';
import { CreditEntryEntity } from '../entities/credit-entry.entity.js';
import { RsvpStatus } from '../event-enums.js';
import { lockManagedEvent } from '../event-locks.js';
import { viewerOf } from '../event-views.service.js';
import { EventsError } from '../events.errors.js';
import {
  attendanceIds,
  attendanceRefusal,
  LISTED_IDS,
  planAttendance,
} from './attendance-rules.js';
import {
  MAX_LEDGER_ENTRIES,
  type CreditEntryModel,
  type CreditLedgerModel,
} from './credit-ledger.models.js';
import { creditsCsv } from './credits-csv.js';
import { recordCredits } from './record-credits.js';
import { completedOn, creditTotals, periodProblems, type CreditPeriod } from './ledger-rules.js';

function toEntryModel(entry: CreditEntryEntity): CreditEntryModel {
  return {
    id: entry.id,
    type: entry.type,
    hours: entry.hours,
    accreditor: entry.accreditor,
    activityId: entry.activityId,
    providerNumber: entry.providerNumber,
    provider: entry.providerName,
    eventId: entry.eventId,
    eventTitle: entry.title,
    completedAt: entry.completedAt,
    completedOn: completedOn(entry),
  };
}

/** Attendance and the continuing-education record it writes. */
@Injectable()
export class CreditsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
  ) {}

  /**
   * Turns the listed people's GOING RSVPs into ATTENDED and records the event's credit offers
   * in their ledgers, all in one transaction under the event's row lock (as RSVPs take it).
   * Returns how many RSVPs changed: people already attended count 0, so a repeated call
   * returns 0 and writes nothing. Anyone in the list who is not going refuses the whole call.
   */
  async markAttendance(
    caller: AuthUser,
    eventId: string,
    userIds: readonly string[],
  ): Promise<number> {
    const checked = attendanceIds(userIds);
    if (checked.problems.length > 0) throw CommonError.invalidInput(checked.problems);
    const viewer = viewerOf(caller);
    return runTransaction(this.dataSource, async (manager) => {
      const event = await lockManagedEvent(manager, eventId, viewer);
      const now = new Date();
      const refusal = attendanceRefusal(event, now);
      switch (refusal) {
        case null:
          break;
        case 'NOT_PUBLISHED':
          throw EventsError.notPublished();
        case 'CANCELLED':
          throw EventsError.cancelled('attendance cannot be recorded');
        case 'NOT_STARTED':
          throw EventsError.notStarted(event.startsAt);
      }
      const rows = await manager.query<{ user_id: string; status: RsvpStatus }[]>(
        `SELECT user_id, status FROM rsvps WHERE event_id = $1 AND user_id = ANY ($2::uuid[])`,
        [event.id, checked.ids],
      );
      const plan = planAttendance(
        checked.ids,
        new Map(rows.map((row) => [row.user_id, row.status])),
      );
      if (plan.notGoing.length > 0) {
        throw EventsError.notGoing(plan.notGoing.length, plan.notGoing.slice(0, LISTED_IDS));
      }
      if (plan.toMark.length === 0) return 0;
      // Seats stay taken (going_count counts ATTENDED too), so the counters do not move.
      await manager.query(
        `UPDATE rsvps SET status = $3, attended_at = $4, updated_at = $4
          WHERE event_id = $1 AND user_id = ANY ($2::uuid[]) AND status = $5`,
        [event.id, plan.toMark, RsvpStatus.ATTENDED, now, RsvpStatus.GOING],
      );
      await recordCredits(
        (text, parameters) => manager.query(text, parameters),
        event,
        plan.toMark,
      );
      return plan.toMark.length;
    });
  }

  /** The caller's ledger for the period: totals by type and the entries behind them. */
  async myCredits(caller: AuthUser, period: CreditPeriod): Promise<CreditLedgerModel> {
    const entries = await this.entriesOf(caller.id, period, 'DESC');
    return {
      from: period.from,
      to: period.to,
      totals: creditTotals(entries),
      entries: entries.slice(0, MAX_LEDGER_ENTRIES).map(toEntryModel),
      entriesTruncated: entries.length > MAX_LEDGER_ENTRIES,
    };
  }

  /** The caller's ledger for the period as CSV for state trackers (see credits-csv.ts). */
  async myCreditsCsv(caller: AuthUser, period: CreditPeriod): Promise<string> {
    const entries = await this.entriesOf(caller.id, period, 'ASC');
    const credentials = await this.credentials.credentialsOf(caller.id);
    return creditsCsv(entries, credentials.licences, credentials);
  }

  private async entriesOf(
    userId: string,
    period: CreditPeriod,
    order: 'ASC' | 'DESC',
  ): Promise<CreditEntryEntity[]> {
    const problems = periodProblems(period);
    if (problems.length > 0) throw CommonError.invalidInput(problems);
    const query = this.dataSource.manager
      .createQueryBuilder(CreditEntryEntity, 'c')
      .where('c.userId = :userId', { userId });
    if (period.from) query.andWhere('c.completedAt >= :from', { from: period.from });
    if (period.to) query.andWhere('c.completedAt < :to', { to: period.to });
    return query
      .orderBy('c.completedAt', order)
      .addOrderBy('c.eventId', order)
      .addOrderBy('c.creditPosition', 'ASC')
      .getMany();
  }
}
