import { documentWords, searchWords } from '@preceptor/profiles';

/**
 * Free text over events uses the project's one definition of a word (mentor search's, in
 * @preceptor/profiles): accents and case folded, compounds joined ("covid-19" finds "covid19"),
 * each search word a prefix. PostgreSQL stores and indexes the words (a tsvector under a GIN
 * index) without parsing them again: tsvector and tsquery literals take lexemes as given, so the
 * database neither stems nor splits differently from our rules, and prefixes use the index.
 *
 * Words hold letters and digits only, so quoting them needs no escaping.
 */

/** The stored words of an event (a tsvector literal, or '' for none). */
export function eventSearchVector(title: string, description: string): string {
  return documentWords(title, description)
    .map((word) => `'${word}'`)
    .join(' ');
}

/** A tsquery asking for every word of `text` as a prefix; null when it has no words. */
export function eventSearchQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length === 0 ? null : words.map((word) => `'${word}':*`).join(' & ');
}
