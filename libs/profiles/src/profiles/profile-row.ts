import { type CareerStage, type GrowthArea, type Track } from '@preceptor/taxonomy';
import type { ProfileEntity } from './profile.entity.js';
import { plainArrayElements, plainArrayNumbers } from './pg-array-text.js';
import type { AvailabilityWindow, MeetingFormat, ShiftPattern } from './profile-enums.js';

/** A profile as the mapper needs it. */
export type ProfileRecord = ProfileEntity;

/**
 * Columns for reading profiles with plain SQL on hot paths (mentor listing), skipping the ORM's
 * per-row hydration. Arrays of enum labels, codes and ids arrive as text and are split here
 * (see plainArrayElements); links, which may hold any character, keep the driver's parser.
 */
export const PROFILE_COLUMNS = `user_id, created_at, updated_at, full_name, is_mentor, is_mentee, headline, bio,
  track::text, career_stage::text, specialty_ids::text, specialty_lineage::text, years_of_experience,
  languages::text, country, region, city, time_zone, meeting_formats::text, shift_pattern::text,
  availability, contact_email, contact_phone, professional_links, mentor_offers::text,
  mentor_capacity, mentor_accepting, mentor_active_mentee_count, mentee_goals::text,
  mentee_target_specialty_id, is_seeded`;

export interface ProfileRow {
  user_id: string;
  created_at: Date;
  updated_at: Date;
  full_name: string;
  is_mentor: boolean;
  is_mentee: boolean;
  headline: string | null;
  bio: string | null;
  track: string;
  career_stage: string;
  specialty_ids: string;
  specialty_lineage: string;
  years_of_experience: number | null;
  languages: string;
  country: string | null;
  region: string | null;
  city: string | null;
  time_zone: string;
  meeting_formats: string;
  shift_pattern: string | null;
  availability: AvailabilityWindow[];
  contact_email: string | null;
  contact_phone: string | null;
  professional_links: string[];
  mentor_offers: string;
  mentor_capacity: number | null;
  mentor_accepting: boolean;
  mentor_active_mentee_count: number;
  mentee_goals: string;
  mentee_target_specialty_id: number | null;
  is_seeded: boolean;
}

export function profileFromRow(row: ProfileRow): ProfileRecord {
  return {
    userId: row.user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    fullName: row.full_name,
    isMentor: row.is_mentor,
    isMentee: row.is_mentee,
    headline: row.headline,
    bio: row.bio,
    track: row.track as Track,
    careerStage: row.career_stage as CareerStage,
    specialtyIds: plainArrayNumbers(row.specialty_ids),
    specialtyLineage: plainArrayNumbers(row.specialty_lineage),
    yearsOfExperience: row.years_of_experience,
    languages: plainArrayElements(row.languages),
    country: row.country,
    region: row.region,
    city: row.city,
    timeZone: row.time_zone,
    meetingFormats: plainArrayElements(row.meeting_formats) as MeetingFormat[],
    shiftPattern: row.shift_pattern as ShiftPattern | null,
    availability: row.availability,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    professionalLinks: row.professional_links,
    mentorOffers: plainArrayElements(row.mentor_offers) as GrowthArea[],
    mentorCapacity: row.mentor_capacity,
    mentorAccepting: row.mentor_accepting,
    mentorActiveMenteeCount: row.mentor_active_mentee_count,
    menteeGoals: plainArrayElements(row.mentee_goals) as GrowthArea[],
    menteeTargetSpecialtyId: row.mentee_target_specialty_id,
    isSeeded: row.is_seeded,
  };
}
