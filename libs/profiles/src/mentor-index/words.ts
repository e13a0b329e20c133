/**
 * What a word is, for mentor search: the one definition the index (documents) and the search
 * (queries) both use, independent of any database parser or locale.
 *
 * - Letters and digits of any script make words; everything else separates them.
 * - Case and accents do not matter: text is NFKD-decomposed, combining marks dropped and lower-cased
 *   without a locale ("Québec" and "QUEBEC" are both `quebec`).
 * - A hyphen or an apostrophe between two letters or digits joins a compound ("covid-19",
 *   "st-louis", "o'brien"). A document holds each part and the joined form (`covid`, `19`,
 *   `covid19`), so a search for "covid 19", "covid-19" or "covid19" finds it, and so does "brien".
 *   A search takes the parts of a compound as separate words.
 * - A search word matches any word it starts ("card" finds "cardiology").
 */

/** Longer words are cut: nobody types 40 letters to find one. */
export const MAX_WORD_LENGTH = 40;
/** A search uses at most this many words (more only narrows what the first ones found). */
export const MAX_SEARCH_WORDS = 8;

const MARKS = /\p{M}+/gu;
/** A compound: runs of letters and digits joined by single hyphens or apostrophes. */
const COMPOUND = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;

function normalize(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

const cut = (word: string): string =>
  word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word;

/** The distinct words of a document (name, headline, bio), joined compounds included. */
export function documentWords(...texts: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    if (ASCII.test(text)) addAsciiWords(text.toLowerCase(), words);
    else addWords(text, words);
  }
  return [...words];
}

/** The definition of documentWords, by pattern: for any text. */
export function addWords(text: string, into: Set<string>): void {
  for (const [compound] of normalize(text).matchAll(COMPOUND)) {
    const parts = compound.match(PART) ?? [];
    for (const part of parts) into.add(cut(part));
    if (parts.length > 1) into.add(cut(parts.join('')));
  }
}

// eslint-disable-next-line no-control-regex -- "all of ASCII" includes its control characters
const ASCII = /^[\x00-\x7f]*$/;
const HYPHEN = 45;
const APOSTROPHE = 39;

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * The same as addWords for lower-cased ASCII text, one pass over its characters: most profiles
 * are ASCII, and loading a million of them is where this time goes.
 */
function addAsciiWords(lower: string, into: Set<string>): void {
  const length = lower.length;
  let i = 0;
  while (i < length) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let joined = '';
    let parts = 0;
    for (;;) {
      const start = i;
      while (i < length && isAsciiWordChar(lower.charCodeAt(i))) i += 1;
      const part = lower.slice(start, i);
      into.add(cut(part));
      joined += part;
      parts += 1;
      const next = lower.charCodeAt(i);
      if ((next === HYPHEN || next === APOSTROPHE) && isAsciiWordChar(lower.charCodeAt(i + 1))) {
        i += 1;
        continue;
      }
      break;
    }
    if (parts > 1) into.add(cut(joined));
  }
}

/** The words of a search, in order, each a prefix to match (duplicates dropped). */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const [part] of normalize(text).matchAll(PART)) {
    words.add(cut(part));
    if (words.size === MAX_SEARCH_WORDS) break;
  }
  return [...words];
}
