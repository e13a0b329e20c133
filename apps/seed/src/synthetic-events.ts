/**
 * Deterministic synthetic professional events for demos and load tests. Pure: no I/O, no
 * framework. As with people (synthetic-people.ts), every event is a function of (seed, index)
 * alone, drawn from its own PRNG, so any range can be generated on its own.
 *
 * What makes them realistic: the mix of kinds and formats healthcare education has (many
 * webinars and grand rounds, fewer conferences), local start times that suit each kind in the
 * venue's (or organizer's) time zone, credit of the type each profession's boards take with its
 * usual accreditor, hours that fit the event's length, and capacities that fit the room.
 */
import {
  CreditType,
  EventFormat,
  EventKind,
  EventStatus,
  TRACK_CREDITS,
  type CreditOffer,
  type EventCopyRow,
} from '@preceptor/events';
import { GrowthArea, Track } from '@preceptor/taxonomy';
import {
  mix32,
  pickPlace,
  Rng,
  Weighted,
  type Place,
  type SeedSpecialty,
} from './synthetic-people.js';

export interface SyntheticEventsOptions {
  seed: number;
  specialties: readonly SeedSpecialty[];
  /** Events start from the day after this instant (default: now, so they are upcoming). */
  asOf?: Date;
  /** Days ahead that start times spread over (default 180). */
  horizonDays?: number;
  /** The organizers' user ids; event i is organized by organizers[i % length]. */
  organizerIds: readonly string[];
}

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/** The share of each kind (healthcare continuing education is mostly short sessions). */
const KINDS = new Weighted<EventKind>([
  [EventKind.WEBINAR, 30],
  [EventKind.GRAND_ROUNDS, 18],
  [EventKind.WORKSHOP, 17],
  [EventKind.COURSE, 13],
  [EventKind.CONFERENCE, 10],
  [EventKind.NETWORKING, 12],
]);

/** Events by the track they are mainly for; nursing and physicians hold most. */
const TRACKS = new Weighted<Track>([
  [Track.NURSING, 38],
  [Track.PHYSICIAN, 24],
  [Track.ALLIED_HEALTH, 11],
  [Track.ADVANCED_PRACTICE, 9],
  [Track.PHARMACY, 8],
  [Track.PUBLIC_HEALTH, 4],
  [Track.ADMINISTRATION, 3],
  [Track.INFORMATICS, 3],
]);

/** Tracks that often share an audience: an event for one is often for the other too. */
const ALSO_FOR: Readonly<Record<Track, readonly Track[]>> = {
  [Track.PHYSICIAN]: [Track.ADVANCED_PRACTICE],
  [Track.NURSING]: [Track.ADVANCED_PRACTICE],
  [Track.ADVANCED_PRACTICE]: [Track.NURSING, Track.PHYSICIAN],
  [Track.ALLIED_HEALTH]: [Track.NURSING],
  [Track.PHARMACY]: [Track.PHYSICIAN, Track.ADVANCED_PRACTICE],
  [Track.PUBLIC_HEALTH]: [Track.NURSING],
  [Track.ADMINISTRATION]: [Track.NURSING, Track.INFORMATICS],
  [Track.INFORMATICS]: [Track.ADMINISTRATION, Track.NURSING],
};

const FORMATS: Readonly<Record<EventKind, Weighted<EventFormat>>> = {
  [EventKind.WEBINAR]: new Weighted([[EventFormat.VIRTUAL, 1]]),
  [EventKind.GRAND_ROUNDS]: new Weighted([
    [EventFormat.HYBRID, 5],
    [EventFormat.IN_PERSON, 3],
    [EventFormat.VIRTUAL, 2],
  ]),
  [EventKind.WORKSHOP]: new Weighted([
    [EventFormat.IN_PERSON, 6],
    [EventFormat.VIRTUAL, 2],
    [EventFormat.HYBRID, 2],
  ]),
  [EventKind.COURSE]: new Weighted([
    [EventFormat.VIRTUAL, 6],
    [EventFormat.IN_PERSON, 2],
    [EventFormat.HYBRID, 2],
  ]),
  [EventKind.CONFERENCE]: new Weighted([
    [EventFormat.IN_PERSON, 6],
    [EventFormat.HYBRID, 4],
  ]),
  [EventKind.NETWORKING]: new Weighted([
    [EventFormat.IN_PERSON, 17],
    [EventFormat.VIRTUAL, 3],
  ]),
};

