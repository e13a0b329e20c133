import { signUp, type AuthPayloadResult } from './accounts.js';
import type { GraphqlClient, GraphqlResponse } from './graphql-client.js';

export const EVENT_FIELDS = `
  id title description kind format status startsAt endsAt timeZone
  venue { name address city region regionName country }
  joinUrl capacity goingCount waitlistCount spotsLeft
  specialties { slug } growthAreas tracks
  credits { type hours accreditor activityId }
  organizer { userId fullName }
  myRsvp { id status waitlistPosition promotedAt }
  sequence publishedAt cancelledAt cancellationReason createdAt updatedAt`;

export const RSVP_FIELDS = `id eventId status waitlistPosition promotedAt cancelledAt createdAt
  event { id goingCount waitlistCount joinUrl }`;

export const CREATE_EVENT = `mutation Create($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
export const UPDATE_EVENT = `mutation Update($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${EVENT_FIELDS} } }`;
export const PUBLISH_EVENT = `mutation Publish($id: ID!) { publishEvent(id: $id) { ${EVENT_FIELDS} } }`;
export const CANCEL_EVENT = `mutation Cancel($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { ${EVENT_FIELDS} } }`;
export const EVENT = `query Event($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`;
export const EVENTS = `query Events($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${EVENT_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  } }`;
export const RSVP = `mutation Rsvp($eventId: ID!) { rsvp(eventId: $eventId) { ${RSVP_FIELDS} } }`;
export const CANCEL_RSVP = `mutation CancelRsvp($eventId: ID!) { cancelRsvp(eventId: $eventId) { ${RSVP_FIELDS} } }`;
export const MY_RSVPS = `query MyRsvps($first: Int, $after: String) {
  myRsvps(first: $first, after: $after) {
    edges { cursor node { ${RSVP_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  } }`;

export interface EventResult {
  id: string;
  title: string;
  description: string;
  kind: string;
  format: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: {
    name: string;
    address: string | null;
    city: string;
    region: string | null;
    regionName: string | null;
    country: string;
  } | null;
  joinUrl: string | null;
  capacity: number | null;
  goingCount: number;
  waitlistCount: number;
  spotsLeft: number | null;
  specialties: { slug: string }[];
  growthAreas: string[];
  tracks: string[];
  credits: { type: string; hours: number; accreditor: string; activityId: string | null }[];
  organizer: { userId: string; fullName: string };
  myRsvp: RsvpSummary | null;
  sequence: number;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RsvpSummary {
  id: string;
  status: string;
  waitlistPosition: number | null;
  promotedAt: string | null;
}

export interface RsvpResult extends RsvpSummary {
  eventId: string;
  cancelledAt: string | null;
  createdAt: string;
  event: { id: string; goingCount: number; waitlistCount: number; joinUrl: string | null };
}

export interface EventsPage {
  edges: { cursor: string; node: EventResult }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** An instant `days` from now, on a whole hour (so tests can compute lengths exactly). */
export function daysFromNow(days: number, hourUtc = 15): Date {
  const date = new Date(Date.now() + days * DAY_MS);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}

export type EventInput = Record<string, unknown>;

/** A valid two-hour virtual grand rounds a week from now; override what a test is about. */
export function anEventInput(overrides: EventInput = {}): EventInput {
  const startsAt = daysFromNow(7);
  return {
    title: 'Pediatric sepsis: recognition in the first hour',
    description: 'Grand rounds on early recognition and bundles for pediatric sepsis.',
    kind: 'GRAND_ROUNDS',
    format: 'VIRTUAL',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000).toISOString(),
    timeZone: 'America/Chicago',
    joinUrl: 'https://meet.example.org/grand-rounds/sepsis',
    capacity: 100,
    ...overrides,
  };
}

export interface Organizer extends AuthPayloadResult {
  token: string;
}

export async function anOrganizer(gql: GraphqlClient): Promise<Organizer> {
  const account = await signUp(gql, { roles: ['ORGANIZER'] });
  return { ...account, token: account.accessToken };
}

/** Someone with an account (a mentee unless told otherwise). */
export async function aPerson(gql: GraphqlClient, roles = ['MENTEE']): Promise<Organizer> {
  const account = await signUp(gql, { roles });
  return { ...account, token: account.accessToken };
}

export async function createEvent(
  gql: GraphqlClient,
  token: string,
  overrides: EventInput = {},
): Promise<EventResult> {
  const data = await gql.ok<{ createEvent: EventResult }>(
    CREATE_EVENT,
    { input: anEventInput(overrides) },
    { token },
  );
  return data.createEvent;
}

/** Created and published by `token`'s organizer. */
export async function aPublishedEvent(
  gql: GraphqlClient,
  token: string,
  overrides: EventInput = {},
): Promise<EventResult> {
  const draft = await createEvent(gql, token, overrides);
  const data = await gql.ok<{ publishEvent: EventResult }>(
    PUBLISH_EVENT,
    { id: draft.id },
    { token },
  );
  return data.publishEvent;
}

export function rsvp(
  gql: GraphqlClient,
  token: string,
  eventId: string,
): Promise<GraphqlResponse<{ rsvp: RsvpResult }>> {
  return gql.request<{ rsvp: RsvpResult }>(RSVP, { eventId }, { token });
}

export function cancelRsvp(
  gql: GraphqlClient,
  token: string,
  eventId: string,
): Promise<GraphqlResponse<{ cancelRsvp: RsvpResult }>> {
  return gql.request<{ cancelRsvp: RsvpResult }>(CANCEL_RSVP, { eventId }, { token });
}
