import { signUp, type AuthPayloadResult } from './accounts.js';
import type { GraphqlClient } from './graphql-client.js';

export const PROFILE_FIELDS = `
  userId fullName headline bio track careerStage careerStageInfo { name level }
  specialties { slug } yearsOfExperience languages country region regionName city timeZone meetingFormats
  shiftPattern availability { day startTime endTime } contact { email phone links }
  mentor { offers capacity activeMenteeCount acceptingMentees }
  mentee { goals targetSpecialty { slug } }
  completeness { percent missing } createdAt updatedAt`;

export const UPDATE_PROFILE = `mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { ${PROFILE_FIELDS} } }`;
export const UPDATE_MENTOR_SETTINGS = `mutation Mentor($input: MentorSettingsInput!) { updateMentorSettings(input: $input) { ${PROFILE_FIELDS} } }`;
export const UPDATE_MENTEE_GOALS = `mutation Mentee($input: MenteeGoalsInput!) { updateMenteeGoals(input: $input) { ${PROFILE_FIELDS} } }`;
export const MY_PROFILE = `query { myProfile { ${PROFILE_FIELDS} } }`;
export const PROFILE = `query Profile($userId: ID!) { profile(userId: $userId) { ${PROFILE_FIELDS} } }`;

export interface ProfileResult {
  userId: string;
  fullName: string;
  headline: string | null;
  bio: string | null;
  track: string;
  careerStage: string;
  careerStageInfo: { name: string; level: number };
  specialties: { slug: string }[];
  yearsOfExperience: number | null;
  languages: string[];
  country: string | null;
  region: string | null;
  regionName: string | null;
  city: string | null;
  timeZone: string;
  meetingFormats: string[];
  shiftPattern: string | null;
  availability: { day: string; startTime: string; endTime: string }[];
  contact: { email: string | null; phone: string | null; links: string[] } | null;
  mentor: {
    offers: string[];
    capacity: number | null;
    activeMenteeCount: number;
    acceptingMentees: boolean;
  } | null;
  mentee: { goals: string[]; targetSpecialty: { slug: string } | null } | null;
  completeness: { percent: number; missing: string[] };
  createdAt: string;
  updatedAt: string;
}

export type ProfileInput = Record<string, unknown>;

/** A minimal valid profile input; override what a test is about. */
export function aProfileInput(overrides: ProfileInput = {}): ProfileInput {
  return {
    track: 'NURSING',
    careerStage: 'MID_CAREER',
    specialtySlugs: ['critical-care-nursing'],
    timeZone: 'America/Chicago',
    ...overrides,
  };
}

export interface Person extends AuthPayloadResult {
  token: string;
  profile: ProfileResult;
}

/** Signs up a mentor with a profile and mentor settings. */
export async function aMentor(
  gql: GraphqlClient,
  profile: ProfileInput = {},
  settings: Record<string, unknown> = {},
): Promise<Person> {
  const account = await signUp(gql, { roles: ['MENTOR'] });
  const token = account.accessToken;
  await gql.ok(UPDATE_PROFILE, { input: aProfileInput(profile) }, { token });
  const data = await gql.ok<{ updateMentorSettings: ProfileResult }>(
    UPDATE_MENTOR_SETTINGS,
    { input: { offers: ['LEADERSHIP_MANAGEMENT'], ...settings } },
    { token },
  );
  return { ...account, token, profile: data.updateMentorSettings };
}