/** Local start hours, and lengths in hours, that suit each kind. */
const TIMING: Readonly<
  Record<EventKind, { hours: readonly number[]; lengths: readonly number[] }>
> = {
  [EventKind.WEBINAR]: { hours: [12, 12, 18, 19], lengths: [1, 1, 1.5] },
  [EventKind.GRAND_ROUNDS]: { hours: [7, 8, 12], lengths: [1] },
  [EventKind.WORKSHOP]: { hours: [8, 9, 13], lengths: [3, 4, 6.5] },
  [EventKind.COURSE]: { hours: [8, 9], lengths: [4, 7.5, 8] },
  [EventKind.CONFERENCE]: { hours: [8], lengths: [8.5, 32.5, 56.5] },
  [EventKind.NETWORKING]: { hours: [17, 18], lengths: [2, 2.5] },
};

/** How likely each kind is to offer continuing-education credit. */
const CREDIT_CHANCE: Readonly<Record<EventKind, number>> = {
  [EventKind.WEBINAR]: 0.6,
  [EventKind.GRAND_ROUNDS]: 0.9,
  [EventKind.WORKSHOP]: 0.7,
  [EventKind.COURSE]: 0.9,
  [EventKind.CONFERENCE]: 0.85,
  [EventKind.NETWORKING]: 0.02,
};

// prettier-ignore
const TOPICS: Readonly<Record<Track, readonly string[]>> = {
  [Track.PHYSICIAN]: [
    'sepsis recognition in the first hour', 'anticoagulation in atrial fibrillation', 'point-of-care ultrasound',
    'diagnostic error and cognitive bias', 'opioid stewardship', 'the heart failure guideline update',
    'AI scribes in clinic', 'difficult airway management', 'obesity medicine', 'serious illness conversations',
  ],
  [Track.NURSING]: [
    'sepsis bundles at the bedside', 'safe staffing and acuity', 'pressure injury prevention',
    'precepting new graduate nurses', 'de-escalating workplace violence', 'central line infection prevention',
    'charge nurse leadership', 'delirium screening in the ICU', 'medication safety', 'recovering after a critical incident',
  ],
  [Track.ADVANCED_PRACTICE]: [
    'prescribing controlled substances', 'point-of-care ultrasound for NPs and PAs', 'chronic pain management',
    'dermatology for primary care', 'mental health in primary care', 'telehealth visits that work',
    'women’s health updates', 'hospital medicine for new APPs',
  ],
  [Track.ALLIED_HEALTH]: [
    'radiation dose optimization', 'ventilator management', 'stroke rehabilitation', 'dysphagia assessment',
    'sonography ergonomics', 'laboratory quality control', 'early mobility in the ICU', 'pediatric feeding therapy',
  ],
  [Track.PHARMACY]: [
    'antimicrobial stewardship', 'pharmacogenomics in practice', 'sterile compounding under USP 797',
    'GLP-1 receptor agonists', 'the immunization update', 'buprenorphine for opioid use disorder',
    'managing drug shortages', 'transitions of care',
  ],
  [Track.PUBLIC_HEALTH]: [
    'outbreak investigation', 'vaccine confidence', 'health equity data', 'community health workers',
    'climate and health', 'overdose prevention',
  ],
  [Track.ADMINISTRATION]: [
    'value-based care contracts', 'patient flow and capacity', 'leading through change', 'revenue cycle basics',
    'quality and safety dashboards', 'keeping the workforce you have',
  ],
  [Track.INFORMATICS]: [
    'EHR optimization', 'clinical decision support', 'FHIR and interoperability', 'AI in clinical documentation',
    'clinical data governance', 'patient portals that patients use',
  ],
};

