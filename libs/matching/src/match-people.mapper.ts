import { DEFAULT_MENTOR_CAPACITY, type ProfileRecord } from '@preceptor/profiles';
import type { ScoreComponentModel } from './models/match.models.js';
import type { MatchMentee, MatchMentor, MatchPerson } from './scoring/match-profiles.js';
import type { ScoreComponent } from './scoring/score-match.js';

/** What both sides of a match share (the enums carry the same string values). */
function toMatchPerson(profile: ProfileRecord): MatchPerson {
  return {
    userId: profile.userId,
    track: profile.track,
    careerStage: profile.careerStage,
    specialtyIds: profile.specialtyIds,
    languages: profile.languages,
    meetingFormats: profile.meetingFormats,
    country: profile.country,
    region: profile.region,
    timeZone: profile.timeZone,
    shiftPattern: profile.shiftPattern,
    availability: profile.availability,
  };
}

/** A profile as the scoring core's mentor. */
export function toMatchMentor(profile: ProfileRecord): MatchMentor {
  return {
    ...toMatchPerson(profile),
    offers: profile.mentorOffers,
    capacity: profile.mentorCapacity ?? DEFAULT_MENTOR_CAPACITY,
    activeMenteeCount: profile.mentorActiveMenteeCount,
    accepting: profile.mentorAccepting,
  };
}

/** A profile as the scoring core's mentee. */
export function toMatchMentee(profile: ProfileRecord): MatchMentee {
  return {
    ...toMatchPerson(profile),
    goals: profile.menteeGoals,
    targetSpecialtyId: profile.menteeTargetSpecialtyId,
  };
}

export function toScoreComponentModels(
  breakdown: readonly ScoreComponent[],
): ScoreComponentModel[] {
  return breakdown.map((line) => ({ ...line }));
}
