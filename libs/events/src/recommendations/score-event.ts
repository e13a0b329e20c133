import {
  capitalize,
  closestSpecialty,
  contributionTenths,
  countWord,
  CROSS_TRACK_FITS,
  describeWeekTime,
  GOALS_UNKNOWN_VALUE,
  goalsMet,
  intersectWeeks,
  localWeek,
  midSentence,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  rankedGoals,
  rankWord,
  roundValue,
  SAME_COUNTRY_VALUE,
  shiftWeek,
  SPECIALTY_PROXIMITY_VALUE,
  SPECIALTY_UNKNOWN_VALUE,
  totalMinutes,
  trackField,
  utcOffsetMinutes,
  type MatchMentee,
  type SpecialtyGraph,
  type SpecialtyLink,
  type WeekInterval,
} from '@preceptor/matching';
import { GROWTH_AREA_INFO, type GrowthArea, type Track } from '@preceptor/taxonomy/reference';
import { creditTypesFor } from '../credit-boards.js';
import { isOnline, type CreditType, type EventFormat } from '../event-enums.js';

/**
 * Recommended events: how well one upcoming event fits one person. Pure: the person and the
 * event come in as plain data with the specialty graph; the specialty proximity, goal ranking
 * and weekly-time arithmetic are matching's (one definition each), the words are the event's.
 */

/** What recommendations read of the signed-in person's profile. */
export type EventSeeker = Pick<
  MatchMentee,
  | 'track'
  | 'specialtyIds'
  | 'targetSpecialtyId'
  | 'goals'
  | 'country'
  | 'region'
  | 'timeZone'
  | 'availability'
>;

/** What recommendations read of an event. */
export interface RecommendableEvent {
  readonly id: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly format: EventFormat;
  readonly venueCity: string | null;
  /** ISO 3166-2, as events and profiles store it. */
  readonly venueRegion: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly venueCountry: string | null;
  readonly specialtyIds: readonly number[];
  readonly growthAreas: readonly GrowthArea[];
  readonly tracks: readonly Track[];
  readonly creditTypes: readonly CreditType[];
}

export type RecommendationCriterion =
  'specialty' | 'goals' | 'credits' | 'track' | 'time' | 'location';

/** One line of the breakdown (the API's ScoreComponent). */
export interface EventScoreComponent {
  readonly criterion: RecommendationCriterion;
  readonly weight: number;
  /** 0–1, to three decimals. */
  readonly value: number;
  /** weight × value, to 0.1. */
  readonly contribution: number;
  readonly detail: string;
}

export interface EventRecommendationResult {
  readonly eventId: string;
  readonly startsAt: Date;
  /** 0–100: exactly the sum of the breakdown's contributions. */
  readonly score: number;
  readonly breakdown: readonly EventScoreComponent[];
  /** Sentences, strongest first. */
  readonly reasons: readonly string[];
}

/**
 * The weights, declared once (they sum to 100): what the event is about first, then what the
 * person wants from it, then whether it counts toward their licence, then whether they can go.
 */
export const RECOMMENDATION_WEIGHTS: Readonly<Record<RecommendationCriterion, number>> = {
  specialty: 30,
  goals: 20,
  credits: 15,
  track: 15,
  time: 10,
  location: 10,
};

/** The breakdown's order. */
export const RECOMMENDATION_CRITERIA = Object.keys(
  RECOMMENDATION_WEIGHTS,
) as readonly RecommendationCriterion[];

/** An event tagged with no specialty: for anyone in its tracks, as broad as a same-track one. */
export const GENERAL_EVENT_SPECIALTY_VALUE = SPECIALTY_PROXIMITY_VALUE.SAME_TRACK;
/** An event open to every track (none listed): neither for nor against. */
export const ANY_TRACK_VALUE = 0.5;
/** Credit of a type the person's boards do not take still shows an accredited programme. */
export const OTHER_CREDIT_VALUE = 0.25;
/** No weekly windows, an unknown zone, or an event of a day or more: neither better nor worse. */
export const TIME_UNKNOWN_VALUE = 0.5;
/** From this share of the event inside the person's windows, "fits your …" is said. */
export const TIME_FITS_SHARE = 0.75;
/** Events this long (conferences) run through every part of the day: time is not scored. */
export const ALL_DAY_MINUTES = 12 * 60;

