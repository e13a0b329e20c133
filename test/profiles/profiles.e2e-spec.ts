import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import {
  aMentor,
  aProfileInput,
  MY_PROFILE,
  PROFILE,
  UPDATE_MENTEE_GOALS,
  UPDATE_MENTOR_SETTINGS,
  UPDATE_PROFILE,
  type ProfileResult,
} from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('profiles', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const update = (token: string, input: Record<string, unknown>) =>
    api.gql.request<{ updateProfile: ProfileResult }>(UPDATE_PROFILE, { input }, { token });
  const mine = async (token: string) =>
    (await api.gql.ok<{ myProfile: ProfileResult | null }>(MY_PROFILE, {}, { token })).myProfile;

  describe('updateProfile', () => {
    it('needs a signed-in caller', async () => {
      const error = onlyError(await api.gql.request(UPDATE_PROFILE, { input: aProfileInput() }));
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers concurrent first saves of one person with one profile, every call succeeding', async () => {
      const people = await Promise.all(
        Array.from({ length: 5 }, () => signUp(api.gql, { roles: ['MENTEE'] })),
      );
      const calls = people.flatMap((person) =>
        Array.from({ length: 4 }, (_, i) =>
          api.gql.request(
            UPDATE_PROFILE,
            { input: aProfileInput({ headline: `Attempt ${i}` }) },
            { token: person.accessToken },
          ),
        ),
      );
      const results = await Promise.all(calls);
      expect(results.map((result) => result.errors)).toEqual(results.map(() => undefined));
      const rows = await api.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM profiles WHERE user_id = ANY($1::uuid[])',
        [people.map((person) => person.user.id)],
      );
      expect(rows[0].n).toBe(5);
    });

    it('creates the caller’s profile with everything it was given', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      const result = await update(account.accessToken, {
        headline: '  ICU nurse moving toward nurse anesthesia  ',
        bio: 'Six years in a cardiac ICU; night shift veteran.',
        track: 'NURSING',
        careerStage: 'MID_CAREER',
        specialtySlugs: ['critical-care-nursing', 'emergency-nursing'],
        yearsOfExperience: 6,
        languages: ['EN', 'es'],
        country: 'us',
        region: 'IL',
        city: 'Chicago',
        timeZone: 'America/Chicago',
        meetingFormats: ['VIRTUAL'],
        shiftPattern: 'NIGHTS',
        availability: [
          { day: 'TUESDAY', startTime: '09:00', endTime: '11:30' },
          { day: 'SATURDAY', startTime: '22:00', endTime: '24:00' },
        ],
        contact: {
          email: 'amara@example.org',
          phone: '+1 (312) 555-0199',
          links: ['https://linkedin.example/amara'],
        },
      });
      expect(result.errors).toBeUndefined();
      const profile = result.data!.updateProfile;
      expect(profile).toMatchObject({
        userId: account.user.id,
        fullName: account.user.fullName,
        headline: 'ICU nurse moving toward nurse anesthesia',
        track: 'NURSING',
        careerStage: 'MID_CAREER',
        careerStageInfo: { level: 3 },
        specialties: [{ slug: 'critical-care-nursing' }, { slug: 'emergency-nursing' }],
        languages: ['en', 'es'],
        country: 'US',
        region: 'US-IL',
        regionName: 'Illinois',
        shiftPattern: 'NIGHTS',
        availability: [
          { day: 'TUESDAY', startTime: '09:00', endTime: '11:30' },
          { day: 'SATURDAY', startTime: '22:00', endTime: '24:00' },
        ],
        contact: {
          email: 'amara@example.org',
          phone: '+13125550199',
          links: ['https://linkedin.example/amara'],
        },
        mentor: null,
        mentee: { goals: [], targetSpecialty: null },
      });
      expect(profile.completeness.missing).toEqual(['mentee.goals', 'mentee.targetSpecialtySlug']);
      expect(await mine(account.accessToken)).toEqual(profile);
    });

    it('keeps omitted fields and clears fields sent as null', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(
        account.accessToken,
        aProfileInput({ headline: 'First headline', bio: 'A bio', city: 'Austin' }),
      );
      const next = await update(
        account.accessToken,
        aProfileInput({ bio: null, careerStage: 'SENIOR' }),
      );
      expect(next.data!.updateProfile).toMatchObject({
        headline: 'First headline',
        bio: null,
        city: 'Austin',
        careerStage: 'SENIOR',
      });
    });

    it('says what to fill in next, and how complete the profile is', async () => {
      const account = await signUp(api.gql, { roles: ['MENTOR'] });
      const bare = (await update(account.accessToken, aProfileInput())).data!.updateProfile;
      expect(bare.completeness.missing.slice(0, 3)).toEqual(['mentor.offers', 'bio', 'headline']);
      const fuller = (
        await update(
          account.accessToken,
          aProfileInput({
            bio: 'b',
            headline: 'h',
            availability: [{ day: 'MONDAY', startTime: '18:00', endTime: '19:00' }],
          }),
        )
      ).data!.updateProfile;
      expect(fuller.completeness.percent).toBeGreaterThan(bare.completeness.percent);
      expect(fuller.completeness.missing).not.toContain('bio');
    });

    it.each([
      [
        'specialtySlugs',
        { specialtySlugs: ['critical-care-nursing', 'underwater-basket-weaving'] },
        /underwater-basket-weaving/,
      ],
      ['specialtySlugs', { specialtySlugs: [] }, /at least one/],
      ['timeZone', { timeZone: 'Mars/Olympus_Mons' }, /IANA/],
      ['timeZone', { timeZone: 'EST5EDT; DROP TABLE users' }, /IANA/],
      ['languages', { languages: ['en', 'klingon'] }, /ISO 639-1/],
      ['country', { country: 'USA' }, /ISO 3166-1/],
      ['region', { country: 'US', region: 'Texas' }, /ISO 3166-2 region code such as "US-TX"/],
      ['region', { country: 'US', region: 'XX' }, /"US-XX" is not a region of United States/],
      ['region', { country: 'US', region: 'CA-QC' }, /"CA-QC" is a region of Canada/],
      ['region', { country: null, region: 'TX' }, /"TX" needs a country/],
      ['headline', { headline: 'x'.repeat(161) }, /160/],
      ['bio', { bio: 'x'.repeat(4001) }, /4000/],
      ['yearsOfExperience', { yearsOfExperience: -1 }, /0/],
      [
        'availability',
        { availability: [{ day: 'MONDAY', startTime: '20:00', endTime: '18:00' }] },
        /end after/,
      ],
      [
        'availability',
        {
          availability: [
            { day: 'MONDAY', startTime: '18:00', endTime: '20:00' },
            { day: 'MONDAY', startTime: '19:00', endTime: '21:00' },
          ],
        },
        /overlap/,
      ],
      [
        'startTime',
        { availability: [{ day: 'MONDAY', startTime: '7pm', endTime: '21:00' }] },
        /24-hour/,
      ],
      ['phone', { contact: { phone: '555-0199' } }, /international/],
      ['links', { contact: { links: ['javascript:alert(1)'] } }, /https/],
    ])(
      'refuses a bad %s with BAD_USER_INPUT naming it, saving nothing',
      async (field, overrides, message) => {
        const account = await signUp(api.gql, { roles: ['MENTEE'] });
        await update(account.accessToken, aProfileInput({ headline: 'Before' }));
        const error = onlyError(
          await update(account.accessToken, aProfileInput({ headline: 'After', ...overrides })),
        );
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(String(error.extensions?.['field'])).toContain(field);
        expect(error.message).toMatch(message);
        expect((await mine(account.accessToken))?.headline).toBe('Before');
      },
    );
  });

  describe('regions (ISO 3166-2)', () => {
    const regionOf = async (userId: string) =>
      (
        await api.sql<{ country: string | null; region: string | null }>(
          'SELECT country, region FROM profiles WHERE user_id = $1',
          [userId],
        )
      )[0];

    it.each([
      ['the part after the dash, with the country', { country: 'US', region: 'TX' }],
      ['a full code', { country: 'US', region: 'US-TX' }],
      ['lower case', { country: 'us', region: ' us-tx ' }],
      ['lower case, the part after the dash', { country: 'us', region: 'tx' }],
      ['a full code without a country', { region: 'US-TX' }],
    ])('stores %s as the code, and names it', async (_case, fields) => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      const result = await update(account.accessToken, aProfileInput(fields));
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateProfile).toMatchObject({ region: 'US-TX', regionName: 'Texas' });
      expect((await regionOf(account.user.id)).region).toBe('US-TX');
    });

    it('knows regions beyond the US: a UK nation, an Irish province, Metro Manila', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      for (const [country, region, code, name] of [
        ['GB', 'sct', 'GB-SCT', 'Scotland'],
        ['IE', 'L', 'IE-L', 'Leinster'],
        ['PH', '00', 'PH-00', 'National Capital Region'],
      ]) {
        const result = await update(account.accessToken, aProfileInput({ country, region }));
        expect(result.data?.updateProfile).toMatchObject({ region: code, regionName: name });
      }
    });

    it('refuses an unknown region with BAD_USER_INPUT naming region, saving nothing', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(account.accessToken, aProfileInput({ country: 'US', region: 'TX' }));
      const error = onlyError(
        await update(account.accessToken, aProfileInput({ country: 'US', region: 'ZZ' })),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
      expect(error.message).toContain('"US-ZZ" is not a region of United States (US)');
      expect(await regionOf(account.user.id)).toEqual({ country: 'US', region: 'US-TX' });
    });

    it('refuses a region of another country, saying which country it is in', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(account.accessToken, aProfileInput({ country: 'US', region: 'TX' }));
      const error = onlyError(
        await update(account.accessToken, aProfileInput({ country: 'US', region: 'CA-QC' })),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
      expect(error.message).toContain(
        '"CA-QC" is a region of Canada (CA), but the country is United States (US)',
      );
      expect(await regionOf(account.user.id)).toEqual({ country: 'US', region: 'US-TX' });
    });

    it('checks a region sent alone against the stored country', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(account.accessToken, aProfileInput({ country: 'CA' }));
      const ok = await update(account.accessToken, aProfileInput({ region: 'qc' }));
      expect(ok.data?.updateProfile).toMatchObject({
        country: 'CA',
        region: 'CA-QC',
        regionName: 'Quebec',
      });
      const error = onlyError(await update(account.accessToken, aProfileInput({ region: 'TX' })));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
      expect(await regionOf(account.user.id)).toEqual({ country: 'CA', region: 'CA-QC' });
    });

    it('refuses a new country that leaves the stored region behind, until the region moves too', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(account.accessToken, aProfileInput({ country: 'US', region: 'TX' }));
      const error = onlyError(await update(account.accessToken, aProfileInput({ country: 'CA' })));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
      expect(error.message).toContain('"US-TX" is a region of United States (US)');
      expect(await regionOf(account.user.id)).toEqual({ country: 'US', region: 'US-TX' });
      const moved = await update(
        account.accessToken,
        aProfileInput({ country: 'CA', region: 'ON' }),
      );
      expect(moved.data?.updateProfile).toMatchObject({ country: 'CA', region: 'CA-ON' });
    });

    it('keeps the region when it is omitted, and clears it with null', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(account.accessToken, aProfileInput({ country: 'US', region: 'TX' }));
      const kept = await update(account.accessToken, aProfileInput({ bio: 'still in Texas' }));
      expect(kept.data?.updateProfile).toMatchObject({ region: 'US-TX', regionName: 'Texas' });
      const cleared = await update(account.accessToken, aProfileInput({ region: null }));
      expect(cleared.data?.updateProfile).toMatchObject({
        country: 'US',
        region: null,
        regionName: null,
      });
    });
  });

  describe('updateMentorSettings', () => {
    it('sets what a mentor offers, with capacity and openness', async () => {
      const mentor = await aMentor(
        api.gql,
        {},
        { offers: ['SPECIALIZATION', 'NETWORKING'], capacity: 5 },
      );
      expect(mentor.profile.mentor).toEqual({
        offers: ['SPECIALIZATION', 'NETWORKING'],
        capacity: 5,
        activeMenteeCount: 0,
        acceptingMentees: true,
      });
      const closed = await api.gql.ok<{ updateMentorSettings: ProfileResult }>(
        UPDATE_MENTOR_SETTINGS,
        { input: { offers: ['NETWORKING'], acceptingMentees: false } },
        { token: mentor.token },
      );
      expect(closed.updateMentorSettings.mentor).toMatchObject({
        capacity: 5,
        acceptingMentees: false,
      });
    });

    it('is FORBIDDEN without the MENTOR role', async () => {
      const mentee = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(mentee.accessToken, aProfileInput());
      const error = onlyError(
        await api.gql.request(
          UPDATE_MENTOR_SETTINGS,
          { input: { offers: ['NETWORKING'] } },
          { token: mentee.accessToken },
        ),
      );
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_ROLE' });
      const rows = await api.sql(
        'SELECT mentor_offers, is_mentor FROM profiles WHERE user_id = $1',
        [mentee.user.id],
      );
      expect(rows[0]).toEqual({ mentor_offers: '{}', is_mentor: false });
    });

    it('asks for a profile first', async () => {
      const mentor = await signUp(api.gql, { roles: ['MENTOR'] });
      const error = onlyError(
        await api.gql.request(
          UPDATE_MENTOR_SETTINGS,
          { input: { offers: ['NETWORKING'] } },
          { token: mentor.accessToken },
        ),
      );
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROFILE_NOT_FOUND' });
    });

    it.each([
      ['capacity', { offers: ['NETWORKING'], capacity: 21 }],
      ['capacity', { offers: ['NETWORKING'], capacity: -1 }],
      ['offers', { offers: [] }],
    ])('refuses a bad %s', async (field, input) => {
      const mentor = await aMentor(api.gql, {}, { capacity: 4 });
      const error = onlyError(
        await api.gql.request(UPDATE_MENTOR_SETTINGS, { input }, { token: mentor.token }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const rows = await api.sql('SELECT mentor_capacity FROM profiles WHERE user_id = $1', [
        mentor.user.id,
      ]);
      expect(rows[0]).toEqual({ mentor_capacity: 4 });
    });
  });

  describe('updateMenteeGoals', () => {
    it('ranks goals and sets a target specialty', async () => {
      const mentee = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(mentee.accessToken, aProfileInput());
      const data = await api.gql.ok<{ updateMenteeGoals: ProfileResult }>(
        UPDATE_MENTEE_GOALS,
        {
          input: {
            goals: ['BURNOUT_WELLBEING', 'SPECIALIZATION'],
            targetSpecialtySlug: 'certified-registered-nurse-anesthetist',
          },
        },
        { token: mentee.accessToken },
      );
      expect(data.updateMenteeGoals.mentee).toEqual({
        goals: ['BURNOUT_WELLBEING', 'SPECIALIZATION'],
        targetSpecialty: { slug: 'certified-registered-nurse-anesthetist' },
      });
    });

    it('is FORBIDDEN without the MENTEE role', async () => {
      const mentor = await aMentor(api.gql);
      const error = onlyError(
        await api.gql.request(
          UPDATE_MENTEE_GOALS,
          { input: { goals: ['NETWORKING'] } },
          { token: mentor.token },
        ),
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses an unknown target specialty and repeated goals', async () => {
      const mentee = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(mentee.accessToken, aProfileInput());
      for (const [field, input] of [
        ['targetSpecialtySlug', { goals: ['NETWORKING'], targetSpecialtySlug: 'astrology' }],
        ['goals', { goals: ['NETWORKING', 'NETWORKING'] }],
      ] as const) {
        const error = onlyError(
          await api.gql.request(UPDATE_MENTEE_GOALS, { input }, { token: mentee.accessToken }),
        );
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect((await mine(mentee.accessToken))?.mentee?.goals).toEqual([]);
    });
  });

  describe('who sees what', () => {
    it('shows a mentor’s profile to other signed-in users, without contact details', async () => {
      const mentor = await aMentor(api.gql, { contact: { email: 'private@example.org' } });
      const viewer = await signUp(api.gql, { roles: ['MENTEE'] });
      const seen = await api.gql.ok<{ profile: ProfileResult }>(
        PROFILE,
        { userId: mentor.user.id },
        { token: viewer.accessToken },
      );
      expect(seen.profile.userId).toBe(mentor.user.id);
      expect(seen.profile.contact).toBeNull();
      const own = await api.gql.ok<{ profile: ProfileResult }>(
        PROFILE,
        { userId: mentor.user.id },
        { token: mentor.token },
      );
      expect(own.profile.contact?.email).toBe('private@example.org');
    });

    it('hides a mentee-only profile from everyone but its owner', async () => {
      const mentee = await signUp(api.gql, { roles: ['MENTEE'] });
      await update(mentee.accessToken, aProfileInput());
      const viewer = await aMentor(api.gql);
      const seen = await api.gql.ok<{ profile: ProfileResult | null }>(
        PROFILE,
        { userId: mentee.user.id },
        { token: viewer.token },
      );
      expect(seen.profile).toBeNull();
    });

    it('shows a dual-role person’s mentee goals to that person alone', async () => {
      const both = await signUp(api.gql, { roles: ['MENTOR', 'MENTEE'] });
      const token = both.accessToken;
      await update(token, aProfileInput());
      await api.gql.ok(UPDATE_MENTOR_SETTINGS, { input: { offers: ['NETWORKING'] } }, { token });
      await api.gql.ok(
        UPDATE_MENTEE_GOALS,
        { input: { goals: ['LEADERSHIP_MANAGEMENT'], targetSpecialtySlug: 'nursing-leadership' } },
        { token },
      );
      const viewer = await signUp(api.gql, { roles: ['MENTEE'] });
      const seen = await api.gql.ok<{ profile: ProfileResult }>(
        PROFILE,
        { userId: both.user.id },
        { token: viewer.accessToken },
      );
      expect(seen.profile.mentor).not.toBeNull();
      expect(seen.profile.mentee).toBeNull();
      const own = await api.gql.ok<{ profile: ProfileResult }>(
        PROFILE,
        { userId: both.user.id },
        { token },
      );
      expect(own.profile.mentee?.goals).toEqual(['LEADERSHIP_MANAGEMENT']);
    });

    it('needs a signed-in caller to read profiles', async () => {
      const mentor = await aMentor(api.gql);
      expect(
        onlyError(await api.gql.request(PROFILE, { userId: mentor.user.id })).extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect(onlyError(await api.gql.request(MY_PROFILE)).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a malformed user id', async () => {
      const viewer = await signUp(api.gql);
      const error = onlyError(
        await api.gql.request(PROFILE, { userId: 'not-a-uuid' }, { token: viewer.accessToken }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    });
  });
});