const TRACK_PEOPLE: Readonly<Record<Track, string>> = {
  [Track.PHYSICIAN]: 'physicians and residents',
  [Track.NURSING]: 'nurses',
  [Track.ADVANCED_PRACTICE]: 'nurse practitioners and physician assistants',
  [Track.ALLIED_HEALTH]: 'therapists and technologists',
  [Track.PHARMACY]: 'pharmacists and pharmacy technicians',
  [Track.PUBLIC_HEALTH]: 'public health professionals',
  [Track.ADMINISTRATION]: 'healthcare leaders and managers',
  [Track.INFORMATICS]: 'clinical informaticists',
};

/** What each kind helps people grow, besides what its topic does. */
const KIND_AREAS: Readonly<Record<EventKind, readonly GrowthArea[]>> = {
  [EventKind.WEBINAR]: [GrowthArea.KEEPING_CURRENT],
  [EventKind.GRAND_ROUNDS]: [GrowthArea.KEEPING_CURRENT],
  [EventKind.WORKSHOP]: [GrowthArea.SPECIALIZATION],
  [EventKind.COURSE]: [GrowthArea.EDUCATION_TRAINING],
  [EventKind.CONFERENCE]: [GrowthArea.NETWORKING, GrowthArea.KEEPING_CURRENT],
  [EventKind.NETWORKING]: [GrowthArea.NETWORKING],
};

const EXTRA_AREAS: readonly GrowthArea[] = [
  GrowthArea.LEADERSHIP_MANAGEMENT,
  GrowthArea.TECHNOLOGY,
  GrowthArea.LICENSING_REGULATION,
  GrowthArea.BURNOUT_WELLBEING,
  GrowthArea.SPECIALIZATION,
];

const VENUES: readonly ((city: string) => string)[] = [
  (city) => `${city} Convention Center`,
  (city) => `${city} General Hospital, Simulation Center`,
  () => 'University Medical Center, Education Pavilion',
  (city) => `Children’s Hospital of ${city}, Auditorium`,
  () => 'Regional Health Sciences Library, Conference Room B',
  (city) => `${city} Marriott, Grand Ballroom`,
];

const STREETS = [
  'Main Street',
  'Medical Center Drive',
  'University Avenue',
  'Hospital Way',
  'Park Avenue',
  'Health Sciences Boulevard',
];

