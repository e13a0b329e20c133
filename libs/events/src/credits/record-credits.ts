/**
 * Writing credit into people's records: the one statement both attendance (CreditsService) and
 * tooling (the demo seed) use, so a record is always the same copy of an event's offers.
 */

/** What runs a parameterised statement: TypeORM's `manager.query` or node-postgres' `query`. */
export type RunQuery = (text: string, parameters: unknown[]) => Promise<unknown>;

export interface AttendedEvent {
  id: string;
  title: string;
  endsAt: Date;
  timeZone: string;
  organizerId: string;
}

/**
 * Copies the event's credit offers, as they stand now, into each person's record, with the
 * organizer's name as provider and the event's end as completion. A person already holding an
 * entry for an offer keeps it (unique per person and offer).
 */
export async function recordCredits(
  run: RunQuery,
  event: AttendedEvent,
  userIds: readonly string[],
): Promise<void> {
  await run(
    `INSERT INTO credit_entries
            (user_id, event_id, credit_position, type, hours, accreditor, activity_id,
             provider_number, provider_name, title, completed_at, time_zone)
     SELECT person.id, c.event_id, c.position, c.type, c.hours, c.accreditor, c.activity_id,
            c.provider_number, organizer.full_name, $3, $4, $5
       FROM unnest($2::uuid[]) AS person(id)
      CROSS JOIN event_credits c
       JOIN users organizer ON organizer.id = $6
      WHERE c.event_id = $1
     ON CONFLICT ON CONSTRAINT uq_credit_entries_user_event_credit DO NOTHING`,
    [event.id, userIds, event.title, event.endsAt, event.timeZone, event.organizerId],
  );
}
