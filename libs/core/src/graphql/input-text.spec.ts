import { describe, expect, it } from '@jest/globals';
import { getOperationAST, parse } from 'graphql';
import { controlCharacterError, controlCharacterIn, findControlCharacter } from './input-text.js';

function check(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return controlCharacterIn(document, operation, variables);
}

describe('findControlCharacter', () => {
  it.each([
    ['Amara Okafor', undefined],
    ['tab\tline\nreturn\r', undefined],
    ['emoji 🩺, accents é, CJK 看護師, U+0080 \u0080', undefined],
  ])('lets %j through', (value, expected) => {
    expect(findControlCharacter(value, 'x')).toEqual(expected);
  });

  it.each([
    ['\u0000', 0x00],
    ['bell\u0007', 0x07],
    ['vt\u000b', 0x0b],
    ['esc\u001b[2J', 0x1b],
    ['del\u007f', 0x7f],
  ])('finds %j', (value, codePoint) => {
    expect(findControlCharacter(value, 'x')?.codePoint).toBe(codePoint);
  });

  it('names the path through objects and lists, and the position in the string', () => {
    expect(
      findControlCharacter({ contact: { links: ['https://a.example', 'ab\u0000'] } }, 'input'),
    ).toEqual({ field: 'input.contact.links[1]', codePoint: 0, position: 3 });
  });
});

describe('controlCharacterIn', () => {
  it('finds one written in the document, however deep', () => {
    expect(check('mutation { p(input: { a: [{ b: "ok" }, { b: "no\\u0000" }] }) { id } }')).toEqual(
      { field: 'input.a[1].b', codePoint: 0, position: 3 },
    );
  });

  it('maps a variable to the argument it is passed as', () => {
    const source =
      'mutation($i: In!, $n: String) { p(input: $i) { id } q(input: { name: $n }) { id } }';
    expect(check(source, { i: { fullName: 'x\u0001' } })?.field).toBe('input.fullName');
    expect(check(source, { i: {}, n: '\u0000' })?.field).toBe('input.name');
  });

  it('follows fragments and inline fragments', () => {
    const source = `query($s: String) { ...F }
      fragment F on Query { ... on Query { specialties(search: $s) { slug } } }`;
    expect(check(source, { s: '\u0000' })?.field).toBe('search');
  });

  it('checks variable defaults, and ignores variables the operation does not declare', () => {
    expect(check('query($s: String = "\\u0000") { a(search: $s) }')?.field).toBe('search');
    expect(check('{ a }', { undeclared: '\u0000' })).toBeUndefined();
  });

  it('says which character, where, and what is allowed', () => {
    const error = controlCharacterError({ field: 'input.bio', codePoint: 0x1b, position: 4 });
    expect(error.message).toBe(
      'Invalid input. input.bio: must not contain control characters (U+001B at character 4); tab, line feed and carriage return are allowed',
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.bio',
      http: { status: 400 },
    });
  });
});
