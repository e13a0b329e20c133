import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '@preceptor/accounts';
import {
  ProfileReads,
  profileFromRow,
  toProfileModel,
  type ProfileRecord,
} from '@preceptor/profiles';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { MATCHES_PAGE_DEFAULT, type MatchPageArgs } from './dto/matches.args.js';
import { decodeMatchCursor, encodeMatchCursor } from './match-cursor.js';
import { toMatchMentee, toMatchMentor, toScoreComponentModels } from './match-people.mapper.js';
import { MatchScoring } from './match-scoring.js';
import { MatchingError } from './matching.errors.js';
import { MenteeIndexService } from './mentee-index/mentee-index.service.js';
import type { MenteeFacts } from './mentee-index/mentee-facts.js';
import type { MenteeMatchConnection } from './models/match.models.js';
import { retrieveTopMentees, type LoadedMentee } from './retrieval/top-mentees.js';
import type { MatchMentee } from './scoring/match-profiles.js';
import { scoreMatch } from './scoring/score-match.js';

interface MenteeWithProfile extends LoadedMentee {
  readonly mentee: MatchMentee;
  readonly profile: ProfileRecord;
}

/**
 * Mentees suggested to the signed-in mentor: the same scoring seen from the mentee's side, the
 * exact top over every mentee who could be matched to them. The mentee index bounds every
 * mentee from their facts (hard rules included); the rows of those who can still reach the page
 * are read, best bound first, and scored in full (`retrieveTopMentees`).
 */
@Injectable()
export class SuggestedMenteesService {
  private readonly logger = new Logger(SuggestedMenteesService.name);

  constructor(
    private readonly catalog: SpecialtyCatalog,
    private readonly scoring: MatchScoring,
    private readonly profiles: ProfileReads,
    private readonly mentees: MenteeIndexService,
  ) {}

  async suggestedMentees(caller: AuthUser, args: MatchPageArgs): Promise<MenteeMatchConnection> {
    const first = args.first ?? MATCHES_PAGE_DEFAULT;
    const after = decodeMatchCursor(args.after);
    const mentor = toMatchMentor(await this.mentorProfile(caller));
    const options = this.scoring.options;
    const started = performance.now();
    // The same facts for the whole request (a reload swaps in new ones and leaves these be). A
    // mentee changed meanwhile is scored as their row is now, and one gone is left out.
    const facts = this.mentees.facts;
    const found = await retrieveTopMentees(mentor, facts, (slots) => this.load(facts, slots), {
      ...options,
      limit: first + 1,
      after,
    });
    this.logger.debug(
      `suggestedMentees for ${caller.id}: ${found.candidatesScored} of ${found.candidatesBounded} candidates scored, ${(performance.now() - started).toFixed(1)} ms`,
    );

    const ranked = found.ranked;
    const edges = ranked.slice(0, first).map(({ loaded: { mentee, profile } }) => {
      const result = scoreMatch(mentee, mentor, options);
      return {
        cursor: encodeMatchCursor({ score: result.score, id: mentee.userId }),
        node: {
          // Contact details stay with their owner; the goals this suggestion rests on are shown.
          mentee: toProfileModel(profile, this.catalog, caller.id, { menteeSideShown: true }),
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
      candidatesScored: found.candidatesScored,
    };
  }

  /** The mentee rows of these slots, by slot; those no longer mentees are left out. */
  private async load(
    facts: MenteeFacts,
    slots: readonly number[],
  ): Promise<Map<number, MenteeWithProfile>> {
    const slotOf = new Map(slots.map((slot) => [facts.userIdOf(slot), slot]));
    const rows = await this.profiles.menteeRows([...slotOf.keys()]);
    const loaded = new Map<number, MenteeWithProfile>();
    for (const row of rows) {
      const profile = profileFromRow(row);
      loaded.set(slotOf.get(row.user_id)!, { mentee: toMatchMentee(profile), profile });
    }
    return loaded;
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
