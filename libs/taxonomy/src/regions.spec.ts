import { describe, expect, it } from '@jest/globals';

import {
  normalizeRegion,
  REGION_INPUT_PATTERN,
  regionFromText,
  regionName,
  regionsOf,
} from './regions.js';

/** The problem sentence, failing the test if the value was accepted. */
function problemOf(country: string | null, region: string): string {
  const result = normalizeRegion(country, region);
  if (!('problem' in result)) throw new Error(`accepted as ${result.code}`);
  return result.problem;
}

describe('normalizeRegion accepts', () => {
  it.each([
    ['a full code', 'US', 'US-TX', 'US-TX'],
    ['a full code without a country', null, 'US-TX', 'US-TX'],
    ['the part after the dash with the country', 'US', 'TX', 'US-TX'],
    ['lower case', 'US', 'tx', 'US-TX'],
    ['a lower-case full code', null, 'ca-qc', 'CA-QC'],
    ['a lower-case country', 'us', 'TX', 'US-TX'],
    ['spaces around it', ' US ', '  US-TX ', 'US-TX'],
    ['a territory listed at the first level', 'US', 'PR', 'US-PR'],
    ['the District of Columbia', 'US', 'DC', 'US-DC'],
    ['a Canadian province', 'CA', 'QC', 'CA-QC'],
    ['an Australian state of three letters', 'AU', 'nsw', 'AU-NSW'],
    ['an Irish province', 'IE', 'L', 'IE-L'],
    ['a Philippine region with a numeric code', 'PH', '00', 'PH-00'],
    ['an Indian state', 'IN', 'MH', 'IN-MH'],
    ['a French region', 'FR', 'IDF', 'FR-IDF'],
    ['an overseas French region with a numeric code', 'FR', '974', 'FR-974'],
    ['a nation of the United Kingdom', 'GB', 'ENG', 'GB-ENG'],
    ['Northern Ireland', 'GB', 'GB-NIR', 'GB-NIR'],
    ['a German state', 'DE', 'BY', 'DE-BY'],
  ])('%s', (_case, country, region, code) => {
    expect(normalizeRegion(country, region)).toEqual({ code });
  });

  it('gives the same code for its own answer (normalizing twice changes nothing)', () => {
    for (const code of ['US-TX', 'GB-SCT', 'PH-00', 'IE-M']) {
      expect(normalizeRegion(code.slice(0, 2), code)).toEqual({ code });
      expect(normalizeRegion(null, code)).toEqual({ code });
    }
  });
});

describe('normalizeRegion refuses', () => {
  it('a region of another country, naming both countries', () => {
    expect(problemOf('US', 'CA-QC')).toBe(
      '"CA-QC" is a region of Canada (CA), but the country is United States (US): pick a region of US or change the country',
    );
  });

  it('a region of another country however it is written', () => {
    expect(problemOf('CA', ' us-tx ')).toMatch(/"US-TX" is a region of United States \(US\)/);
    expect(problemOf('GB', 'IE-L')).toMatch(/Ireland \(IE\).*United Kingdom \(GB\)/);
  });

  it('a bare code without a country', () => {
    expect(problemOf(null, 'TX')).toBe(
      '"TX" needs a country: send the full code (such as "US-TX") or the country as well',
    );
  });

  it('a bare code with an empty country', () => {
    expect(problemOf('  ', 'TX')).toMatch(/needs a country/);
  });

  it('a code the country does not have', () => {
    expect(problemOf('US', 'XX')).toBe('"US-XX" is not a region of United States (US)');
    expect(problemOf(null, 'CA-ZZ')).toBe('"CA-ZZ" is not a region of Canada (CA)');
  });

  it('a prefix that is no country', () => {
    expect(problemOf(null, 'ZZ-TX')).toBe(
      '"ZZ-TX" is not an ISO 3166-2 code: "ZZ" is no ISO 3166-1 country',
    );
  });

  it('any region for a country without regions', () => {
    expect(problemOf('HK', 'XX')).toMatch(
      /\(HK\) has no ISO 3166-2 regions; leave the region empty/,
    );
  });

  it.each([
    ['a name', 'Texas'],
    ['an empty string', ''],
    ['spaces', '   '],
    ['a code with two dashes', 'US-TX-1'],
    ['a dangling dash', 'US-'],
    ['a suffix too long', 'US-TEXA'],
    ['a three-letter country', 'USA-TX'],
    ['punctuation', 'TX;'],
    ['an injection attempt', "TX'; DROP TABLE profiles; --"],
  ])('%s, with a hint of the expected form', (_case, region) => {
    expect(problemOf('US', region)).toMatch(
      /must be an ISO 3166-2 region code such as "US-TX" \(or "TX" with the country "US"\)$/,
    );
  });

  it('a county, pointing to the province it lies in', () => {
    expect(problemOf('IE', 'D')).toBe(
      '"IE-D" (Dublin) lies within IE-L (Leinster): use "IE-L"; regions are the first level of ISO 3166-2',
    );
  });

  it('a province of the Philippines, pointing to its region', () => {
    expect(problemOf('PH', 'CEB')).toMatch(/"PH-CEB" \(Cebu\) lies within PH-07/);
  });

  it('a French département, pointing to its region', () => {
    expect(problemOf('FR', '13')).toMatch(/"FR-13" \(Bouches-du-Rhône\) lies within FR-PAC/);
  });

  it('a UK council, listing the four nations', () => {
    expect(problemOf('GB', 'MAN')).toBe(
      '"GB-MAN" (Manchester) is not a region of United Kingdom (GB); its regions are GB-ENG, GB-NIR, GB-SCT or GB-WLS',
    );
  });

  it.each(['UKM', 'GBN', 'EAW'])('GB-%s, a grouping of UK nations', (suffix) => {
    expect(problemOf('GB', suffix)).toMatch(/its regions are GB-ENG, GB-NIR, GB-SCT or GB-WLS/);
  });
});

