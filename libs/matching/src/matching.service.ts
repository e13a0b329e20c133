import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuthUser } from '@preceptor/accounts';
import {
  CAREER_STAGES,
  GROWTH_AREAS,
  MENTOR_CARD_SPECIALTIES,
  MentorIndexService,
  TRACKS,
  ProfileReads,
  SlotSet,
  profileFromRow,
  resolveMentorFilter,
  toProfileModel,
  type ProfileRecord,
} from '@preceptor/profiles';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { MATCHES_PAGE_DEFAULT, type MatchesArgs } from './dto/matches.args.js';
import { decodeMatchCursor, encodeMatchCursor } from './match-cursor.js';
import { toMatchMentee, toMatchMentor, toScoreComponentModels } from './match-people.mapper.js';
import { MatchScoring } from './match-scoring.js';
import { MatchingError } from './matching.errors.js';
import type { MatchConnection, MatchModel } from './models/match.models.js';
import { hardRuleFacets } from './retrieval/hard-rule-facets.js';
import { TopMatchRetrieval } from './retrieval/retrieve-top-matches.js';
import type { SpecialtySet } from './retrieval/specialty-rings.js';
import type { MatchMentee, MatchMentor } from './scoring/match-profiles.js';
import { scoreMatch } from './scoring/score-match.js';

/**
 * Matches for the signed-in mentee: the exact top of scoring every eligible mentor. The mentor
 * index finds the candidates (the caller's filter plus the hard rules that are facets), tier by
 * specialty proximity; their rows are read in batches and scored, and the scan stops when no
 * mentor left can beat the page. Only the returned page is explained in full.
 */
/** Mentors' weeks built per turn of the event loop at start-up (a few milliseconds each). */
const WEEK_WARM_CHUNK = 16_384;