const CAPACITIES: Readonly<Record<EventKind, readonly (number | null)[]>> = {
  [EventKind.WEBINAR]: [null, 300, 500, 1000],
  [EventKind.GRAND_ROUNDS]: [60, 80, 120, 150],
  [EventKind.WORKSHOP]: [12, 16, 20, 24, 30, 40],
  [EventKind.COURSE]: [20, 30, 40, 60, null],
  [EventKind.CONFERENCE]: [250, 400, 800, 1500],
  [EventKind.NETWORKING]: [30, 40, 60, 100],
};

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Cardiology (Cardiovascular Disease)" → "Cardiology". */
function shortName(specialty: SeedSpecialty): string {
  return specialty.name.replace(/\s*\(.*\)$/, '');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instantMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part = (type: string) =>
    Number(format.formatToParts(instantMs).find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

/** The instant a wall-clock time on a date (UTC calendar fields) happens in a zone. */
export function zonedInstant(dateUtc: Date, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(
    dateUtc.getUTCFullYear(),
    dateUtc.getUTCMonth(),
    dateUtc.getUTCDate(),
    hour,
    minute,
  );
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  // Near a daylight-saving change the offset at the guess can differ from the one at the answer.
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** Generates events for one seed. */
export class SyntheticEvents {
  private readonly seedHash: number;
  private readonly idPrefix: string;
  private readonly asOfMs: number;
  private readonly horizonDays: number;
  private readonly byTrack = new Map<Track, SeedSpecialty[]>();

  constructor(private readonly options: SyntheticEventsOptions) {
    if (options.organizerIds.length === 0) throw new RangeError('Events need an organizer');
    this.seedHash = mix32(options.seed ^ 0xe7e7e7e7);
    this.idPrefix = this.seedHash.toString(16).padStart(8, '0');
    this.asOfMs = (options.asOf ?? new Date()).getTime();
    this.horizonDays = options.horizonDays ?? 180;
    for (const track of Object.values(Track)) {
      this.byTrack.set(
        track,
        options.specialties.filter((specialty) => specialty.tracks.includes(track)),
      );
    }
  }

  /** A UUID of seed hash and index (the layout people's ids use, with its own tag). */
  eventId(index: number): string {
    return `${this.idPrefix}-000e-8000-8000-${index.toString(16).padStart(12, '0')}`;
  }

  event(index: number): EventCopyRow {
    const rng = new Rng(mix32(this.seedHash ^ Math.imul(index, 0x9e3779b1)));
    const id = this.eventId(index);
    const kind = KINDS.pick(rng);
    const format = FORMATS[kind].pick(rng);
    const track = TRACKS.pick(rng);
    const tracks = rng.chance(0.3) ? [track, rng.pick(ALSO_FOR[track])] : [track];
    const place = pickPlace(rng);
    const specialties = this.drawSpecialties(rng, kind, track);
    const topic = rng.pick(TOPICS[track]);

    const timing = TIMING[kind];
    const day = new Date(this.asOfMs + rng.int(1, this.horizonDays) * DAY_MS);
    const startsAt = zonedInstant(
      day,
      rng.pick(timing.hours),
      rng.chance(0.3) ? 30 : 0,
      place.timeZone,
    );
    const lengthHours = rng.pick(timing.lengths);
    const endsAt = new Date(startsAt.getTime() + lengthHours * HOUR_MS);

    const credits = rng.chance(CREDIT_CHANCE[kind])
      ? this.drawCredits(rng, kind, track, lengthHours)
      : [];
    const growthAreas = [...KIND_AREAS[kind]];
    if (rng.chance(0.5)) {
      const extra = rng.pick(EXTRA_AREAS);
      if (!growthAreas.includes(extra)) growthAreas.push(extra);
    }
    const createdAt = new Date(this.asOfMs - rng.int(1, 60) * DAY_MS - rng.int(0, 86_399) * 1000);
    const title = this.title(rng, kind, format, track, topic, specialties, place, startsAt);
    return {
      id,
      organizerId: this.options.organizerIds[index % this.options.organizerIds.length],
      title,
      description: this.description(kind, format, track, topic, credits, place),
      kind,
      format,
      status: EventStatus.PUBLISHED,
      startsAt,
      endsAt,
      timeZone: place.timeZone,
      venue:
        format === EventFormat.VIRTUAL
          ? null
          : {
              name: rng.pick(VENUES)(place.city),
              address: `${rng.int(100, 9999)} ${rng.pick(STREETS)}`,
              city: place.city,
              region: place.region,
              country: place.country,
            },
      joinUrl:
        format === EventFormat.IN_PERSON
          ? null
          : `https://meet.preceptor.example/e/${id.slice(-12)}`,
      capacity: rng.pick(CAPACITIES[kind]),
      specialtyIds: specialties.map((specialty) => specialty.id),
      specialtyLineage: [...new Set(specialties.flatMap((specialty) => specialty.lineage))],
      growthAreas,
      tracks,
      credits,
      goingCount: 0,
      waitlistCount: 0,
      publishedAt: createdAt,
      createdAt,
      isSeeded: true,
    };
  }

  private drawSpecialties(rng: Rng, kind: EventKind, track: Track): SeedSpecialty[] {
    const pool = this.byTrack.get(track) ?? [];
    if (pool.length === 0) return [];
    const count =
      kind === EventKind.GRAND_ROUNDS ? 1 : kind === EventKind.NETWORKING ? 0 : rng.int(0, 2);
    const chosen: SeedSpecialty[] = [];
    for (let attempt = 0; chosen.length < count && attempt < 6; attempt++) {
      const next = rng.pick(pool);
      if (!chosen.includes(next)) chosen.push(next);
    }
    return chosen;
  }

  private drawCredits(rng: Rng, kind: EventKind, track: Track, lengthHours: number): CreditOffer[] {
    // Multi-day conferences award about six hours a day; sessions their length to the quarter.
    const days = Math.ceil(lengthHours / 24);
    const hours = Math.min(Math.floor(lengthHours * 4) / 4, days > 1 ? days * 6 : 7);
    const [type, accreditor] = rng.pick(TRACK_CREDITS[track]);
    const credits: CreditOffer[] = [
      { type, hours, accreditor, activityId: this.activityId(rng, type) },
    ];
    // Jointly accredited providers offer physicians' and nurses' credit for the same activity.
    if (kind === EventKind.CONFERENCE || (kind === EventKind.GRAND_ROUNDS && rng.chance(0.3))) {
      const other =
        type === CreditType.CME
          ? ([CreditType.CNE, 'ANCC'] as const)
          : ([CreditType.CME, 'ACCME'] as const);
      if (type !== other[0]) {
        credits.push({ type: other[0], hours, accreditor: other[1], activityId: null });
      }
    }
    return credits;
  }

  /** Pharmacy activities carry an ACPE universal activity number; others often none. */
  private activityId(rng: Rng, type: CreditType): string | null {
    const year = String(new Date(this.asOfMs).getUTCFullYear() % 100).padStart(2, '0');
    if (type === CreditType.CPE) {
      return `0${rng.int(100, 999)}-0000-${year}-${String(rng.int(1, 999)).padStart(3, '0')}-L0${rng.int(1, 8)}-P`;
    }
    return rng.chance(0.5) ? `${type}-${year}-${rng.int(1000, 9999)}` : null;
  }

  private title(
    rng: Rng,
    kind: EventKind,
    format: EventFormat,
    track: Track,
    topic: string,
    specialties: readonly SeedSpecialty[],
    place: Place,
    startsAt: Date,
  ): string {
    const field = specialties[0] ? shortName(specialties[0]) : null;
    switch (kind) {
      case EventKind.WEBINAR:
        return `Webinar: ${sentenceCase(topic)}`;
      case EventKind.GRAND_ROUNDS:
        return `${field ?? 'Medical'} grand rounds: ${topic}`;
      case EventKind.WORKSHOP:
        return `Hands-on workshop: ${topic}`;
      case EventKind.COURSE:
        return rng.chance(0.5)
          ? `${sentenceCase(topic)}: a certificate course`
          : `Review course: ${topic}`;
      case EventKind.CONFERENCE: {
        const year = startsAt.getUTCFullYear();
        return `${field ?? sentenceCase(TRACK_PEOPLE[track])} conference ${year}, ${place.city}`;
      }
      case EventKind.NETWORKING:
        return format === EventFormat.VIRTUAL
          ? `Virtual meet-up for ${TRACK_PEOPLE[track]}`
          : `Networking evening for ${TRACK_PEOPLE[track]} in ${place.city}`;
    }
  }

  private description(
    kind: EventKind,
    format: EventFormat,
    track: Track,
    topic: string,
    credits: readonly CreditOffer[],
    place: Place,
  ): string {
    const where =
      format === EventFormat.VIRTUAL
        ? 'Online'
        : format === EventFormat.HYBRID
          ? `In ${place.city} and online`
          : `In ${place.city}`;
    const what =
      kind === EventKind.NETWORKING
        ? `Meet ${TRACK_PEOPLE[track]} and mentors from across the region; talk careers over food.`
        : `${sentenceCase(topic)}: evidence, practice changes and cases, for ${TRACK_PEOPLE[track]}.`;
    const credit =
      credits.length === 0
        ? ''
        : ` Offers ${credits.map((c) => `${c.hours} ${c.type} ${c.hours === 1 ? 'hour' : 'hours'} (${c.accreditor})`).join(' and ')}.`;
    return `${where}. ${what}${credit}`;
  }
}
