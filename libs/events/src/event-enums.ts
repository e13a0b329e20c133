/** What an event is; one value each. */
export enum EventKind {
  CONFERENCE = 'CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  WEBINAR = 'WEBINAR',
  GRAND_ROUNDS = 'GRAND_ROUNDS',
  NETWORKING = 'NETWORKING',
  COURSE = 'COURSE',
}

/** Where people attend: at a venue, online, or either. */
export enum EventFormat {
  IN_PERSON = 'IN_PERSON',
  VIRTUAL = 'VIRTUAL',
  HYBRID = 'HYBRID',
}

export enum EventStatus {
  /** Seen by its organizer and admins only. */
  DRAFT = 'DRAFT',
  /** Listed, open for RSVPs until it starts. */
  PUBLISHED = 'PUBLISHED',
  /** Called off: every RSVP was cancelled with it. */
  CANCELLED = 'CANCELLED',
}

export enum RsvpStatus {
  GOING = 'GOING',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
}

/** Continuing-education credit, by the body of rules it counts under. */
export enum CreditType {
  CME = 'CME',
  CNE = 'CNE',
  CE = 'CE',
  CEU = 'CEU',
  CPE = 'CPE',
}

export const CREDIT_TYPE_INFO: Readonly<Record<CreditType, { name: string; description: string }>> =
  {
    [CreditType.CME]: {
      name: 'CME',
      description: 'Continuing medical education for physicians (e.g. AMA PRA Category 1 Credit™).',
    },
    [CreditType.CNE]: {
      name: 'CNE',
      description: 'Continuing nursing education, in contact hours (e.g. ANCC-accredited).',
    },
    [CreditType.CE]: {
      name: 'CE',
      description: 'General continuing education, in contact hours of 60 minutes.',
    },
    [CreditType.CEU]: {
      name: 'CEU',
      description:
        'Continuing education units as the accreditor defines them (IACET: 10 hours each).',
    },
    [CreditType.CPE]: {
      name: 'CPE',
      description: 'Continuing pharmacy education (e.g. ACPE-accredited).',
    },
  };

/** The formats that take place at a venue. */
export function hasVenue(format: EventFormat): boolean {
  return format === EventFormat.IN_PERSON || format === EventFormat.HYBRID;
}

/** The formats attended online, through a join URL. */
export function isOnline(format: EventFormat): boolean {
  return format === EventFormat.VIRTUAL || format === EventFormat.HYBRID;
}