@Injectable()
export class MatchingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingService.name);
  private readonly retrieval = new TopMatchRetrieval();
  /**
   * The mentors the filter and hard rules allow, and the current tier's among them (retrievals
   * run one at a time, synchronously).
   */
  private readonly allowed = new SlotSet();
  private readonly tier = new SlotSet();

  constructor(
    private readonly catalog: SpecialtyCatalog,
    private readonly mentorIndex: MentorIndexService,
    private readonly scoring: MatchScoring,
    private readonly profiles: ProfileReads,
  ) {}

  /**
   * Builds every mentor's week grid once the mentor index is loaded (the index's module starts
   * first), before the API takes requests, a chunk at a time so the change feeds keep up: else
   * the first requests after start-up would build the weeks of the candidates they reach (at a
   * million mentors, thousands each). Mentors who change later are rebuilt when next reached.
   */
  async onApplicationBootstrap(): Promise<void> {
    const started = performance.now();
    let from = 0;
    let slots: number;
    do {
      slots = this.mentorIndex.scan((scan) => {
        this.retrieval.warmWeeks(
          { slotCount: scan.slotCount, facts: scan.cards, week: (slot) => scan.cards.week(slot) },
          from,
          from + WEEK_WARM_CHUNK,
          this.scoring.options.referenceDate,
        );
        return scan.slotCount;
      });
      from += WEEK_WARM_CHUNK;
      await nextTurn();
    } while (from < slots);
    this.logger.log(
      `Built ${slots} mentors' weeks in ${Math.round(performance.now() - started)} ms`,
    );
  }

  async matches(caller: AuthUser, args: MatchesArgs): Promise<MatchConnection> {
    const first = args.first ?? MATCHES_PAGE_DEFAULT;
    const after = decodeMatchCursor(args.after);
    const request = resolveMentorFilter(args.filter, this.catalog);
    const menteeProfile = await this.menteeProfile(caller);
    const mentee = toMatchMentee(menteeProfile);
    const hard = hardRuleFacets(mentee);

    const started = performance.now();
    let tierSpecialties: SpecialtySet | null | undefined;
    let allowedFound: boolean | undefined;
    let tier = this.tier;
    let tierFound = false;
    const found = this.mentorIndex.scan((scan) =>
      this.retrieval.retrieve(
        mentee,
        {
          slotCount: scan.slotCount,
          facts: {
            tracks: TRACKS,
            track: scan.cards.track,
            stages: CAREER_STAGES,
            stage: scan.cards.stage,
            offerAreas: GROWTH_AREAS,
            offers: scan.cards.offers,
            specialties: scan.cards.specialties,
            specialtiesPerSlot: MENTOR_CARD_SPECIALTIES,
            formats: scan.cards.formats,
            country: scan.cards.country,
            region: scan.cards.region,
            place: (slot) => scan.cards.place(slot),
            capacity: scan.cards.capacity,
            activeMenteeCount: scan.cards.active,
            stamp: scan.cards.stamp,
          },
          forEachCandidate: (specialties, conditions, visit) => {
            // The filter and hard rules hold for every tier: selected once. A tier's passes
            // share its set (those, and its specialties): narrowed once.
            if (specialties !== tierSpecialties) {
              tierSpecialties = specialties;
              allowedFound ??= scan.select(request, [hard], this.allowed);
              tier = specialties === null ? this.allowed : this.tier;
              tierFound =
                allowedFound &&
                (specialties === null ||
                  scan.narrow(
                    this.allowed,
                    { specialty: specialties.lineageIds, chosen: specialties.chosenIds },
                    this.tier,
                  ));
            }
            if (!tierFound) return;
            scan.forEachWithin(
              tier,
              [
                { stage: conditions.stages, track: conditions.tracks },
                ...(conditions.offersAnyOf ?? []).map((goals) => ({ offer: goals })),
              ],
              visit,
            );
          },
          mentor: (slot) => scan.card(slot),
          week: (slot) => scan.cards.week(slot),
          userId: (slot) => scan.userIdOf(slot),
        },
        {
          ...this.scoring.options,
          limit: first + 1,
          after,
          exhaustive: this.scoring.exhaustive,
        },
      ),
    );
    this.logger.debug(
      `matches for ${caller.id}: ${found.candidatesScored} of ${found.candidatesSeen} candidates scored in ${found.tiersScanned} of ${found.tiers} tiers, ${(performance.now() - started).toFixed(1)} ms`,
    );

    const page = found.matches.slice(0, first);
    const profiles = await this.profilesOf(page.map(({ id }) => id));
    const edges = page.flatMap(({ id, score, mentor }) => {
      const profile = profiles.get(id);
      // Gone since the scan (no longer a mentor, or deleted): left out of this page.
      if (!profile) return [];
      const node = this.explain(mentee, mentor, profile, caller.id);
      return [{ cursor: encodeMatchCursor({ score, id }), node }];
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: found.matches.length > first,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      candidatesScored: found.candidatesScored,
    };
  }

  /** Why one mentor scores what they do for the caller, eligible or not. */
  async matchScore(caller: AuthUser, mentorId: string): Promise<MatchModel> {
    const mentee = toMatchMentee(await this.menteeProfile(caller));
    const [row] = await this.profiles.mentorRows([mentorId]);
    if (!row) throw MatchingError.mentorNotFound();
    return this.toMatchModel(mentee, profileFromRow(row), caller.id);
  }

  private toMatchModel(mentee: MatchMentee, mentor: ProfileRecord, viewerId: string): MatchModel {
    return this.explain(mentee, toMatchMentor(mentor), mentor, viewerId);
  }

  private explain(
    mentee: MatchMentee,
    mentor: MatchMentor,
    profile: ProfileRecord,
    viewerId: string,
  ): MatchModel {
    const result = scoreMatch(mentee, mentor, this.scoring.options);
    return {
      mentor: toProfileModel(profile, this.catalog, viewerId),
      score: result.score,
      breakdown: toScoreComponentModels(result.breakdown),
      reasons: [...result.reasons],
      caveats: [...result.caveats],
      eligible: result.eligible,
      exclusions: [...result.exclusions],
    };
  }

  private async menteeProfile(caller: AuthUser): Promise<ProfileRecord> {
    const profile = await this.profiles.byUserId(caller.id);
    if (!profile?.isMentee || profile.menteeGoals.length === 0) {
      throw MatchingError.menteeProfileRequired();
    }
    return profile;
  }

  /** The profiles of a page of mentors, by user id. */
  private async profilesOf(ids: readonly string[]): Promise<Map<string, ProfileRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.profiles.mentorRows(ids);
    return new Map(rows.map((row) => [row.user_id, profileFromRow(row)]));
  }
}