describe('REGION_INPUT_PATTERN', () => {
  it.each(['US-TX', 'tx', 'PH-00', 'FR-974', 'AU-NSW', 'L'])('admits the form %s', (value) => {
    expect(REGION_INPUT_PATTERN.test(value)).toBe(true);
  });

  it.each(['Texas', 'US-', '-TX', 'US TX', 'US-TX ', 'USA-TX'])('refuses %s', (value) => {
    expect(REGION_INPUT_PATTERN.test(value)).toBe(false);
  });
});

describe('regionName', () => {
  it.each([
    ['US-TX', 'Texas'],
    ['CA-QC', 'Quebec'],
    ['GB-ENG', 'England'],
    ['IE-L', 'Leinster'],
    ['PH-00', 'National Capital Region'],
    ['IN-MH', 'Mahārāshtra'],
    ['us-tx', 'Texas'],
  ])('names %s %s', (code, name) => {
    expect(regionName(code)).toBe(name);
  });

  it.each(['US-XX', 'TX', 'GB-MAN', 'IE-D', ''])('knows no region %j', (code) => {
    expect(regionName(code)).toBeUndefined();
  });
});

describe('regionsOf', () => {
  it('lists the four UK nations', () => {
    expect(regionsOf('GB').map((region) => region.code)).toEqual([
      'GB-ENG',
      'GB-NIR',
      'GB-SCT',
      'GB-WLS',
    ]);
  });

  it('lists the four Irish provinces, not the counties', () => {
    expect(regionsOf('ie').map((region) => region.name)).toEqual([
      'Connaught',
      'Leinster',
      'Munster',
      'Ulster',
    ]);
  });

  it('lists the 50 states, DC and the territories for the US, sorted', () => {
    const codes = regionsOf('US').map((region) => region.code);
    expect(codes).toHaveLength(57);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['US-TX', 'US-DC', 'US-PR']));
  });

  it('lists the 17 regions of the Philippines', () => {
    expect(regionsOf('PH')).toHaveLength(17);
  });

  it('is empty for a country without regions and for no country', () => {
    expect(regionsOf('HK')).toEqual([]);
    expect(regionsOf('ZZ')).toEqual([]);
  });

  it('gives only codes that normalizeRegion accepts, with their country', () => {
    for (const country of ['US', 'CA', 'GB', 'IE', 'AU', 'PH', 'IN', 'FR', 'ES', 'IT', 'DE']) {
      for (const region of regionsOf(country)) {
        expect(region.country).toBe(country);
        expect(normalizeRegion(country, region.code)).toEqual({ code: region.code });
      }
    }
  });
});

describe('regionFromText (free text written before regions were codes)', () => {
  it.each([
    ['a code', 'US', 'US-TX', 'US-TX'],
    ['the part after the dash', 'US', 'TX', 'US-TX'],
    ['a name', 'US', 'Texas', 'US-TX'],
    ['a name in any case, with spaces', 'US', '  new   YORK ', 'US-NY'],
    ['a name without its accents', 'IN', 'Maharashtra', 'IN-MH'],
    ['a name with accents the list lacks', 'CA', 'Québec', 'CA-QC'],
    ['a UK nation', 'GB', 'Scotland', 'GB-SCT'],
    ['an Irish province', 'IE', 'Leinster', 'IE-L'],
    ['an Irish county, as its province', 'IE', 'Cork', 'IE-M'],
    ['an Irish county code, as its province', 'IE', 'D', 'IE-L'],
    ['a Philippine province, as its region', 'PH', 'Cebu', 'PH-07'],
    ['a Philippine province, as its region (Davao)', 'PH', 'Davao del Sur', 'PH-11'],
    ['a full code without a country', null, 'US-TX', 'US-TX'],
  ])('reads %s', (_case, country, text, code) => {
    expect(regionFromText(country, text)).toBe(code);
  });

  it.each([
    ['a name without a country', null, 'Texas'],
    ['a region of another country', 'CA', 'US-TX'],
    ['a name of another country’s region', 'CA', 'Texas'],
    ['a UK council (the list does not say which nation)', 'GB', 'Manchester'],
    ['a nickname ISO does not use', 'PH', 'Metro Manila'],
    ['a name two regions share', 'EE', 'Tartu'],
    ['nonsense', 'US', 'somewhere'],
    ['nothing', 'US', ''],
  ])('gives up on %s', (_case, country, text) => {
    expect(regionFromText(country, text)).toBeUndefined();
  });
});
