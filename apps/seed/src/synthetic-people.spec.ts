import { describe, expect, it } from '@jest/globals';

import { ShiftPattern, Weekday } from '@preceptor/profiles';
import {
  CAREER_STAGE_LEVEL,
  CareerStage,
  GrowthArea,
  normalizeRegion,
  Track,
} from '@preceptor/taxonomy';
import {
  DEFAULT_AS_OF,
  seedEmail,
  SyntheticPeople,
  type SyntheticPerson,
} from './synthetic-people.js';
import { catalogFromReference } from './testing/catalog.js';

const CATALOG = catalogFromReference();
const CATALOG_BY_ID = new Map(CATALOG.map((s) => [s.id, s]));
const people = new SyntheticPeople({ seed: 1, specialties: CATALOG });

// Large enough for proportions to sit within a point or two of their targets.
const SAMPLE = 20_000;
const mentors: SyntheticPerson[] = [];
const mentees: SyntheticPerson[] = [];
for (let i = 1; i <= SAMPLE; i++) {
  mentors.push(people.person('mentor', i));
  mentees.push(people.person('mentee', i));
}
const everyone = [...mentors, ...mentees];

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

/**
 * The people breaking a rule, named (empty when none): one assertion over thousands of people
 * instead of thousands of assertions, and a failure says who broke it.
 */
function offenders(
  items: readonly SyntheticPerson[],
  rule: (p: SyntheticPerson) => boolean,
): string[] {
  return items.filter((p) => !rule(p)).map((p) => `${p.role} #${p.index}`);
}

describe('determinism', () => {
  it('gives the same person for the same seed and index, even from a new generator', () => {
    const again = new SyntheticPeople({ seed: 1, specialties: CATALOG });
    const indexes = [1, 2, 999, 123_456, 9_999_999];
    expect(indexes.map((i) => again.person('mentor', i))).toEqual(
      indexes.map((i) => people.person('mentor', i)),
    );
    expect(indexes.map((i) => again.person('mentee', i))).toEqual(
      indexes.map((i) => people.person('mentee', i)),
    );
  });

  it('gives different people for different seeds', () => {
    const other = new SyntheticPeople({ seed: 2, specialties: CATALOG });
    const sameName = mentors
      .slice(0, 200)
      .filter((p) => other.person('mentor', p.index).fullName === p.fullName);
    expect(sameName.length).toBeLessThan(10);
    expect(other.userId('mentor', 1)).not.toBe(people.userId('mentor', 1));
  });

  it('does not depend on the order people are generated in', () => {
    const fresh = new SyntheticPeople({ seed: 1, specialties: CATALOG });
    expect(fresh.person('mentee', 500)).toEqual(mentees[499]);
    expect(fresh.person('mentor', 3)).toEqual(mentors[2]);
  });

  it('makes account() agree with the account fields of person()', () => {
    const sample = [...mentors.slice(0, 300), ...mentees.slice(0, 300)];
    expect(sample.map((p) => people.account(p.role, p.index))).toEqual(
      sample.map((p) => ({
        role: p.role,
        index: p.index,
        id: p.id,
        email: p.email,
        fullName: p.fullName,
        isMentor: p.isMentor,
        isMentee: p.isMentee,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      })),
    );
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('refuses the seed %s', (seed) => {
    expect(() => new SyntheticPeople({ seed, specialties: CATALOG })).toThrow(RangeError);
  });

  it('refuses a catalog without a specialty for some track', () => {
    const noInformatics = CATALOG.filter((s) => !s.tracks.includes(Track.INFORMATICS));
    expect(() => new SyntheticPeople({ seed: 1, specialties: noInformatics })).toThrow(
      /INFORMATICS/,
    );
  });
});

describe('identity', () => {
  it('numbers emails with seven digits per role', () => {
    expect(mentors[0].email).toBe('mentor-0000001@seed.preceptor.example');
    expect(mentees[41].email).toBe('mentee-0000042@seed.preceptor.example');
    expect(seedEmail('mentor', 12_345_678)).toBe('mentor-12345678@seed.preceptor.example');
  });

  it('gives every person a distinct, well-formed UUID that rises with the index', () => {
    const ids = everyone.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !uuid.test(id))).toEqual([]);
    const mentorIds = mentors.map((p) => p.id);
    expect([...mentorIds].sort()).toEqual(mentorIds);
  });

  it('uses varied names from many origins', () => {
    const first = new Set(everyone.map((p) => p.fullName.split(' ')[0]));
    const last = new Set(everyone.map((p) => p.fullName.split(' ').at(-1)));
    expect(first.size).toBeGreaterThan(150);
    expect(last.size).toBeGreaterThan(150);
    expect(offenders(everyone, (p) => p.fullName.length <= 120)).toEqual([]);
  });

  it('gives mentors the mentor role and a few of them the mentee role too', () => {
    expect(offenders(mentors, (p) => p.isMentor)).toEqual([]);
    expect(offenders(mentees, (p) => p.isMentee && !p.isMentor)).toEqual([]);
    const both = share(mentors, (p) => p.isMentee);
    expect(both).toBeGreaterThan(0.06);
    expect(both).toBeLessThan(0.1);
  });
});

