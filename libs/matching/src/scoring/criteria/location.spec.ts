import { describe, expect, it } from '@jest/globals';
import { aMentee, aMentor, assessPair } from '../testing/match-people.js';
import { assessLocation } from './location.js';

describe('location', () => {
  it('gives 1 wherever both meet virtually', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['VIRTUAL'], country: 'US', region: 'US-TX' }),
      aMentor({ meetingFormats: ['VIRTUAL', 'IN_PERSON'], country: 'GB', region: 'GB-ENG' }),
    );
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual([]);
    expect(found.detail).toBe('Meets virtually');
  });

  it('mentions in-person meetings too when both would and they share a region', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: [], region: 'US-TX' }),
      aMentor({ meetingFormats: ['VIRTUAL', 'IN_PERSON'], region: 'US-TX' }),
    );
    expect(found.reasons).toEqual(['Meets virtually or in person in your region']);
  });

  it('gives 1 to in person only in the same region', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['IN_PERSON'], region: 'US-TX' }),
      aMentor({ meetingFormats: ['IN_PERSON'], region: 'us-tx' }),
    );
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual(['Meets in person in your region']);
  });

  it('treats an empty format list as both formats', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: [], region: 'US-TX' }),
      aMentor({ meetingFormats: ['IN_PERSON'], region: 'US-TX' }),
    );
    expect(found.value).toBe(1);
  });

  it('gives 0.5 to in person only in another region of the same country', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['IN_PERSON'], region: 'US-TX' }),
      aMentor({ meetingFormats: ['IN_PERSON'], region: 'US-CA' }),
    );
    expect(found.value).toBe(0.5);
    expect(found.caveats).toEqual(['In person only, in another region']);
  });

  it('gives 0 to in person only in another country', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['IN_PERSON'], country: 'US', region: 'US-TX' }),
      aMentor({ meetingFormats: ['IN_PERSON'], country: 'MX', region: 'MX-NLE' }),
    );
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual(['In person only, in another country']);
  });

  it('does not count the same region name in different countries', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['IN_PERSON'], country: 'US', region: 'Georgia' }),
      aMentor({ meetingFormats: ['IN_PERSON'], country: 'GE', region: 'Georgia' }),
    );
    expect(found.value).toBe(0);
  });

  it('gives 0 when in person only and a location is missing', () => {
    const found = assessPair(
      assessLocation,
      aMentee({ meetingFormats: ['IN_PERSON'], country: null, region: null }),
      aMentor({ meetingFormats: ['IN_PERSON'] }),
    );
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual(['In person only, location unknown']);
  });
});
