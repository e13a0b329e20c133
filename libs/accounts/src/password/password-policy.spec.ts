import { describe, expect, it } from '@jest/globals';
import { isCommonPassword } from './common-passwords.js';
import { passwordProblem } from './password-policy.js';

const person = { email: 'amara.okafor@stmarys.example', fullName: 'Amara Okafor' };
const check = (password: string) => passwordProblem(password, person, isCommonPassword);

describe('password policy', () => {
  it.each([
    'correct horse battery staple',
    'night shift on 4 West, 2019',
    'Tr0ub4dor&3-but-longer',
    'ünïcödé pässphrase',
  ])('accepts %s', (password) => {
    expect(check(password)).toBeNull();
  });

  it.each([
    ['11 characters', 'abcdefghijk', /at least 12/],
    ['257 characters', 'x'.repeat(100) + 'y'.repeat(157), /at most 256/],
    ['a breached password', '1qaz2wsx3edc', /too common/],
    ['a common word padded with digits', 'sunshine2024!', /too common/],
    ['a common word repeated', 'monkeymonkey', /too common/],
    ['few distinct characters', 'abababababab', /too common/],
    ['the email name', 'amara.okafor!!', /email or name/],
    ['the full name', 'Amara Okafor', /email or name/],
    ['the full name with a suffix', 'AmaraOkafor1!', /email or name/],
  ])('refuses %s', (_case, password, expected) => {
    expect(check(password)).toMatch(expected);
  });

  it('accepts a phrase that merely mentions a first name', () => {
    expect(check('amara likes night shifts')).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(check('🩺🩺🩺🩺🩺🩺🩺🩺🩺🩺🩺')).toMatch(/at least 12/);
  });
});
