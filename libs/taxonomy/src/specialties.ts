import { Track } from './tracks.js';

export interface SpecialtyDefinition {
  slug: string;
  name: string;
  parentSlug: string | null;
  tracks: readonly Track[];
  related: readonly string[];
  nuccCode: string | null;
}

type SpecialtyEntry = Omit<SpecialtyDefinition, 'related'>;

function define(
  slug: string,
  name: string,
  parentSlug: string | null,
  tracks: readonly Track[],
  nuccCode: string | null,
): SpecialtyEntry {
  return { slug, name, parentSlug, tracks, nuccCode };
}

const PHYSICIAN = [Track.PHYSICIAN] as const;
const NURSING = [Track.NURSING] as const;
const ADVANCED_PRACTICE = [Track.ADVANCED_PRACTICE] as const;
const ALLIED_HEALTH = [Track.ALLIED_HEALTH] as const;
const PHARMACY = [Track.PHARMACY] as const;
const PUBLIC_HEALTH = [Track.PUBLIC_HEALTH] as const;
const ADMINISTRATION = [Track.ADMINISTRATION] as const;
const INFORMATICS = [Track.INFORMATICS] as const;

// Parents are listed before their children. NUCC codes come from NUCC Health Care Provider
// Taxonomy v21.1 (data/nucc-provider-taxonomy-21.1.csv); null where no provider code fits.
// One row per specialty keeps the taxonomy scannable as a table.
// prettier-ignore
const SPECIALTY_ENTRIES: readonly SpecialtyEntry[] = [
  // Physician: internal medicine
  define('internal-medicine', 'Internal Medicine', null, PHYSICIAN, '207R00000X'),
  define('cardiology', 'Cardiology (Cardiovascular Disease)', 'internal-medicine', PHYSICIAN, '207RC0000X'),
  define('interventional-cardiology', 'Interventional Cardiology', 'cardiology', PHYSICIAN, '207RI0011X'),
  define('clinical-cardiac-electrophysiology', 'Clinical Cardiac Electrophysiology', 'cardiology', PHYSICIAN, '207RC0001X'),
  define('advanced-heart-failure-transplant-cardiology', 'Advanced Heart Failure and Transplant Cardiology', 'cardiology', PHYSICIAN, '207RA0001X'),
  define('medical-oncology', 'Medical Oncology', 'internal-medicine', PHYSICIAN, '207RX0202X'),
  define('hematology', 'Hematology', 'internal-medicine', PHYSICIAN, '207RH0000X'),
  define('gastroenterology', 'Gastroenterology', 'internal-medicine', PHYSICIAN, '207RG0100X'),
  define('hepatology', 'Hepatology', 'gastroenterology', PHYSICIAN, '207RI0008X'),
  define('transplant-hepatology', 'Transplant Hepatology', 'hepatology', PHYSICIAN, '207RT0003X'),
  define('nephrology', 'Nephrology', 'internal-medicine', PHYSICIAN, '207RN0300X'),
  define('pulmonary-disease', 'Pulmonary Disease', 'internal-medicine', PHYSICIAN, '207RP1001X'),
  define('critical-care-medicine', 'Critical Care Medicine', 'internal-medicine', PHYSICIAN, '207RC0200X'),
  define('infectious-disease', 'Infectious Disease', 'internal-medicine', PHYSICIAN, '207RI0200X'),
  define('endocrinology', 'Endocrinology, Diabetes and Metabolism', 'internal-medicine', PHYSICIAN, '207RE0101X'),
  define('rheumatology', 'Rheumatology', 'internal-medicine', PHYSICIAN, '207RR0500X'),
  define('geriatric-medicine', 'Geriatric Medicine', 'internal-medicine', PHYSICIAN, '207RG0300X'),
  define('hospital-medicine', 'Hospital Medicine', 'internal-medicine', PHYSICIAN, '208M00000X'),
  define('sleep-medicine', 'Sleep Medicine', 'internal-medicine', PHYSICIAN, '207RS0012X'),
  define('hospice-palliative-medicine', 'Hospice and Palliative Medicine', 'internal-medicine', PHYSICIAN, '207RH0002X'),
  define('allergy-immunology', 'Allergy and Immunology', null, PHYSICIAN, '207K00000X'),

  // Physician: pediatrics
  define('pediatrics', 'Pediatrics', null, PHYSICIAN, '208000000X'),
  define('pediatric-cardiology', 'Pediatric Cardiology', 'pediatrics', PHYSICIAN, '2080P0202X'),
  define('pediatric-hematology-oncology', 'Pediatric Hematology-Oncology', 'pediatrics', PHYSICIAN, '2080P0207X'),
  define('neonatal-perinatal-medicine', 'Neonatal-Perinatal Medicine', 'pediatrics', PHYSICIAN, '2080N0001X'),
  define('pediatric-emergency-medicine', 'Pediatric Emergency Medicine', 'pediatrics', PHYSICIAN, '2080P0204X'),
  define('pediatric-critical-care-medicine', 'Pediatric Critical Care Medicine', 'pediatrics', PHYSICIAN, '2080P0203X'),
  define('pediatric-endocrinology', 'Pediatric Endocrinology', 'pediatrics', PHYSICIAN, '2080P0205X'),
  define('pediatric-gastroenterology', 'Pediatric Gastroenterology', 'pediatrics', PHYSICIAN, '2080P0206X'),
  define('pediatric-infectious-diseases', 'Pediatric Infectious Diseases', 'pediatrics', PHYSICIAN, '2080P0208X'),
  define('pediatric-nephrology', 'Pediatric Nephrology', 'pediatrics', PHYSICIAN, '2080P0210X'),
  define('pediatric-pulmonology', 'Pediatric Pulmonology', 'pediatrics', PHYSICIAN, '2080P0214X'),
  define('pediatric-rheumatology', 'Pediatric Rheumatology', 'pediatrics', PHYSICIAN, '2080P0216X'),
  define('developmental-behavioral-pediatrics', 'Developmental-Behavioral Pediatrics', 'pediatrics', PHYSICIAN, '2080P0006X'),
  define('adolescent-medicine', 'Adolescent Medicine', 'pediatrics', PHYSICIAN, '2080A0000X'),
  define('child-abuse-pediatrics', 'Child Abuse Pediatrics', 'pediatrics', PHYSICIAN, '2080C0008X'),

  // Physician: surgery and surgical specialties
  define('surgery', 'General Surgery', null, PHYSICIAN, '208600000X'),
  define('trauma-surgery', 'Trauma Surgery', 'surgery', PHYSICIAN, '2086S0127X'),
  define('surgical-critical-care', 'Surgical Critical Care', 'surgery', PHYSICIAN, '2086S0102X'),
  define('vascular-surgery', 'Vascular Surgery', 'surgery', PHYSICIAN, '2086S0129X'),
  define('pediatric-surgery', 'Pediatric Surgery', 'surgery', PHYSICIAN, '2086S0120X'),
  define('surgical-oncology', 'Surgical Oncology', 'surgery', PHYSICIAN, '2086X0206X'),
  define('colon-rectal-surgery', 'Colon and Rectal Surgery', 'surgery', PHYSICIAN, '208C00000X'),
  define('thoracic-surgery', 'Thoracic and Cardiothoracic Surgery', 'surgery', PHYSICIAN, '208G00000X'),
  define('transplant-surgery', 'Transplant Surgery', 'surgery', PHYSICIAN, '204F00000X'),
  define('plastic-surgery', 'Plastic Surgery', 'surgery', PHYSICIAN, '208200000X'),
  define('orthopaedic-surgery', 'Orthopaedic Surgery', 'surgery', PHYSICIAN, '207X00000X'),
  define('orthopaedic-sports-medicine', 'Orthopaedic Sports Medicine', 'orthopaedic-surgery', PHYSICIAN, '207XX0005X'),
  define('hand-surgery', 'Hand Surgery', 'orthopaedic-surgery', PHYSICIAN, '207XS0106X'),
  define('orthopaedic-spine-surgery', 'Orthopaedic Spine Surgery', 'orthopaedic-surgery', PHYSICIAN, '207XS0117X'),
  define('orthopaedic-trauma', 'Orthopaedic Trauma', 'orthopaedic-surgery', PHYSICIAN, '207XX0801X'),
  define('neurological-surgery', 'Neurological Surgery', 'surgery', PHYSICIAN, '207T00000X'),
  define('urology', 'Urology', 'surgery', PHYSICIAN, '208800000X'),
  define('otolaryngology', 'Otolaryngology (ENT)', 'surgery', PHYSICIAN, '207Y00000X'),

  // Physician: primary care, emergency and hospital-based specialties
  define('family-medicine', 'Family Medicine', null, PHYSICIAN, '207Q00000X'),
  define('primary-care-sports-medicine', 'Primary Care Sports Medicine', 'family-medicine', PHYSICIAN, '207QS0010X'),
  define('emergency-medicine', 'Emergency Medicine', null, PHYSICIAN, '207P00000X'),
  define('emergency-medical-services', 'Emergency Medical Services (EMS Medicine)', 'emergency-medicine', PHYSICIAN, '207PE0004X'),
  define('medical-toxicology', 'Medical Toxicology', 'emergency-medicine', PHYSICIAN, '207PT0002X'),
  define('psychiatry', 'Psychiatry', null, PHYSICIAN, '2084P0800X'),
  define('child-adolescent-psychiatry', 'Child and Adolescent Psychiatry', 'psychiatry', PHYSICIAN, '2084P0804X'),
  define('addiction-psychiatry', 'Addiction Psychiatry', 'psychiatry', PHYSICIAN, '2084P0802X'),
  define('geriatric-psychiatry', 'Geriatric Psychiatry', 'psychiatry', PHYSICIAN, '2084P0805X'),
  define('consultation-liaison-psychiatry', 'Consultation-Liaison Psychiatry', 'psychiatry', PHYSICIAN, '2084P0015X'),
  define('forensic-psychiatry', 'Forensic Psychiatry', 'psychiatry', PHYSICIAN, '2084F0202X'),
  define('obstetrics-gynecology', 'Obstetrics and Gynecology', null, PHYSICIAN, '207V00000X'),
  define('maternal-fetal-medicine', 'Maternal-Fetal Medicine', 'obstetrics-gynecology', PHYSICIAN, '207VM0101X'),
  define('gynecologic-oncology', 'Gynecologic Oncology', 'obstetrics-gynecology', PHYSICIAN, '207VX0201X'),
  define('reproductive-endocrinology-infertility', 'Reproductive Endocrinology and Infertility', 'obstetrics-gynecology', PHYSICIAN, '207VE0102X'),
  define('urogynecology', 'Urogynecology and Reconstructive Pelvic Surgery', 'obstetrics-gynecology', PHYSICIAN, '207VF0040X'),
  define('radiology', 'Diagnostic Radiology', null, PHYSICIAN, '2085R0202X'),
  define('interventional-radiology', 'Interventional Radiology', 'radiology', PHYSICIAN, '2085R0204X'),
  define('neuroradiology', 'Neuroradiology', 'radiology', PHYSICIAN, '2085N0700X'),
  define('pediatric-radiology', 'Pediatric Radiology', 'radiology', PHYSICIAN, '2085P0229X'),
  define('radiation-oncology', 'Radiation Oncology', null, PHYSICIAN, '2085R0001X'),
  define('nuclear-medicine', 'Nuclear Medicine', null, PHYSICIAN, '207U00000X'),
  define('anesthesiology', 'Anesthesiology', null, PHYSICIAN, '207L00000X'),
  define('pain-medicine', 'Pain Medicine', 'anesthesiology', PHYSICIAN, '207LP2900X'),
  define('pediatric-anesthesiology', 'Pediatric Anesthesiology', 'anesthesiology', PHYSICIAN, '207LP3000X'),
  define('neurology', 'Neurology', null, PHYSICIAN, '2084N0400X'),
  define('child-neurology', 'Child Neurology', 'neurology', PHYSICIAN, '2084N0402X'),
  define('vascular-neurology', 'Vascular Neurology (Stroke)', 'neurology', PHYSICIAN, '2084V0102X'),
  define('epilepsy', 'Epilepsy', 'neurology', PHYSICIAN, '2084E0001X'),
  define('neurocritical-care', 'Neurocritical Care', 'neurology', PHYSICIAN, '2084A2900X'),
  // NUCC has no bare "Pathology" code; the combined AP/CP board code is the closest general fit.
  define('pathology', 'Pathology (Anatomic and Clinical)', null, PHYSICIAN, '207ZP0102X'),
  define('forensic-pathology', 'Forensic Pathology', 'pathology', PHYSICIAN, '207ZF0201X'),
  define('cytopathology', 'Cytopathology', 'pathology', PHYSICIAN, '207ZC0500X'),
  define('hematopathology', 'Hematopathology', 'pathology', PHYSICIAN, '207ZH0000X'),
  define('blood-banking-transfusion-medicine', 'Blood Banking and Transfusion Medicine', 'pathology', PHYSICIAN, '207ZB0001X'),
  define('neuropathology', 'Neuropathology', 'pathology', PHYSICIAN, '207ZN0500X'),
  define('dermatology', 'Dermatology', null, PHYSICIAN, '207N00000X'),
  define('mohs-surgery', 'Micrographic (Mohs) Dermatologic Surgery', 'dermatology', PHYSICIAN, '207ND0101X'),
  define('pediatric-dermatology', 'Pediatric Dermatology', 'dermatology', PHYSICIAN, '207NP0225X'),
  define('dermatopathology', 'Dermatopathology', 'dermatology', PHYSICIAN, '207ND0900X'),
  define('ophthalmology', 'Ophthalmology', null, PHYSICIAN, '207W00000X'),
  define('retina', 'Retina', 'ophthalmology', PHYSICIAN, '207WX0107X'),
  define('glaucoma', 'Glaucoma', 'ophthalmology', PHYSICIAN, '207WX0009X'),
  define('pediatric-ophthalmology', 'Pediatric Ophthalmology and Strabismus', 'ophthalmology', PHYSICIAN, '207WX0110X'),
  define('physical-medicine-rehabilitation', 'Physical Medicine and Rehabilitation', null, PHYSICIAN, '208100000X'),
  define('brain-injury-medicine', 'Brain Injury Medicine', 'physical-medicine-rehabilitation', PHYSICIAN, '2081P0301X'),
  define('spinal-cord-injury-medicine', 'Spinal Cord Injury Medicine', 'physical-medicine-rehabilitation', PHYSICIAN, '2081P0004X'),
  define('preventive-medicine', 'Preventive Medicine', null, [Track.PHYSICIAN, Track.PUBLIC_HEALTH], '2083P0901X'),
  define('occupational-medicine', 'Occupational Medicine', 'preventive-medicine', [Track.PHYSICIAN, Track.PUBLIC_HEALTH], '2083X0100X'),
  define('addiction-medicine', 'Addiction Medicine', 'preventive-medicine', PHYSICIAN, '2083A0300X'),
  define('medical-genetics', 'Medical Genetics and Genomics', null, PHYSICIAN, '207SG0201X'),

  // Nursing
  define('registered-nursing', 'Registered Nursing', null, NURSING, '163W00000X'),
  define('medical-surgical-nursing', 'Medical-Surgical Nursing', 'registered-nursing', NURSING, '163WM0705X'),
  define('critical-care-nursing', 'Critical Care Nursing', 'registered-nursing', NURSING, '163WC0200X'),
  define('emergency-nursing', 'Emergency Nursing', 'registered-nursing', NURSING, '163WE0003X'),
  define('flight-transport-nursing', 'Flight and Transport Nursing', 'emergency-nursing', NURSING, '163WF0300X'),
  define('oncology-nursing', 'Oncology Nursing', 'registered-nursing', NURSING, '163WX0200X'),
  define('pediatric-nursing', 'Pediatric Nursing', 'registered-nursing', NURSING, '163WP0200X'),
  define('pediatric-oncology-nursing', 'Pediatric Oncology Nursing', 'pediatric-nursing', NURSING, '163WP0218X'),
  define('neonatal-intensive-care-nursing', 'Neonatal Intensive Care Nursing', 'registered-nursing', NURSING, '163WN0002X'),
  // NUCC has no RN perioperative specialization; only RN First Assistant is coded.
  define('perioperative-nursing', 'Perioperative Nursing', 'registered-nursing', NURSING, null),
  define('rn-first-assistant', 'Registered Nurse First Assistant', 'perioperative-nursing', NURSING, '163WR0006X'),
  define('psychiatric-mental-health-nursing', 'Psychiatric-Mental Health Nursing', 'registered-nursing', NURSING, '163WP0808X'),
  define('labor-delivery-nursing', 'Obstetric (Labor and Delivery) Nursing', 'registered-nursing', NURSING, '163WX0003X'),
  define('high-risk-obstetric-nursing', 'High-Risk Obstetric Nursing', 'labor-delivery-nursing', NURSING, '163WX0002X'),
  define('maternal-newborn-nursing', 'Maternal-Newborn Nursing', 'registered-nursing', NURSING, '163WM0102X'),
  define('gerontological-nursing', 'Gerontological Nursing', 'registered-nursing', NURSING, '163WG0600X'),
  define('community-public-health-nursing', 'Community and Public Health Nursing', 'registered-nursing', [Track.NURSING, Track.PUBLIC_HEALTH], '163WC1500X'),
  define('school-nursing', 'School Nursing', 'community-public-health-nursing', NURSING, '163WS0200X'),
  define('home-health-nursing', 'Home Health Nursing', 'registered-nursing', NURSING, '163WH0200X'),
  define('hospice-palliative-nursing', 'Hospice and Palliative Nursing', 'registered-nursing', NURSING, '163WH1000X'),
  define('ambulatory-care-nursing', 'Ambulatory Care Nursing', 'registered-nursing', NURSING, '163WP2201X'),
  define('nephrology-nursing', 'Nephrology Nursing', 'registered-nursing', NURSING, '163WN0300X'),
  define('neuroscience-nursing', 'Neuroscience Nursing', 'registered-nursing', NURSING, '163WN0800X'),
  define('orthopaedic-nursing', 'Orthopaedic Nursing', 'registered-nursing', NURSING, '163WX0800X'),
  define('rehabilitation-nursing', 'Rehabilitation Nursing', 'registered-nursing', NURSING, '163WR0400X'),
  define('addictions-nursing', 'Addictions Nursing', 'registered-nursing', NURSING, '163WA0400X'),
  define('occupational-health-nursing', 'Occupational Health Nursing', 'registered-nursing', NURSING, '163WX0106X'),
  define('case-management-nursing', 'Nurse Case Management', 'registered-nursing', NURSING, '163WC0400X'),
  define('diabetes-education-nursing', 'Diabetes Care and Education Nursing', 'registered-nursing', NURSING, '163WD0400X'),
  // Enterostomal therapy is the former name of wound, ostomy and continence nursing.
  define('wound-ostomy-continence-nursing', 'Wound, Ostomy and Continence Nursing', 'registered-nursing', NURSING, '163WE0900X'),
  define('infection-control-nursing', 'Infection Prevention and Control Nursing', 'registered-nursing', [Track.NURSING, Track.PUBLIC_HEALTH], '163WI0600X'),
  define('nurse-educator', 'Nurse Educator', 'registered-nursing', NURSING, null),
  define('nursing-professional-development', 'Nursing Professional Development', 'nurse-educator', NURSING, '163WC1600X'),

  // Advanced practice
  define('nurse-practitioner', 'Nurse Practitioner', null, ADVANCED_PRACTICE, '363L00000X'),
  define('family-nurse-practitioner', 'Family Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LF0000X'),
  define('adult-gerontology-acute-care-nurse-practitioner', 'Adult-Gerontology Acute Care Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LA2100X'),
  // AGPCNP succeeded the adult NP certification, which NUCC codes as "Adult Health".
  define('adult-gerontology-primary-care-nurse-practitioner', 'Adult-Gerontology Primary Care Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LA2200X'),
  define('pediatric-nurse-practitioner', 'Pediatric Nurse Practitioner (Primary Care)', 'nurse-practitioner', ADVANCED_PRACTICE, '363LP0200X'),
  define('pediatric-acute-care-nurse-practitioner', 'Pediatric Acute Care Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LP0222X'),
  define('psychiatric-mental-health-nurse-practitioner', 'Psychiatric-Mental Health Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LP0808X'),
  define('neonatal-nurse-practitioner', 'Neonatal Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, '363LN0000X'),
  define('womens-health-nurse-practitioner', "Women's Health Nurse Practitioner", 'nurse-practitioner', ADVANCED_PRACTICE, '363LW0102X'),
  define('emergency-nurse-practitioner', 'Emergency Nurse Practitioner', 'nurse-practitioner', ADVANCED_PRACTICE, null),
  define('clinical-nurse-specialist', 'Clinical Nurse Specialist', null, [Track.ADVANCED_PRACTICE, Track.NURSING], '364S00000X'),
  define('certified-registered-nurse-anesthetist', 'Certified Registered Nurse Anesthetist (CRNA)', null, ADVANCED_PRACTICE, '367500000X'),
  define('certified-nurse-midwife', 'Certified Nurse-Midwife (CNM)', null, ADVANCED_PRACTICE, '367A00000X'),
  define('anesthesiologist-assistant', 'Anesthesiologist Assistant', null, ADVANCED_PRACTICE, '367H00000X'),
  define('physician-assistant', 'Physician Assistant', null, ADVANCED_PRACTICE, '363A00000X'),
  define('medical-physician-assistant', 'Physician Assistant, Medical Specialties', 'physician-assistant', ADVANCED_PRACTICE, '363AM0700X'),
  define('surgical-physician-assistant', 'Physician Assistant, Surgical Specialties', 'physician-assistant', ADVANCED_PRACTICE, '363AS0400X'),
  define('emergency-medicine-physician-assistant', 'Emergency Medicine Physician Assistant', 'physician-assistant', ADVANCED_PRACTICE, null),
  define('orthopaedic-physician-assistant', 'Orthopaedic Physician Assistant', 'surgical-physician-assistant', ADVANCED_PRACTICE, null),
  define('dermatology-physician-assistant', 'Dermatology Physician Assistant', 'medical-physician-assistant', ADVANCED_PRACTICE, null),
  define('oncology-advanced-practice', 'Hematology-Oncology Advanced Practice (NP/PA)', null, ADVANCED_PRACTICE, null),

  // Allied health: laboratory
  define('medical-laboratory-science', 'Medical Laboratory Science', null, ALLIED_HEALTH, '246QM0706X'),
  define('clinical-microbiology-laboratory', 'Clinical Microbiology (Laboratory)', 'medical-laboratory-science', ALLIED_HEALTH, '246QM0900X'),
  define('clinical-chemistry-laboratory', 'Clinical Chemistry (Laboratory)', 'medical-laboratory-science', ALLIED_HEALTH, '246QC1000X'),
  define('blood-bank-technology', 'Blood Bank Technology', 'medical-laboratory-science', ALLIED_HEALTH, '246QB0000X'),
  define('cytotechnology', 'Cytotechnology', 'medical-laboratory-science', ALLIED_HEALTH, '246QC2700X'),
  define('histotechnology', 'Histotechnology', 'medical-laboratory-science', ALLIED_HEALTH, '246QH0600X'),
  define('phlebotomy', 'Phlebotomy', 'medical-laboratory-science', ALLIED_HEALTH, '246RP1900X'),

  // Allied health: imaging and radiation therapy
  define('radiologic-technology', 'Radiologic Technology', null, ALLIED_HEALTH, '247100000X'),
  define('radiography', 'Radiography', 'radiologic-technology', ALLIED_HEALTH, '2471C3402X'),
  define('computed-tomography', 'Computed Tomography (CT)', 'radiologic-technology', ALLIED_HEALTH, '2471C3401X'),
  define('magnetic-resonance-imaging', 'Magnetic Resonance Imaging (MRI)', 'radiologic-technology', ALLIED_HEALTH, '2471M1202X'),
  define('mammography', 'Mammography', 'radiologic-technology', ALLIED_HEALTH, '2471M2300X'),
  define('interventional-radiologic-technology', 'Vascular-Interventional Radiologic Technology', 'radiologic-technology', ALLIED_HEALTH, '2471V0106X'),
  define('nuclear-medicine-technology', 'Nuclear Medicine Technology', 'radiologic-technology', ALLIED_HEALTH, '2471N0900X'),
  define('radiation-therapy', 'Radiation Therapy', 'radiologic-technology', ALLIED_HEALTH, '2471R0002X'),
  define('diagnostic-medical-sonography', 'Diagnostic Medical Sonography', null, ALLIED_HEALTH, '2471S1302X'),
  define('cardiac-sonography', 'Cardiac Sonography (Echocardiography)', 'diagnostic-medical-sonography', ALLIED_HEALTH, '246XS1301X'),
  define('vascular-sonography', 'Vascular Sonography', 'diagnostic-medical-sonography', ALLIED_HEALTH, '2471V0105X'),
  define('cardiovascular-technology', 'Cardiovascular Technology', null, ALLIED_HEALTH, '246X00000X'),
  define('invasive-cardiovascular-technology', 'Invasive Cardiovascular Technology', 'cardiovascular-technology', ALLIED_HEALTH, '246XC2901X'),

  // Allied health: respiratory care and rehabilitation
  define('respiratory-therapy', 'Respiratory Therapy', null, ALLIED_HEALTH, '227900000X'),
  define('critical-care-respiratory-therapy', 'Critical Care Respiratory Therapy', 'respiratory-therapy', ALLIED_HEALTH, '2279C0205X'),
  define('neonatal-pediatric-respiratory-therapy', 'Neonatal-Pediatric Respiratory Therapy', 'respiratory-therapy', ALLIED_HEALTH, '2279P3900X'),
  define('pulmonary-function-technology', 'Pulmonary Function Technology', 'respiratory-therapy', ALLIED_HEALTH, '225B00000X'),
  define('physical-therapy', 'Physical Therapy', null, ALLIED_HEALTH, '225100000X'),
  define('orthopaedic-physical-therapy', 'Orthopaedic Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251X0800X'),
  define('neurologic-physical-therapy', 'Neurologic Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251N0400X'),
  define('pediatric-physical-therapy', 'Pediatric Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251P0200X'),
  define('sports-physical-therapy', 'Sports Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251S0007X'),
  define('geriatric-physical-therapy', 'Geriatric Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251G0304X'),
  define('cardiopulmonary-physical-therapy', 'Cardiovascular and Pulmonary Physical Therapy', 'physical-therapy', ALLIED_HEALTH, '2251C2600X'),
  define('occupational-therapy', 'Occupational Therapy', null, ALLIED_HEALTH, '225X00000X'),
  define('pediatric-occupational-therapy', 'Pediatric Occupational Therapy', 'occupational-therapy', ALLIED_HEALTH, '225XP0200X'),
  define('hand-therapy', 'Hand Therapy', 'occupational-therapy', ALLIED_HEALTH, '225XH1200X'),
  define('mental-health-occupational-therapy', 'Mental Health Occupational Therapy', 'occupational-therapy', ALLIED_HEALTH, '225XM0800X'),
  define('speech-language-pathology', 'Speech-Language Pathology', null, ALLIED_HEALTH, '235Z00000X'),
  define('audiology', 'Audiology', null, ALLIED_HEALTH, '231H00000X'),
  define('athletic-training', 'Athletic Training', null, ALLIED_HEALTH, '2255A2300X'),

  // Allied health: nutrition, emergency services, surgical and other
  define('dietetics', 'Dietetics and Clinical Nutrition', null, ALLIED_HEALTH, '133V00000X'),
  define('pediatric-nutrition', 'Pediatric Nutrition', 'dietetics', ALLIED_HEALTH, '133VN1004X'),
  define('renal-nutrition', 'Renal Nutrition', 'dietetics', ALLIED_HEALTH, '133VN1005X'),
  define('oncology-nutrition', 'Oncology Nutrition', 'dietetics', ALLIED_HEALTH, '133VN1301X'),
  define('sports-dietetics', 'Sports Dietetics', 'dietetics', ALLIED_HEALTH, '133VN1501X'),
  define('paramedicine', 'Paramedicine', null, ALLIED_HEALTH, '146L00000X'),
  define('emergency-medical-technician', 'Emergency Medical Technician (EMT)', 'paramedicine', ALLIED_HEALTH, '146N00000X'),
  define('surgical-technology', 'Surgical Technology', null, ALLIED_HEALTH, '246ZS0410X'),
  define('perfusion', 'Clinical Perfusion', null, ALLIED_HEALTH, '242T00000X'),
  define('genetic-counseling', 'Genetic Counseling', null, ALLIED_HEALTH, '170300000X'),
  define('electroneurodiagnostic-technology', 'Electroneurodiagnostic Technology', null, ALLIED_HEALTH, '246ZE0600X'),

  // Pharmacy
  define('pharmacy', 'Pharmacy Practice', null, PHARMACY, '183500000X'),
  define('community-pharmacy', 'Community Pharmacy', 'pharmacy', PHARMACY, null),
  define('health-system-pharmacy', 'Health-System Pharmacy', 'pharmacy', PHARMACY, null),
  define('managed-care-pharmacy', 'Managed Care Pharmacy', 'pharmacy', PHARMACY, null),
  define('specialty-pharmacy', 'Specialty Pharmacy', 'pharmacy', PHARMACY, null),
  define('nuclear-pharmacy', 'Nuclear Pharmacy', 'pharmacy', PHARMACY, '1835N0905X'),
  define('pharmacy-technician', 'Pharmacy Technician', 'pharmacy', PHARMACY, '183700000X'),
  define('clinical-pharmacy', 'Clinical Pharmacy', 'pharmacy', PHARMACY, '1835P0018X'),
  define('pharmacotherapy', 'Pharmacotherapy', 'clinical-pharmacy', PHARMACY, '1835P1200X'),
  define('ambulatory-care-pharmacy', 'Ambulatory Care Pharmacy', 'clinical-pharmacy', PHARMACY, '1835P2201X'),
  define('oncology-pharmacy', 'Oncology Pharmacy', 'clinical-pharmacy', PHARMACY, '1835X0200X'),
  define('critical-care-pharmacy', 'Critical Care Pharmacy', 'clinical-pharmacy', PHARMACY, '1835C0205X'),
  define('pediatric-pharmacy', 'Pediatric Pharmacy', 'clinical-pharmacy', PHARMACY, '1835P0200X'),
  define('geriatric-pharmacy', 'Geriatric Pharmacy', 'clinical-pharmacy', PHARMACY, '1835G0303X'),
  define('psychiatric-pharmacy', 'Psychiatric Pharmacy', 'clinical-pharmacy', PHARMACY, '1835P1300X'),
  define('nutrition-support-pharmacy', 'Nutrition Support Pharmacy', 'clinical-pharmacy', PHARMACY, '1835N1003X'),
  define('infectious-diseases-pharmacy', 'Infectious Diseases Pharmacy', 'clinical-pharmacy', PHARMACY, null),
  define('emergency-medicine-pharmacy', 'Emergency Medicine Pharmacy', 'clinical-pharmacy', PHARMACY, null),
  define('cardiology-pharmacy', 'Cardiology Pharmacy', 'clinical-pharmacy', PHARMACY, null),
  define('solid-organ-transplant-pharmacy', 'Solid Organ Transplant Pharmacy', 'clinical-pharmacy', PHARMACY, null),

  // Public health
  define('public-health', 'Public Health Practice', null, PUBLIC_HEALTH, null),
  define('epidemiology', 'Epidemiology', 'public-health', PUBLIC_HEALTH, null),
  define('infectious-disease-epidemiology', 'Infectious Disease Epidemiology', 'epidemiology', PUBLIC_HEALTH, null),
  define('chronic-disease-epidemiology', 'Chronic Disease Epidemiology', 'epidemiology', PUBLIC_HEALTH, null),
  define('biostatistics', 'Biostatistics', 'public-health', PUBLIC_HEALTH, '246ZB0600X'),
  define('global-health', 'Global Health', 'public-health', PUBLIC_HEALTH, null),
  define('health-policy', 'Health Policy', 'public-health', [Track.PUBLIC_HEALTH, Track.ADMINISTRATION], null),
  define('environmental-health', 'Environmental Health', 'public-health', PUBLIC_HEALTH, null),
  define('occupational-health-safety', 'Occupational Health and Safety', 'environmental-health', PUBLIC_HEALTH, null),
  define('infection-prevention', 'Infection Prevention and Control', 'public-health', [Track.PUBLIC_HEALTH, Track.NURSING, Track.ALLIED_HEALTH], null),
  define('health-education', 'Health Education and Promotion', 'public-health', PUBLIC_HEALTH, '174H00000X'),
  define('community-health-work', 'Community Health Work', 'public-health', PUBLIC_HEALTH, '172V00000X'),
  define('maternal-child-health', 'Maternal and Child Health', 'public-health', PUBLIC_HEALTH, null),
  define('emergency-preparedness', 'Public Health Emergency Preparedness', 'public-health', PUBLIC_HEALTH, null),
  define('health-equity', 'Health Equity and Social Determinants of Health', 'public-health', PUBLIC_HEALTH, null),
  define('public-health-laboratory', 'Public Health Laboratory Science', 'public-health', [Track.PUBLIC_HEALTH, Track.ALLIED_HEALTH], null),

  // Administration
  define('healthcare-administration', 'Healthcare Administration', null, ADMINISTRATION, null),
  define('health-system-leadership', 'Health System Executive Leadership', 'healthcare-administration', ADMINISTRATION, null),
  define('hospital-operations', 'Hospital Operations', 'healthcare-administration', ADMINISTRATION, null),
  define('nursing-leadership', 'Nursing Leadership and Administration', 'healthcare-administration', [Track.ADMINISTRATION, Track.NURSING], '163WA2000X'),
  define('physician-leadership', 'Physician Leadership', 'healthcare-administration', [Track.ADMINISTRATION, Track.PHYSICIAN], null),
  define('pharmacy-leadership', 'Pharmacy Leadership', 'healthcare-administration', [Track.ADMINISTRATION, Track.PHARMACY], null),
  define('quality-patient-safety', 'Quality and Patient Safety', 'healthcare-administration', ADMINISTRATION, null),
  define('compliance-risk-management', 'Compliance and Risk Management', 'healthcare-administration', ADMINISTRATION, null),
  define('practice-management', 'Medical Practice Management', 'healthcare-administration', ADMINISTRATION, null),
  define('healthcare-finance', 'Healthcare Finance', 'healthcare-administration', ADMINISTRATION, null),
  define('revenue-cycle-management', 'Revenue Cycle Management', 'healthcare-finance', ADMINISTRATION, null),
  define('population-health-management', 'Population Health Management', 'healthcare-administration', [Track.ADMINISTRATION, Track.PUBLIC_HEALTH], null),
  define('long-term-care-administration', 'Long-Term Care Administration', 'healthcare-administration', ADMINISTRATION, '376G00000X'),
  define('laboratory-management', 'Laboratory Management', 'healthcare-administration', [Track.ADMINISTRATION, Track.ALLIED_HEALTH], '246QL0900X'),
  define('health-information-management', 'Health Information Management', 'healthcare-administration', [Track.ADMINISTRATION, Track.INFORMATICS], '246Y00000X'),
  define('medical-coding', 'Medical Coding and Clinical Documentation', 'health-information-management', ADMINISTRATION, null),

  // Informatics
  define('health-informatics', 'Health Informatics', null, INFORMATICS, null),
  // Clinical informatics is an ABPM-administered subspecialty, coded under Preventive Medicine.
  define('clinical-informatics', 'Clinical Informatics', 'health-informatics', [Track.INFORMATICS, Track.PHYSICIAN], '2083C0008X'),
  define('nursing-informatics', 'Nursing Informatics', 'health-informatics', [Track.INFORMATICS, Track.NURSING], null),
  define('pharmacy-informatics', 'Pharmacy Informatics', 'health-informatics', [Track.INFORMATICS, Track.PHARMACY], null),
  define('ehr-implementation', 'EHR Implementation and Optimization', 'health-informatics', INFORMATICS, null),
  define('clinical-decision-support', 'Clinical Decision Support', 'health-informatics', INFORMATICS, null),
  define('interoperability', 'Interoperability and Health Information Exchange', 'health-informatics', INFORMATICS, null),
  define('health-data-science', 'Health Data Science and Analytics', 'health-informatics', INFORMATICS, null),
  define('healthcare-ai', 'AI and Machine Learning in Healthcare', 'health-data-science', INFORMATICS, null),
  define('telehealth', 'Telehealth and Virtual Care', 'health-informatics', INFORMATICS, null),
  define('digital-health', 'Digital Health and Patient-Facing Technology', 'health-informatics', INFORMATICS, null),
  define('imaging-informatics', 'Imaging Informatics', 'health-informatics', INFORMATICS, null),
  define('public-health-informatics', 'Public Health Informatics', 'health-informatics', [Track.INFORMATICS, Track.PUBLIC_HEALTH], null),
  define('clinical-research-informatics', 'Clinical Research Informatics', 'health-informatics', INFORMATICS, null),
  define('healthcare-cybersecurity', 'Healthcare Cybersecurity', 'health-informatics', INFORMATICS, null),
];

// Each pair is a two-way link across branches of the taxonomy.
const RELATED_PAIRS: readonly (readonly [string, string])[] = [
  // Oncology
  ['pediatric-hematology-oncology', 'medical-oncology'],
  ['pediatric-hematology-oncology', 'pediatric-oncology-nursing'],
  ['pediatric-hematology-oncology', 'hematology'],
  ['medical-oncology', 'hematology'],
  ['medical-oncology', 'oncology-nursing'],
  ['medical-oncology', 'oncology-pharmacy'],
  ['medical-oncology', 'radiation-oncology'],
  ['medical-oncology', 'surgical-oncology'],
  ['medical-oncology', 'gynecologic-oncology'],
  ['medical-oncology', 'oncology-advanced-practice'],
  ['medical-oncology', 'hospice-palliative-medicine'],
  ['oncology-nursing', 'oncology-pharmacy'],
  ['oncology-nursing', 'oncology-nutrition'],
  ['oncology-nursing', 'oncology-advanced-practice'],
  ['radiation-oncology', 'radiation-therapy'],
  ['oncology-pharmacy', 'specialty-pharmacy'],

  // Critical care
  ['critical-care-medicine', 'critical-care-nursing'],
  ['critical-care-medicine', 'critical-care-pharmacy'],
  ['critical-care-medicine', 'critical-care-respiratory-therapy'],
  ['critical-care-medicine', 'adult-gerontology-acute-care-nurse-practitioner'],
  ['critical-care-medicine', 'surgical-critical-care'],
  ['critical-care-medicine', 'pulmonary-disease'],
  ['critical-care-medicine', 'neurocritical-care'],
  ['critical-care-medicine', 'pediatric-critical-care-medicine'],
  ['critical-care-nursing', 'adult-gerontology-acute-care-nurse-practitioner'],
  ['critical-care-nursing', 'critical-care-respiratory-therapy'],
  ['critical-care-nursing', 'clinical-nurse-specialist'],
  ['pediatric-critical-care-medicine', 'pediatric-acute-care-nurse-practitioner'],

  // Pediatrics and neonatal care
  ['pediatrics', 'pediatric-nurse-practitioner'],
  ['pediatrics', 'pediatric-nursing'],
  ['pediatrics', 'pediatric-pharmacy'],
  ['pediatrics', 'pediatric-nutrition'],
  ['pediatrics', 'pediatric-surgery'],
  ['pediatrics', 'pediatric-radiology'],
  ['pediatrics', 'pediatric-anesthesiology'],
  ['pediatrics', 'child-neurology'],
  ['pediatric-nurse-practitioner', 'pediatric-nursing'],
  ['pediatric-nursing', 'school-nursing'],
  ['pediatric-cardiology', 'cardiology'],
  ['pediatric-emergency-medicine', 'emergency-medicine'],
  ['pediatric-endocrinology', 'endocrinology'],
  ['pediatric-gastroenterology', 'gastroenterology'],
  ['pediatric-infectious-diseases', 'infectious-disease'],
  ['pediatric-nephrology', 'nephrology'],
  ['pediatric-pulmonology', 'neonatal-pediatric-respiratory-therapy'],
  ['pediatric-rheumatology', 'rheumatology'],
  ['pediatric-physical-therapy', 'pediatric-occupational-therapy'],
  ['pediatric-occupational-therapy', 'developmental-behavioral-pediatrics'],
  ['neonatal-perinatal-medicine', 'neonatal-intensive-care-nursing'],
  ['neonatal-perinatal-medicine', 'neonatal-nurse-practitioner'],
  ['neonatal-perinatal-medicine', 'neonatal-pediatric-respiratory-therapy'],
  ['neonatal-perinatal-medicine', 'maternal-fetal-medicine'],
  ['neonatal-intensive-care-nursing', 'neonatal-nurse-practitioner'],

  // Emergency and prehospital care
  ['emergency-medicine', 'emergency-nursing'],
  ['emergency-medicine', 'paramedicine'],
  ['emergency-medicine', 'emergency-medicine-physician-assistant'],
  ['emergency-medicine', 'emergency-nurse-practitioner'],
  ['emergency-medicine', 'emergency-medicine-pharmacy'],
  ['emergency-medicine', 'trauma-surgery'],
  ['emergency-nursing', 'paramedicine'],
  ['emergency-nursing', 'emergency-nurse-practitioner'],
  ['emergency-medical-services', 'paramedicine'],
  ['emergency-medical-services', 'flight-transport-nursing'],
  ['emergency-medical-services', 'emergency-preparedness'],

  // Mental health and addiction
  ['psychiatry', 'psychiatric-mental-health-nursing'],
  ['psychiatry', 'psychiatric-mental-health-nurse-practitioner'],
  ['psychiatry', 'psychiatric-pharmacy'],
  ['psychiatry', 'mental-health-occupational-therapy'],
  ['psychiatric-mental-health-nursing', 'psychiatric-mental-health-nurse-practitioner'],
  ['child-adolescent-psychiatry', 'developmental-behavioral-pediatrics'],
  ['child-adolescent-psychiatry', 'adolescent-medicine'],
  ['addiction-psychiatry', 'addiction-medicine'],
  ['addiction-psychiatry', 'addictions-nursing'],

  // Aging, palliative and home care
  ['geriatric-medicine', 'geriatric-psychiatry'],
  ['geriatric-medicine', 'gerontological-nursing'],
  ['geriatric-medicine', 'geriatric-pharmacy'],
  ['geriatric-medicine', 'geriatric-physical-therapy'],
  ['geriatric-medicine', 'adult-gerontology-primary-care-nurse-practitioner'],
  ['geriatric-medicine', 'long-term-care-administration'],
  ['gerontological-nursing', 'long-term-care-administration'],
  ['hospice-palliative-medicine', 'hospice-palliative-nursing'],
  ['hospice-palliative-nursing', 'home-health-nursing'],

  // Women's health and maternity
  ['obstetrics-gynecology', 'certified-nurse-midwife'],
  ['obstetrics-gynecology', 'labor-delivery-nursing'],
  ['obstetrics-gynecology', 'womens-health-nurse-practitioner'],
  ['obstetrics-gynecology', 'maternal-child-health'],
  ['maternal-fetal-medicine', 'high-risk-obstetric-nursing'],
  ['labor-delivery-nursing', 'certified-nurse-midwife'],
  ['maternal-newborn-nursing', 'maternal-child-health'],
  ['urogynecology', 'urology'],

  // Primary care and hospital medicine
  ['family-medicine', 'family-nurse-practitioner'],
  ['family-medicine', 'medical-physician-assistant'],
  ['family-medicine', 'ambulatory-care-pharmacy'],
  ['family-medicine', 'ambulatory-care-nursing'],
  ['family-medicine', 'practice-management'],
  ['internal-medicine', 'adult-gerontology-primary-care-nurse-practitioner'],
  ['internal-medicine', 'medical-physician-assistant'],
  ['hospital-medicine', 'medical-surgical-nursing'],
  ['hospital-medicine', 'clinical-pharmacy'],
  ['hospital-medicine', 'case-management-nursing'],
  ['ambulatory-care-pharmacy', 'community-pharmacy'],
  ['ambulatory-care-nursing', 'telehealth'],

  // Surgery, anesthesia and perioperative care
  ['surgery', 'surgical-physician-assistant'],
  ['surgery', 'perioperative-nursing'],
  ['surgery', 'surgical-technology'],
  ['perioperative-nursing', 'surgical-technology'],
  ['perioperative-nursing', 'certified-registered-nurse-anesthetist'],
  ['rn-first-assistant', 'surgical-physician-assistant'],
  ['anesthesiology', 'certified-registered-nurse-anesthetist'],
  ['anesthesiology', 'anesthesiologist-assistant'],
  ['certified-registered-nurse-anesthetist', 'anesthesiologist-assistant'],
  ['pain-medicine', 'physical-medicine-rehabilitation'],
  ['thoracic-surgery', 'perfusion'],
  ['transplant-surgery', 'transplant-hepatology'],
  ['transplant-surgery', 'solid-organ-transplant-pharmacy'],
  ['trauma-surgery', 'orthopaedic-trauma'],
  ['colon-rectal-surgery', 'gastroenterology'],
  ['colon-rectal-surgery', 'wound-ostomy-continence-nursing'],
  ['plastic-surgery', 'hand-surgery'],

  // Cardiovascular, pulmonary, renal and other medical specialties
  ['cardiology', 'cardiovascular-technology'],
  ['cardiology', 'cardiac-sonography'],
  ['cardiology', 'cardiology-pharmacy'],
  ['cardiology', 'cardiopulmonary-physical-therapy'],
  ['interventional-cardiology', 'invasive-cardiovascular-technology'],
  ['vascular-surgery', 'vascular-sonography'],
  ['pulmonary-disease', 'respiratory-therapy'],
  ['pulmonary-disease', 'pulmonary-function-technology'],
  ['nephrology', 'nephrology-nursing'],
  ['nephrology', 'renal-nutrition'],
  ['nephrology', 'urology'],
  ['infectious-disease', 'infectious-diseases-pharmacy'],
  ['infectious-disease', 'infection-prevention'],
  ['infectious-disease', 'infectious-disease-epidemiology'],
  ['infectious-disease', 'global-health'],
  ['endocrinology', 'diabetes-education-nursing'],
  ['gastroenterology', 'dietetics'],
  ['dietetics', 'nutrition-support-pharmacy'],

  // Neurology and rehabilitation
  ['neurology', 'neuroscience-nursing'],
  ['neurology', 'neurologic-physical-therapy'],
  ['neurology', 'speech-language-pathology'],
  ['neurology', 'electroneurodiagnostic-technology'],
  ['neurology', 'neuroradiology'],
  ['epilepsy', 'electroneurodiagnostic-technology'],
  ['neurological-surgery', 'neuroscience-nursing'],
  ['physical-medicine-rehabilitation', 'physical-therapy'],
  ['physical-medicine-rehabilitation', 'occupational-therapy'],
  ['physical-medicine-rehabilitation', 'rehabilitation-nursing'],
  ['brain-injury-medicine', 'speech-language-pathology'],
  ['spinal-cord-injury-medicine', 'rehabilitation-nursing'],

  // Musculoskeletal and sports
  ['orthopaedic-surgery', 'orthopaedic-physical-therapy'],
  ['orthopaedic-surgery', 'orthopaedic-nursing'],
  ['orthopaedic-surgery', 'orthopaedic-physician-assistant'],
  ['orthopaedic-sports-medicine', 'primary-care-sports-medicine'],
  ['orthopaedic-sports-medicine', 'sports-physical-therapy'],
  ['orthopaedic-sports-medicine', 'athletic-training'],
  ['primary-care-sports-medicine', 'sports-dietetics'],
  ['hand-surgery', 'hand-therapy'],

  // Head and neck, skin
  ['otolaryngology', 'audiology'],
  ['otolaryngology', 'speech-language-pathology'],
  ['dermatology', 'dermatology-physician-assistant'],
  ['dermatopathology', 'pathology'],

  // Laboratory, imaging and genetics
  ['pathology', 'medical-laboratory-science'],
  ['pathology', 'histotechnology'],
  ['cytopathology', 'cytotechnology'],
  ['hematopathology', 'hematology'],
  ['blood-banking-transfusion-medicine', 'blood-bank-technology'],
  ['medical-laboratory-science', 'laboratory-management'],
  ['medical-laboratory-science', 'public-health-laboratory'],
  ['clinical-microbiology-laboratory', 'infection-prevention'],
  ['radiology', 'radiologic-technology'],
  ['radiology', 'diagnostic-medical-sonography'],
  ['radiology', 'imaging-informatics'],
  ['interventional-radiology', 'interventional-radiologic-technology'],
  ['nuclear-medicine', 'nuclear-medicine-technology'],
  ['nuclear-medicine', 'nuclear-pharmacy'],
  ['medical-genetics', 'genetic-counseling'],

  // Public and population health
  ['preventive-medicine', 'public-health'],
  ['preventive-medicine', 'epidemiology'],
  ['occupational-medicine', 'occupational-health-nursing'],
  ['occupational-medicine', 'occupational-health-safety'],
  ['occupational-health-nursing', 'occupational-health-safety'],
  ['community-public-health-nursing', 'public-health'],
  ['community-public-health-nursing', 'community-health-work'],
  ['infection-control-nursing', 'infection-prevention'],
  ['health-education', 'community-health-work'],
  ['health-education', 'diabetes-education-nursing'],
  ['health-education', 'nurse-educator'],
  ['health-equity', 'community-health-work'],
  ['biostatistics', 'health-data-science'],
  ['biostatistics', 'clinical-research-informatics'],
  ['epidemiology', 'public-health-informatics'],
  ['health-policy', 'health-system-leadership'],
  ['population-health-management', 'public-health'],
  ['population-health-management', 'health-data-science'],
  ['population-health-management', 'case-management-nursing'],
  ['population-health-management', 'managed-care-pharmacy'],

  // Leadership, operations and informatics
  ['nursing-leadership', 'nursing-informatics'],
  ['nursing-leadership', 'clinical-nurse-specialist'],
  ['nursing-leadership', 'quality-patient-safety'],
  ['physician-leadership', 'clinical-informatics'],
  ['pharmacy-leadership', 'health-system-pharmacy'],
  ['pharmacy-leadership', 'pharmacy-informatics'],
  ['clinical-pharmacy', 'pharmacy-informatics'],
  ['clinical-nurse-specialist', 'nursing-professional-development'],
  ['clinical-informatics', 'nursing-informatics'],
  ['nursing-informatics', 'ehr-implementation'],
  ['health-information-management', 'ehr-implementation'],
  ['health-information-management', 'interoperability'],
  ['health-information-management', 'revenue-cycle-management'],
  ['medical-coding', 'revenue-cycle-management'],
  ['quality-patient-safety', 'infection-prevention'],
  ['quality-patient-safety', 'clinical-decision-support'],
  ['compliance-risk-management', 'healthcare-cybersecurity'],
  ['clinical-decision-support', 'healthcare-ai'],
  ['imaging-informatics', 'healthcare-ai'],
  ['pharmacy-technician', 'community-pharmacy'],
];

function relatedSlugsBySlug(): Map<string, string[]> {
  const related = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    const slugs = related.get(from) ?? [];
    slugs.push(to);
    related.set(from, slugs);
  };
  for (const [a, b] of RELATED_PAIRS) {
    link(a, b);
    link(b, a);
  }
  return related;
}