interface Finding {
  value: number;
  detail: string;
}

interface Context {
  seeker: EventSeeker;
  event: RecommendableEvent;
  graph: SpecialtyGraph;
}

function same(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toUpperCase() === b.trim().toUpperCase();
}

/**
 * Whether an event can be recommended to the person at all: online ones (virtual or hybrid)
 * anywhere; in-person-only ones in the person's country (a profile without a country gets
 * online events only). The candidate query applies the same rule in SQL.
 */
export function isWithinReach(seeker: EventSeeker, event: RecommendableEvent): boolean {
  return isOnline(event.format) || same(seeker.country, event.venueCountry);
}

// --- specialty -------------------------------------------------------------------------------

function specialtyLink(ctx: Context): SpecialtyLink | null {
  return closestSpecialty(ctx.graph, ctx.seeker, ctx.event.specialtyIds);
}

function assessSpecialty(ctx: Context, link: SpecialtyLink | null): Finding {
  const { seeker, event } = ctx;
  if (seeker.specialtyIds.length === 0 && seeker.targetSpecialtyId === null) {
    return { value: SPECIALTY_UNKNOWN_VALUE, detail: 'You have not chosen a specialty' };
  }
  if (event.specialtyIds.length === 0) {
    return { value: GENERAL_EVENT_SPECIALTY_VALUE, detail: 'Not about one specialty' };
  }
  if (!link) return { value: 0, detail: 'Specialties not in the catalog' };
  const name = midSentence(ctx.graph.node(link.mentorSpecialtyId)!.name);
  return { value: link.value, detail: `${name}: ${link.relation.toLowerCase().replace('_', ' ')}` };
}

/**
 * The event's specialty as it relates to the person's, for a sentence; null when it is not
 * close (nearby or closer).
 */
function topicPhrase(graph: SpecialtyGraph, link: SpecialtyLink | null): string | null {
  if (!link || link.value < SPECIALTY_PROXIMITY_VALUE.NEARBY) return null;
  const theirs = midSentence(graph.node(link.mentorSpecialtyId)!.name);
  const mine = midSentence(graph.node(link.menteeSpecialtyId)!.name);
  const yours = link.toTarget ? `${mine}, where you are heading` : `your ${mine}`;
  switch (link.relation) {
    case 'SAME':
      return link.toTarget
        ? `${theirs}, the specialty you are aiming for`
        : `${theirs}, your specialty`;
    case 'PARENT':
    case 'GRANDPARENT':
      return `${theirs}, which includes ${yours}`;
    case 'CHILD':
    case 'GRANDCHILD':
      return `${theirs}, a branch of ${yours}`;
    case 'SIBLING':
      return `${theirs}, next to ${yours}`;
    case 'RELATED':
      return `${theirs}, closely linked to ${yours}`;
    case 'SAME_TRACK':
    case 'NONE':
      return null;
  }
}

// --- goals -----------------------------------------------------------------------------------

function areaName(area: GrowthArea): string {
  return midSentence(GROWTH_AREA_INFO[area].name);
}

function assessGoals({ seeker, event }: Context): Finding & { sentence: string | null } {
  const goals = rankedGoals(seeker);
  if (goals.length === 0) {
    return { value: GOALS_UNKNOWN_VALUE, detail: 'You have not ranked any goals', sentence: null };
  }
  const { value, met } = goalsMet(goals, event.growthAreas);
  const n = goals.length;
  let sentence: string | null = null;
  if (met.length === 1) {
    sentence = `For ${areaName(goals[met[0]])}, your ${rankWord(met[0])} goal`;
  } else if (met.length > 1) {
    let how = `${countWord(met.length)} of your ${countWord(n)} goals`;
    if (met.length === n) how = n === 2 ? 'both your goals' : `all ${countWord(n)} of your goals`;
    const which = met.map(
      (index) => `${areaName(goals[index])}${index === 0 ? ' (your top goal)' : ''}`,
    );
    sentence = `For ${how}: ${which.join(', ')}`;
  }
  return { value, detail: `${met.length} of ${n} goals`, sentence };
}

