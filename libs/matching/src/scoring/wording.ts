import {
  type CareerStage,
  careerStagesFor,
  Track,
  TRACK_INFO,
} from '@preceptor/taxonomy/reference';

/** A word written in capitals (RN, CRNA, PGY1, NP/PA): kept as is mid-sentence. */
function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9/]+$/.test(word.replace(/[,.;:]+$/, ''));
}

/**
 * A catalog name as it reads mid-sentence: parenthetical notes dropped, ordinary words in lower
 * case, acronyms kept ("New-graduate RN (residency or orientation)" → "new-graduate RN").
 */
export function midSentence(name: string): string {
  return name
    .replace(/\s*\([^)]*\)/g, '')
    .split(' ')
    .map((word) => (isAcronym(word) ? word : word.toLowerCase()))
    .join(' ')
    .trim();
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Letters whose spoken name starts with a vowel sound: "an NP", "an MPH", but "a CMIO".
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');

/** "a staff RN", "an experienced or charge RN", "an NP, PA, CRNA or CNM student". */
export function withArticle(phrase: string): string {
  const firstWord = phrase.split(' ')[0] ?? '';
  const vowelSound = isAcronym(firstWord)
    ? VOWEL_SOUND_LETTERS.has(firstWord.charAt(0))
    : /^[aeiou]/i.test(firstWord);
  return `${vowelSound ? 'an' : 'a'} ${phrase}`;
}

const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** Small counts as words ("two"), larger ones as digits. */
export function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

const RANK_WORDS = ['top', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/** A goal's rank from 0: "top", "second", … */
export function rankWord(index: number): string {
  return RANK_WORDS[index] ?? `number ${index + 1}`;
}

/** "45 min", "1 h", "2.5 h". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/** "1 hour", "6 hours", "5.5 hours" (Nepal's quarter hours round to the nearest half). */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 2) / 2;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A track as a field of work mid-sentence: "nursing", "medicine", "healthcare administration". */
export function trackField(track: Track): string {
  // The physician track is named for the person; its field is medicine.
  return track === Track.PHYSICIAN ? 'medicine' : midSentence(TRACK_INFO[track].name);
}

const STAGE_NAMES: ReadonlyMap<string, string> = new Map(
  Object.values(Track).flatMap((track) =>
    careerStagesFor(track).map((info) => [`${track}:${info.stage}`, midSentence(info.name)]),
  ),
);

/** A career stage in the track's own words, mid-sentence: "new-graduate RN". */
export function stageName(track: Track, stage: CareerStage): string {
  return STAGE_NAMES.get(`${track}:${stage}`) ?? stage.toLowerCase();
}