describe('tracks and career stages', () => {
  const expected: Record<Track, number> = {
    [Track.NURSING]: 0.45,
    [Track.PHYSICIAN]: 0.2,
    [Track.ALLIED_HEALTH]: 0.15,
    [Track.ADVANCED_PRACTICE]: 0.08,
    [Track.PHARMACY]: 0.05,
    [Track.PUBLIC_HEALTH]: 0.03,
    [Track.ADMINISTRATION]: 0.02,
    [Track.INFORMATICS]: 0.02,
  };

  it.each(Object.entries(expected) as [Track, number][])(
    'puts track %s at %s of people (±1.5 points)',
    (track, p) => {
      expect(Math.abs(share(everyone, (person) => person.track === track) - p)).toBeLessThan(0.015);
    },
  );

  it('makes mentors mostly mid-career and up, never students or trainees', () => {
    expect(
      offenders(
        mentors,
        (p) => CAREER_STAGE_LEVEL[p.careerStage] >= CAREER_STAGE_LEVEL.EARLY_CAREER,
      ),
    ).toEqual([]);
    expect(share(mentors, (p) => CAREER_STAGE_LEVEL[p.careerStage] >= 3)).toBeGreaterThan(0.85);
  });

  it('makes mentees students, trainees or early career', () => {
    const allowed = new Set([CareerStage.STUDENT, CareerStage.TRAINEE, CareerStage.EARLY_CAREER]);
    expect(offenders(mentees, (p) => allowed.has(p.careerStage))).toEqual([]);
    expect(share(mentees, (p) => p.careerStage === CareerStage.STUDENT)).toBeGreaterThan(0.3);
  });

  it('keeps students and new graduates at two years or less, leaders at fifteen or more', () => {
    const fits = (p: SyntheticPerson): boolean => {
      switch (p.careerStage) {
        case CareerStage.STUDENT:
          return p.yearsOfExperience <= 2;
        case CareerStage.TRAINEE:
          // Residency and fellowship run up to seven years; other trainees are new graduates.
          return p.yearsOfExperience <= (p.track === Track.PHYSICIAN ? 7 : 2);
        case CareerStage.LEADER:
          return p.yearsOfExperience >= 15;
        case CareerStage.EARLY_CAREER:
        case CareerStage.MID_CAREER:
        case CareerStage.SENIOR:
          return p.yearsOfExperience >= 1 && p.yearsOfExperience <= 40;
      }
    };
    expect(offenders(everyone, fits)).toEqual([]);
  });

  it.each(Object.values(Track))('gives %s more experience at each later stage', (track) => {
    const meanYears = Object.values(CareerStage)
      .sort((a, b) => CAREER_STAGE_LEVEL[a] - CAREER_STAGE_LEVEL[b])
      .map((stage) => everyone.filter((p) => p.track === track && p.careerStage === stage))
      .filter((group) => group.length >= 20)
      .map((group) => group.reduce((sum, p) => sum + p.yearsOfExperience, 0) / group.length);
    expect(meanYears.length).toBeGreaterThanOrEqual(4);
    const rises = meanYears.slice(1).every((mean, i) => mean > meanYears[i]);
    expect({ meanYears, rises }).toEqual({ meanYears, rises: true });
  });
});

