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

/**
 * What is worked out once per person rather than once per event: scoring runs over a few
 * thousand candidates per request, and only the page returned is put into words.
 */
interface Prepared {
  readonly seeker: EventSeeker;
  readonly graph: SpecialtyGraph;
  readonly hasSpecialty: boolean;
  readonly goals: readonly GrowthArea[];
  readonly creditTypes: readonly CreditType[];
  /** The person's weekly windows, local minutes of the week. */
  readonly windows: readonly WeekInterval[];
  /** Cross-track fit by the event's track, for the person's track (CROSS_TRACK_FITS). */
  readonly crossTrack: ReadonlyMap<Track, number>;
}

function prepare(seeker: EventSeeker, graph: SpecialtyGraph): Prepared {
  const crossTrack = new Map<Track, number>();
  for (const fit of CROSS_TRACK_FITS) {
    // What a mentor from another track can teach, an event for that track can too.
    if (fit.mentee === seeker.track) {
      crossTrack.set(fit.mentor, Math.max(fit.value, crossTrack.get(fit.mentor) ?? 0));
    }
  }
  return {
    seeker,
    graph,
    hasSpecialty: seeker.specialtyIds.length > 0 || seeker.targetSpecialtyId !== null,
    goals: rankedGoals(seeker),
    creditTypes: creditTypesFor(seeker.track),
    windows: localWeek(seeker.availability),
    crossTrack,
  };
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

function specialtyValue(p: Prepared, event: RecommendableEvent): number {
  if (!p.hasSpecialty) return SPECIALTY_UNKNOWN_VALUE;
  if (event.specialtyIds.length === 0) return GENERAL_EVENT_SPECIALTY_VALUE;
  return closestSpecialty(p.graph, p.seeker, event.specialtyIds)?.value ?? 0;
}

function specialtyDetail(
  p: Prepared,
  event: RecommendableEvent,
  link: SpecialtyLink | null,
): string {
  if (!p.hasSpecialty) return 'You have not chosen a specialty';
  if (event.specialtyIds.length === 0) return 'Not about one specialty';
  if (!link) return 'Specialties not in the catalog';
  const name = midSentence(p.graph.node(link.mentorSpecialtyId)!.name);
  return `${name}: ${link.relation.toLowerCase().replace('_', ' ')}`;
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

function goalsValue(p: Prepared, event: RecommendableEvent): number {
  return p.goals.length === 0 ? GOALS_UNKNOWN_VALUE : goalsMet(p.goals, event.growthAreas).value;
}

function areaName(area: GrowthArea): string {
  return midSentence(GROWTH_AREA_INFO[area].name);
}

function goalsWords(
  p: Prepared,
  event: RecommendableEvent,
): { detail: string; sentence: string | null } {
  const goals = p.goals;
  const n = goals.length;
  if (n === 0) return { detail: 'You have not ranked any goals', sentence: null };
  const { met } = goalsMet(goals, event.growthAreas);
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
  return { detail: `${met.length} of ${n} goals`, sentence };
}

// --- credits ---------------------------------------------------------------------------------

/** The event's credit types the person's boards take (`creditTypesFor`), in the event's order. */
export function relevantCredits(seeker: EventSeeker, event: RecommendableEvent): CreditType[] {
  const taken = creditTypesFor(seeker.track);
  return [...new Set(event.creditTypes.filter((type) => taken.includes(type)))];
}

function creditsValue(p: Prepared, event: RecommendableEvent): number {
  if (event.creditTypes.some((type) => p.creditTypes.includes(type))) return 1;
  return event.creditTypes.length > 0 ? OTHER_CREDIT_VALUE : 0;
}

function creditsDetail(p: Prepared, event: RecommendableEvent): string {
  const field = trackField(p.seeker.track);
  const relevant = relevantCredits(p.seeker, event);
  if (relevant.length > 0) return `${relevant.join(', ')} for ${field}`;
  if (event.creditTypes.length > 0) {
    return `${[...new Set(event.creditTypes)].join(', ')}: not taken for ${field}`;
  }
  return 'No credit';
}

// --- track -----------------------------------------------------------------------------------

function trackValue(p: Prepared, event: RecommendableEvent): number {
  if (event.tracks.length === 0) return ANY_TRACK_VALUE;
  if (event.tracks.includes(p.seeker.track)) return 1;
  let fit = 0;
  for (const track of event.tracks) fit = Math.max(fit, p.crossTrack.get(track) ?? 0);
  return fit;
}

function trackDetail(p: Prepared, event: RecommendableEvent, value: number): string {
  const mine = trackField(p.seeker.track);
  if (event.tracks.length === 0) return 'Open to every track';
  if (event.tracks.includes(p.seeker.track)) return `For ${mine}`;
  const theirs = event.tracks.map(trackField).join(', ');
  return value > 0 ? `For ${theirs}, near ${mine}` : `For ${theirs}`;
}

// --- time ------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The person's UTC offset when the event starts. Asked at the UTC midnights around the start
 * (a few hundred distinct days among thousands of candidates, and the offsets are cached), and
 * at the start's hour only on a day the clocks change (changes fall on the hour).
 */
function offsetAt(timeZone: string, at: Date): number | null {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  const before = utcOffsetMinutes(timeZone, new Date(day));
  if (before === utcOffsetMinutes(timeZone, new Date(day + DAY_MS))) return before;
  return utcOffsetMinutes(timeZone, new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS));
}

/** Minutes since Monday 00:00 UTC of the week holding `at`. */
function utcMinuteOfWeek(at: Date): number {
  const mondayFirst = (at.getUTCDay() + 6) % 7;
  return mondayFirst * MINUTES_PER_DAY + at.getUTCHours() * 60 + at.getUTCMinutes();
}

type TimeFit =
  { kind: 'unknown'; detail: string } | { kind: 'known'; share: number; span: WeekInterval[] };

/** How much of the event falls in the person's weekly windows, in their zone at its date. */
function timeFit(p: Prepared, event: RecommendableEvent): TimeFit {
  const minutes = Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000);
  if (minutes >= ALL_DAY_MINUTES) return { kind: 'unknown', detail: 'Runs all day or longer' };
  if (p.windows.length === 0) return { kind: 'unknown', detail: 'No availability given' };
  const offset = offsetAt(p.seeker.timeZone, event.startsAt);
  if (offset === null) return { kind: 'unknown', detail: 'Unknown time zone' };
  const start = utcMinuteOfWeek(event.startsAt);
  const span = shiftWeek([[start, start + minutes]], offset);
  const share = totalMinutes(intersectWeeks(span, p.windows)) / Math.max(1, minutes);
  return { kind: 'known', share, span };
}

