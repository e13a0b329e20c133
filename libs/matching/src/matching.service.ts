import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import {
  DEFAULT_MENTOR_CAPACITY,
  MentorIndexService,
  PROFILE_COLUMNS,
  profileFromRow,
  resolveMentorFilter,
  toProfileModel,
  type ProfileRecord,
  type ProfileRow,
} from '@preceptor/profiles';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource } from 'typeorm';
import { MATCHES_PAGE_DEFAULT, type MatchesArgs } from './dto/matches.args.js';
import { decodeMatchCursor, encodeMatchCursor } from './match-cursor.js';
import { toMatchMentee, toMatchMentor, toScoreComponentModels } from './match-people.mapper.js';
import { MatchScoring } from './match-scoring.js';
import { MatchingError } from './matching.errors.js';
import type { MatchConnection, MatchModel } from './models/match.models.js';
import { hardRuleFacets } from './retrieval/hard-rule-facets.js';
import {
  retrieveTopMatches,
  type CandidateTier,
  type LoadedMentor,
} from './retrieval/retrieve-top-matches.js';
import { specialtyTiers } from './retrieval/specialty-tiers.js';
import type { MatchMentee } from './scoring/match-profiles.js';
import { scoreMatch } from './scoring/score-match.js';

/** Mentor rows read per query while scanning candidates. */
const LOAD_BATCH = 2_000;

/**
 * Matches for the signed-in mentee: the exact top of scoring every eligible mentor. The mentor
 * index finds the candidates (the caller's filter plus the hard rules that are facets), tier by
 * specialty proximity; their rows are read in batches and scored, and the scan stops when no
 * mentor left can beat the page. Only the returned page is explained in full.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly mentorIndex: MentorIndexService,
    private readonly scoring: MatchScoring,
  ) {}

  async matches(caller: AuthUser, args: MatchesArgs): Promise<MatchConnection> {
    const first = args.first ?? MATCHES_PAGE_DEFAULT;
    const after = decodeMatchCursor(args.after);
    const request = resolveMentorFilter(args.filter, this.catalog);
    const menteeProfile = await this.menteeProfile(caller);
    const mentee = toMatchMentee(menteeProfile);
    const options = this.scoring.options;

    const hard = hardRuleFacets(mentee);
    const tiers: CandidateTier[] = specialtyTiers(mentee, options.graph).map(
      ({ specialty, lineageIds }) => ({
        specialty,
        ids: () =>
          this.mentorIndex.matchingIds(
            request,
            hard,
            ...(lineageIds === null ? [] : [{ specialty: lineageIds }]),
          ),
      }),
    );
    const started = performance.now();
    const found = await retrieveTopMatches(
      mentee,
      tiers,
      (ids) => this.loadMentors(ids, caller.id),
      {
        ...options,
        limit: first + 1,
        after,
        batchSize: LOAD_BATCH,
      },
    );
    this.logger.debug(
      `matches for ${caller.id}: ${found.candidatesScored} candidates scored in ${found.tiersScanned} of ${tiers.length} tiers, ${Math.round(performance.now() - started)} ms`,
    );

    const edges = found.matches.slice(0, first).map(({ mentor, row }) => {
      const node = this.toMatchModel(mentee, row, caller.id);
      return { cursor: encodeMatchCursor({ score: node.score, id: mentor.userId }), node };
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
    const rows = await this.dataSource.query<ProfileRow[]>(
      `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE user_id = $1 AND is_mentor`,
      [mentorId],
    );
    if (rows.length === 0) throw MatchingError.mentorNotFound();
    return this.toMatchModel(mentee, profileFromRow(rows[0]), caller.id);
  }

  private toMatchModel(mentee: MatchMentee, mentor: ProfileRecord, viewerId: string): MatchModel {
    const result = scoreMatch(mentee, toMatchMentor(mentor), this.scoring.options);
    return {
      mentor: toProfileModel(mentor, this.catalog, viewerId),
      score: result.score,
      breakdown: toScoreComponentModels(result.breakdown),
      reasons: [...result.reasons],
      caveats: [...result.caveats],
      eligible: result.eligible,
      exclusions: [...result.exclusions],
    };
  }

  private async menteeProfile(caller: AuthUser): Promise<ProfileRecord> {
    const rows = await this.dataSource.query<ProfileRow[]>(
      `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE user_id = $1`,
      [caller.id],
    );
    const profile = rows[0] ? profileFromRow(rows[0]) : undefined;
    if (!profile?.isMentee || profile.menteeGoals.length === 0) {
      throw MatchingError.menteeProfileRequired();
    }
    return profile;
  }

  /** Candidate mentors' rows, without the caller and mentors with no places left. */
  private async loadMentors(
    ids: readonly string[],
    callerId: string,
  ): Promise<LoadedMentor<ProfileRecord>[]> {
    const rows = await this.dataSource.query<ProfileRow[]>(
      `SELECT ${PROFILE_COLUMNS} FROM profiles
        WHERE user_id = ANY($1::uuid[]) AND is_mentor AND user_id <> $2
          AND mentor_active_mentee_count < coalesce(mentor_capacity, ${DEFAULT_MENTOR_CAPACITY})`,
      [ids, callerId],
    );
    return rows.map((row) => {
      const profile = profileFromRow(row);
      return { mentor: toMatchMentor(profile), row: profile };
    });
  }
}