describe('specialties', () => {
  it('chooses one to three distinct specialties, all listing the person’s track', () => {
    const fits = (p: SyntheticPerson): boolean =>
      p.specialtyIds.length >= 1 &&
      p.specialtyIds.length <= 3 &&
      new Set(p.specialtyIds).size === p.specialtyIds.length &&
      p.specialtyIds.every((id) => CATALOG_BY_ID.get(id)!.tracks.includes(p.track));
    expect(offenders(everyone, fits)).toEqual([]);
  });

  it('sets the lineage to the chosen specialties and exactly their ancestors', () => {
    const fits = (p: SyntheticPerson): boolean => {
      const expected = new Set(p.specialtyIds.flatMap((id) => CATALOG_BY_ID.get(id)!.lineage));
      return [...expected].sort((a, b) => a - b).join() === p.specialtyLineage.join();
    };
    expect(offenders(everyone, fits)).toEqual([]);
  });

  it('uses child specialties as well as top-level ones', () => {
    const primaries = everyone.map((p) => CATALOG_BY_ID.get(p.specialtyIds[0])!);
    expect(share(primaries, (s) => s.parentId === null)).toBeGreaterThan(0.05);
    expect(share(primaries, (s) => s.parentId !== null)).toBeGreaterThan(0.5);
  });

  it('sometimes gives mentees a target specialty in their track that they do not hold yet', () => {
    const withTarget = mentees.filter((p) => p.menteeTargetSpecialtyId !== null);
    expect(withTarget.length / mentees.length).toBeGreaterThan(0.2);
    expect(withTarget.length / mentees.length).toBeLessThan(0.45);
    const fits = (p: SyntheticPerson): boolean =>
      !p.specialtyIds.includes(p.menteeTargetSpecialtyId!) &&
      CATALOG_BY_ID.get(p.menteeTargetSpecialtyId!)!.tracks.includes(p.track);
    expect(offenders(withTarget, fits)).toEqual([]);
  });
});

describe('text', () => {
  it('mentions the primary specialty in the headline and the bio', () => {
    const primary = (p: SyntheticPerson): string => CATALOG_BY_ID.get(p.specialtyIds[0])!.name;
    expect(
      offenders(everyone, (p) => p.headline.includes(primary(p)) && p.bio.includes(primary(p))),
    ).toEqual([]);
  });

  it('keeps headlines and bios within their column sizes, and bios short', () => {
    expect(offenders(everyone, (p) => p.headline.length <= 160 && p.bio.length <= 4000)).toEqual(
      [],
    );
    const meanBio = everyone.reduce((sum, p) => sum + p.bio.length, 0) / everyone.length;
    expect(meanBio).toBeGreaterThan(100);
    expect(meanBio).toBeLessThan(300);
  });

  it('describes students by their interests rather than by years of experience', () => {
    const students = everyone.filter((p) => p.careerStage === CareerStage.STUDENT);
    expect(
      offenders(students, (p) => !/years of experience|in the field|I also work/.test(p.bio)),
    ).toEqual([]);
  });

  it('writes nothing that COPY text format would have to escape', () => {
    expect(offenders(everyone, (p) => !/[\t\n\r\\]/.test(p.fullName + p.headline + p.bio))).toEqual(
      [],
    );
  });
});