function timeValue(fit: TimeFit): number {
  return fit.kind === 'unknown' ? TIME_UNKNOWN_VALUE : fit.share;
}

function timeWords(fit: TimeFit): { detail: string; fits: string | null } {
  if (fit.kind === 'unknown') return { detail: fit.detail, fits: null };
  const when = describeWeekTime(fit.span);
  return {
    detail: `${Math.round(fit.share * 100)}% within your availability (${when})`,
    fits: fit.share >= TIME_FITS_SHARE ? `fits your ${when}` : null,
  };
}

// --- location --------------------------------------------------------------------------------

function isNearby(p: Prepared, event: RecommendableEvent): boolean {
  return same(p.seeker.country, event.venueCountry) && same(p.seeker.region, event.venueRegion);
}

function locationValue(p: Prepared, event: RecommendableEvent): number {
  return isOnline(event.format) || isNearby(p, event) ? 1 : SAME_COUNTRY_VALUE;
}

function locationWords(
  p: Prepared,
  event: RecommendableEvent,
): { detail: string; place: string | null } {
  const nearby = isNearby(p, event);
  if (isOnline(event.format)) {
    return nearby
      ? { detail: 'Online, or in person in your region', place: `Online or in ${event.venueCity}` }
      : { detail: 'Online', place: 'Online' };
  }
  return nearby
    ? { detail: 'In person, your region', place: `In ${event.venueCity}, in your region` }
    : { detail: 'In person, another region', place: null };
}

// --- the score -------------------------------------------------------------------------------

interface Scored {
  readonly event: RecommendableEvent;
  readonly values: Readonly<Record<RecommendationCriterion, number>>;
  /** The score in tenths: the sum of the rounded contributions. */
  readonly tenths: number;
}