// --- credits ---------------------------------------------------------------------------------

/** The event's credit types the person's boards take, in the event's order. */
export function relevantCredits(seeker: EventSeeker, event: RecommendableEvent): CreditType[] {
  const taken = creditTypesFor(seeker.track);
  return [...new Set(event.creditTypes.filter((type) => taken.includes(type)))];
}

function assessCredits(ctx: Context, relevant: readonly CreditType[]): Finding {
  const field = trackField(ctx.seeker.track);
  if (relevant.length > 0) return { value: 1, detail: `${relevant.join(', ')} for ${field}` };
  if (ctx.event.creditTypes.length > 0) {
    return {
      value: OTHER_CREDIT_VALUE,
      detail: `${[...new Set(ctx.event.creditTypes)].join(', ')}: not taken for ${field}`,
    };
  }
  return { value: 0, detail: 'No credit' };
}

// --- track -----------------------------------------------------------------------------------

function assessTrack({ seeker, event }: Context): Finding {
  if (event.tracks.length === 0) return { value: ANY_TRACK_VALUE, detail: 'Open to every track' };
  if (event.tracks.includes(seeker.track)) {
    return { value: 1, detail: `For ${trackField(seeker.track)}` };
  }
  // What a cross-track mentor can teach, an event for that track can too.
  const fit = Math.max(
    0,
    ...CROSS_TRACK_FITS.filter(
      (candidate) => candidate.mentee === seeker.track && event.tracks.includes(candidate.mentor),
    ).map((candidate) => candidate.value),
  );
  const theirs = event.tracks.map(trackField).join(', ');
  return {
    value: fit,
    detail: fit > 0 ? `For ${theirs}, near ${trackField(seeker.track)}` : `For ${theirs}`,
  };
}

// --- time ------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;

/** Minutes since Monday 00:00 UTC of the week holding `at`. */
function utcMinuteOfWeek(at: Date): number {
  const mondayFirst = (at.getUTCDay() + 6) % 7;
  return mondayFirst * MINUTES_PER_DAY + at.getUTCHours() * 60 + at.getUTCMinutes();
}

/** The event's span in the person's local week (split where it crosses Sunday midnight). */
function localSpan(event: RecommendableEvent, offsetMinutes: number): WeekInterval[] {
  const start = utcMinuteOfWeek(event.startsAt);
  const length = Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000);
  return shiftWeek([[start, Math.min(start + length, start + MINUTES_PER_WEEK)]], offsetMinutes);
}

function assessTime({ seeker, event }: Context): Finding & { fits: string | null } {
  const minutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
  if (minutes >= ALL_DAY_MINUTES) {
    return { value: TIME_UNKNOWN_VALUE, detail: 'Runs all day or longer', fits: null };
  }
  const windows = localWeek(seeker.availability);
  if (windows.length === 0) {
    return { value: TIME_UNKNOWN_VALUE, detail: 'No availability given', fits: null };
  }
  // Offsets change on the hour: asking at the hour lets events at the same hour share one.
  const hour = new Date(Math.floor(event.startsAt.getTime() / HOUR_MS) * HOUR_MS);
  const offset = utcOffsetMinutes(seeker.timeZone, hour);
  if (offset === null)
    return { value: TIME_UNKNOWN_VALUE, detail: 'Unknown time zone', fits: null };
  const span = localSpan(event, offset);
  const share = totalMinutes(intersectWeeks(span, windows)) / Math.max(1, totalMinutes(span));
  const when = describeWeekTime(span);
  return {
    value: share,
    detail: `${Math.round(share * 100)}% within your availability (${when})`,
    fits: share >= TIME_FITS_SHARE ? `fits your ${when}` : null,
  };
}

// --- location --------------------------------------------------------------------------------

