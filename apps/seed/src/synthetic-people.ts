/**
 * Deterministic synthetic healthcare people for load tests and demos. Pure: no I/O, no framework.
 *
 * Every person is a function of (seed, role, index) alone: each draws from its own PRNG seeded
 * by hashing those three, so person 700,000 costs the same as person 1, any range can be
 * generated on its own, and the account fields (drawn first) can be produced without the profile.
 */
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy';
import { MeetingFormat, ShiftPattern, Weekday, type AvailabilityWindow } from '@preceptor/profiles';

/** Organizers are accounts only (they list events; see synthetic-events.ts), without a profile. */
export type SeedRole = 'mentor' | 'mentee' | 'organizer';

/** The slice of a `specialties` row the generator needs (read from the database at seed time). */
export interface SeedSpecialty {
  id: number;
  name: string;
  parentId: number | null;
  tracks: readonly Track[];
  /** Ids from the root down to this specialty, inclusive. */
  lineage: readonly number[];
}

/** What goes into `users`. */
export interface SyntheticAccount {
  role: SeedRole;
  index: number;
  id: string;
  email: string;
  fullName: string;
  isMentor: boolean;
  isMentee: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What goes into `profiles` (plus the account it belongs to). */
export interface SyntheticPerson extends SyntheticAccount {
  track: Track;
  careerStage: CareerStage;
  yearsOfExperience: number;
  specialtyIds: number[];
  specialtyLineage: number[];
  headline: string;
  bio: string;
  languages: string[];
  country: string;
  region: string;
  city: string;
  timeZone: string;
  meetingFormats: MeetingFormat[];
  shiftPattern: ShiftPattern | null;
  availability: AvailabilityWindow[];
  contactEmail: string | null;
  contactPhone: string | null;
  professionalLinks: string[];
  mentorOffers: GrowthArea[];
  mentorCapacity: number | null;
  mentorAccepting: boolean;
  mentorActiveMenteeCount: number;
  menteeGoals: GrowthArea[];
  menteeTargetSpecialtyId: number | null;
}

export interface SyntheticPeopleOptions {
  seed: number;
  specialties: readonly SeedSpecialty[];
  /**
   * End of the three-year sign-up window. Fixed by default rather than "now", so the same seed
   * gives byte-identical output on any day.
   */
  asOf?: Date;
}

export const SEED_EMAIL_DOMAIN = 'seed.preceptor.example';
export const DEFAULT_AS_OF = new Date('2026-11-01T00:00:00.000Z');
const SIGN_UP_WINDOW_MS = 3 * 365.25 * 24 * 3600 * 1000;

export function seedEmail(role: SeedRole, index: number): string {
  return `${role}-${String(index).padStart(7, '0')}@${SEED_EMAIL_DOMAIN}`;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** murmur3's 32-bit finaliser: spreads nearby inputs (consecutive indexes) over the whole range. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ROLE_TAG: Readonly<Record<SeedRole, number>> = { mentor: 1, mentee: 2, organizer: 3 };

/** mulberry32: tiny, fast and plenty for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }
}

/** A discrete distribution; weights need not sum to 1. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) {
      if (target < this.cumulative[i]) return this.values[i];
    }
    return this.values[this.values.length - 1];
  }
}

/** k distinct values, drawn in order without replacement (the order is the ranking). */
function sampleWeighted<T>(
  rng: Rng,
  values: readonly T[],
  weights: readonly number[],
  k: number,
): T[] {
  const remaining = [...weights];
  const chosen: T[] = [];
  for (let n = 0; n < k; n++) {
    let total = 0;
    for (const weight of remaining) total += weight;
    if (total <= 0) break;
    let target = rng.next() * total;
    for (let i = 0; i < remaining.length; i++) {
      target -= remaining[i];
      if (target < 0) {
        chosen.push(values[i]);
        remaining[i] = 0;
        break;
      }
    }
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Names: given and family names from many origins, as in the US healthcare workforce.

// prettier-ignore
const FIRST_NAMES: readonly string[] = [
  'Olivia', 'Emma', 'Charlotte', 'Amelia', 'Sophia', 'Isabella', 'Ava', 'Mia', 'Evelyn', 'Harper',
  'Abigail', 'Emily', 'Elizabeth', 'Sofia', 'Avery', 'Ella', 'Madison', 'Scarlett', 'Grace', 'Chloe',
  'Hannah', 'Lily', 'Nora', 'Zoey', 'Riley', 'Layla', 'Aaliyah', 'Brianna', 'Keisha', 'Latoya',
  'Tamika', 'Imani', 'Nia', 'Jasmine', 'Destiny', 'Ebony', 'Maria', 'Guadalupe', 'Ximena', 'Valentina',
  'Camila', 'Lucia', 'Daniela', 'Alejandra', 'Rosa', 'Carmen', 'Mariana', 'Paola', 'Yesenia', 'Marisol',
  'Mei', 'Xiu', 'Li', 'Jing', 'Yan', 'Hui', 'Ying', 'Min-ji', 'Ji-woo', 'Seo-yeon',
  'Hana', 'Yuki', 'Aiko', 'Sakura', 'Linh', 'Thao', 'Mai', 'Anh', 'Priya', 'Ananya',
  'Aisha', 'Fatima', 'Zainab', 'Mariam', 'Noor', 'Leila', 'Yasmin', 'Divya', 'Kavya', 'Neha',
  'Pooja', 'Shreya', 'Maricel', 'Rowena', 'Jocelyn', 'Analyn', 'Chiamaka', 'Ngozi', 'Adaeze', 'Amara',
  'Folake', 'Abena', 'Ama', 'Wanjiru', 'Olga', 'Anastasia', 'Natalia', 'Svetlana', 'Irina', 'Ana',
  'Beatriz', 'Ines', 'Siobhan', 'Aoife', 'Niamh', 'Claire', 'Margaret', 'Susan', 'Karen', 'Linda',
  'Patricia', 'Deborah', 'Teresa', 'Kimberly', 'Rachel', 'Sarah', 'Rebecca', 'Leah', 'Miriam', 'Esther',
  'Liam', 'Noah', 'Oliver', 'James', 'Elijah', 'William', 'Henry', 'Lucas', 'Benjamin', 'Theodore',
  'Jack', 'Samuel', 'Daniel', 'Michael', 'David', 'Joseph', 'Matthew', 'Andrew', 'Christopher', 'Ryan',
  'Marcus', 'Darnell', 'Jamal', 'Malik', 'Terrence', 'DeShawn', 'Andre', 'Isaiah', 'Jose', 'Juan',
  'Luis', 'Carlos', 'Miguel', 'Javier', 'Diego', 'Alejandro', 'Mateo', 'Santiago', 'Rafael', 'Jorge',
  'Wei', 'Jun', 'Hao', 'Chen', 'Min-jun', 'Ji-ho', 'Hiroshi', 'Kenji', 'Takumi', 'Minh',
  'Duc', 'Quang', 'Tuan', 'Arjun', 'Rahul', 'Vikram', 'Rohan', 'Aditya', 'Sanjay', 'Omar',
  'Ahmed', 'Mohammed', 'Ali', 'Hassan', 'Yusuf', 'Karim', 'Tariq', 'Jose Mari', 'Rodel', 'Mark Anthony',
  'Emeka', 'Chinedu', 'Oluwaseun', 'Kwame', 'Kofi', 'Tendai', 'Dmitri', 'Sergei', 'Alexei', 'Ivan',
  'Pedro', 'Joao', 'Tiago', 'Sean', 'Cian', 'Eoin', 'Thomas', 'Robert', 'John', 'Richard',
  'Steven', 'Kevin', 'Brian', 'Gregory', 'Paul', 'Aaron', 'Nathan', 'Ethan', 'Caleb', 'Jordan',
  'Alex', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Quinn', 'Reese', 'Skyler', 'Rowan', 'Sage',
];

// prettier-ignore
const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker',
  'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks',
  'Bennett', 'Gray', 'James', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster',
  'Washington', 'Jefferson', 'Freeman', 'Banks', 'Coleman', 'Bryant', 'Gaines', 'Mosley', 'Dixon', 'Greene',
  'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
  'Flores', 'Rivera', 'Gomez', 'Diaz', 'Reyes', 'Cruz', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez',
  'Ramos', 'Ruiz', 'Alvarez', 'Mendoza', 'Castillo', 'Jimenez', 'Vasquez', 'Romero', 'Herrera', 'Medina',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
  'Lin', 'Xu', 'Sun', 'Ma', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang',
  'Cho', 'Yoon', 'Tanaka', 'Suzuki', 'Watanabe', 'Sato', 'Nakamura', 'Kobayashi', 'Patel', 'Shah',
  'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Rao', 'Iyer', 'Nair', 'Menon', 'Desai',
  'Mehta', 'Chaudhry', 'Khan', 'Ahmed', 'Hussain', 'Rahman', 'Haddad', 'Nasser', 'Khalil', 'Saleh',
  'Mansour', 'Santos', 'Dela Cruz', 'Bautista', 'Villanueva', 'Mendoza', 'Aquino', 'Ocampo', 'Manalo', 'Pascual',
  'Okafor', 'Okonkwo', 'Adeyemi', 'Balogun', 'Mensah', 'Owusu', 'Boateng', 'Kamau', 'Mwangi', 'Diallo',
  'Ivanov', 'Petrov', 'Smirnov', 'Volkov', 'Kowalski', 'Nowak', 'Novak', 'Horvat', 'Silva', 'Oliveira',
  'Souza', 'Pereira', 'Costa', 'Ferreira', "O'Brien", "O'Connor", 'Byrne', 'Walsh', 'McCarthy', 'Gallagher',
  'Rossi', 'Russo', 'Esposito', 'Bianchi', 'Schmidt', 'Mueller', 'Weber', 'Fischer', 'Cohen', 'Levy',
  'Friedman', 'Goldberg', 'Katz', 'Begay', 'Yazzie', 'Tsosie', 'Kealoha', 'Kahananui', 'Johansson', 'Larsen',
];

const MIDDLE_INITIALS = 'ABCDEFGHJKLMNPRSTW';

// ---------------------------------------------------------------------------------------------
// Tracks, stages and experience

/** Share of the people in each track (the US healthcare workforce, roughly). */
const TRACKS = new Weighted<Track>([
  [Track.NURSING, 45],
  [Track.PHYSICIAN, 20],
  [Track.ALLIED_HEALTH, 15],
  [Track.ADVANCED_PRACTICE, 8],
  [Track.PHARMACY, 5],
  [Track.PUBLIC_HEALTH, 3],
  [Track.ADMINISTRATION, 2],
  [Track.INFORMATICS, 2],
]);

// People who mentor are mostly established; people looking for mentors are mostly early on.
const MENTOR_STAGES = new Weighted<CareerStage>([
  [CareerStage.EARLY_CAREER, 10],
  [CareerStage.MID_CAREER, 44],
  [CareerStage.SENIOR, 31],
  [CareerStage.LEADER, 15],
]);
const MENTEE_STAGES = new Weighted<CareerStage>([
  [CareerStage.STUDENT, 40],
  [CareerStage.TRAINEE, 25],
  [CareerStage.EARLY_CAREER, 35],
]);

type YearsRange = readonly [min: number, max: number];

/**
 * Years of professional experience that fit each stage, counting training (a residency is
 * work). Students may have a year of prior work (e.g. as an aide); ranges overlap a little, as
 * people move between stages at different speeds.
 */
const STAGE_YEARS: Readonly<Record<CareerStage, YearsRange>> = {
  [CareerStage.STUDENT]: [0, 1],
  [CareerStage.TRAINEE]: [0, 2],
  [CareerStage.EARLY_CAREER]: [1, 6],
  [CareerStage.MID_CAREER]: [6, 15],
  [CareerStage.SENIOR]: [12, 30],
  [CareerStage.LEADER]: [15, 40],
};

// Physician training is long: residency plus fellowship runs up to seven years after the MD,
// so every later stage starts later too.
const TRACK_STAGE_YEARS: Partial<Record<Track, Partial<Record<CareerStage, YearsRange>>>> = {
  [Track.PHYSICIAN]: {
    [CareerStage.TRAINEE]: [1, 7],
    [CareerStage.EARLY_CAREER]: [4, 10],
    [CareerStage.MID_CAREER]: [9, 20],
    [CareerStage.SENIOR]: [15, 32],
    [CareerStage.LEADER]: [20, 40],
  },
  [Track.PHARMACY]: { [CareerStage.TRAINEE]: [1, 2] },
};

/** The years-of-experience range the generator uses for a track and stage. */
export function yearsRangeFor(track: Track, stage: CareerStage): YearsRange {
  return TRACK_STAGE_YEARS[track]?.[stage] ?? STAGE_YEARS[stage];
}

// prettier-ignore
const TITLES: Readonly<Record<Track, Readonly<Record<CareerStage, readonly string[]>>>> = {
  [Track.PHYSICIAN]: {
    STUDENT: ['Medical student', 'Third-year medical student', 'Fourth-year medical student', 'MD/PhD student'],
    TRAINEE: ['Resident physician', 'PGY-1 resident', 'PGY-2 resident', 'PGY-3 resident', 'Chief resident', 'Clinical fellow'],
    EARLY_CAREER: ['Attending physician', 'Staff physician', 'Assistant professor'],
    MID_CAREER: ['Attending physician', 'Associate professor', 'Associate program director', 'Clerkship director'],
    SENIOR: ['Division chief', 'Residency program director', 'Professor', 'Section chief'],
    LEADER: ['Department chair', 'Chief medical officer', 'Vice president of medical affairs', 'Designated institutional official'],
  },
  [Track.NURSING]: {
    STUDENT: ['Nursing student', 'BSN student', 'ADN student', 'Accelerated BSN student'],
    TRAINEE: ['New-graduate RN', 'Nurse resident', 'RN in orientation'],
    EARLY_CAREER: ['Staff RN', 'Registered nurse', 'Bedside RN', 'Travel nurse'],
    MID_CAREER: ['Charge nurse', 'Senior staff RN', 'Clinical nurse III', 'Nurse preceptor'],
    SENIOR: ['Nurse manager', 'Clinical nurse specialist', 'Assistant nurse manager', 'Nurse educator'],
    LEADER: ['Director of nursing', 'Chief nursing officer', 'Associate chief nursing officer'],
  },
  [Track.ADVANCED_PRACTICE]: {
    STUDENT: ['NP student', 'PA student', 'DNP student', 'Nurse anesthesia student'],
    TRAINEE: ['APP fellow', 'New-graduate NP', 'New-graduate PA', 'Postgraduate APP resident'],
    EARLY_CAREER: ['Nurse practitioner', 'Physician assistant', 'Advanced practice provider'],
    MID_CAREER: ['Senior nurse practitioner', 'Senior physician assistant', 'Lead clinician', 'APP preceptor'],
    SENIOR: ['Lead APP', 'APP manager', 'APP supervisor'],
    LEADER: ['Director of advanced practice', 'Chief APP officer', 'Vice president of advanced practice'],
  },
  [Track.ALLIED_HEALTH]: {
    STUDENT: ['Allied health student', 'Graduate student', 'Clinical student'],
    TRAINEE: ['Clinical intern', 'New graduate', 'Clinical resident'],
    EARLY_CAREER: ['Staff clinician', 'Credentialed technologist', 'Staff therapist'],
    MID_CAREER: ['Senior clinician', 'Lead technologist', 'Clinical specialist'],
    SENIOR: ['Department supervisor', 'Department manager', 'Clinical coordinator'],
    LEADER: ['Director of clinical services', 'Director of allied health', 'Vice president of clinical operations'],
  },
  [Track.PHARMACY]: {
    STUDENT: ['PharmD student', 'P3 pharmacy student', 'P4 pharmacy student'],
    TRAINEE: ['PGY1 pharmacy resident', 'PGY2 pharmacy resident'],
    EARLY_CAREER: ['Staff pharmacist', 'Clinical pharmacist'],
    MID_CAREER: ['Clinical pharmacist specialist', 'Senior clinical pharmacist'],
    SENIOR: ['Pharmacy manager', 'Clinical pharmacy coordinator'],
    LEADER: ['Director of pharmacy', 'Chief pharmacy officer'],
  },
  [Track.PUBLIC_HEALTH]: {
    STUDENT: ['MPH student', 'DrPH student', 'Public health student'],
    TRAINEE: ['Public health fellow', 'EIS officer', 'Public health associate'],
    EARLY_CAREER: ['Epidemiologist', 'Health educator', 'Program analyst'],
    MID_CAREER: ['Senior epidemiologist', 'Program manager'],
    SENIOR: ['Division director', 'Deputy health officer'],
    LEADER: ['Health commissioner', 'Public health director', 'Chief health officer'],
  },
  [Track.ADMINISTRATION]: {
    STUDENT: ['MHA student', 'MBA student', 'Health administration student'],
    TRAINEE: ['Administrative fellow', 'Administrative resident'],
    EARLY_CAREER: ['Operations analyst', 'Project coordinator', 'Department coordinator'],
    MID_CAREER: ['Practice manager', 'Department manager', 'Operations manager'],
    SENIOR: ['Director of operations', 'Vice president', 'Service line director'],
    LEADER: ['Chief operating officer', 'Hospital president', 'Chief executive officer'],
  },
  [Track.INFORMATICS]: {
    STUDENT: ['Health informatics student', 'Informatics graduate student'],
    TRAINEE: ['Informatics fellow', 'EHR analyst trainee'],
    EARLY_CAREER: ['Clinical informatics analyst', 'EHR analyst', 'Informaticist'],
    MID_CAREER: ['Senior clinical informaticist', 'Informatics project lead'],
    SENIOR: ['Director of clinical informatics', 'Informatics manager'],
    LEADER: ['Chief medical information officer', 'Chief nursing informatics officer', 'Chief health information officer'],
  },
};

// ---------------------------------------------------------------------------------------------
// Places: real cities with their real IANA zones, US weighted by population per time zone.

export interface Place {
  country: string;
  region: string;
  city: string;
  timeZone: string;
}

/** `region`: the ISO 3166-2 code after the country's dash ("TX" of "US-TX"). */
type PlaceRow = readonly [region: string, city: string, timeZone: string, weight: number];

function places(country: string, rows: readonly PlaceRow[]): Weighted<Place> {
  return new Weighted(
    rows.map(([region, city, timeZone, weight]) => [
      { country, region: `${country}-${region}`, city, timeZone },
      weight,
    ]),
  );
}

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';

// prettier-ignore
const US_ZONES = new Weighted<Weighted<Place>>([
  [places('US', [
    ['NY', 'New York', NY, 9], ['NY', 'Rochester', NY, 1], ['NY', 'Buffalo', NY, 1], ['PA', 'Philadelphia', NY, 4],
    ['PA', 'Pittsburgh', NY, 2], ['MA', 'Boston', NY, 4], ['FL', 'Miami', NY, 3], ['FL', 'Orlando', NY, 2],
    ['FL', 'Tampa', NY, 2], ['FL', 'Jacksonville', NY, 1], ['GA', 'Atlanta', NY, 4], ['NC', 'Charlotte', NY, 2],
    ['NC', 'Durham', NY, 2], ['VA', 'Richmond', NY, 2], ['MD', 'Baltimore', NY, 2], ['DC', 'Washington', NY, 2],
    ['OH', 'Columbus', NY, 2], ['OH', 'Cleveland', NY, 2], ['OH', 'Cincinnati', NY, 1], ['NJ', 'Newark', NY, 2],
    ['SC', 'Charleston', NY, 1], ['CT', 'New Haven', NY, 1], ['RI', 'Providence', NY, 1], ['ME', 'Portland', NY, 0.5],
    ['NH', 'Manchester', NY, 0.5], ['VT', 'Burlington', NY, 0.3], ['DE', 'Wilmington', NY, 0.5],
    ['WV', 'Morgantown', NY, 0.5], ['MI', 'Detroit', 'America/Detroit', 2], ['MI', 'Ann Arbor', 'America/Detroit', 1],
    ['IN', 'Indianapolis', 'America/Indiana/Indianapolis', 2], ['KY', 'Louisville', 'America/Kentucky/Louisville', 1],
  ]), 47],
  [places('US', [
    ['IL', 'Chicago', CHI, 6], ['TX', 'Houston', CHI, 5], ['TX', 'Dallas', CHI, 4], ['TX', 'San Antonio', CHI, 2],
    ['TX', 'Austin', CHI, 2], ['MN', 'Minneapolis', CHI, 2], ['MN', 'Rochester', CHI, 1], ['MO', 'St. Louis', CHI, 2],
    ['MO', 'Kansas City', CHI, 1], ['TN', 'Nashville', CHI, 2], ['TN', 'Memphis', CHI, 1], ['WI', 'Milwaukee', CHI, 1],
    ['WI', 'Madison', CHI, 1], ['LA', 'New Orleans', CHI, 1], ['OK', 'Oklahoma City', CHI, 1], ['AL', 'Birmingham', CHI, 1],
    ['IA', 'Des Moines', CHI, 1], ['NE', 'Omaha', CHI, 1], ['AR', 'Little Rock', CHI, 1], ['MS', 'Jackson', CHI, 0.5],
    ['KS', 'Wichita', CHI, 0.5], ['ND', 'Fargo', CHI, 0.3], ['SD', 'Sioux Falls', CHI, 0.3],
  ]), 29],
  [places('US', [
    ['CO', 'Denver', DEN, 4], ['CO', 'Colorado Springs', DEN, 1], ['UT', 'Salt Lake City', DEN, 2],
    ['NM', 'Albuquerque', DEN, 1], ['ID', 'Boise', 'America/Boise', 1], ['MT', 'Billings', DEN, 0.5],
    ['WY', 'Cheyenne', DEN, 0.3], ['TX', 'El Paso', DEN, 1], ['AZ', 'Phoenix', 'America/Phoenix', 4],
    ['AZ', 'Tucson', 'America/Phoenix', 1.5],
  ]), 7],
  [places('US', [
    ['CA', 'Los Angeles', LA, 6], ['CA', 'San Francisco', LA, 3], ['CA', 'San Diego', LA, 2.5], ['CA', 'Sacramento', LA, 1.5],
    ['CA', 'San Jose', LA, 1.5], ['CA', 'Fresno', LA, 1], ['WA', 'Seattle', LA, 3], ['WA', 'Spokane', LA, 0.5],
    ['OR', 'Portland', LA, 1.5], ['NV', 'Las Vegas', LA, 1.5], ['NV', 'Reno', LA, 0.5],
  ]), 13],
  [places('US', [['AK', 'Anchorage', 'America/Anchorage', 3], ['AK', 'Fairbanks', 'America/Anchorage', 1]]), 0.4],
  [places('US', [['HI', 'Honolulu', 'Pacific/Honolulu', 3], ['HI', 'Hilo', 'Pacific/Honolulu', 1]]), 0.6],
]);

// prettier-ignore
const OTHER_COUNTRIES = new Weighted<Weighted<Place>>([
  [places('CA', [
    ['ON', 'Toronto', 'America/Toronto', 5], ['ON', 'Ottawa', 'America/Toronto', 1.5], ['QC', 'Montréal', 'America/Toronto', 3],
    ['BC', 'Vancouver', 'America/Vancouver', 2.5], ['AB', 'Calgary', 'America/Edmonton', 1.5], ['AB', 'Edmonton', 'America/Edmonton', 1.5],
    ['MB', 'Winnipeg', 'America/Winnipeg', 1], ['NS', 'Halifax', 'America/Halifax', 0.5], ['SK', 'Saskatoon', 'America/Regina', 0.5],
  ]), 2.2],
  [places('GB', [
    ['ENG', 'London', 'Europe/London', 5], ['ENG', 'Manchester', 'Europe/London', 1.5],
    ['ENG', 'Birmingham', 'Europe/London', 1.5], ['SCT', 'Glasgow', 'Europe/London', 1],
    ['SCT', 'Edinburgh', 'Europe/London', 1], ['WLS', 'Cardiff', 'Europe/London', 0.5],
  ]), 1.4],
  [places('IE', [
    ['L', 'Dublin', 'Europe/Dublin', 4], ['M', 'Cork', 'Europe/Dublin', 1], ['C', 'Galway', 'Europe/Dublin', 0.5],
  ]), 0.5],
  [places('AU', [
    ['NSW', 'Sydney', 'Australia/Sydney', 4], ['VIC', 'Melbourne', 'Australia/Melbourne', 4], ['QLD', 'Brisbane', 'Australia/Brisbane', 2],
    ['WA', 'Perth', 'Australia/Perth', 1.5], ['SA', 'Adelaide', 'Australia/Adelaide', 1],
  ]), 1.1],
  [places('PH', [
    ['00', 'Manila', 'Asia/Manila', 4], ['00', 'Quezon City', 'Asia/Manila', 2],
    ['07', 'Cebu City', 'Asia/Manila', 1.5], ['11', 'Davao City', 'Asia/Manila', 1],
  ]), 0.9],
  [places('IN', [
    ['MH', 'Mumbai', 'Asia/Kolkata', 3], ['DL', 'New Delhi', 'Asia/Kolkata', 3], ['KA', 'Bengaluru', 'Asia/Kolkata', 2.5],
    ['TN', 'Chennai', 'Asia/Kolkata', 2], ['KL', 'Kochi', 'Asia/Kolkata', 1],
  ]), 0.6],
]);

/** Share of people outside the US (Canada, UK, Ireland, Australia, the Philippines, India). */
const OUTSIDE_US = 0.065;

/** A city where healthcare people live and work (and events take place), weighted by size. */
export function pickPlace(rng: Rng): Place {
  return rng.chance(OUTSIDE_US)
    ? OTHER_COUNTRIES.pick(rng).pick(rng)
    : US_ZONES.pick(rng).pick(rng);
}

// ---------------------------------------------------------------------------------------------
// Languages besides English (everyone speaks English), by base probability.

const SPANISH_US = 0.135;
const SPANISH_ELSEWHERE = 0.03;
// prettier-ignore
const OTHER_LANGUAGES: readonly (readonly [code: string, probability: number])[] = [
  ['zh', 0.01], ['tl', 0.008], ['vi', 0.007], ['ar', 0.006], ['fr', 0.006],
  ['ko', 0.005], ['hi', 0.006], ['ru', 0.005], ['pt', 0.005],
];
/** Languages much more likely in a country (or an ISO 3166-2 region) than elsewhere. */
const LOCAL_LANGUAGES: Readonly<Record<string, readonly [code: string, probability: number]>> = {
  PH: ['tl', 0.75],
  IN: ['hi', 0.65],
  'CA-QC': ['fr', 0.9],
  CA: ['fr', 0.1],
};

// ---------------------------------------------------------------------------------------------
// Work patterns and availability

const S = ShiftPattern;
// prettier-ignore
const SHIFTS_BEDSIDE = new Weighted<ShiftPattern>([[S.DAYS, 35], [S.NIGHTS, 25], [S.ROTATING, 20], [S.EVENINGS, 8], [S.WEEKENDS, 5], [S.FLEXIBLE, 7]]);
// prettier-ignore
const SHIFTS_RESIDENT = new Weighted<ShiftPattern>([[S.ROTATING, 45], [S.NIGHTS, 15], [S.DAYS, 30], [S.EVENINGS, 5], [S.FLEXIBLE, 5]]);
// prettier-ignore
const SHIFTS_CLINICAL = new Weighted<ShiftPattern>([[S.DAYS, 55], [S.ROTATING, 12], [S.NIGHTS, 8], [S.EVENINGS, 7], [S.WEEKENDS, 4], [S.FLEXIBLE, 14]]);
// prettier-ignore
const SHIFTS_OFFICE = new Weighted<ShiftPattern>([[S.DAYS, 70], [S.FLEXIBLE, 30]]);
// prettier-ignore
const SHIFTS_STUDENT = new Weighted<ShiftPattern>([[S.DAYS, 40], [S.EVENINGS, 20], [S.WEEKENDS, 10], [S.FLEXIBLE, 30]]);

function shiftsFor(track: Track, stage: CareerStage): Weighted<ShiftPattern> {
  if (stage === CareerStage.STUDENT) return SHIFTS_STUDENT;
  if (stage === CareerStage.LEADER) return SHIFTS_OFFICE;
  switch (track) {
    case Track.NURSING:
      return stage === CareerStage.SENIOR ? SHIFTS_CLINICAL : SHIFTS_BEDSIDE;
    case Track.PHYSICIAN:
      return stage === CareerStage.TRAINEE ? SHIFTS_RESIDENT : SHIFTS_CLINICAL;
    case Track.ADVANCED_PRACTICE:
    case Track.ALLIED_HEALTH:
    case Track.PHARMACY:
      return SHIFTS_CLINICAL;
    case Track.PUBLIC_HEALTH:
    case Track.ADMINISTRATION:
    case Track.INFORMATICS:
      return SHIFTS_OFFICE;
  }
}

const WEEKDAYS: readonly Weekday[] = [
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
];
const WEEKEND: readonly Weekday[] = [Weekday.SATURDAY, Weekday.SUNDAY];
const DAY_ORDER: readonly Weekday[] = [...WEEKDAYS, ...WEEKEND];

/** When someone on a shift pattern is free: [first start hour, last start hour] per kind of day. */
interface FreeTime {
  weekday: readonly [number, number];
  weekend: readonly [number, number];
  weekendShare: number;
}
// Day workers are free in the evening, night workers in the afternoon, and so on.
const FREE_TIME: Readonly<Record<ShiftPattern | 'NONE', FreeTime>> = {
  DAYS: { weekday: [17, 20], weekend: [9, 16], weekendShare: 0.35 },
  EVENINGS: { weekday: [8, 11], weekend: [10, 16], weekendShare: 0.3 },
  NIGHTS: { weekday: [13, 17], weekend: [12, 17], weekendShare: 0.3 },
  ROTATING: { weekday: [8, 20], weekend: [9, 18], weekendShare: 0.3 },
  WEEKENDS: { weekday: [9, 19], weekend: [18, 20], weekendShare: 0.1 },
  FLEXIBLE: { weekday: [7, 20], weekend: [9, 18], weekendShare: 0.25 },
  NONE: { weekday: [8, 20], weekend: [9, 18], weekendShare: 0.3 },
};
const WINDOW_MINUTES: readonly number[] = [30, 45, 60, 60, 60, 90, 90, 120, 180];

// ---------------------------------------------------------------------------------------------
// Growth areas

const GROWTH_AREAS: readonly GrowthArea[] = Object.values(GrowthArea);
const G = GrowthArea;
type AreaWeights = Readonly<Record<GrowthArea, number>>;

// What mentors offer shifts with seniority: leaders offer leadership, everyone offers wellbeing.
// prettier-ignore
const EARLY_OFFERS: AreaWeights = { [G.EDUCATION_TRAINING]: 18, [G.NETWORKING]: 12, [G.SPECIALIZATION]: 14, [G.LEADERSHIP_MANAGEMENT]: 2, [G.TECHNOLOGY]: 8, [G.LICENSING_REGULATION]: 16, [G.BURNOUT_WELLBEING]: 12, [G.KEEPING_CURRENT]: 10 };
// prettier-ignore
const OFFER_WEIGHTS: Readonly<Record<CareerStage, AreaWeights>> = {
  // Mentors are never students or trainees here; listed so the table is total.
  STUDENT: EARLY_OFFERS,
  TRAINEE: EARLY_OFFERS,
  EARLY_CAREER: EARLY_OFFERS,
  MID_CAREER: { [G.EDUCATION_TRAINING]: 14, [G.NETWORKING]: 12, [G.SPECIALIZATION]: 16, [G.LEADERSHIP_MANAGEMENT]: 8, [G.TECHNOLOGY]: 7, [G.LICENSING_REGULATION]: 10, [G.BURNOUT_WELLBEING]: 13, [G.KEEPING_CURRENT]: 12 },
  SENIOR: { [G.EDUCATION_TRAINING]: 11, [G.NETWORKING]: 14, [G.SPECIALIZATION]: 13, [G.LEADERSHIP_MANAGEMENT]: 16, [G.TECHNOLOGY]: 6, [G.LICENSING_REGULATION]: 7, [G.BURNOUT_WELLBEING]: 13, [G.KEEPING_CURRENT]: 10 },
  LEADER: { [G.EDUCATION_TRAINING]: 7, [G.NETWORKING]: 16, [G.SPECIALIZATION]: 8, [G.LEADERSHIP_MANAGEMENT]: 26, [G.TECHNOLOGY]: 7, [G.LICENSING_REGULATION]: 6, [G.BURNOUT_WELLBEING]: 14, [G.KEEPING_CURRENT]: 8 },
};

// What people want help with, by stage.
// prettier-ignore
const GOAL_WEIGHTS: Readonly<Record<CareerStage, AreaWeights>> = {
  STUDENT: { [G.EDUCATION_TRAINING]: 20, [G.NETWORKING]: 14, [G.SPECIALIZATION]: 16, [G.LEADERSHIP_MANAGEMENT]: 2, [G.TECHNOLOGY]: 4, [G.LICENSING_REGULATION]: 16, [G.BURNOUT_WELLBEING]: 8, [G.KEEPING_CURRENT]: 4 },
  TRAINEE: { [G.EDUCATION_TRAINING]: 12, [G.NETWORKING]: 14, [G.SPECIALIZATION]: 18, [G.LEADERSHIP_MANAGEMENT]: 4, [G.TECHNOLOGY]: 5, [G.LICENSING_REGULATION]: 12, [G.BURNOUT_WELLBEING]: 16, [G.KEEPING_CURRENT]: 8 },
  EARLY_CAREER: { [G.EDUCATION_TRAINING]: 12, [G.NETWORKING]: 12, [G.SPECIALIZATION]: 14, [G.LEADERSHIP_MANAGEMENT]: 14, [G.TECHNOLOGY]: 8, [G.LICENSING_REGULATION]: 6, [G.BURNOUT_WELLBEING]: 16, [G.KEEPING_CURRENT]: 12 },
  MID_CAREER: { [G.EDUCATION_TRAINING]: 10, [G.NETWORKING]: 12, [G.SPECIALIZATION]: 6, [G.LEADERSHIP_MANAGEMENT]: 22, [G.TECHNOLOGY]: 10, [G.LICENSING_REGULATION]: 4, [G.BURNOUT_WELLBEING]: 14, [G.KEEPING_CURRENT]: 12 },
  SENIOR: { [G.EDUCATION_TRAINING]: 8, [G.NETWORKING]: 14, [G.SPECIALIZATION]: 4, [G.LEADERSHIP_MANAGEMENT]: 24, [G.TECHNOLOGY]: 12, [G.LICENSING_REGULATION]: 4, [G.BURNOUT_WELLBEING]: 14, [G.KEEPING_CURRENT]: 10 },
  LEADER: { [G.EDUCATION_TRAINING]: 6, [G.NETWORKING]: 16, [G.SPECIALIZATION]: 2, [G.LEADERSHIP_MANAGEMENT]: 24, [G.TECHNOLOGY]: 14, [G.LICENSING_REGULATION]: 6, [G.BURNOUT_WELLBEING]: 16, [G.KEEPING_CURRENT]: 8 },
};

function areaWeights(weights: AreaWeights, track: Track): number[] {
  // Informatics people lean on technology whatever their stage.
  const techBoost = track === Track.INFORMATICS ? 3 : 1;
  return GROWTH_AREAS.map((area) => weights[area] * (area === G.TECHNOLOGY ? techBoost : 1));
}

/** How many growth areas someone lists: mostly two or three. */
const OFFER_COUNT = new Weighted<number>([
  [1, 20],
  [2, 35],
  [3, 30],
  [4, 15],
]);
const GOAL_COUNT = new Weighted<number>([
  [1, 30],
  [2, 40],
  [3, 30],
]);
const CAPACITY = new Weighted<number>([
  [1, 8],
  [2, 18],
  [3, 22],
  [4, 20],
  [5, 12],
  [6, 9],
  [7, 5],
  [8, 6],
]);
const SPECIALTY_COUNT = new Weighted<number>([
  [1, 55],
  [2, 30],
  [3, 15],
]);

/** Mid-career-and-up mentors who also look for a mentor (for leadership, usually). */
const MENTOR_ALSO_MENTEE = 0.08;

// ---------------------------------------------------------------------------------------------
// Text

// prettier-ignore
const PASTIMES: readonly string[] = [
  'run half marathons', 'garden', 'coach youth soccer', 'bake bread', 'hike with my dog',
  'play in a community orchestra', 'volunteer at a free clinic', 'read historical fiction',
  'cook for my family', 'cycle to work', 'practise yoga', 'restore old furniture',
  'play pickup basketball', 'knit', 'travel with my kids', 'sing in a choir', 'fish',
  'do crossword puzzles', 'climb', 'paint watercolours', 'teach CPR classes', 'swim',
];

// Short phrases for running text: the official names ("Burnout and wellbeing") contain "and",
// which makes lists of them unreadable.
const AREA_PHRASES: Readonly<Record<GrowthArea, string>> = {
  [G.EDUCATION_TRAINING]: 'training programs',
  [G.NETWORKING]: 'professional networking',
  [G.SPECIALIZATION]: 'choosing a specialty',
  [G.LEADERSHIP_MANAGEMENT]: 'leadership',
  [G.TECHNOLOGY]: 'health technology',
  [G.LICENSING_REGULATION]: 'licensing exams',
  [G.BURNOUT_WELLBEING]: 'avoiding burnout',
  [G.KEEPING_CURRENT]: 'keeping up with practice changes',
};

function areaPhrase(area: GrowthArea): string {
  return AREA_PHRASES[area];
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Staff RN" → "staff RN", but "PGY-1 resident" and "EIS officer" keep their capitals. */
function inSentence(title: string): string {
  const second = title.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? title.charAt(0).toLowerCase() + title.slice(1)
    : title;
}

function withArticle(phrase: string): string {
  return `${/^[AEIOUaeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** ASCII letters only, for handles in example e-mail addresses and links. */
function handle(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const CONTACT_DOMAINS: readonly string[] = [
  'example.org',
  'example.com',
  'example.net',
  'mail.example.org',
  'health.example.com',
];

// ---------------------------------------------------------------------------------------------
// Specialties

interface TrackSpecialties {
  all: SeedSpecialty[];
  /** Specialties with no parent inside this track (general fields a student might name). */
  roots: SeedSpecialty[];
  /** Same-track specialties sharing the top of each one's lineage (its "family"). */
  family: Map<number, SeedSpecialty[]>;
}

function indexSpecialties(specialties: readonly SeedSpecialty[]): Map<Track, TrackSpecialties> {
  const byId = new Map(specialties.map((s) => [s.id, s]));
  const result = new Map<Track, TrackSpecialties>();
  for (const track of Object.values(Track)) {
    const all = specialties.filter((s) => s.tracks.includes(track)).sort((a, b) => a.id - b.id);
    if (all.length === 0) throw new Error(`No specialty lists track ${track}`);
    const roots = all.filter((s) => {
      const parent = s.parentId === null ? undefined : byId.get(s.parentId);
      return parent === undefined || !parent.tracks.includes(track);
    });
    const family = new Map<number, SeedSpecialty[]>();
    for (const s of all) {
      family.set(
        s.id,
        all.filter((other) => other.id !== s.id && other.lineage[0] === s.lineage[0]),
      );
    }
    result.set(track, { all, roots, family });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

/**
 * Generates people for one seed. `account()` and `person()` agree field for field: the account
 * fields are drawn first from the same per-person stream.
 */
export class SyntheticPeople {
  readonly seed: number;
  private readonly asOfMs: number;
  private readonly specialtiesById: Map<number, SeedSpecialty>;
  private readonly byTrack: Map<Track, TrackSpecialties>;
  private readonly seedHash: number;
  private readonly idPrefix: string;

  constructor(options: SyntheticPeopleOptions) {
    if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer from 0 to ${0xffffffff}, got ${options.seed}`);
    }
    this.seed = options.seed;
    this.asOfMs = (options.asOf ?? DEFAULT_AS_OF).getTime();
    this.specialtiesById = new Map(options.specialties.map((s) => [s.id, s]));
    this.byTrack = indexSpecialties(options.specialties);
    this.seedHash = mix32(options.seed ^ 0x5eed5eed);
    this.idPrefix = this.seedHash.toString(16).padStart(8, '0');
  }

  /**
   * A UUID (RFC 9562 version 8, i.e. a custom layout) of seed hash, role and index: the same
   * seed always gives the same ids, roles and runs never collide (indexes never repeat within a
   * role), and ids rise with the index, so primary-key inserts append instead of splitting pages.
   */
  userId(role: SeedRole, index: number): string {
    const tag = ROLE_TAG[role].toString(16).padStart(4, '0');
    return `${this.idPrefix}-${tag}-8000-8000-${index.toString(16).padStart(12, '0')}`;
  }

  private rngFor(role: SeedRole, index: number): Rng {
    return new Rng(mix32(mix32(this.seedHash ^ ROLE_TAG[role]) ^ Math.imul(index, 0x9e3779b1)));
  }

  /** When this person signed up (ms since the epoch), without drawing the rest of them. */
  signedUpAt(role: SeedRole, index: number): number {
    return this.drawIdentity(this.rngFor(role, index)).createdMs;
  }

  account(role: SeedRole, index: number): SyntheticAccount {
    return this.drawAccount(this.rngFor(role, index), role, index).account;
  }

  person(role: SeedRole, index: number): SyntheticPerson {
    const rng = this.rngFor(role, index);
    const { account, firstName, lastName } = this.drawAccount(rng, role, index);

    const track = TRACKS.pick(rng);
    const careerStage = (role === 'mentor' ? MENTOR_STAGES : MENTEE_STAGES).pick(rng);
    const [minYears, maxYears] = yearsRangeFor(track, careerStage);
    const yearsOfExperience = rng.int(minYears, maxYears);
    const title = rng.pick(TITLES[track][careerStage]);

    const specialties = this.drawSpecialties(rng, track, careerStage);
    const specialtyIds = specialties.map((s) => s.id);
    const lineage = new Set<number>();
    for (const s of specialties) for (const id of s.lineage) lineage.add(id);
    const specialtyLineage = [...lineage].sort((a, b) => a - b);

    const place = this.drawPlace(rng);
    const languages = this.drawLanguages(rng, place);
    const meetingFormats = this.drawMeetingFormats(rng);
    const shiftPattern = rng.chance(0.05) ? null : shiftsFor(track, careerStage).pick(rng);
    const availability = this.drawAvailability(rng, shiftPattern);

    let mentorOffers: GrowthArea[] = [];
    let mentorCapacity: number | null = null;
    let mentorAccepting = false;
    let mentorActiveMenteeCount = 0;
    if (account.isMentor) {
      const weights = OFFER_WEIGHTS[careerStage];
      mentorOffers = sampleWeighted(
        rng,
        GROWTH_AREAS,
        areaWeights(weights, track),
        OFFER_COUNT.pick(rng),
      );
      mentorCapacity = CAPACITY.pick(rng);
      mentorAccepting = rng.chance(0.85);
      // Accepting mentors have room; most who stopped accepting are full.
      mentorActiveMenteeCount = mentorAccepting
        ? rng.int(0, mentorCapacity - 1)
        : rng.chance(0.6)
          ? mentorCapacity
          : rng.int(0, mentorCapacity);
    }

    let menteeGoals: GrowthArea[] = [];
    let menteeTargetSpecialtyId: number | null = null;
    if (account.isMentee) {
      menteeGoals = sampleWeighted(
        rng,
        GROWTH_AREAS,
        areaWeights(GOAL_WEIGHTS[careerStage], track),
        GOAL_COUNT.pick(rng),
      );
      if (rng.chance(0.4)) {
        const family = this.byTrack.get(track)?.family.get(specialtyIds[0]) ?? [];
        const candidates = family.filter((s) => !specialtyIds.includes(s.id));
        if (candidates.length > 0) menteeTargetSpecialtyId = rng.pick(candidates).id;
      }
    }

    const primary = specialties[0];
    const target =
      menteeTargetSpecialtyId === null
        ? undefined
        : this.specialtiesById.get(menteeTargetSpecialtyId);
    const headline = this.composeHeadline(rng, {
      title,
      specialty: primary.name,
      city: place.city,
      lead: (account.isMentor ? mentorOffers[0] : menteeGoals[0]) ?? null,
      isMentor: account.isMentor,
    });
    const bio = this.composeBio(rng, {
      title,
      stage: careerStage,
      years: yearsOfExperience,
      specialties,
      city: place.city,
      offers: mentorOffers,
      goals: menteeGoals,
      capacity: mentorCapacity,
      target: target?.name ?? null,
      isMentor: account.isMentor,
    });

    const domain = rng.pick(CONTACT_DOMAINS);
    const contactEmail = rng.chance(0.35)
      ? `${handle(firstName)}.${handle(lastName)}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${domain}`
      : null;
    const contactPhone = rng.chance(0.15) ? this.phoneFor(rng, place.country) : null;
    const professionalLinks = rng.chance(0.25)
      ? [
          `https://profiles.example.org/in/${handle(firstName)}-${handle(lastName)}-${index.toString(36)}`,
        ]
      : [];

    // Fields listed one by one: V8 makes `{ ...account, 25 more }` a slow dictionary object
    // (measured: ~55 µs instead of ~6 µs a person).
    return {
      role: account.role,
      index: account.index,
      id: account.id,
      email: account.email,
      fullName: account.fullName,
      isMentor: account.isMentor,
      isMentee: account.isMentee,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
      track,
      careerStage,
      yearsOfExperience,
      specialtyIds,
      specialtyLineage,
      headline,
      bio,
      languages,
      country: place.country,
      region: place.region,
      city: place.city,
      timeZone: place.timeZone,
      meetingFormats,
      shiftPattern,
      availability,
      contactEmail,
      contactPhone,
      professionalLinks,
      mentorOffers,
      mentorCapacity,
      mentorAccepting,
      mentorActiveMenteeCount,
      menteeGoals,
      menteeTargetSpecialtyId,
    };
  }

  /** The draws that come first for everyone: name and sign-up time. */
  private drawIdentity(rng: Rng): {
    firstName: string;
    lastName: string;
    middle: string;
    createdMs: number;
  } {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const middle = rng.chance(0.15)
      ? ` ${MIDDLE_INITIALS.charAt(rng.int(0, MIDDLE_INITIALS.length - 1))}.`
      : '';
    // Skewed towards recent sign-ups, as a growing platform's would be.
    const ageMs = SIGN_UP_WINDOW_MS * rng.next() ** 1.6;
    return { firstName, lastName, middle, createdMs: Math.floor(this.asOfMs - ageMs) };
  }

  private drawAccount(
    rng: Rng,
    role: SeedRole,
    index: number,
  ): { account: SyntheticAccount; firstName: string; lastName: string } {
    const { firstName, lastName, middle, createdMs } = this.drawIdentity(rng);
    const updatedMs = createdMs + Math.floor((this.asOfMs - createdMs) * rng.next() * rng.next());
    const alsoMentee = role === 'mentor' && rng.chance(MENTOR_ALSO_MENTEE);
    return {
      firstName,
      lastName,
      account: {
        role,
        index,
        id: this.userId(role, index),
        email: seedEmail(role, index),
        fullName: `${firstName}${middle} ${lastName}`,
        isMentor: role === 'mentor',
        isMentee: role === 'mentee' || alsoMentee,
        createdAt: new Date(createdMs),
        updatedAt: new Date(updatedMs),
      },
    };
  }

  private drawSpecialties(rng: Rng, track: Track, stage: CareerStage): SeedSpecialty[] {
    const catalog = this.byTrack.get(track) as TrackSpecialties;
    // Students often name only the broad field they are entering.
    const primary =
      stage === CareerStage.STUDENT && rng.chance(0.4)
        ? rng.pick(catalog.roots)
        : rng.pick(catalog.all);
    const chosen = [primary];
    const count = SPECIALTY_COUNT.pick(rng);
    for (let attempt = 0; chosen.length < count && attempt < 8; attempt++) {
      const family = catalog.family.get(primary.id) ?? [];
      const pool = family.length > 0 && rng.chance(0.7) ? family : catalog.all;
      const next = rng.pick(pool);
      if (!chosen.includes(next)) chosen.push(next);
    }
    return chosen;
  }

  private drawPlace(rng: Rng): Place {
    return pickPlace(rng);
  }

  private drawLanguages(rng: Rng, place: Place): string[] {
    const languages = ['en'];
    if (rng.chance(place.country === 'US' ? SPANISH_US : SPANISH_ELSEWHERE)) languages.push('es');
    const local = LOCAL_LANGUAGES[place.region] ?? LOCAL_LANGUAGES[place.country];
    for (const [code, probability] of OTHER_LANGUAGES) {
      const p = local?.[0] === code ? local[1] : probability;
      if (rng.chance(p)) languages.push(code);
    }
    return languages;
  }

  private drawMeetingFormats(rng: Rng): MeetingFormat[] {
    const roll = rng.next();
    if (roll < 0.6) return [MeetingFormat.VIRTUAL];
    if (roll < 0.9) return [MeetingFormat.VIRTUAL, MeetingFormat.IN_PERSON];
    return [MeetingFormat.IN_PERSON];
  }

  private drawAvailability(rng: Rng, shift: ShiftPattern | null): AvailabilityWindow[] {
    const free = FREE_TIME[shift ?? 'NONE'];
    const count = rng.int(1, 4);
    const days = new Set<Weekday>();
    const windows: AvailabilityWindow[] = [];
    for (let attempt = 0; windows.length < count && attempt < 12; attempt++) {
      const weekend = rng.chance(free.weekendShare);
      const day = rng.pick(weekend ? WEEKEND : WEEKDAYS);
      if (days.has(day)) continue;
      days.add(day);
      const [firstHour, lastHour] = weekend ? free.weekend : free.weekday;
      // Half-hour starts, as a scheduling UI would offer.
      const startMinute = rng.int(firstHour * 2, lastHour * 2) * 30;
      const endMinute = Math.min(startMinute + rng.pick(WINDOW_MINUTES), 1440);
      windows.push({ day, startMinute, endMinute });
    }
    return windows.sort((a, b) => DAY_ORDER.indexOf(a.day) - DAY_ORDER.indexOf(b.day));
  }

  private phoneFor(rng: Rng, country: string): string | null {
    // E.164, as profiles store them. Numbers reserved for fiction: 555-0100…0199 in North
    // America, 020 7946 0xxx in London.
    if (country === 'US' || country === 'CA') {
      return `+1${rng.int(201, 989)}55501${String(rng.int(0, 99)).padStart(2, '0')}`;
    }
    if (country === 'GB') return `+4420794600${String(rng.int(0, 99)).padStart(2, '0')}`;
    return null;
  }

  private composeHeadline(
    rng: Rng,
    parts: {
      title: string;
      specialty: string;
      city: string;
      lead: GrowthArea | null;
      isMentor: boolean;
    },
  ): string {
    const { title, specialty, city, lead, isMentor } = parts;
    switch (rng.int(0, 3)) {
      case 0:
        return clip(`${title} · ${specialty}`, 160);
      case 1:
        return clip(`${title}, ${specialty}`, 160);
      case 2:
        return clip(`${title} | ${specialty} | ${city}`, 160);
      default:
        if (lead === null) return clip(`${title} in ${specialty}`, 160);
        return clip(
          isMentor
            ? `${title} in ${specialty} · mentoring on ${areaPhrase(lead)}`
            : `${title} in ${specialty} · seeking help with ${areaPhrase(lead)}`,
          160,
        );
    }
  }

  private composeBio(
    rng: Rng,
    parts: {
      title: string;
      stage: CareerStage;
      years: number;
      specialties: readonly SeedSpecialty[];
      city: string;
      offers: readonly GrowthArea[];
      goals: readonly GrowthArea[];
      capacity: number | null;
      target: string | null;
      isMentor: boolean;
    },
  ): string {
    const { title, stage, years, specialties, city, isMentor } = parts;
    const specialty = specialties[0].name;
    const role = withArticle(inSentence(title));
    const yearsText = years === 1 ? '1 year' : `${years} years`;
    const sentences: string[] = [];

    if (stage === CareerStage.STUDENT) {
      sentences.push(
        rng.chance(0.5)
          ? `I'm ${role} in ${city}, drawn to ${specialty}.`
          : `${title} based in ${city} with a strong interest in ${specialty}.`,
      );
    } else {
      switch (rng.int(0, 2)) {
        case 0:
          sentences.push(
            `I'm ${role} in ${specialty} with ${yearsText} of experience, based in ${city}.`,
          );
          break;
        case 1:
          sentences.push(
            `${yearsText} in healthcare, now working as ${role} in ${specialty} in ${city}.`,
          );
          break;
        default:
          sentences.push(
            `I work as ${role} in ${specialty} (${city}) and have ${yearsText} in the field.`,
          );
      }
    }
    // Extras are occasional: bios stay short, and every word costs in the full-text index.
    if (specialties.length > 1 && rng.chance(0.5)) {
      const others = listPhrase(specialties.slice(1).map((s) => s.name));
      sentences.push(
        stage === CareerStage.STUDENT || stage === CareerStage.TRAINEE
          ? `Also interested in ${others}.`
          : `I also work in ${others}.`,
      );
    }
    if (isMentor && parts.offers.length > 0) {
      const offers = listPhrase(parts.offers.map(areaPhrase));
      sentences.push(
        rng.pick([
          `I mentor on ${offers}.`,
          `Happy to help with ${offers}.`,
          `Ask me about ${offers}.`,
        ]),
      );
      if (parts.capacity !== null && rng.chance(0.15)) {
        sentences.push(
          parts.capacity === 1
            ? 'I take one mentee at a time.'
            : `I usually take up to ${parts.capacity} mentees at a time.`,
        );
      }
    }
    if (parts.goals.length > 0) {
      const goals = listPhrase(parts.goals.map(areaPhrase));
      sentences.push(
        isMentor
          ? `I'm also looking for a mentor myself, mostly for ${goals}.`
          : rng.pick([`Looking for guidance on ${goals}.`, `My priorities right now: ${goals}.`]),
      );
    }
    if (parts.target !== null) sentences.push(`I hope to move into ${parts.target}.`);
    if (rng.chance(0.2)) sentences.push(`Outside work I ${rng.pick(PASTIMES)}.`);
    return clip(sentences.join(' '), 4000);
  }
}