const RELATED_BY_SLUG = relatedSlugsBySlug();

export const SPECIALTIES: readonly SpecialtyDefinition[] = SPECIALTY_ENTRIES.map((entry) => ({
  ...entry,
  related: RELATED_BY_SLUG.get(entry.slug) ?? [],
}));

export const SPECIALTY_BY_SLUG: ReadonlyMap<string, SpecialtyDefinition> = new Map(
  SPECIALTIES.map((specialty) => [specialty.slug, specialty]),
);

function mostChildren(): number {
  const children = new Map<string, number>();
  for (const { parentSlug } of SPECIALTIES) {
    if (parentSlug) children.set(parentSlug, (children.get(parentSlug) ?? 0) + 1);
  }
  return Math.max(0, ...children.values());
}

/**
 * How long each list of specialties the API returns can be, read off the shipped taxonomy: the
 * query cost multiplies by these (see ListSize in @preceptor/core).
 */
export const SPECIALTY_LIST_SIZES = {
  all: SPECIALTIES.length,
  children: mostChildren(),
  related: Math.max(0, ...SPECIALTIES.map((specialty) => specialty.related.length)),
} as const;

/** One specialty as stored, by id: what graph builders (matching) need. */
export interface SpecialtyRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly parentId: number | null;
  readonly relatedIds: readonly number[];
  readonly tracks: readonly Track[];
}

/**
 * The ids of the given specialties and all their ancestors, without duplicates: stored next to
 * the chosen ones (profiles, events) so that a filter on a specialty finds its descendants.
 */
export function lineageOf(specialties: readonly { lineage: readonly number[] }[]): number[] {
  return [...new Set(specialties.flatMap((specialty) => specialty.lineage))];
}
