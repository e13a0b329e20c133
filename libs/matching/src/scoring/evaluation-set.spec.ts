/**
 * What "a good match" means, case by case: realistic mentees with a handful of mentors each, in
 * the order healthcare common sense expects. The scorer must reproduce every order. When a change
 * to the weights or criteria breaks a case, decide which is wrong, the change or the case, and
 * say why in the comment.
 */
import { describe, expect, it } from '@jest/globals';
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';
import type { MatchMentee, MatchMentor } from './match-profiles.js';
import { rankMentors, scoreMatch } from './score-match.js';
import { aMentee, aMentor, graph, weekly } from './testing/match-people.js';

const { STUDENT, TRAINEE, EARLY_CAREER, MID_CAREER, SENIOR, LEADER } = CareerStage;
const {
  EDUCATION_TRAINING,
  NETWORKING,
  SPECIALIZATION,
  LEADERSHIP_MANAGEMENT,
  TECHNOLOGY,
  LICENSING_REGULATION,
  BURNOUT_WELLBEING,
  KEEPING_CURRENT,
} = GrowthArea;

/** The eligible mentors' ids, best first; with their scores when the order is wrong. */
function expectOrder(mentee: MatchMentee, mentors: MatchMentor[], expected: string[]): void {
  const ranked = rankMentors(mentee, mentors, { graph });
  const order = ranked.map((match) => match.mentorUserId);
  if (order.join() !== expected.join()) {
    const scores = ranked.map((match) => `${match.mentorUserId} ${match.score}`);
    expect({ order, scores }).toEqual({ order: expected, scores: [] });
  }
  expect(order).toEqual(expected);
}

