import { describe, expect, it } from '@jest/globals';
import { isCanonicalUuid, isUuid } from './ids.js';

describe('UUID text', () => {
  const lower = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

  it('takes either case, and only the canonical form as canonical', () => {
    expect(isUuid(lower)).toBe(true);
    expect(isUuid(lower.toUpperCase())).toBe(true);
    expect(isCanonicalUuid(lower)).toBe(true);
    expect(isCanonicalUuid(lower.toUpperCase())).toBe(false);
  });

  it.each([
    '',
    'not-a-uuid',
    lower.slice(1),
    `${lower}0`,
    ` ${lower}`,
    lower.replace(/-/g, ''),
    lower.replace('3', 'g'),
  ])('refuses %j', (text) => {
    expect(isUuid(text)).toBe(false);
    expect(isCanonicalUuid(text)).toBe(false);
  });
});
