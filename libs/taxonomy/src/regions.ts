import { iso31661, iso31662, type ISO31662Entry } from 'iso-3166';

/**
 * Regions (state, province, region, nation…) are ISO 3166-2 codes such as "US-TX", from a closed
 * list: the `iso-3166` package's data.
 *
 * Which levels count as a region: the first level of each country's list, the entries whose
 * parent is the country itself ("US-TX", "CA-QC", "IE-L" Leinster, "PH-00" National Capital
 * Region, "FR-IDF" Île-de-France, "ES-CT" Catalunya). Deeper levels (Irish counties, Philippine
 * provinces, French départements, Spanish provinces) are not: a person picks the region they live
 * in, and one region has one code, so a browse filter finds everyone in it. The United Kingdom is
 * the exception, because the package lists it flat: its four nations, three groupings of nations
 * and some 200 councils all have the parent "GB". There the regions are the four nations (GB-ENG,
 * GB-NIR, GB-SCT, GB-WLS); not the groupings ("GB-UKM", "GB-GBN", "GB-EAW"), nor the councils,
 * which are local. Other flat lists that mix levels (Estonia's counties and municipalities, say)
 * are taken as the package gives them: still a closed list.
 */
export interface Region {
  /** ISO 3166-2 code, e.g. "US-TX". */
  code: string;
  /** ISO 3166-2 name in the local language, e.g. "Texas", "Bayern". */
  name: string;
  /** ISO 3166-1 alpha-2 code of the country, e.g. "US". */
  country: string;
}

/** What a client may send: a full code ("US-TX"), or the part after the dash ("TX"). */
export const REGION_INPUT_PATTERN = /^(?:([A-Za-z]{2})-)?([A-Za-z0-9]{1,3})$/;

/** Why a value does not match `REGION_INPUT_PATTERN`, for validation messages. */
export const REGION_INPUT_HINT =
  'must be an ISO 3166-2 region code such as "US-TX" (or "TX" with the country "US")';

const UK_NATIONS = new Set(['GB-ENG', 'GB-NIR', 'GB-SCT', 'GB-WLS']);

function isRegionLevel(entry: ISO31662Entry): boolean {
  return entry.parent === 'GB' ? UK_NATIONS.has(entry.code) : entry.parent.length === 2;
}

/** Every subdivision the package knows, at any level, by code. */
const SUBDIVISIONS = new Map(iso31662.map((entry) => [entry.code, entry]));

const REGIONS = new Map<string, Region>(
  iso31662
    .filter(isRegionLevel)
    .map((entry) => [
      entry.code,
      { code: entry.code, name: entry.name, country: entry.code.slice(0, 2) },
    ]),
);

const REGIONS_BY_COUNTRY = new Map<string, Region[]>();
for (const region of [...REGIONS.values()].sort((a, b) => a.code.localeCompare(b.code))) {
  const list = REGIONS_BY_COUNTRY.get(region.country) ?? [];
  list.push(region);
  REGIONS_BY_COUNTRY.set(region.country, list);
}

const COUNTRIES = new Set(iso31661.map((country) => country.alpha2));
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "Canada (CA)"; short English names ("United States"), not ISO's formal ones. */
function countryLabel(country: string): string {
  return COUNTRIES.has(country) ? `${COUNTRY_NAMES.of(country)} (${country})` : `"${country}"`;
}

/** The region (first level) that a deeper subdivision lies in, if the package says. */
function regionContaining(code: string): Region | undefined {
  let entry = SUBDIVISIONS.get(code);
  while (entry && !REGIONS.has(entry.code)) entry = SUBDIVISIONS.get(entry.parent);
  return entry ? REGIONS.get(entry.code) : undefined;
}

function listOf(regions: readonly Region[]): string {
  const codes = regions.map((region) => region.code);
  return codes.length < 2
    ? codes.join('')
    : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
}

/** The regions of a country ("US"), sorted by code; empty for a country without any. */
export function regionsOf(country: string): readonly Region[] {
  return REGIONS_BY_COUNTRY.get(country.trim().toUpperCase()) ?? [];
}

/** The ISO 3166-2 name of a region code ("US-TX" → "Texas"); undefined if it is none. */
export function regionName(code: string): string | undefined {
  return REGIONS.get(code.trim().toUpperCase())?.name;
}

export type RegionResult = { code: string } | { problem: string };