describe('evaluation set', () => {
  it('new-graduate pediatric oncology RN wanting clinical skills and work-life balance', () => {
    // The charge nurse on a pediatric oncology unit has done this exact job two steps ago and
    // offers both goals. The adult oncology nurse manager shares nursing and cancer care and
    // offers both goals, but is further up the ladder and not pediatric. The cardiology-leaning
    // acute care NP is a nurse by training who can help with clinical skills, in another field.
    // The oncology pharmacist offers clinical knowledge but shares neither discipline nor track.
    const mentee = aMentee({
      track: Track.NURSING,
      careerStage: TRAINEE,
      specialties: ['pediatric-oncology-nursing'],
      goals: [KEEPING_CURRENT, BURNOUT_WELLBEING],
      shiftPattern: 'DAYS',
      availability: weekly('weekdays', '18:00', '20:00'),
    });
    const mentors = [
      aMentor({
        userId: 'oncology-pharmacist',
        track: Track.PHARMACY,
        careerStage: MID_CAREER,
        specialties: ['oncology-pharmacy'],
        offers: [KEEPING_CURRENT],
      }),
      aMentor({
        userId: 'cardiology-np',
        track: Track.ADVANCED_PRACTICE,
        careerStage: MID_CAREER,
        specialties: ['adult-gerontology-acute-care-nurse-practitioner'],
        offers: [KEEPING_CURRENT, EDUCATION_TRAINING],
      }),
      aMentor({
        userId: 'adult-oncology-nurse-manager',
        careerStage: SENIOR,
        specialties: ['oncology-nursing', 'nursing-leadership'],
        offers: [LEADERSHIP_MANAGEMENT, BURNOUT_WELLBEING, KEEPING_CURRENT],
        timeZone: 'America/New_York',
        availability: weekly('weekdays', '19:00', '20:00'),
      }),
      aMentor({
        userId: 'pediatric-oncology-charge-nurse',
        careerStage: MID_CAREER,
        specialties: ['pediatric-oncology-nursing'],
        offers: [KEEPING_CURRENT, BURNOUT_WELLBEING, EDUCATION_TRAINING],
        availability: weekly(['TUESDAY', 'THURSDAY'], '19:00', '21:00'),
      }),
    ];
    expectOrder(mentee, mentors, [
      'pediatric-oncology-charge-nurse',
      'adult-oncology-nurse-manager',
      'cardiology-np',
      'oncology-pharmacist',
    ]);
  });

  it('ICU staff nurse aiming for nurse management', () => {
    // The ICU nurse manager has made exactly the move the mentee wants, from the same unit type.
    // The chief nursing officer also leads nurses and offers both goals, but is three stages
    // ahead and far from a first management job. The emergency charge nurse runs shifts (a first
    // taste of leadership) in a neighbouring specialty. The ICU peer shares the unit but not the
    // path, and offers neither goal.
    const mentee = aMentee({
      careerStage: EARLY_CAREER,
      specialties: ['critical-care-nursing'],
      target: 'nursing-leadership',
      goals: [LEADERSHIP_MANAGEMENT, NETWORKING],
    });
    const mentors = [
      aMentor({
        userId: 'icu-peer',
        careerStage: EARLY_CAREER,
        specialties: ['critical-care-nursing'],
        offers: [BURNOUT_WELLBEING],
      }),
      aMentor({
        userId: 'chief-nursing-officer',
        careerStage: LEADER,
        specialties: ['nursing-leadership'],
        offers: [LEADERSHIP_MANAGEMENT, NETWORKING],
      }),
      aMentor({
        userId: 'icu-nurse-manager',
        careerStage: SENIOR,
        specialties: ['critical-care-nursing', 'nursing-leadership'],
        offers: [LEADERSHIP_MANAGEMENT, NETWORKING],
      }),
      aMentor({
        userId: 'ed-charge-nurse',
        careerStage: MID_CAREER,
        specialties: ['emergency-nursing'],
        offers: [LEADERSHIP_MANAGEMENT, KEEPING_CURRENT],
      }),
    ];
    expectOrder(mentee, mentors, [
      'icu-nurse-manager',
      'chief-nursing-officer',
      'ed-charge-nurse',
      'icu-peer',
    ]);
  });

  it('internal medicine resident heading for a cardiology fellowship', () => {
    // An early-career cardiologist went through the fellowship match a few years ago and offers
    // both goals. The interventional cardiology division chief knows the field and offers
    // specialty advice, though further ahead. The hospitalist shares internal medicine and helps
    // with training, not with cardiology. An acute care NP offers specialty advice from another
    // track and field.
    const mentee = aMentee({
      track: Track.PHYSICIAN,
      careerStage: TRAINEE,
      specialties: ['internal-medicine'],
      target: 'cardiology',
      goals: [SPECIALIZATION, EDUCATION_TRAINING],
    });
    const mentors = [
      aMentor({
        userId: 'acute-care-np',
        track: Track.ADVANCED_PRACTICE,
        careerStage: MID_CAREER,
        specialties: ['adult-gerontology-acute-care-nurse-practitioner'],
        offers: [SPECIALIZATION],
      }),
      aMentor({
        userId: 'hospitalist',
        track: Track.PHYSICIAN,
        careerStage: MID_CAREER,
        specialties: ['hospital-medicine'],
        offers: [EDUCATION_TRAINING, BURNOUT_WELLBEING],
      }),
      aMentor({
        userId: 'early-career-cardiologist',
        track: Track.PHYSICIAN,
        careerStage: EARLY_CAREER,
        specialties: ['cardiology'],
        offers: [SPECIALIZATION, EDUCATION_TRAINING],
      }),
      aMentor({
        userId: 'interventional-division-chief',
        track: Track.PHYSICIAN,
        careerStage: SENIOR,
        specialties: ['interventional-cardiology'],
        offers: [SPECIALIZATION, LEADERSHIP_MANAGEMENT],
      }),
    ];
    expectOrder(mentee, mentors, [
      'early-career-cardiologist',
      'interventional-division-chief',
      'hospitalist',
      'acute-care-np',
    ]);
  });

  it('family medicine resident in Texas who only meets in person', () => {
    // Four equally qualified family physicians: the one in Texas can meet; the one in California
    // only in person means travel; the one in Mexico means crossing a border; the Texan who only
    // meets virtually cannot give what the mentee asked for and is excluded.
    const mentee = aMentee({
      track: Track.PHYSICIAN,
      careerStage: TRAINEE,
      specialties: ['family-medicine'],
      goals: [NETWORKING, LICENSING_REGULATION],
      meetingFormats: ['IN_PERSON'],
      country: 'US',
      region: 'US-TX',
    });
    const physician = {
      track: Track.PHYSICIAN,
      careerStage: MID_CAREER,
      specialties: ['family-medicine'],
      offers: [NETWORKING, LICENSING_REGULATION],
    };
    const mentors = [
      aMentor({
        ...physician,
        userId: 'monterrey',
        meetingFormats: ['IN_PERSON'],
        country: 'MX',
        region: 'MX-NLE',
        languages: ['es', 'en'],
      }),
      aMentor({ ...physician, userId: 'texas-virtual-only', meetingFormats: ['VIRTUAL'] }),
      aMentor({
        ...physician,
        userId: 'california',
        meetingFormats: ['IN_PERSON'],
        region: 'US-CA',
        timeZone: 'America/Los_Angeles',
      }),
      aMentor({
        ...physician,
        userId: 'texas',
        meetingFormats: ['IN_PERSON', 'VIRTUAL'],
        region: 'US-TX',
      }),
    ];
    expectOrder(mentee, mentors, ['texas', 'california', 'monterrey']);
    expect(scoreMatch(mentee, mentors[1], { graph }).exclusions).toEqual([
      'No meeting format in common: meets virtually, you in person',
    ]);
  });

  it('new-graduate respiratory therapist aiming for the NICU', () => {
    // The neonatal-pediatric RT does the job the mentee wants and offers both goals. The adult
    // critical care RT shares the profession and credentialing path, in the neighbouring
    // specialty. The neonatologist knows NICU respiratory care and the specialty but not the RT
    // profession. The physical therapist shares allied health and licensing only.
    const mentee = aMentee({
      track: Track.ALLIED_HEALTH,
      careerStage: TRAINEE,
      specialties: ['respiratory-therapy'],
      target: 'neonatal-pediatric-respiratory-therapy',
      goals: [SPECIALIZATION, LICENSING_REGULATION],
    });
    const allied = { track: Track.ALLIED_HEALTH, careerStage: MID_CAREER };
    const mentors = [
      aMentor({
        ...allied,
        userId: 'physical-therapist',
        specialties: ['physical-therapy'],
        offers: [LICENSING_REGULATION],
      }),
      aMentor({
        userId: 'neonatologist',
        track: Track.PHYSICIAN,
        careerStage: MID_CAREER,
        specialties: ['neonatal-perinatal-medicine'],
        offers: [SPECIALIZATION],
      }),
      aMentor({
        ...allied,
        userId: 'nicu-rt',
        specialties: ['neonatal-pediatric-respiratory-therapy'],
        offers: [SPECIALIZATION, LICENSING_REGULATION],
      }),
      aMentor({
        ...allied,
        userId: 'adult-icu-rt',
        specialties: ['critical-care-respiratory-therapy'],
        offers: [SPECIALIZATION, LICENSING_REGULATION],
      }),
    ];
    expectOrder(mentee, mentors, [
      'nicu-rt',
      'adult-icu-rt',
      'neonatologist',
      'physical-therapist',
    ]);
  });

  it('PGY1 pharmacy resident planning a PGY2 in oncology', () => {
    // The board-certified oncology pharmacist did the PGY2 the mentee wants. The critical care
    // pharmacist knows residency and board certification in a sibling specialty. The medical
    // oncologist knows cancer care but not pharmacy training. The community pharmacy manager
    // shares the profession but offers neither goal.
    const mentee = aMentee({
      track: Track.PHARMACY,
      careerStage: TRAINEE,
      specialties: ['clinical-pharmacy'],
      target: 'oncology-pharmacy',
      goals: [SPECIALIZATION, EDUCATION_TRAINING],
      timeZone: 'America/New_York',
      availability: weekly('weekdays', '19:00', '21:00'),
    });
    const pharmacist = {
      track: Track.PHARMACY,
      careerStage: MID_CAREER,
      timeZone: 'America/New_York',
    };
    const mentors = [
      aMentor({
        ...pharmacist,
        userId: 'community-pharmacy-manager',
        careerStage: SENIOR,
        specialties: ['community-pharmacy'],
        offers: [LEADERSHIP_MANAGEMENT, NETWORKING],
      }),
      aMentor({
        userId: 'medical-oncologist',
        track: Track.PHYSICIAN,
        careerStage: MID_CAREER,
        specialties: ['medical-oncology'],
        offers: [SPECIALIZATION],
      }),
      aMentor({
        ...pharmacist,
        userId: 'critical-care-pharmacist',
        specialties: ['critical-care-pharmacy'],
        offers: [SPECIALIZATION, EDUCATION_TRAINING],
      }),
      aMentor({
        ...pharmacist,
        userId: 'oncology-pharmacist',
        specialties: ['oncology-pharmacy'],
        offers: [SPECIALIZATION, EDUCATION_TRAINING],
        availability: weekly(['MONDAY', 'WEDNESDAY'], '19:00', '20:30'),
      }),
    ];
    expectOrder(mentee, mentors, [
      'oncology-pharmacist',
      'critical-care-pharmacist',
      'medical-oncologist',
      'community-pharmacy-manager',
    ]);
  });

  it('administrative fellow in hospital operations', () => {
    // The VP of operations leads exactly the work the fellow is learning and offers the top two
    // goals. The practice manager is a nearer step in administration. The director of nursing
    // runs a large clinical operation (nurse leaders are a sensible cross-track fit for
    // administration). A staff nurse is not a leader and offers networking only.
    const mentee = aMentee({
      track: Track.ADMINISTRATION,
      careerStage: TRAINEE,
      specialties: ['hospital-operations'],
      goals: [LEADERSHIP_MANAGEMENT, NETWORKING, EDUCATION_TRAINING],
    });
    const mentors = [
      aMentor({
        userId: 'staff-nurse',
        track: Track.NURSING,
        careerStage: EARLY_CAREER,
        specialties: ['medical-surgical-nursing'],
        offers: [NETWORKING],
      }),
      aMentor({
        userId: 'director-of-nursing',
        track: Track.NURSING,
        careerStage: SENIOR,
        specialties: ['nursing-leadership'],
        offers: [LEADERSHIP_MANAGEMENT, NETWORKING],
      }),
      aMentor({
        userId: 'vp-operations',
        track: Track.ADMINISTRATION,
        careerStage: SENIOR,
        specialties: ['hospital-operations'],
        offers: [LEADERSHIP_MANAGEMENT, NETWORKING],
      }),
      aMentor({
        userId: 'practice-manager',
        track: Track.ADMINISTRATION,
        careerStage: MID_CAREER,
        specialties: ['practice-management'],
        offers: [LEADERSHIP_MANAGEMENT, EDUCATION_TRAINING],
      }),
    ];
    expectOrder(mentee, mentors, [
      'vp-operations',
      'practice-manager',
      'director-of-nursing',
      'staff-nurse',
    ]);
  });

  it('new family nurse practitioner building clinical confidence', () => {
    // An experienced FNP knows the role, the scope-of-practice rules and the clinic. A family
    // physician shares primary care and works alongside NPs. An adult-gerontology primary care
    // NP knows the NP role in a sibling specialty but offers only wellbeing. An ambulatory care
    // RN offers clinical currency from another role and track.
    const mentee = aMentee({
      track: Track.ADVANCED_PRACTICE,
      careerStage: TRAINEE,
      specialties: ['family-nurse-practitioner'],
      goals: [KEEPING_CURRENT, LICENSING_REGULATION, BURNOUT_WELLBEING],
    });
    const mentors = [
      aMentor({
        userId: 'ambulatory-rn',
        track: Track.NURSING,
        careerStage: MID_CAREER,
        specialties: ['ambulatory-care-nursing'],
        offers: [KEEPING_CURRENT],
      }),
      aMentor({
        userId: 'family-physician',
        track: Track.PHYSICIAN,
        careerStage: MID_CAREER,
        specialties: ['family-medicine'],
        offers: [KEEPING_CURRENT, LICENSING_REGULATION],
      }),
      aMentor({
        userId: 'agpcnp',
        track: Track.ADVANCED_PRACTICE,
        careerStage: MID_CAREER,
        specialties: ['adult-gerontology-primary-care-nurse-practitioner'],
        offers: [BURNOUT_WELLBEING],
      }),
      aMentor({
        userId: 'experienced-fnp',
        track: Track.ADVANCED_PRACTICE,
        careerStage: MID_CAREER,
        specialties: ['family-nurse-practitioner'],
        offers: [KEEPING_CURRENT, LICENSING_REGULATION],
      }),
    ];
    expectOrder(mentee, mentors, [
      'experienced-fnp',
      'family-physician',
      'agpcnp',
      'ambulatory-rn',
    ]);
  });

  it('medical-surgical nurse moving into nursing informatics', () => {
    // The nursing informaticist does the job the nurse is heading for and offers both goals.
    // A clinical informatics physician works next door in informatics and offers technology. An
    // AI data scientist is in informatics but far from clinical nursing work (a close call: half
    // a point, the physician's nearer specialty against the data scientist's shared track). A
    // community pharmacist offers networking only.
    const mentee = aMentee({
      careerStage: EARLY_CAREER,
      specialties: ['medical-surgical-nursing'],
      target: 'nursing-informatics',
      goals: [TECHNOLOGY, EDUCATION_TRAINING],
    });
    const mentors = [
      aMentor({
        userId: 'community-pharmacist',
        track: Track.PHARMACY,
        careerStage: MID_CAREER,
        specialties: ['community-pharmacy'],
        offers: [NETWORKING],
      }),
      aMentor({
        userId: 'ai-data-scientist',
        track: Track.INFORMATICS,
        careerStage: MID_CAREER,
        specialties: ['healthcare-ai'],
        offers: [TECHNOLOGY],
      }),
      aMentor({
        userId: 'nursing-informaticist',
        track: Track.INFORMATICS,
        careerStage: MID_CAREER,
        specialties: ['nursing-informatics'],
        offers: [TECHNOLOGY, EDUCATION_TRAINING],
      }),
      aMentor({
        userId: 'clinical-informatics-physician',
        track: Track.PHYSICIAN,
        careerStage: SENIOR,
        specialties: ['clinical-informatics'],
        offers: [TECHNOLOGY],
      }),
    ];
    expectOrder(mentee, mentors, [
      'nursing-informaticist',
      'clinical-informatics-physician',
      'ai-data-scientist',
      'community-pharmacist',
    ]);
  });

  it('Spanish-speaking medical laboratory science student', () => {
    // The microbiology technologist took the certification exam two years ago and offers both
    // goals. The laboratory manager is in the same profession, further ahead, and helps with
    // training only. The pathologist works with the lab but from medicine. A supervisor who
    // speaks only English cannot mentor this student.
    const mentee = aMentee({
      track: Track.ALLIED_HEALTH,
      careerStage: STUDENT,
      specialties: ['medical-laboratory-science'],
      goals: [LICENSING_REGULATION, EDUCATION_TRAINING],
      languages: ['es'],
      country: 'PR',
      region: 'PR-SJ',
      timeZone: 'America/Puerto_Rico',
    });
    const local = {
      languages: ['es', 'en'],
      country: 'PR',
      region: 'PR-SJ',
      timeZone: 'America/Puerto_Rico',
    };
    const mentors = [
      aMentor({
        ...local,
        userId: 'pathologist',
        track: Track.PHYSICIAN,
        careerStage: MID_CAREER,
        specialties: ['pathology'],
        offers: [EDUCATION_TRAINING],
      }),
      aMentor({
        userId: 'english-only-supervisor',
        track: Track.ALLIED_HEALTH,
        careerStage: MID_CAREER,
        specialties: ['medical-laboratory-science'],
        offers: [LICENSING_REGULATION, EDUCATION_TRAINING],
        languages: ['en'],
      }),
      aMentor({
        ...local,
        userId: 'laboratory-manager',
        track: Track.ALLIED_HEALTH,
        careerStage: SENIOR,
        specialties: ['laboratory-management'],
        offers: [LEADERSHIP_MANAGEMENT, EDUCATION_TRAINING],
      }),
      aMentor({
        ...local,
        userId: 'microbiology-technologist',
        track: Track.ALLIED_HEALTH,
        careerStage: EARLY_CAREER,
        specialties: ['clinical-microbiology-laboratory'],
        offers: [LICENSING_REGULATION, EDUCATION_TRAINING],
      }),
    ];
    expectOrder(mentee, mentors, [
      'microbiology-technologist',
      'laboratory-manager',
      'pathologist',
    ]);
  });

  it('night-shift NICU nurse who meets in the afternoon before work', () => {
    // Four equally qualified NICU nurses; only time differs. One shares the mentee's afternoons.
    // One works flexible hours, so afternoons are likely free. One has not said when she meets.
    // One meets only weekday mornings, when a night nurse is asleep.
    const mentee = aMentee({
      careerStage: EARLY_CAREER,
      specialties: ['neonatal-intensive-care-nursing'],
      goals: [BURNOUT_WELLBEING, SPECIALIZATION],
      shiftPattern: 'NIGHTS',
      timeZone: 'America/Los_Angeles',
      region: 'US-CA',
      availability: weekly('weekdays', '15:00', '17:00'),
    });
    const nicuNurse = {
      careerStage: MID_CAREER,
      specialties: ['neonatal-intensive-care-nursing'],
      offers: [BURNOUT_WELLBEING, SPECIALIZATION],
      timeZone: 'America/Los_Angeles',
    };
    const mentors = [
      aMentor({
        ...nicuNurse,
        userId: 'mornings-only',
        availability: weekly('weekdays', '08:00', '10:00'),
      }),
      aMentor({ ...nicuNurse, userId: 'unknown-hours' }),
      aMentor({ ...nicuNurse, userId: 'flexible', shiftPattern: 'FLEXIBLE' }),
      aMentor({
        ...nicuNurse,
        userId: 'afternoons',
        availability: weekly(['MONDAY', 'WEDNESDAY', 'FRIDAY'], '15:30', '17:00'),
      }),
    ];
    expectOrder(mentee, mentors, ['afternoons', 'flexible', 'unknown-hours', 'mornings-only']);
  });

  it('early-career psychiatrist facing burnout', () => {
    // Two mid-career psychiatrists offer the same help; the one with room takes precedence over
    // the one with a single place left, so the popular mentor is not everyone's first match. A
    // fellow early-career psychiatrist is a peer, not a mentor.
    const mentee = aMentee({
      track: Track.PHYSICIAN,
      careerStage: EARLY_CAREER,
      specialties: ['psychiatry'],
      goals: [BURNOUT_WELLBEING, LEADERSHIP_MANAGEMENT],
    });
    const psychiatrist = {
      track: Track.PHYSICIAN,
      specialties: ['psychiatry'],
      offers: [BURNOUT_WELLBEING, LEADERSHIP_MANAGEMENT],
      capacity: 4,
    };
    const mentors = [
      aMentor({ ...psychiatrist, userId: 'a-busy', careerStage: MID_CAREER, activeMenteeCount: 3 }),
      aMentor({ ...psychiatrist, userId: 'peer', careerStage: EARLY_CAREER }),
      aMentor({ ...psychiatrist, userId: 'z-room', careerStage: MID_CAREER, activeMenteeCount: 0 }),
    ];
    expectOrder(mentee, mentors, ['z-room', 'a-busy', 'peer']);
  });
});
