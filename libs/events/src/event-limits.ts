/**
 * How long each piece of an event may be, declared once: the input validation, the column sizes
 * and the GraphQL list sizes all read these.
 */
export const EVENT_LIMITS = {
  title: 200,
  description: 10_000,
  timeZone: 64,
  venueName: 200,
  venueAddress: 300,
  venueCity: 100,
  /** ISO 3166-2 codes are at most six characters ("GB-ENG"). */
  venueRegion: 6,
  joinUrl: 2_000,
  cancellationReason: 1_000,
  accreditor: 200,
  activityId: 100,
  /** An accredited provider's number with its accreditor or state board. */
  providerNumber: 50,
  /** Specialty slugs on one event. */
  specialties: 10,
  /** Credit offers on one event. */
  credits: 10,
  /** Seats at one event. */
  capacity: 100_000,
  /** Credit hours of one offer (numeric(5,2) holds up to 999.99). */
  creditHours: 999,
} as const;
