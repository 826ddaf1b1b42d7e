// The plausible ranges of the numbers a follow-up records (readings, the national record's lifestyle
// answers, the elderly check's vital signs and blood tests): outside them a value is a typing error,
// not a finding. rules.ts checks them; the admin UI imports this file too (to answer the doctor without
// a network): import nothing from node or the database.

/** Plausible ranges; outside them a value is a typing error, not a finding. */
export const MEASUREMENT_RANGES = {
  systolic: [60, 300],
  diastolic: [30, 200],
  fasting_glucose: [1.0, 35.0],
  weight_kg: [0.5, 300],
  height_cm: [30, 250],
  heart_rate: [30, 220],
} as const;
export type MeasurementField = keyof typeof MEASUREMENT_RANGES;
/** The readings taken in whole numbers (mmHg, bpm); the others take one decimal (glucose, weight, height). The API and every form go by it. */
export const WHOLE_READINGS: readonly MeasurementField[] = ['systolic', 'diastolic', 'heart_rate'];
export const UNITS: Record<MeasurementField, string> = {
  systolic: 'mmHg',
  diastolic: 'mmHg',
  fasting_glucose: 'mmol/L',
  weight_kg: 'kg',
  height_cm: 'cm',
  heart_rate: 'bpm',
};

/** The numbers of the record (lifestyle this visit / target, target weight, HbA1c) and their plausible ranges. */
export const RECORD_RANGES = {
  target_weight_kg: [0.5, 300, 'kg'],
  smoking_per_day: [0, 100, 'cigarettes a day'],
  smoking_target: [0, 100, 'cigarettes a day'],
  drinking_per_day: [0, 50, 'liang a day'],
  drinking_target: [0, 50, 'liang a day'],
  exercise_per_week: [0, 21, 'times a week'],
  exercise_minutes: [0, 600, 'minutes'],
  exercise_per_week_target: [0, 21, 'times a week'],
  exercise_minutes_target: [0, 600, 'minutes'],
  staple_food_g: [0, 2000, 'g a day'],
  staple_food_target_g: [0, 2000, 'g a day'],
  hba1c: [3, 20, '%'],
} as const;
export type RecordNumber = keyof typeof RECORD_RANGES;

/** The check's numbers (vital signs and blood tests) and their plausible ranges. */
export const ELDERLY_RANGES = {
  temperature_c: [34, 42, '°C'],
  respiration_rate: [6, 60, '/min'],
  waist_cm: [40, 200, 'cm'],
  haemoglobin: [30, 250, 'g/L'],
  wbc: [0.5, 100, '×10⁹/L'],
  platelets: [5, 1500, '×10⁹/L'],
  alt: [1, 2000, 'U/L'],
  ast: [1, 2000, 'U/L'],
  total_bilirubin: [1, 500, 'μmol/L'],
  creatinine: [10, 2000, 'μmol/L'],
  urea: [0.5, 80, 'mmol/L'],
  total_cholesterol: [1, 20, 'mmol/L'],
  triglycerides: [0.1, 50, 'mmol/L'],
  ldl: [0.1, 15, 'mmol/L'],
  hdl: [0.1, 5, 'mmol/L'],
} as const;
export type ElderlyNumber = keyof typeof ELDERLY_RANGES;
