import { Track } from '@preceptor/taxonomy';
import { CreditType } from './event-enums.js';

/**
 * The credit each profession's boards take, with the usual accreditors, declared once: the
 * seeder draws demo credit from it and recommendations call an event's credit relevant to a
 * person when its type is one their track's boards take (`creditTypesFor`).
 *
 * - Physicians: AMA PRA Category 1 (CME), accredited by ACCME.
 * - Nurses: nursing continuing professional development contact hours (CNE), ANCC.
 * - Advanced practice: NPs renew with nursing contact hours (AANP, CNE); PAs with AAPA
 *   Category 1 CME.
 * - Allied health: contact hours or units from each profession's body (ASRT, AARC, APTA: CE;
 *   ASHA: CEU).
 * - Pharmacy: ACPE-accredited CPE.
 * - Public health: CHES/MCHES continuing education contact hours (NCHEC, CE).
 * - Administration: ACHE Qualified Education (CEU).
 * - Informatics: AMIA continuing education (CE).
 */
export const TRACK_CREDITS: Readonly<Record<Track, readonly (readonly [CreditType, string])[]>> = {
  [Track.PHYSICIAN]: [[CreditType.CME, 'ACCME']],
  [Track.NURSING]: [[CreditType.CNE, 'ANCC']],
  [Track.ADVANCED_PRACTICE]: [
    [CreditType.CNE, 'AANP'],
    [CreditType.CME, 'AAPA'],
  ],
  [Track.ALLIED_HEALTH]: [
    [CreditType.CE, 'ASRT'],
    [CreditType.CE, 'AARC'],
    [CreditType.CEU, 'ASHA'],
    [CreditType.CE, 'APTA'],
  ],
  [Track.PHARMACY]: [[CreditType.CPE, 'ACPE']],
  [Track.PUBLIC_HEALTH]: [[CreditType.CE, 'NCHEC']],
  [Track.ADMINISTRATION]: [[CreditType.CEU, 'ACHE']],
  [Track.INFORMATICS]: [[CreditType.CE, 'AMIA']],
};

const TYPES_BY_TRACK = new Map(
  Object.entries(TRACK_CREDITS).map(([track, offers]) => [
    track as Track,
    [...new Set(offers.map(([type]) => type))],
  ]),
);

/** The credit types the boards of `track` take, in the table's order. */
export function creditTypesFor(track: Track): readonly CreditType[] {
  return TYPES_BY_TRACK.get(track) ?? [];
}
