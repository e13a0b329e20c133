import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import {
  addWords,
  documentWords,
  MAX_SEARCH_WORDS,
  MAX_WORD_LENGTH,
  searchWords,
} from './words.js';

describe('documentWords', () => {
  it('splits on anything that is not a letter or a digit', () => {
    expect(documentWords('Pediatric oncology, 4 West (nights)!')).toEqual([
      'pediatric',
      'oncology',
      '4',
      'west',
      'nights',
    ]);
  });

  it('ignores case and accents, whatever the locale', () => {
    expect(documentWords('Québec MONTRÉAL Ñandú Zürich')).toEqual([
      'quebec',
      'montreal',
      'nandu',
      'zurich',
    ]);
    expect(documentWords('İstanbul')).toEqual(['istanbul']);
  });

  it('keeps each part of a hyphenated word and the joined form', () => {
    expect(documentWords('COVID-19 unit in St-Louis')).toEqual([
      'covid',
      '19',
      'covid19',
      'unit',
      'in',
      'st',
      'louis',
      'stlouis',
    ]);
  });

  it('joins apostrophes inside a word, straight or curly', () => {
    expect(documentWords("Siobhán O'Brien")).toEqual(['siobhan', 'o', 'brien', 'obrien']);
    expect(documentWords('nurse’s station')).toEqual(['nurse', 's', 'nurses', 'station']);
  });

  it('treats a dash or apostrophe that joins nothing as a separator', () => {
    expect(documentWords("-- 'quoted' - dash -")).toEqual(['quoted', 'dash']);
    expect(documentWords('a--b')).toEqual(['a', 'b']);
  });

  it('keeps letters of other scripts as words', () => {
    expect(documentWords('Медсестра 看护 ممرضة')).toEqual(['медсестра', '看护', 'ممرضة']);
  });

  it('holds each word once, across all the texts, and skips missing ones', () => {
    expect(documentWords('Ana Ruiz', null, 'ana ANA ruiz', undefined, '')).toEqual(['ana', 'ruiz']);
  });

  it('cuts very long words', () => {
    const [word] = documentWords('x'.repeat(500));
    expect(word).toHaveLength(MAX_WORD_LENGTH);
  });

  it('reads digits as words, as typed', () => {
    expect(documentWords('1e5 0x1f 007 3.5')).toEqual(['1e5', '0x1f', '007', '3', '5']);
  });
});

describe('searchWords', () => {
  it('normalises like documents, so every form of a word finds it', () => {
    expect(searchWords('  QUÉBEC  ')).toEqual(['quebec']);
    expect(searchWords('covid-19')).toEqual(['covid', '19']);
    expect(searchWords("o'brien")).toEqual(['o', 'brien']);
  });

  it('reads query syntax as plain text', () => {
    expect(searchWords("card:* & !nurs | (x) 'y'")).toEqual(['card', 'nurs', 'x', 'y']);
    expect(searchWords('%_\\')).toEqual([]);
  });

  it('drops repeated words and stops at the limit', () => {
    expect(searchWords('rn RN Rn')).toEqual(['rn']);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(many)).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('finds every word a document holds by its own text', () => {
    const bio = "Charge RN on a COVID-19 step-down unit; O'Neil mentors new grads in Montréal.";
    const held = new Set(documentWords(bio));
    for (const word of searchWords(bio)) expect(held.has(word)).toBe(true);
  });
});

describe('documentWords on ASCII text', () => {
  it('splits exactly as the pattern does, on random text', () => {
    const random = seededRandom(11);
    const alphabet = "aZ9b- '-.x,Q0'--_/\t\n";
    for (let n = 0; n < 2_000; n += 1) {
      const text = Array.from(
        { length: Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const byPattern = new Set<string>();
      addWords(text, byPattern);
      expect(documentWords(text)).toEqual([...byPattern]);
    }
  });
});
