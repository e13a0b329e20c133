import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, UsersService, type AuthUser } from '@preceptor/accounts';
import { CommonError, runTransaction, type FieldProblem } from '@preceptor/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProfileInput } from '../dto/profile.input.js';
import type { MenteeGoalsInput, MentorSettingsInput } from '../dto/settings.input.js';
import type { ProfileModel } from '../models/profile.models.js';
import { ProfileWrites } from './profile-writes.js';
import { ProfilesError } from '../profiles.errors.js';
import { isValidTimeZone, lineageOf, normalizeRegion, SpecialtyCatalog } from '@preceptor/taxonomy';
import { DEFAULT_MENTOR_CAPACITY } from './profile-rules.js';
import { ProfileEntity } from './profile.entity.js';
import { parseAvailability } from './profile-rules.js';
import { toProfileModel } from './profiles.mapper.js';

/** Assigns `value` unless the client omitted the field (undefined); null clears it. */
function keepOrSet<T>(value: T | undefined, current: T): T {
  return value === undefined ? current : value;
}

/**
 * The region code to store. Checked against the country whenever either is sent, so a new
 * country with a region of the old one is refused rather than saved half right.
 */
function regionFor(
  input: ProfileInput,
  current: ProfileEntity,
  country: string | null,
): string | null {
  if (input.region === undefined && input.country === undefined) return current.region;
  const region = keepOrSet(input.region, current.region);
  if (region === null) return null;
  const result = normalizeRegion(country, region);
  if ('problem' in result) {
    throw CommonError.invalidInput([{ field: 'region', message: result.problem }]);
  }
  return result.code;
}

@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly writes: ProfileWrites,
    private readonly users: UsersService,
  ) {}

  async myProfile(caller: AuthUser): Promise<ProfileModel | null> {
    const profile = await this.dataSource
      .getRepository(ProfileEntity)
      .findOne({ where: { userId: caller.id } });
    return profile ? toProfileModel(profile, this.catalog, caller.id) : null;
  }

  /** Mentor profiles are visible to every signed-in user; anyone else's only to themselves. */
  async profile(userId: string, caller: AuthUser): Promise<ProfileModel | null> {
    const profile = await this.dataSource
      .getRepository(ProfileEntity)
      .findOne({ where: { userId } });
    if (!profile || (!profile.isMentor && profile.userId !== caller.id)) return null;
    return toProfileModel(profile, this.catalog, caller.id);
  }

  async updateProfile(caller: AuthUser, input: ProfileInput): Promise<ProfileModel> {
    const problems: FieldProblem[] = [];
    if (!isValidTimeZone(input.timeZone)) {
      problems.push({
        field: 'timeZone',
        message: `"${input.timeZone}" is not an IANA time zone such as "America/Chicago"`,
      });
    }
    const availability = input.availability ? parseAvailability(input.availability) : undefined;
    problems.push(...(availability?.problems ?? []));
    if (problems.length > 0) throw CommonError.invalidInput(problems);
    const specialties = this.catalog.resolve(input.specialtySlugs, 'specialtySlugs');

    const saved = await runTransaction(this.dataSource, async (manager) => {
      // A row lock cannot serialise two first saves (there is no row yet): both would insert and
      // one would fail. A lock on the person's id makes the second wait and then update.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [caller.id]);
      const user = await this.users.identity(caller.id, manager);
      const current =
        (await manager.findOne(ProfileEntity, {
          where: { userId: caller.id },
          lock: { mode: 'pessimistic_write' },
        })) ?? this.newProfile(manager, caller.id);
      const contact = input.contact;
      const country = keepOrSet(input.country, current.country);
      const region = regionFor(input, current, country);
      manager.merge(ProfileEntity, current, {
        fullName: user.fullName,
        isMentor: user.roles.includes(Role.MENTOR),
        isMentee: user.roles.includes(Role.MENTEE),
        headline: keepOrSet(input.headline, current.headline),
        bio: keepOrSet(input.bio, current.bio),
        track: input.track,
        careerStage: input.careerStage,
        specialtyIds: specialties.map((s) => s.id),
        specialtyLineage: lineageOf(specialties),
        yearsOfExperience: keepOrSet(input.yearsOfExperience, current.yearsOfExperience),
        languages: input.languages === undefined ? current.languages : (input.languages ?? ['en']),
        country,
        region,
        city: keepOrSet(input.city, current.city),
        timeZone: input.timeZone,
        meetingFormats:
          input.meetingFormats === undefined
            ? current.meetingFormats
            : (input.meetingFormats ?? []),
        shiftPattern: keepOrSet(input.shiftPattern, current.shiftPattern),
        availability:
          input.availability === undefined ? current.availability : (availability?.windows ?? []),
        contactEmail: contact === undefined ? current.contactEmail : (contact?.email ?? null),
        contactPhone: contact === undefined ? current.contactPhone : (contact?.phone ?? null),
        professionalLinks:
          contact === undefined ? current.professionalLinks : (contact?.links ?? []),
      });
      return manager.save(current);
    });
    // Committed: browse results show the change from this response on.
    await this.writes.committed([caller.id]);
    return toProfileModel(saved, this.catalog, caller.id);
  }

  async updateMentorSettings(caller: AuthUser, input: MentorSettingsInput): Promise<ProfileModel> {
    return this.updateExisting(caller, (profile) => {
      // First-time mentors start open to requests unless they say otherwise.
      const firstTime = profile.mentorCapacity === null;
      profile.mentorOffers = input.offers;
      profile.mentorCapacity = input.capacity ?? profile.mentorCapacity ?? DEFAULT_MENTOR_CAPACITY;
      profile.mentorAccepting =
        input.acceptingMentees ?? (firstTime ? true : profile.mentorAccepting);
      profile.isMentor = true;
    });
  }

  async updateMenteeGoals(caller: AuthUser, input: MenteeGoalsInput): Promise<ProfileModel> {
    const target =
      input.targetSpecialtySlug === undefined || input.targetSpecialtySlug === null
        ? input.targetSpecialtySlug
        : this.catalog.resolve([input.targetSpecialtySlug], 'targetSpecialtySlug')[0].id;
    return this.updateExisting(caller, (profile) => {
      profile.menteeGoals = input.goals;
      profile.menteeTargetSpecialtyId =
        target === undefined ? profile.menteeTargetSpecialtyId : target;
      profile.isMentee = true;
    });
  }

  private async updateExisting(
    caller: AuthUser,
    change: (profile: ProfileEntity) => void,
  ): Promise<ProfileModel> {
    const saved = await runTransaction(this.dataSource, async (manager) => {
      const profile = await manager.findOne(ProfileEntity, {
        where: { userId: caller.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!profile) throw ProfilesError.profileRequired();
      change(profile);
      return manager.save(profile);
    });
    await this.writes.committed([caller.id]);
    return toProfileModel(saved, this.catalog, caller.id);
  }

  private newProfile(manager: EntityManager, userId: string): ProfileEntity {
    return manager.create(ProfileEntity, {
      userId,
      headline: null,
      bio: null,
      yearsOfExperience: null,
      languages: ['en'],
      country: null,
      region: null,
      city: null,
      meetingFormats: [],
      shiftPattern: null,
      availability: [],
      contactEmail: null,
      contactPhone: null,
      professionalLinks: [],
      mentorOffers: [],
      mentorCapacity: null,
      mentorAccepting: false,
      mentorActiveMenteeCount: 0,
      menteeGoals: [],
      menteeTargetSpecialtyId: null,
      isSeeded: false,
    });
  }
}
