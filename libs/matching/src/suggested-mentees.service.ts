import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import {
  PROFILE_COLUMNS,
  ProfileReads,
  profileFromRow,
  toProfileModel,
  type ProfileRecord,
  type ProfileRow,
} from '@preceptor/profiles';
import { CAREER_STAGE_LEVEL, CareerStage, SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource } from 'typeorm';
import { MATCHES_PAGE_DEFAULT, type MatchPageArgs } from './dto/matches.args.js';
import { decodeMatchCursor, encodeMatchCursor } from './match-cursor.js';
import { toMatchMentee, toMatchMentor, toScoreComponentModels } from './match-people.mapper.js';
import { MatchScoring } from './match-scoring.js';
import { MatchingError } from './matching.errors.js';
import type { MenteeMatchConnection } from './models/match.models.js';
import { menteeScans, type GoalsReach, type MenteeTier } from './retrieval/mentee-tiers.js';
import { isAfter, TopMatches, type Scored } from './retrieval/top-matches.js';
import type { MatchMentee } from './scoring/match-profiles.js';
import { matchScore, scoreMatch } from './scoring/score-match.js';

const LOAD_BATCH = 2_000;

interface RankedMentee extends Scored {
  readonly mentee: MatchMentee;
  readonly row: ProfileRecord;
}

/**
 * Mentees suggested to the signed-in mentor: the same scoring seen from the mentee's side, the
 * exact top over every mentee who could be matched to them. Mentees are not in the mentor index:
 * PostgreSQL applies the hard rules it can (a language and a meeting format in common, the
 * mentee's stage at or below the mentor's) and reads them tier by specialty proximity
 * and by how far the mentor's offers reach their ranked goals (`menteeScans`), in keyset batches;
 * the scan stops before the first whose ceiling is below the k-th score found.
 */
@Injectable()
export class SuggestedMenteesService {
  private readonly logger = new Logger(SuggestedMenteesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly scoring: MatchScoring,
    private readonly profiles: ProfileReads,
  ) {}

  async suggestedMentees(caller: AuthUser, args: MatchPageArgs): Promise<MenteeMatchConnection> {
    const first = args.first ?? MATCHES_PAGE_DEFAULT;
    const after = decodeMatchCursor(args.after);
    const mentor = toMatchMentor(await this.mentorProfile(caller));
    const options = this.scoring.options;

    const top = new TopMatches<RankedMentee>(first + 1);
    let candidatesScored = 0;
    const level = CAREER_STAGE_LEVEL[mentor.careerStage];
    const stages = Object.values(CareerStage).filter((stage) => CAREER_STAGE_LEVEL[stage] <= level);
    // A mentor with no format listed meets either way; so does a mentee.
    const formats = mentor.meetingFormats;
    // Tiers by specialty and goals reach, highest ceiling first: once the k-th score is above
    // what any mentee of the next could reach, nobody left can get in.
    const scans = menteeScans(mentor, options.graph, options.weights);
    let scansDone = 0;
    for (const { tier, previous, goals, ceiling } of scans) {
      if (top.full && ceiling < top.worst!.score) break;
      scansDone += 1;
      let lastId = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await this.dataSource.query<ProfileRow[]>(
          `SELECT ${PROFILE_COLUMNS} FROM profiles
            WHERE is_mentee AND user_id <> $1 AND user_id > $2
              AND languages::text[] && $3::text[]
              AND career_stage::text = ANY($4::text[])
              AND (cardinality($5::text[]) = 0 OR cardinality(meeting_formats) = 0
                   OR meeting_formats::text[] && $5::text[])
              AND ${inTier(tier, '$6')}
              AND ${previous ? `${inTier(previous, '$7')} IS NOT TRUE` : '$7::smallint[] IS NULL'}
              AND ${inReach(goals, '$8')}
            ORDER BY user_id LIMIT ${LOAD_BATCH}`,
          [
            caller.id,
            lastId,
            mentor.languages.map((code) => code.toLowerCase()),
            stages,
            formats,
            tier.specialtyIds,
            previous?.specialtyIds ?? null,
            mentor.offers,
          ],
        );
        for (const row of rows) {
          const profile = profileFromRow(row);
          const mentee = toMatchMentee(profile);
          candidatesScored += 1;
          const score = matchScore(mentee, mentor, options);
          if (score === null) continue;
          const candidate = { id: mentee.userId, score };
          if (!isAfter(candidate, after) || !top.admits(candidate)) continue;
          top.offer({ ...candidate, mentee, row: profile });
        }
        if (rows.length < LOAD_BATCH) break;
        lastId = rows[rows.length - 1].user_id;
      }
    }
    this.logger.debug(
      `suggestedMentees for ${caller.id}: ${candidatesScored} candidates scored in ${scansDone} of ${scans.length} scans`,
    );

    const ranked = top.sorted();
    const edges = ranked.slice(0, first).map(({ mentee, row }) => {
      const result = scoreMatch(mentee, mentor, options);
      return {
        cursor: encodeMatchCursor({ score: result.score, id: mentee.userId }),
        node: {
          // Contact details stay with their owner; the goals this suggestion rests on are shown.
          mentee: toProfileModel(row, this.catalog, caller.id, { menteeSideShown: true }),
          score: result.score,
          breakdown: toScoreComponentModels(result.breakdown),
          reasons: [...result.reasons],
          caveats: [...result.caveats],
        },
      };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: ranked.length > first,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      candidatesScored,
    };
  }

  /** The mentor's own profile, with their settings saved. */
  private async mentorProfile(caller: AuthUser): Promise<ProfileRecord> {
    const profile = await this.profiles.byUserId(caller.id);
    // Mentor settings are saved once updateMentorSettings has run: capacity is set from then on.
    if (!profile?.isMentor || profile.mentorCapacity === null) {
      throw MatchingError.mentorProfileRequired();
    }
    return profile;
  }
}

/**
 * SQL: the profile row is in `tier`, whose specialty ids are the smallint[] parameter `param`
 * (a null tier list means everyone). Written so that the mentee indexes serve it (a target id of
 * null leaves it null rather than false: negate with IS NOT TRUE).
 */
function inTier(tier: MenteeTier, param: string): string {
  if (tier.specialtyIds === null) return `(${param}::smallint[] IS NULL)`;
  const unknown = tier.unknown
    ? ' OR (cardinality(specialty_ids) = 0 AND mentee_target_specialty_id IS NULL)'
    : '';
  return `(specialty_ids && ${param}::smallint[]
    OR mentee_target_specialty_id = ANY(${param}::smallint[])${unknown})`;
}

/**
 * SQL: the profile row's ranked goals (`mentee_goals`, top first) are in `reach` of the offers
 * in the text[] parameter `param`, as `goalsReachOf` decides.
 */
function inReach(reach: GoalsReach, param: string): string {
  const top = `(mentee_goals[1]::text = ANY(${param}::text[]))`;
  const any = `(mentee_goals::text[] && ${param}::text[])`;
  switch (reach) {
    case 'TOP':
      return `(cardinality(mentee_goals) = 0 OR ${top})`;
    case 'OTHER':
      return `(${any} AND NOT ${top})`;
    case 'NONE':
      return `(cardinality(mentee_goals) > 0 AND NOT ${any})`;
  }
}
