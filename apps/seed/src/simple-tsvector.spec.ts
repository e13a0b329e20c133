import { describe, expect, it } from '@jest/globals';
import { searchDocument, SimpleTsvector } from './simple-tsvector.js';

const plain = new SimpleTsvector();
const dotSeparates = new SimpleTsvector(new Map([['·', 'separator']]));
const dotIsAWord = new SimpleTsvector(new Map([['·', 'word']]));

describe('SimpleTsvector', () => {
  it('lower-cases words and numbers them from 1', () => {
    expect(plain.of('Registered Nurse')).toBe("'registered':1 'nurse':2");
  });

  it('repeats a word at each of its positions, for PostgreSQL to merge', () => {
    expect(plain.of('care and more care')).toBe("'care':1 'and':2 'more':3 'care':4");
  });

  it('keeps numbers and words that mix digits and letters', () => {
    expect(plain.of('12 years, 2nd role')).toBe("'12':1 'years':2 '2nd':3 'role':4");
  });

  it('splits on punctuation followed by a space or the end', () => {
    expect(plain.of('Nursing (ICU). Boston, MA: yes | no')).toBe(
      "'nursing':1 'icu':2 'boston':3 'ma':4 'yes':5 'no':6",
    );
  });

  it('splits at apostrophes', () => {
    expect(plain.of("I'm O'Brien")).toBe("'i':1 'm':2 'o':3 'brien':4");
  });

  it('gives a hyphenated word, then each of its parts, their own positions', () => {
    expect(plain.of('Maternal-Newborn-Child care')).toBe(
      "'maternal-newborn-child':1 'maternal':2 'newborn':3 'child':4 'care':5",
    );
  });

  it.each([
    ['a dot inside a word (a host or file name)', 'St.Louis'],
    ['a decimal', 'version 3.5'],
    ['a comma between digits', '1,000 nurses'],
    ['a colon before a word', 'see:this'],
    ['a slash', 'NP/PA'],
    ['a signed number', 'rank -3'],
    ['digits in a hyphenated word', 'COVID-19 care'],
    ['a hyphen at the start of a word', '-care'],
    ['a hyphen at the end of a word', 'care- '],
    ['a letter outside ASCII', 'Montréal'],
    ['an unchecked character outside ASCII', 'Nursing · mentoring'],
    ['a character the model does not know', 'Q&A'],
  ])('leaves %s to the database', (_case, text) => {
    expect(plain.of(text)).toBeNull();
  });

  it('leaves documents with more words than it models to the database', () => {
    expect(plain.of('word '.repeat(255))).not.toBeNull();
    expect(plain.of('word '.repeat(256))).toBeNull();
  });

  it('treats a checked extra character as the database does', () => {
    expect(dotSeparates.of('Nursing · mentoring')).toBe("'nursing':1 'mentoring':2");
    expect(dotIsAWord.of('Nursing · mentoring')).toBe("'nursing':1 '·':2 'mentoring':3");
  });

  it('refuses extra characters that have a case or are not single characters', () => {
    expect(() => new SimpleTsvector(new Map([['é', 'word']]))).toThrow(RangeError);
    expect(() => new SimpleTsvector(new Map([['··', 'separator']]))).toThrow(RangeError);
  });

  it('indexes the document the trigger builds: name, headline and bio', () => {
    expect(searchDocument('Ana Ruiz', null, 'ICU nurse')).toBe('Ana Ruiz  ICU nurse');
    expect(plain.of(searchDocument('Ana Ruiz', 'Charge nurse', null))).toBe(
      "'ana':1 'ruiz':2 'charge':3 'nurse':4",
    );
  });
});