/**
 * The region code for what a person typed: a full code ("US-TX", "us-tx", " US-TX "), or, when
 * the country is known, the part after the dash ("TX" with country "US"). A code must be a region
 * (see `Region`) of the given country; with no country, a full code stands on its own. The
 * problem is a sentence for the person, naming the value they sent.
 */
export function normalizeRegion(country: string | null | undefined, region: string): RegionResult {
  const wanted = country?.trim().toUpperCase() || null;
  const text = region.trim();
  const match = REGION_INPUT_PATTERN.exec(text);
  if (!match) {
    return { problem: `"${text}" ${REGION_INPUT_HINT}` };
  }
  const [, prefix, suffix] = match;
  if (prefix === undefined && wanted === null) {
    return {
      problem: `"${text}" needs a country: send the full code (such as "US-TX") or the country as well`,
    };
  }
  const code = (prefix === undefined ? `${wanted}-${suffix}` : text).toUpperCase();
  const codeCountry = code.slice(0, 2);
  const entry = SUBDIVISIONS.get(code);
  if (!entry) {
    if (!COUNTRIES.has(codeCountry)) {
      return {
        problem: `"${code}" is not an ISO 3166-2 code: "${codeCountry}" is no ISO 3166-1 country`,
      };
    }
    if (!REGIONS_BY_COUNTRY.has(codeCountry)) {
      return {
        problem: `${countryLabel(codeCountry)} has no ISO 3166-2 regions; leave the region empty`,
      };
    }
    return { problem: `"${code}" is not a region of ${countryLabel(codeCountry)}` };
  }
  if (wanted !== null && codeCountry !== wanted) {
    return {
      problem: `"${code}" is a region of ${countryLabel(codeCountry)}, but the country is ${countryLabel(wanted)}: pick a region of ${wanted} or change the country`,
    };
  }
  if (!REGIONS.has(code)) {
    const containing = regionContaining(code);
    return {
      problem: containing
        ? `"${code}" (${entry.name}) lies within ${containing.code} (${containing.name}): use "${containing.code}"; regions are the first level of ISO 3166-2`
        : `"${code}" (${entry.name}) is not a region of ${countryLabel(codeCountry)}; its regions are ${listOf(regionsOf(codeCountry))}`,
    };
  }
  return { code };
}

/** Lower case, without accents or extra spaces: "  Québec " and "quebec" read the same. */
function spelling(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Per country: each spelling → its region code, or null when two regions share it. */
const spellingsByCountry = new Map<string, Map<string, string | null>>();

function spellingsOf(country: string): Map<string, string | null> {
  const known = spellingsByCountry.get(country);
  if (known) return known;
  const spellings = new Map<string, string | null>();
  if (!REGIONS_BY_COUNTRY.has(country)) return spellings;
  // Earlier tiers win: a region's own name, then the codes and names of deeper subdivisions,
  // which stand for the region they lie in ("Dublin" → IE-L Leinster).
  const tiers: [spelling: string, code: string][][] = [
    regionsOf(country).map((region) => [spelling(region.name), region.code]),
    iso31662
      .filter((entry) => entry.code.startsWith(`${country}-`) && !REGIONS.has(entry.code))
      .flatMap((entry) => {
        const containing = regionContaining(entry.code);
        if (!containing) return [];
        const suffix = entry.code.slice(3);
        return [entry.code, suffix, entry.name].map((text): [string, string] => [
          spelling(text),
          containing.code,
        ]);
      }),
  ];
  for (const tier of tiers) {
    const seen = new Map<string, string | null>();
    for (const [key, code] of tier) {
      if (spellings.has(key)) continue;
      seen.set(key, seen.has(key) && seen.get(key) !== code ? null : code);
    }
    for (const [key, code] of seen) spellings.set(key, code);
  }
  spellingsByCountry.set(country, spellings);
  return spellings;
}

/**
 * Reads a region written as free text before regions were codes: whatever `normalizeRegion`
 * accepts, else (with a country) the ISO name of one of its regions, or the code or name of a
 * deeper subdivision, which stands for the region it lies in ("Cork" with "IE" → "IE-M"). Case,
 * accents and extra spaces do not matter. Undefined when nothing (or more than one region) fits.
 */
export function regionFromText(
  country: string | null | undefined,
  text: string,
): string | undefined {
  const normalized = normalizeRegion(country, text);
  if ('code' in normalized) return normalized.code;
  const wanted = country?.trim().toUpperCase();
  if (!wanted) return undefined;
  return spellingsOf(wanted).get(spelling(text)) ?? undefined;
}