function assessLocation({ seeker, event }: Context): Finding & { place: string | null } {
  const nearby = same(seeker.country, event.venueCountry) && same(seeker.region, event.venueRegion);
  if (isOnline(event.format)) {
    return nearby
      ? {
          value: 1,
          detail: 'Online, or in person in your region',
          place: `Online or in ${event.venueCity}`,
        }
      : { value: 1, detail: 'Online', place: 'Online' };
  }
  if (nearby) {
    return {
      value: 1,
      detail: 'In person, your region',
      place: `In ${event.venueCity}, in your region`,
    };
  }
  return { value: SAME_COUNTRY_VALUE, detail: 'In person, another region', place: null };
}

// --- the score -------------------------------------------------------------------------------

/**
 * The event's score for the person with its breakdown and reasons; null when it is out of
 * reach (`isWithinReach`).
 */
export function scoreEvent(
  seeker: EventSeeker,
  event: RecommendableEvent,
  graph: SpecialtyGraph,
): EventRecommendationResult | null {
  if (!isWithinReach(seeker, event)) return null;
  const ctx: Context = { seeker, event, graph };
  const link = specialtyLink(ctx);
  const relevant = relevantCredits(seeker, event);
  const goals = assessGoals(ctx);
  const time = assessTime(ctx);
  const location = assessLocation(ctx);
  const findings: Record<RecommendationCriterion, Finding> = {
    specialty: assessSpecialty(ctx, link),
    goals,
    credits: assessCredits(ctx, relevant),
    track: assessTrack(ctx),
    time,
    location,
  };
  let tenths = 0;
  const breakdown = RECOMMENDATION_CRITERIA.map((criterion): EventScoreComponent => {
    const weight = RECOMMENDATION_WEIGHTS[criterion];
    const { value, detail } = findings[criterion];
    const contribution = contributionTenths(weight, value);
    tenths += contribution;
    return { criterion, weight, value: roundValue(value), contribution: contribution / 10, detail };
  });
  const points = Object.fromEntries(
    breakdown.map((line) => [line.criterion, line.contribution]),
  ) as Record<RecommendationCriterion, number>;

  // Each sentence carries the points of the criteria it speaks for; strongest first.
  const sentences: { text: string; points: number }[] = [];
  const topic = topicPhrase(graph, link);
  const credit = relevant.length > 0 ? `${relevant.join(' or ')} credit` : null;
  if (topic && credit) {
    sentences.push({ text: `${credit} for ${topic}`, points: points.specialty + points.credits });
  } else if (topic) {
    sentences.push({ text: `On ${topic}`, points: points.specialty });
  } else if (credit) {
    sentences.push({
      text: `${credit} for ${trackField(seeker.track)}`,
      points: points.credits,
    });
  }
  if (goals.sentence) sentences.push({ text: goals.sentence, points: points.goals });
  if (location.place && time.fits) {
    sentences.push({
      text: `${location.place}, ${time.fits}`,
      points: points.location + points.time,
    });
  } else if (location.place && location.place !== 'Online') {
    sentences.push({ text: location.place, points: points.location });
  } else if (time.fits) {
    sentences.push({ text: capitalize(time.fits), points: points.time });
  }
  return {
    eventId: event.id,
    startsAt: event.startsAt,
    score: tenths / 10,
    breakdown,
    reasons: sentences
      .map((sentence, index) => ({ ...sentence, index }))
      .sort((a, b) => b.points - a.points || a.index - b.index)
      .map(({ text }) => capitalize(text)),
  };
}

/** Best score first, then the sooner event, then the id: the same inputs, the same order. */
export function compareRecommendations(
  a: EventRecommendationResult,
  b: EventRecommendationResult,
): number {
  return (
    b.score - a.score ||
    a.startsAt.getTime() - b.startsAt.getTime() ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

/** The `limit` best events for the person, out of reach ones left out. */
export function recommendEvents(
  seeker: EventSeeker,
  events: readonly RecommendableEvent[],
  graph: SpecialtyGraph,
  limit: number,
): EventRecommendationResult[] {
  const scored: EventRecommendationResult[] = [];
  for (const event of events) {
    const result = scoreEvent(seeker, event, graph);
    if (result) scored.push(result);
  }
  return scored.sort(compareRecommendations).slice(0, limit);
}
