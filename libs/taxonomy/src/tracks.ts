export enum Track {
  PHYSICIAN = 'PHYSICIAN',
  NURSING = 'NURSING',
  ADVANCED_PRACTICE = 'ADVANCED_PRACTICE',
  ALLIED_HEALTH = 'ALLIED_HEALTH',
  PHARMACY = 'PHARMACY',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  ADMINISTRATION = 'ADMINISTRATION',
  INFORMATICS = 'INFORMATICS',
}

export interface TrackInfo {
  name: string;
  description: string;
}

export const TRACK_INFO: Readonly<Record<Track, TrackInfo>> = {
  [Track.PHYSICIAN]: {
    name: 'Physician',
    description:
      'MD and DO physicians from medical school through residency, fellowship and attending practice.',
  },
  [Track.NURSING]: {
    name: 'Nursing',
    description:
      'Registered nurses across inpatient, ambulatory, community and specialty settings, from new graduates to nurse leaders.',
  },
  [Track.ADVANCED_PRACTICE]: {
    name: 'Advanced Practice',
    description:
      'Advanced practice providers: nurse practitioners (NP), physician assistants (PA), certified registered nurse anesthetists (CRNA), certified nurse-midwives (CNM) and clinical nurse specialists.',
  },
  [Track.ALLIED_HEALTH]: {
    name: 'Allied Health',
    description:
      'Medical laboratory scientists and technologists, radiologic technologists and sonographers, respiratory, physical and occupational therapists, speech-language pathologists, dietitians, paramedics and similar professions.',
  },
  [Track.PHARMACY]: {
    name: 'Pharmacy',
    description:
      'Pharmacists and pharmacy technicians in community, health-system, ambulatory, specialty and industry practice.',
  },
  [Track.PUBLIC_HEALTH]: {
    name: 'Public Health',
    description:
      'Epidemiologists, biostatisticians, health educators and policy professionals working on the health of populations.',
  },
  [Track.ADMINISTRATION]: {
    name: 'Healthcare Administration',
    description:
      'Managers and executives who run hospitals, practices and health systems, including operations, finance, quality and clinical leadership.',
  },
  [Track.INFORMATICS]: {
    name: 'Health Informatics',
    description:
      'Clinicians and technologists who design, implement and analyze EHRs, clinical data and digital health tools.',
  },
};