/** The numbers only: cheap enough for every candidate. Null when out of reach. */
function assess(p: Prepared, event: RecommendableEvent): Scored | null {
  if (!isWithinReach(p.seeker, event)) return null;
  const values: Record<RecommendationCriterion, number> = {
    specialty: specialtyValue(p, event),
    goals: goalsValue(p, event),
    credits: creditsValue(p, event),
    track: trackValue(p, event),
    time: timeValue(timeFit(p, event)),
    location: locationValue(p, event),
  };
  let tenths = 0;
  for (const criterion of RECOMMENDATION_CRITERIA) {
    tenths += contributionTenths(RECOMMENDATION_WEIGHTS[criterion], values[criterion]);
  }
  return { event, values, tenths };
}

/** The breakdown and the reasons, for the events returned. */
function explain(p: Prepared, { event, values, tenths }: Scored): EventRecommendationResult {
  const link = p.hasSpecialty ? closestSpecialty(p.graph, p.seeker, event.specialtyIds) : null;
  const goals = goalsWords(p, event);
  const time = timeWords(timeFit(p, event));
  const location = locationWords(p, event);
  const details: Record<RecommendationCriterion, string> = {
    specialty: specialtyDetail(p, event, link),
    goals: goals.detail,
    credits: creditsDetail(p, event),
    track: trackDetail(p, event, values.track),
    time: time.detail,
    location: location.detail,
  };
  const breakdown = RECOMMENDATION_CRITERIA.map((criterion): EventScoreComponent => {
    const weight = RECOMMENDATION_WEIGHTS[criterion];
    return {
      criterion,
      weight,
      value: roundValue(values[criterion]),
      contribution: contributionTenths(weight, values[criterion]) / 10,
      detail: details[criterion],
    };
  });
  const points = Object.fromEntries(
    breakdown.map((line) => [line.criterion, line.contribution]),
  ) as Record<RecommendationCriterion, number>;

  // Each sentence carries the points of the criteria it speaks for; strongest first.
  const sentences: { text: string; points: number }[] = [];
  const topic = topicPhrase(p.graph, link);
  const relevant = relevantCredits(p.seeker, event);
  const credit = relevant.length > 0 ? `${relevant.join(' or ')} credit` : null;
  if (topic && credit) {
    sentences.push({ text: `${credit} for ${topic}`, points: points.specialty + points.credits });
  } else if (topic) {
    sentences.push({ text: `On ${topic}`, points: points.specialty });
  } else if (credit) {
    sentences.push({ text: `${credit} for ${trackField(p.seeker.track)}`, points: points.credits });
  }
  if (goals.sentence) sentences.push({ text: goals.sentence, points: points.goals });
  if (location.place && time.fits) {
    sentences.push({
      text: `${location.place}, ${time.fits}`,
      points: points.location + points.time,
    });
  } else if (location.place && location.place !== 'Online') {
    // Online alone says nothing: every online event is.
    sentences.push({ text: location.place, points: points.location });
  } else if (time.fits) {
    sentences.push({ text: time.fits, points: points.time });
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

/**
 * The event's score for the person with its breakdown and reasons; null when it is out of
 * reach (`isWithinReach`).
 */
export function scoreEvent(
  seeker: EventSeeker,
  event: RecommendableEvent,
  graph: SpecialtyGraph,
): EventRecommendationResult | null {
  const p = prepare(seeker, graph);
  const scored = assess(p, event);
  return scored && explain(p, scored);
}

function compareScored(a: Scored, b: Scored): number {
  return (
    b.tenths - a.tenths ||
    a.event.startsAt.getTime() - b.event.startsAt.getTime() ||
    (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
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

/** The `limit` best events for the person, out of reach ones left out; only those explained. */
export function recommendEvents(
  seeker: EventSeeker,
  events: readonly RecommendableEvent[],
  graph: SpecialtyGraph,
  limit: number,
): EventRecommendationResult[] {
  const p = prepare(seeker, graph);
  const scored: Scored[] = [];
  for (const event of events) {
    const result = assess(p, event);
    if (result) scored.push(result);
  }
  return scored
    .sort(compareScored)
    .slice(0, limit)
    .map((result) => explain(p, result));
}
