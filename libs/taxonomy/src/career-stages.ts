import { Track } from './tracks.js';

export enum CareerStage {
  STUDENT = 'STUDENT',
  TRAINEE = 'TRAINEE',
  EARLY_CAREER = 'EARLY_CAREER',
  MID_CAREER = 'MID_CAREER',
  SENIOR = 'SENIOR',
  LEADER = 'LEADER',
}

export const CAREER_STAGE_LEVEL: Readonly<Record<CareerStage, number>> = {
  [CareerStage.STUDENT]: 0,
  [CareerStage.TRAINEE]: 1,
  [CareerStage.EARLY_CAREER]: 2,
  [CareerStage.MID_CAREER]: 3,
  [CareerStage.SENIOR]: 4,
  [CareerStage.LEADER]: 5,
};

export interface CareerStageInfo {
  stage: CareerStage;
  level: number;
  name: string;
  description: string;
}

type StageDescriptions = Record<CareerStage, { name: string; description: string }>;

const STAGES_BY_TRACK: Readonly<Record<Track, StageDescriptions>> = {
  [Track.PHYSICIAN]: {
    [CareerStage.STUDENT]: {
      name: 'Pre-med or medical student',
      description:
        'Completing premedical coursework or MD/DO training, including clerkships and licensing exams.',
    },
    [CareerStage.TRAINEE]: {
      name: 'Resident or fellow',
      description:
        'Completing graduate medical education in residency and, for subspecialists, fellowship.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Early-career attending',
      description:
        'Practicing independently in the first years after training while completing board certification.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Mid-career attending',
      description:
        'An established, board-certified physician who often teaches and serves on committees or program roles.',
    },
    [CareerStage.SENIOR]: {
      name: 'Senior attending or division chief',
      description: 'A senior physician leading a division, service line or training program.',
    },
    [CareerStage.LEADER]: {
      name: 'Department chair or chief medical officer',
      description:
        'Sets clinical strategy and leads physicians across a department, hospital or health system.',
    },
  },
  [Track.NURSING]: {
    [CareerStage.STUDENT]: {
      name: 'Nursing student',
      description:
        'Enrolled in an ADN, BSN or direct-entry nursing program and preparing for the NCLEX-RN.',
    },
    [CareerStage.TRAINEE]: {
      name: 'New-graduate RN (residency or orientation)',
      description:
        'A newly licensed nurse completing a nurse residency program or extended orientation.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Staff RN',
      description:
        'Providing direct patient care independently on a unit while building clinical competence.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Experienced or charge RN',
      description:
        'An experienced nurse who precepts new staff, runs shifts as charge nurse and often holds specialty certification.',
    },
    [CareerStage.SENIOR]: {
      name: 'Clinical nurse specialist or nurse manager',
      description:
        'Leads practice as an advanced clinical expert or runs a unit as the manager responsible for staff and operations.',
    },
    [CareerStage.LEADER]: {
      name: 'Director of nursing or chief nursing officer',
      description:
        'Leads nursing practice, staffing and strategy across a service line, hospital or health system.',
    },
  },
  [Track.ADVANCED_PRACTICE]: {
    [CareerStage.STUDENT]: {
      name: 'NP, PA, CRNA or CNM student',
      description:
        'Enrolled in a graduate nurse practitioner, physician assistant, nurse anesthesia or nurse-midwifery program.',
    },
    [CareerStage.TRAINEE]: {
      name: 'New-graduate APP (fellowship or onboarding)',
      description:
        'A newly certified advanced practice provider in a postgraduate fellowship, residency or structured onboarding.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Early-career APP',
      description:
        'Practicing with growing autonomy in a chosen specialty while building a patient panel and procedural skills.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Experienced APP',
      description:
        'A seasoned clinician who precepts students, develops protocols and often holds specialty certification.',
    },
    [CareerStage.SENIOR]: {
      name: 'Lead APP or APP manager',
      description:
        'Coordinates onboarding, scheduling and practice standards for a group of advanced practice providers.',
    },
    [CareerStage.LEADER]: {
      name: 'Director or chief of advanced practice',
      description:
        'Leads advanced practice strategy, credentialing and professional development across an organization.',
    },
  },
  [Track.ALLIED_HEALTH]: {
    [CareerStage.STUDENT]: {
      name: 'Allied health student',
      description:
        'Enrolled in an accredited program such as medical laboratory science, radiography, respiratory care or therapy.',
    },
    [CareerStage.TRAINEE]: {
      name: 'Clinical intern or new graduate',
      description:
        'Completing clinical rotations, a residency or first-year orientation while preparing for credentialing exams.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Credentialed technologist or therapist',
      description:
        'A certified or licensed practitioner working independently in their discipline.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Senior or lead technologist or therapist',
      description:
        'An experienced practitioner who trains staff, handles complex cases and often holds advanced credentials.',
    },
    [CareerStage.SENIOR]: {
      name: 'Department supervisor or manager',
      description:
        'Supervises a laboratory, imaging, therapy or respiratory care department and its staff.',
    },
    [CareerStage.LEADER]: {
      name: 'Director of allied health or clinical services',
      description:
        'Leads several allied health departments, setting standards, budgets and strategy.',
    },
  },
  [Track.PHARMACY]: {
    [CareerStage.STUDENT]: {
      name: 'PharmD student',
      description:
        'Completing a Doctor of Pharmacy program, including introductory and advanced practice experiences.',
    },
    [CareerStage.TRAINEE]: {
      name: 'PGY1 or PGY2 pharmacy resident',
      description:
        'Completing postgraduate pharmacy residency training, with the PGY2 year focused on a specialty.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Staff or clinical pharmacist',
      description:
        'A licensed pharmacist verifying orders, dispensing and providing clinical services.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Clinical pharmacist specialist',
      description:
        'A board-certified pharmacist who leads pharmacotherapy in a specialty area and precepts students and residents.',
    },
    [CareerStage.SENIOR]: {
      name: 'Pharmacy manager or clinical coordinator',
      description:
        'Manages pharmacy operations, clinical programs or a team of pharmacists and technicians.',
    },
    [CareerStage.LEADER]: {
      name: 'Director of pharmacy or chief pharmacy officer',
      description:
        'Leads pharmacy services, formulary strategy and medication safety across an organization.',
    },
  },
  [Track.PUBLIC_HEALTH]: {
    [CareerStage.STUDENT]: {
      name: 'MPH or public health student',
      description: 'Studying public health at the undergraduate, MPH or doctoral level.',
    },
    [CareerStage.TRAINEE]: {
      name: 'Public health fellow (e.g. CDC EIS)',
      description:
        'Training through an applied fellowship or practicum such as the CDC Epidemic Intelligence Service.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Epidemiologist or health educator',
      description:
        'Working in a health department, NGO or research group on surveillance, programs or analysis.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Senior epidemiologist or program manager',
      description:
        'Leads outbreak investigations, programs or analytic teams and mentors junior staff.',
    },
    [CareerStage.SENIOR]: {
      name: 'Public health director or division chief',
      description: 'Directs a division, program portfolio or local health department.',
    },
    [CareerStage.LEADER]: {
      name: 'Health commissioner or agency head',
      description:
        'Leads a state or national public health agency or program and shapes health policy.',
    },
  },
  [Track.ADMINISTRATION]: {
    [CareerStage.STUDENT]: {
      name: 'Health administration student (MHA or MBA)',
      description:
        'Studying health administration, business or policy at the undergraduate or graduate level.',
    },
    [CareerStage.TRAINEE]: {
      name: 'Administrative fellow or resident',
      description:
        'Completing a postgraduate administrative fellowship or rotational management program.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Analyst or department coordinator',
      description:
        'Supporting operations, finance or quality work as an analyst, coordinator or project manager.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Department or practice manager',
      description: 'Manages a department, clinic or administrative function and its staff.',
    },
    [CareerStage.SENIOR]: {
      name: 'Director or vice president',
      description:
        'Oversees a service line or several departments with budget and strategic responsibility.',
    },
    [CareerStage.LEADER]: {
      name: 'Hospital CEO, COO or health system executive',
      description: 'Leads a hospital or health system as a member of its executive team.',
    },
  },
  [Track.INFORMATICS]: {
    [CareerStage.STUDENT]: {
      name: 'Health informatics student',
      description:
        'Studying health or biomedical informatics, health data science or a related graduate program.',
    },
    [CareerStage.TRAINEE]: {
      name: 'Informatics fellow or EHR trainee',
      description:
        'Completing a clinical informatics fellowship, practicum or EHR build certification.',
    },
    [CareerStage.EARLY_CAREER]: {
      name: 'Informatics analyst or clinical informaticist',
      description: 'Supports EHR build, optimization and clinical data projects.',
    },
    [CareerStage.MID_CAREER]: {
      name: 'Senior nursing or clinical informaticist',
      description: 'Leads informatics projects and bridges clinical teams with IT and vendors.',
    },
    [CareerStage.SENIOR]: {
      name: 'Director of clinical informatics',
      description:
        'Directs informatics teams, EHR governance and optimization strategy for a health system.',
    },
    [CareerStage.LEADER]: {
      name: 'CMIO, CNIO or chief health information officer',
      description:
        'Sets organization-wide informatics, data and digital health strategy as an executive.',
    },
  },
};

const STAGES_BY_LEVEL: readonly CareerStage[] = Object.values(CareerStage).sort(
  (a, b) => CAREER_STAGE_LEVEL[a] - CAREER_STAGE_LEVEL[b],
);

export function careerStagesFor(track: Track): CareerStageInfo[] {
  const descriptions = STAGES_BY_TRACK[track];
  return STAGES_BY_LEVEL.map((stage) => ({
    stage,
    level: CAREER_STAGE_LEVEL[stage],
    ...descriptions[stage],
  }));
}
