export enum GrowthArea {
  EDUCATION_TRAINING = 'EDUCATION_TRAINING',
  NETWORKING = 'NETWORKING',
  SPECIALIZATION = 'SPECIALIZATION',
  LEADERSHIP_MANAGEMENT = 'LEADERSHIP_MANAGEMENT',
  TECHNOLOGY = 'TECHNOLOGY',
  LICENSING_REGULATION = 'LICENSING_REGULATION',
  BURNOUT_WELLBEING = 'BURNOUT_WELLBEING',
  KEEPING_CURRENT = 'KEEPING_CURRENT',
}

export interface GrowthAreaInfo {
  name: string;
  description: string;
}

export const GROWTH_AREA_INFO: Readonly<Record<GrowthArea, GrowthAreaInfo>> = {
  [GrowthArea.EDUCATION_TRAINING]: {
    name: 'Education and training',
    description:
      'Choosing and completing degrees, residencies, fellowships and professional certifications.',
  },
  [GrowthArea.NETWORKING]: {
    name: 'Professional networking',
    description:
      'Building a professional network through mentors, peers, professional societies and conferences.',
  },
  [GrowthArea.SPECIALIZATION]: {
    name: 'Specialization',
    description:
      'Exploring, choosing and entering a specialty or subspecialty, including applications and transitions.',
  },
  [GrowthArea.LEADERSHIP_MANAGEMENT]: {
    name: 'Leadership and management',
    description:
      'Leading teams, units and departments, from charge roles and committees to executive positions.',
  },
  [GrowthArea.TECHNOLOGY]: {
    name: 'Technology and informatics',
    description: 'Building skills with EHRs, telemedicine, clinical data and informatics tools.',
  },
  [GrowthArea.LICENSING_REGULATION]: {
    name: 'Licensing and regulation',
    description:
      'Navigating licensure, board exams, credentialing, scope-of-practice rules and regulatory requirements.',
  },
  [GrowthArea.BURNOUT_WELLBEING]: {
    name: 'Burnout and wellbeing',
    description: 'Managing stress, preventing burnout and sustaining a healthy, long career.',
  },
  [GrowthArea.KEEPING_CURRENT]: {
    name: 'Keeping current',
    description:
      'Staying current with evidence, guidelines and changes in practice through continuing education.',
  },
};
