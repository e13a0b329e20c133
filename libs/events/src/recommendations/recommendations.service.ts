import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import {
  MatchingError,
  specialtyTiers,
  SpecialtyGraph,
  toMatchMentee,
  type SpecialtyProximity,
  type SpecialtyTier,
} from '@preceptor/matching';
import { ProfileReads } from '@preceptor/profiles';
import { SpecialtyCatalog, type GrowthArea, type Track } from '@preceptor/taxonomy';
import { DataSource, In } from 'typeorm';
import { RECOMMENDED_EVENTS_DEFAULT } from '../dto/events.args.js';
import { EventEntity } from '../entities/event.entity.js';
import { EventFormat, EventStatus, RsvpStatus, type CreditType } from '../event-enums.js';
import { EventViews, viewerOf } from '../event-views.service.js';
import type { EventRecommendationModel } from '../models/event.models.js';
import { SEAT_HOLDING_STATUSES } from '../rules/event-access.js';
import { recommendEvents, type EventSeeker, type RecommendableEvent } from './score-event.js';

/**
 * How many upcoming events each candidate query reads at most, soonest first. Reading the
 * candidates is most of a request (scoring one costs microseconds), so this bounds the work
 * whatever the table holds (docs/events.md has the figure at 100,000 events).
 */
export const CANDIDATES_PER_QUERY = 500;

/** An RSVP that already answers the event: recommending it again would be noise. */
const ANSWERED: readonly RsvpStatus[] = [...SEAT_HOLDING_STATUSES, RsvpStatus.WAITLISTED];

interface CandidateRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  format: EventFormat;
  venue_city: string | null;
  venue_region: string | null;
  venue_country: string | null;
  specialty_ids: number[];
  growth_areas: GrowthArea[];
  tracks: Track[];
  credit_types: CreditType[];
}

/**
 * Lineage ids whose overlap holds every event of this proximity class or closer (matching's
 * tiers); null when the person has no specialty.
 */
function tierIds(tiers: readonly SpecialtyTier[], proximity: SpecialtyProximity): number[] | null {
  const ids = tiers.find((tier) => tier.specialty === proximity)?.lineageIds;
  return ids ? [...ids] : null;
}

/**
 * Upcoming events for the signed-in person, best first (score, then start, then id).
 *
 * Candidates come from PostgreSQL in two bounded queries over published events not yet
 * started, within reach (online, or in person in the person's country), not organized by the
 * person and not already answered (GOING, WAITLISTED or ATTENDED):
 * 1. the soonest CANDIDATES_PER_QUERY in the person's specialties, their parents and children
 *    (matching's PARENT_OR_CHILD tier), so a close event months ahead is not crowded out;
 * 2. the soonest CANDIDATES_PER_QUERY that are nearby in the taxonomy (the NEARBY tier), or serve
 *    one of the person's goals, or are for the person's track.
 * Both use the partial indexes on published events (start order; the GIN over lineage, growth
 * areas and tracks). The union is scored by the pure `recommendEvents`; only the page returned
 * is loaded in full.
 */
