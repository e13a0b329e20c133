/**
 * `to_tsvector('simple', text)` computed in the seeder, for the plain text it generates.
 *
 * The `profiles_search_vector` trigger costs PostgreSQL ~35 µs per row, a third of a bulk load
 * spent on one core while the other waits. The seeder computes the vector itself instead, with
 * the trigger off, but only for text inside a small model of PostgreSQL's default parser:
 *
 * - ASCII letters and digits form words, lower-cased (the `simple` dictionary keeps every word);
 * - space , . ( ) : | and ' separate them; other characters count as the database says;
 * - a hyphenated word of letters yields itself and then each part, each at its own position.
 *
 * Anything else (digits in hyphenated words, `.` `,` `:` before a non-space, where the parser
 * sees hosts, paths or numbers; any other character) returns null, and the database computes
 * that row. The seeder also compares a sample against PostgreSQL before trusting the model.
 */

/** Where the parser reads hosts, file names, versions, decimals or signed numbers. */
const AMBIGUOUS = /[.,:][^ ]|(?:^|[^A-Za-z])-|-(?:$|[^A-Za-z])/;
const LETTERS = /^[a-z]+$/;
/** Far below PostgreSQL's limits on positions (16,383) and positions per word (256). */
const MAX_TOKENS = 255;

/** How the database's parser treats one extra, caseless character: found by asking it. */
export type ExtraCharacter = 'separator' | 'word';

/** The document the trigger indexes: name, headline and bio, joined by spaces. */
export function searchDocument(
  fullName: string,
  headline: string | null,
  bio: string | null,
): string {
  return `${fullName} ${headline ?? ''} ${bio ?? ''}`;
}

const classOf = (chars: Iterable<string>): string =>
  [...chars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');

export class SimpleTsvector {
  private readonly known: RegExp;
  private readonly separators: RegExp;

  /**
   * `extra` says how the database parses characters beyond ASCII (`·` is a separator under a
   * UTF-8 locale but a word under the C locale). Only caseless characters may be given.
   */
  constructor(extra: ReadonlyMap<string, ExtraCharacter> = new Map()) {
    for (const char of extra.keys()) {
      if ([...char].length !== 1 || char.toLowerCase() !== char || char.toUpperCase() !== char) {
        throw new RangeError(`Only single caseless characters can be modelled, got ${char}`);
      }
    }
    const blanks = [...extra].filter(([, kind]) => kind === 'separator').map(([c]) => c);
    this.known = new RegExp(`^[A-Za-z0-9 ,.():|'\\-${classOf(extra.keys())}]*$`);
    this.separators = new RegExp(`[ ,.():|'${classOf(blanks)}]+`);
  }

  /**
   * The tsvector literal of `document` (`'word':1 'other':2 'word':3`), or null when the text is
   * outside the model.
   */
  of(document: string): string | null {
    if (!this.known.test(document) || AMBIGUOUS.test(document)) return null;

    // A word may repeat in the literal ('a':1 'b':2 'a':3): PostgreSQL merges its positions.
    let literal = '';
    let position = 0;
    const add = (word: string): void => {
      position += 1;
      literal += position === 1 ? `'${word}':1` : ` '${word}':${position}`;
    };
    // Lower-casing once is safe: extra characters are caseless, the rest is ASCII.
    for (const word of document.toLowerCase().split(this.separators)) {
      if (word === '') continue;
      if (!word.includes('-')) {
        add(word);
        continue;
      }
      const parts = word.split('-');
      if (!parts.every((part) => LETTERS.test(part))) return null;
      add(word);
      for (const part of parts) add(part);
    }
    if (position > MAX_TOKENS) return null;
    return literal;
  }
}
