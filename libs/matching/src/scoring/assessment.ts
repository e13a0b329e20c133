import type { GrowthArea } from '@preceptor/taxonomy/reference';
import type { MatchMentee, MatchMentor } from './match-profiles.js';
import type { SpecialtyGraph, SpecialtyProximity } from './specialty-graph.js';

/** One eligible mentee–mentor pair and what scoring needs around it. */
export interface MatchPair {
  readonly mentee: MatchMentee;
  readonly mentor: MatchMentor;
  readonly graph: SpecialtyGraph;
  /** The instant whose UTC offsets place both weeks (see DEFAULT_REFERENCE_DATE). */
  readonly referenceDate: Date;
}

/** What one criterion says about a pair, for the mentee. */
export interface Explanation {
  /** Sentences about what fits. */
  readonly reasons: readonly string[];
  /** Sentences about what is weaker. */
  readonly caveats: readonly string[];
  /** A short factual note for the breakdown. */
  readonly detail: string | null;
}

/**
 * What one criterion finds for a pair: the value at once, the words on demand, so a retrieval
 * scan can score many candidates and explain only the few it returns.
 */
export interface Assessment {
  /** 0 (no fit) to 1 (best fit). */
  readonly value: number;
  explain(): Explanation;
}

export type TrackRelation = 'SAME' | 'RELATED' | 'UNRELATED';

/**
 * Coarse facts a retrieval tier knows about a whole group of candidates. Each fact is optional;
 * a criterion without a fact is bounded by what the mentee alone allows (often 1).
 */
export interface TierFacts {
  /** The best proximity any candidate's specialties reach to the mentee's specialties or target. */
  readonly specialty?: SpecialtyProximity;
  /** Mentor level minus mentee level (negative: the tier is excluded). */
  readonly stageGap?: number;
  readonly trackRelation?: TrackRelation;
  /** What the candidates offer (one candidate's list: a tier of one). */
  readonly offers?: readonly GrowthArea[];
  /** Where and how one candidate meets. */
  readonly place?: MentorPlace;
  /** One candidate's places, taken and in all. */
  readonly load?: MentorLoad;
  /**
   * Where one candidate's week comes from (null: it says nothing), and at most how many minutes
   * a week it shares with the mentee's (known only when the mentee's week is).
   */
  readonly week?: { readonly source: 'windows' | 'shift' | null; readonly minutesAtMost: number };
}

export type MentorPlace = Pick<MatchMentor, 'meetingFormats' | 'country' | 'region'>;
export type MentorLoad = Pick<MatchMentor, 'capacity' | 'activeMenteeCount'>;

export function assessment(
  value: number,
  explain: () => Partial<Explanation> = () => ({}),
): Assessment {
  return {
    value: Math.min(1, Math.max(0, value)),
    explain: () => {
      const words = explain();
      return {
        reasons: words.reasons ?? [],
        caveats: words.caveats ?? [],
        detail: words.detail ?? null,
      };
    },
  };
}
