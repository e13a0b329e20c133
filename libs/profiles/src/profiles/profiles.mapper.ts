import type { ProfileModel } from '../models/profile.models.js';
import { careerStagesFor, regionName, type SpecialtyCatalog } from '@preceptor/taxonomy';
import { completeness, formatMinutes } from './profile-rules.js';
import type { ProfileRecord } from './profile-row.js';

/**
 * The only way a profile row reaches the API. Contact details go to the owner alone. The mentee
 * side (goals, target specialty) is private too: the owner sees it, and so does a mentor the
 * person is suggested to (`menteeSideShown`), since the suggestion is made from it.
 */
export function toProfileModel(
  profile: ProfileRecord,
  catalog: SpecialtyCatalog,
  viewerId: string | undefined,
  { menteeSideShown = false }: { menteeSideShown?: boolean } = {},
): ProfileModel {
  const isOwner = viewerId === profile.userId;
  const stageInfo = careerStagesFor(profile.track).find(
    (info) => info.stage === profile.careerStage,
  )!;
  return {
    userId: profile.userId,
    fullName: profile.fullName,
    headline: profile.headline,
    bio: profile.bio,
    track: profile.track,
    careerStage: profile.careerStage,
    careerStageInfo: stageInfo,
    specialties: profile.specialtyIds.flatMap((id) => catalog.byIdOrUndefined(id)?.model ?? []),
    yearsOfExperience: profile.yearsOfExperience,
    languages: profile.languages,
    country: profile.country,
    region: profile.region,
    regionName: profile.region === null ? null : (regionName(profile.region) ?? null),
    city: profile.city,
    timeZone: profile.timeZone,
    meetingFormats: profile.meetingFormats,
    shiftPattern: profile.shiftPattern,
    availability: profile.availability.map((window) => ({
      day: window.day,
      startTime: formatMinutes(window.startMinute),
      endTime: formatMinutes(window.endMinute),
    })),
    contact: isOwner
      ? {
          email: profile.contactEmail,
          phone: profile.contactPhone,
          links: profile.professionalLinks,
        }
      : null,
    mentor: profile.isMentor
      ? {
          offers: profile.mentorOffers,
          capacity: profile.mentorCapacity,
          activeMenteeCount: profile.mentorActiveMenteeCount,
          acceptingMentees: profile.mentorAccepting,
        }
      : null,
    mentee:
      profile.isMentee && (isOwner || menteeSideShown)
        ? {
            goals: profile.menteeGoals,
            targetSpecialty:
              profile.menteeTargetSpecialtyId === null
                ? null
                : (catalog.byIdOrUndefined(profile.menteeTargetSpecialtyId)?.model ?? null),
          }
        : null,
    completeness: completeness(profile),
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