describe('places and languages', () => {
  const zonesByCountry: Record<string, RegExp> = {
    US: /^(America\/|Pacific\/Honolulu$)/,
    CA: /^America\/(Toronto|Vancouver|Edmonton|Winnipeg|Halifax|Regina)$/,
    GB: /^Europe\/London$/,
    IE: /^Europe\/Dublin$/,
    AU: /^Australia\//,
    PH: /^Asia\/Manila$/,
    IN: /^Asia\/Kolkata$/,
  };

  it('uses only real IANA time zones that belong to the person’s country', () => {
    const zones = [...new Set(everyone.map((p) => p.timeZone))];
    const unknown = zones.filter((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
    expect(
      offenders(everyone, (p) => zonesByCountry[p.country]?.test(p.timeZone) === true),
    ).toEqual([]);
  });

  it('gives everyone an ISO 3166-2 region of their country', () => {
    expect(
      offenders(everyone, (p) => {
        const result = normalizeRegion(p.country, p.region);
        return 'code' in result && result.code === p.region;
      }),
    ).toEqual([]);
  });

  it('matches US states to their zones', () => {
    const zonesOf = (region: string): Set<string> =>
      new Set(everyone.filter((p) => p.region === `US-${region}`).map((p) => p.timeZone));
    expect(zonesOf('AZ')).toEqual(new Set(['America/Phoenix']));
    expect(zonesOf('HI')).toEqual(new Set(['Pacific/Honolulu']));
    expect(zonesOf('CA')).toEqual(new Set(['America/Los_Angeles']));
    expect(zonesOf('NY')).toEqual(new Set(['America/New_York']));
    expect(zonesOf('IL')).toEqual(new Set(['America/Chicago']));
  });

  it('places most people in the US, weighted by population per time zone', () => {
    const us = everyone.filter((p) => p.country === 'US');
    expect(us.length / everyone.length).toBeGreaterThan(0.9);
    expect(us.length / everyone.length).toBeLessThan(0.97);
    const inZones = (...zones: string[]): number => share(us, (p) => zones.includes(p.timeZone));
    const eastern = inZones(
      'America/New_York',
      'America/Detroit',
      'America/Indiana/Indianapolis',
      'America/Kentucky/Louisville',
    );
    const central = inZones('America/Chicago');
    const mountain = inZones('America/Denver', 'America/Boise', 'America/Phoenix');
    const pacific = inZones('America/Los_Angeles');
    expect(Math.abs(eastern - 0.47)).toBeLessThan(0.03);
    expect(Math.abs(central - 0.29)).toBeLessThan(0.03);
    expect(Math.abs(mountain - 0.07)).toBeLessThan(0.02);
    expect(Math.abs(pacific - 0.13)).toBeLessThan(0.02);
    expect(inZones('America/Anchorage', 'Pacific/Honolulu')).toBeLessThan(0.02);
  });

  it.each(['CA', 'GB', 'IE', 'AU', 'PH', 'IN'])('places a few people in %s', (country) => {
    const p = share(everyone, (person) => person.country === country);
    expect(p).toBeGreaterThan(0.001);
    expect(p).toBeLessThan(0.03);
  });

  it('has everyone speak English first, each language once', () => {
    expect(
      offenders(
        everyone,
        (p) => p.languages[0] === 'en' && new Set(p.languages).size === p.languages.length,
      ),
    ).toEqual([]);
  });

  it('has about 13% speak Spanish', () => {
    const spanish = share(everyone, (p) => p.languages.includes('es'));
    expect(Math.abs(spanish - 0.13)).toBeLessThan(0.02);
  });

  it.each(['zh', 'tl', 'vi', 'ar', 'fr', 'ko', 'hi', 'ru', 'pt'])(
    'has roughly 0.5–1.5%% speak %s',
    (code) => {
      const p = share(everyone, (person) => person.languages.includes(code));
      expect(p).toBeGreaterThan(0.003);
      expect(p).toBeLessThan(0.02);
    },
  );

  it('makes Tagalog common in the Philippines and French common in Québec', () => {
    const speaks = (code: string) => (p: SyntheticPerson) => p.languages.includes(code);
    expect(
      share(
        everyone.filter((p) => p.country === 'PH'),
        speaks('tl'),
      ),
    ).toBeGreaterThan(0.5);
    expect(
      share(
        everyone.filter((p) => p.region === 'CA-QC'),
        speaks('fr'),
      ),
    ).toBeGreaterThan(0.7);
    // California is US-CA: Californians must not pick up Canada's French.
    const californians = everyone.filter((p) => p.region === 'US-CA');
    expect(share(californians, speaks('fr'))).toBeLessThan(0.03);
  });
});

describe('schedules', () => {
  it('gives one to four well-formed half-hour windows on distinct days', () => {
    const days = new Set<string>(Object.values(Weekday));
    const fits = (p: SyntheticPerson): boolean =>
      p.availability.length >= 1 &&
      p.availability.length <= 4 &&
      new Set(p.availability.map((w) => w.day)).size === p.availability.length &&
      p.availability.every(
        (w) =>
          days.has(w.day) &&
          w.startMinute % 30 === 0 &&
          w.startMinute >= 0 &&
          w.endMinute > w.startMinute &&
          w.endMinute <= 1440,
      );
    expect(offenders(everyone, fits)).toEqual([]);
  });

  it('puts many bedside nurses and residents on nights or rotating shifts', () => {
    const nightsOrRotating = (p: SyntheticPerson): boolean =>
      p.shiftPattern === ShiftPattern.NIGHTS || p.shiftPattern === ShiftPattern.ROTATING;
    const bedside = everyone.filter(
      (p) =>
        p.track === Track.NURSING &&
        (p.careerStage === CareerStage.EARLY_CAREER || p.careerStage === CareerStage.MID_CAREER),
    );
    const residents = everyone.filter(
      (p) => p.track === Track.PHYSICIAN && p.careerStage === CareerStage.TRAINEE,
    );
    expect(share(bedside, nightsOrRotating)).toBeGreaterThan(0.35);
    expect(share(residents, nightsOrRotating)).toBeGreaterThan(0.45);
  });

  it('never puts office tracks on nights', () => {
    const office = everyone.filter((p) =>
      [Track.ADMINISTRATION, Track.INFORMATICS, Track.PUBLIC_HEALTH].includes(p.track),
    );
    expect(offenders(office, (p) => p.shiftPattern !== ShiftPattern.NIGHTS)).toEqual([]);
  });

  it('gives night workers daytime windows and day workers evening ones on weekdays', () => {
    const weekdayStarts = (pattern: ShiftPattern): number[] =>
      everyone
        .filter((p) => p.shiftPattern === pattern)
        .flatMap((p) => p.availability)
        .filter((w) => w.day !== Weekday.SATURDAY && w.day !== Weekday.SUNDAY)
        .map((w) => w.startMinute);
    expect(Math.max(...weekdayStarts(ShiftPattern.NIGHTS))).toBeLessThanOrEqual(17 * 60 + 30);
    expect(Math.min(...weekdayStarts(ShiftPattern.DAYS))).toBeGreaterThanOrEqual(17 * 60);
  });

  it('offers at least one meeting format, each once', () => {
    const fits = (p: SyntheticPerson): boolean =>
      p.meetingFormats.length >= 1 && new Set(p.meetingFormats).size === p.meetingFormats.length;
    expect(offenders(everyone, fits)).toEqual([]);
  });
});

describe('mentoring facets', () => {
  it('gives mentors one to four distinct offers and a capacity of one to eight', () => {
    const fits = (p: SyntheticPerson): boolean =>
      p.mentorOffers.length >= 1 &&
      p.mentorOffers.length <= 4 &&
      new Set(p.mentorOffers).size === p.mentorOffers.length &&
      p.mentorCapacity !== null &&
      p.mentorCapacity >= 1 &&
      p.mentorCapacity <= 8 &&
      p.mentorActiveMenteeCount >= 0 &&
      p.mentorActiveMenteeCount <= p.mentorCapacity;
    expect(offenders(mentors, fits)).toEqual([]);
  });

  it('has about 85% of mentors accepting, each with room for another mentee', () => {
    const accepting = mentors.filter((p) => p.mentorAccepting);
    expect(Math.abs(accepting.length / mentors.length - 0.85)).toBeLessThan(0.02);
    expect(offenders(accepting, (p) => p.mentorActiveMenteeCount < p.mentorCapacity!)).toEqual([]);
  });

  it('ranks one to three distinct goals for every mentee and none for mentor-only people', () => {
    const fits = (p: SyntheticPerson): boolean =>
      p.isMentee
        ? p.menteeGoals.length >= 1 &&
          p.menteeGoals.length <= 3 &&
          new Set(p.menteeGoals).size === p.menteeGoals.length
        : p.menteeGoals.length === 0 && p.menteeTargetSpecialtyId === null;
    expect(offenders(everyone, fits)).toEqual([]);
  });

  it('leaves the mentor facet empty for mentees', () => {
    const empty = (p: SyntheticPerson): boolean =>
      p.mentorOffers.length === 0 &&
      p.mentorCapacity === null &&
      !p.mentorAccepting &&
      p.mentorActiveMenteeCount === 0;
    expect(offenders(mentees, empty)).toEqual([]);
  });

  it('has leaders offer leadership more often than early-career mentors do', () => {
    const offersLeadership = (p: SyntheticPerson): boolean =>
      p.mentorOffers.includes(GrowthArea.LEADERSHIP_MANAGEMENT);
    const leaders = mentors.filter((p) => p.careerStage === CareerStage.LEADER);
    const early = mentors.filter((p) => p.careerStage === CareerStage.EARLY_CAREER);
    expect(share(leaders, offersLeadership)).toBeGreaterThan(2 * share(early, offersLeadership));
  });
});

describe('dates and contact details', () => {
  it('spreads sign-ups over the three years before the reference date, updates after', () => {
    const asOf = DEFAULT_AS_OF.getTime();
    const threeYears = 3 * 365.25 * 24 * 3600 * 1000;
    const fits = (p: SyntheticPerson): boolean =>
      p.createdAt.getTime() >= asOf - threeYears &&
      p.createdAt.getTime() <= asOf &&
      p.updatedAt.getTime() >= p.createdAt.getTime() &&
      p.updatedAt.getTime() <= asOf;
    expect(offenders(everyone, fits)).toEqual([]);
    const years = new Set(everyone.map((p) => p.createdAt.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(3);
  });

  it('moves the window with the asOf option', () => {
    const asOf = new Date('2030-01-01T00:00:00Z');
    const later = new SyntheticPeople({ seed: 1, specialties: CATALOG, asOf }).person('mentor', 1);
    expect(later.createdAt.getTime()).toBeGreaterThan(DEFAULT_AS_OF.getTime());
    expect(later.createdAt.getTime()).toBeLessThanOrEqual(asOf.getTime());
  });

  it('fills contact emails for some people', () => {
    const withEmail = share(everyone, (p) => p.contactEmail !== null);
    expect(withEmail).toBeGreaterThan(0.25);
    expect(withEmail).toBeLessThan(0.45);
  });

  it('uses only reserved example domains and fictional phone numbers', () => {
    const email = /^[a-z]+\.[a-z]+\d*@([a-z]+\.)?example\.(org|com|net)$/;
    // E.164 (what profile input accepts), in ranges reserved for fiction.
    const phone = /^\+1\d{3}55501\d\d$|^\+4420794600\d\d$/;
    const link = /^https:\/\/profiles\.example\.org\//;
    const fits = (p: SyntheticPerson): boolean =>
      (p.contactEmail === null || email.test(p.contactEmail)) &&
      (p.contactPhone === null || phone.test(p.contactPhone)) &&
      p.professionalLinks.every((l) => link.test(l));
    expect(offenders(everyone, fits)).toEqual([]);
  });
});