@Injectable()
export class EventRecommendationsService {
  private readonly logger = new Logger(EventRecommendationsService.name);
  private graph: SpecialtyGraph | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly views: EventViews,
    private readonly profiles: ProfileReads,
  ) {}

  async recommended(
    caller: AuthUser,
    first?: number | null,
    now: Date = new Date(),
  ): Promise<EventRecommendationModel[]> {
    const seeker = await this.seeker(caller);
    // Built from the catalog on first use (the catalog loads as its module starts).
    this.graph ??= SpecialtyGraph.fromCatalog(this.catalog.specialtyRows());
    const started = performance.now();
    const candidates = await this.candidates(caller.id, seeker, this.graph, now);
    const read = performance.now();
    const ranked = recommendEvents(
      seeker,
      candidates,
      this.graph,
      first ?? RECOMMENDED_EVENTS_DEFAULT,
    );
    this.logger.debug(
      `recommendedEvents for ${caller.id}: ${candidates.length} candidates read in ${(read - started).toFixed(1)} ms, scored in ${(performance.now() - read).toFixed(1)} ms`,
    );
    if (ranked.length === 0) return [];

    const rows = await this.dataSource.manager.findBy(EventEntity, {
      id: In(ranked.map((result) => result.eventId)),
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A row gone since the candidate query (deleted) is left out of the answer.
    const kept = ranked.filter((result) => byId.has(result.eventId));
    const models = await this.views.models(
      kept.map((result) => byId.get(result.eventId)!),
      viewerOf(caller),
    );
    return kept.map((result, index) => ({
      event: models[index],
      score: result.score,
      reasons: [...result.reasons],
      breakdown: result.breakdown.map((line) => ({ ...line })),
    }));
  }

  private async seeker(caller: AuthUser): Promise<EventSeeker> {
    const profile = await this.profiles.byUserId(caller.id);
    if (!profile) throw MatchingError.profileRequired('Recommended events');
    return toMatchMentee(profile);
  }

  private async candidates(
    callerId: string,
    seeker: EventSeeker,
    graph: SpecialtyGraph,
    now: Date,
  ): Promise<RecommendableEvent[]> {
    const tiers = specialtyTiers(seeker, graph);
    const close = tierIds(tiers, 'PARENT_OR_CHILD');
    const nearby = tierIds(tiers, 'NEARBY');
    const batches: CandidateRow[][] = [];
    // One after another: a request holds one pooled connection at a time.
    if (close !== null) {
      batches.push(
        await this.candidateRows(callerId, seeker, now, 'e.specialty_lineage && $5::smallint[]', [
          close,
        ]),
      );
    }
    // Without a specialty there is no tier (null): an empty overlap matches nothing.
    const wide =
      'e.specialty_lineage && $5::smallint[] OR e.growth_areas && $6::growth_area[] OR e.tracks && $7::track[]';
    batches.push(
      await this.candidateRows(callerId, seeker, now, wide, [
        nearby ?? [],
        [...seeker.goals],
        [seeker.track],
      ]),
    );
    const rows = new Map(batches.flat().map((row) => [row.id, row]));
    return [...rows.values()].map((row) => ({
      id: row.id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      format: row.format,
      venueCity: row.venue_city,
      venueRegion: row.venue_region,
      venueCountry: row.venue_country,
      specialtyIds: row.specialty_ids,
      growthAreas: row.growth_areas,
      tracks: row.tracks,
      creditTypes: row.credit_types,
    }));
  }

  /** The soonest CANDIDATES_PER_QUERY events within reach matching `relevant` ($5 onwards). */
  private candidateRows(
    callerId: string,
    seeker: EventSeeker,
    now: Date,
    relevant: string,
    relevantParameters: unknown[],
  ): Promise<CandidateRow[]> {
    return this.dataSource.query<CandidateRow[]>(
      `SELECT e.id, e.starts_at, e.ends_at, e.format, e.venue_city, e.venue_region,
              e.venue_country, e.specialty_ids, e.growth_areas::text[] AS growth_areas,
              e.tracks::text[] AS tracks,
              ARRAY(SELECT c.type::text FROM event_credits c WHERE c.event_id = e.id) AS credit_types
         FROM events e
        WHERE e.status = '${EventStatus.PUBLISHED}'
          AND e.starts_at > $1
          AND e.organizer_id <> $2
          AND (e.format <> '${EventFormat.IN_PERSON}' OR e.venue_country = $3)
          AND NOT EXISTS (
                SELECT 1 FROM rsvps r
                 WHERE r.event_id = e.id AND r.user_id = $2 AND r.status = ANY ($4::rsvp_status[]))
          AND (${relevant})
        ORDER BY e.starts_at, e.id
        LIMIT ${CANDIDATES_PER_QUERY}`,
      [now, callerId, seeker.country, ANSWERED, ...relevantParameters],
    );
  }
}
