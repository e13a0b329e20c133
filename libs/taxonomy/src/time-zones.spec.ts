import { describe, expect, it } from '@jest/globals';
import { isValidTimeZone } from './time-zones.js';

describe('isValidTimeZone', () => {
  it.each([
    'America/Chicago',
    'America/Indiana/Indianapolis',
    'Pacific/Honolulu',
    'Asia/Manila',
    'UTC',
    'US/Eastern',
  ])('accepts %s', (zone) => expect(isValidTimeZone(zone)).toBe(true));
  it.each(['Mars/Olympus_Mons', 'America/Springfield', 'CST; DROP TABLE', '', 'america chicago'])(
    'refuses %s',
    (zone) => expect(isValidTimeZone(zone)).toBe(false),
  );
});
