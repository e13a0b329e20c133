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
    for (const [compound] of normalize(text).matchAll(COMPOUND)) {
      const parts = compound.match(PART) ?? [];
      for (const part of parts) words.add(cut(part));
      if (parts.length > 1) words.add(cut(parts.join('')));
    }
  }
  return [...words];
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
