// The chief pharmacist's rules computed by hand: a file row validated field by field, each flag
// raised (and not raised) under the rules, the review's and the actions' steps, a unit's figures.
import { expect } from 'chai';
import {
  actionMachine,
  actionProblems,
  DEFAULT_RULES,
  prescriptionFlags,
  reviewMachine,
  reviewProblems,
  rulesProblems,
  unitFigures,
  validateRxRow,
  type RxForRules,
} from './rules';

const units = new Map([['T01', { id: 7 }]]);
const row = {
  prescription_no: 'RX-1',
  unit_code: 'T01',
  department: '内科',
  prescriber: '张医生',
  prescribed_on: '2026-11-03',
  care_type: '门诊',
  patient_id: '630121199001011234',
  patient_age: '36',
  patient_sex: '女',
  diagnosis_codes: 'j06.9; I10',
  diagnosis_text: '急性上呼吸道感染',
  item_no: '2',
  drug_name: '阿莫西林',
  drug_class: '青霉素类',
  antibiotic: '是',
  route: '口服',
  dose: '0.5',
  dose_unit: 'g',
  days: '5',
};
const drug = (name: string, extra: Partial<RxForRules['items'][number]> = {}) => ({
  drug_name: name,
  drug_class: null,
  antibiotic: false,
  route: 'oral' as const,
  dose: null,
  dose_unit: null,
  ...extra,
});
const rx = (items: RxForRules['items'], extra: Partial<RxForRules> = {}): RxForRules => ({
  care_type: 'outpatient',
  diagnosis_codes: ['I10'],
  diagnosis_text: '高血压',
  items,
  ...extra,
});

describe('pharmacy rules', () => {
  it('reads a row of the file, codes given as codes or in Chinese', () => {
    const v = validateRxRow(row, units, '2026-12-07');
    expect(v).to.have.property('row');
    const r = (v as { row: ReturnType<typeof validateRxRow> extends infer X ? Extract<X, { row: unknown }>['row'] : never }).row;
    expect(r).to.deep.include({ org_unit_id: 7, care_type: 'outpatient', patient_sex: 'F', patient_age: 36, diagnosis_codes: ['J06.9', 'I10'] });
    expect(r.item).to.deep.equal({
      seq: 2,
      drug_name: '阿莫西林',
      drug_class: '青霉素类',
      antibiotic: true,
      route: 'oral',
      dose: '0.5',
      dose_unit: 'g',
      days: 5,
    });
  });

  it('names every bad field of a row', () => {
    const v = validateRxRow(
      {
        ...row,
        unit_code: 'NOPE',
        prescribed_on: '2026-12-08',
        care_type: '住',
        patient_age: '151',
        diagnosis_codes: 'hypertension',
        item_no: '0',
        antibiotic: '也许',
        route: 'iv',
        dose: '-1',
      },
      units,
      '2026-12-07',
    );
    expect('problems' in v && v.problems.map((p) => `${p.field}:${p.rule}`)).to.deep.equal([
      'unit_code:unknown_unit',
      'prescribed_on:not_after_today',
      'care_type:one_of',
      'patient_age:at_most',
      'diagnosis_codes:icd10',
      'item_no:positive_whole',
      'antibiotic:boolean',
      'route:one_of',
      'dose:positive_number',
    ]);
    const blank = validateRxRow({ unit_code: 'T01' }, units, '2026-12-07');
    expect('problems' in blank && blank.problems.map((p) => p.field)).to.deep.equal([
      'prescription_no',
      'prescriber',
      'prescribed_on',
      'care_type',
      'patient_id',
      'item_no',
      'drug_name',
    ]);
  });

  it('flags an antibiotic without an infection, by code prefix or by word', () => {
    const amox = drug('阿莫西林', { antibiotic: true });
    expect(prescriptionFlags(rx([amox]), DEFAULT_RULES)).to.deep.equal(['antibiotic_without_indication']);
    expect(prescriptionFlags(rx([amox], { diagnosis_codes: ['J06.9'] }), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([amox], { diagnosis_codes: ['N39.0'] }), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([amox], { diagnosis_codes: ['N39.9'] }), DEFAULT_RULES)).to.deep.equal(['antibiotic_without_indication']);
    expect(prescriptionFlags(rx([amox], { diagnosis_codes: [], diagnosis_text: '伤口感染' }), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([amox], { diagnosis_codes: ['I10'] }), { ...DEFAULT_RULES, infection_icd_prefixes: ['I'] })).to.deep.equal([]);
  });

  it('flags more than N drugs (N configured) and two drugs of one class', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => drug(n));
    expect(prescriptionFlags(rx(five), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([...five, drug('f')]), DEFAULT_RULES)).to.deep.equal(['too_many_drugs']);
    expect(prescriptionFlags(rx(five), { ...DEFAULT_RULES, max_drugs: 4 })).to.deep.equal(['too_many_drugs']);
    expect(prescriptionFlags(rx([drug('布洛芬', { drug_class: 'NSAID' }), drug('双氯芬酸', { drug_class: 'NSAID ' })]), DEFAULT_RULES)).to.deep.equal([
      'duplicate_class',
    ]);
    expect(prescriptionFlags(rx([drug('布洛芬', { drug_class: 'NSAID' }), drug('奥美拉唑', { drug_class: 'PPI' })]), DEFAULT_RULES)).to.deep.equal([]);
  });

  it('flags a dose outside its range (same unit only), an injection where oral would do, a suspended drug', () => {
    const metformin = (dose: string, unit = 'g') => drug('二甲双胍', { dose, dose_unit: unit });
    expect(prescriptionFlags(rx([metformin('0.5')]), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([metformin('1')]), DEFAULT_RULES)).to.deep.equal([]); // the bounds are inside
    expect(prescriptionFlags(rx([metformin('1.5')]), DEFAULT_RULES)).to.deep.equal(['dose_out_of_range']);
    expect(prescriptionFlags(rx([metformin('0.2')]), DEFAULT_RULES)).to.deep.equal(['dose_out_of_range']);
    expect(prescriptionFlags(rx([metformin('1500', 'mg')]), DEFAULT_RULES)).to.deep.equal([]); // no range in mg
    const dex = drug('地塞米松', { route: 'injection' });
    expect(prescriptionFlags(rx([dex]), DEFAULT_RULES)).to.deep.equal(['injection_oral_would_do']);
    expect(prescriptionFlags(rx([dex], { care_type: 'inpatient' }), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([drug('地塞米松')]), DEFAULT_RULES)).to.deep.equal([]);
    expect(prescriptionFlags(rx([drug('头孢呋辛')], { suspended: ['头孢呋辛'] }), DEFAULT_RULES)).to.deep.equal(['suspended_drug']);
    // several at once, in the list's order
    expect(prescriptionFlags(rx([dex, metformin('3'), drug('阿奇霉素', { antibiotic: true })]), DEFAULT_RULES)).to.deep.equal([
      'antibiotic_without_indication',
      'dose_out_of_range',
      'injection_oral_would_do',
    ]);
  });

  it('reviews once (reopen to review again) and tracks an action to closure', () => {
    expect(reviewMachine.nextStatus('pending', 'review')).to.deep.equal({ to: 'reviewed' });
    expect(reviewMachine.nextStatus('reviewed', 'review')).to.deep.include({ allowed: ['reopen'] });
    expect(reviewMachine.nextStatus('reviewed', 'reopen')).to.deep.equal({ to: 'pending' });
    expect(actionMachine.nextStatus('open', 'close')).to.deep.equal({ to: 'closed' });
    expect(actionMachine.nextStatus('closed', 'cancel')).to.deep.include({ allowed: [] });
    expect(reviewProblems({ outcome: 'irrational' })).to.have.lengthOf(1);
    expect(reviewProblems({ outcome: 'irrational', reason: 'excessive' })).to.deep.equal([]);
    expect(reviewProblems({ outcome: 'rational', reason: 'excessive' })[0].field).to.equal('reason');
    expect(actionProblems({ kind: 'suspend' }).map((p) => p.field)).to.deep.equal(['drug_name']);
    expect(actionProblems({ kind: 'interview', amount: '100' }).map((p) => p.field)).to.deep.equal(['amount']);
    expect(actionProblems({ kind: 'penalty', amount: '200.00' })).to.deep.equal([]);
  });

  it("computes a unit's figures against the targets", () => {
    const f = unitFigures(
      {
        prescriptions: 40,
        outpatient: 30,
        outpatient_antibiotic: 7,
        outpatient_injection: 5,
        outpatient_items: 80,
        flagged: 6,
        reviewed: 3,
        claims_drug: 2_202_000n,
        claims_total: 10_000_000n,
      },
      DEFAULT_RULES.targets,
    );
    expect(f.drug_share).to.deep.equal({ numerator: '22020.00', denominator: '100000.00', value: 0.2202, target: 0.3, met: true });
    expect(f.antibiotic_rate).to.deep.equal({ numerator: '7', denominator: '30', value: 0.2333, target: 0.2, met: false });
    expect(f.injection_rate.value).to.equal(0.1667);
    expect(f.avg_drugs).to.deep.include({ value: 2.67, met: true });
    expect(f.flagged_share).to.deep.include({ value: 0.15, met: false });
    expect(f.reviewed_share).to.deep.include({ value: 0.075, met: true }); // at least 1 %
    const none = unitFigures(
      {
        prescriptions: 0,
        outpatient: 0,
        outpatient_antibiotic: 0,
        outpatient_injection: 0,
        outpatient_items: 0,
        flagged: 0,
        reviewed: 0,
        claims_drug: null,
        claims_total: null,
      },
      DEFAULT_RULES.targets,
    );
    expect(none.antibiotic_rate).to.deep.include({ value: null, met: null });
    expect(none.drug_share).to.deep.include({ value: null, met: null });
  });

  it('refuses rules a shape cannot refuse, naming the field: a range below its minimum, a drug and unit twice, an entry twice', () => {
    expect(rulesProblems(DEFAULT_RULES)).to.deep.equal([]);
    const n = DEFAULT_RULES.dose_ranges.length;
    const bad = {
      ...DEFAULT_RULES,
      dose_ranges: [...DEFAULT_RULES.dose_ranges, { drug: '布洛芬', unit: 'g', min: 0.6, max: 0.2 }, { drug: '阿莫西林', unit: 'g', min: 0.1, max: 2 }],
      infection_words: ['感染', '肺炎', '感染'],
      infection_icd_prefixes: ['J0', 'j0'],
    };
    expect(rulesProblems(bad).map((p) => p.field)).to.deep.equal([
      `dose_ranges.${n}.max`,
      `dose_ranges.${n + 1}.drug`,
      'infection_icd_prefixes.1',
      'infection_words.2',
    ]);
    // the same drug in another unit is another range
    expect(
      rulesProblems({ ...DEFAULT_RULES, dose_ranges: [...DEFAULT_RULES.dose_ranges, { drug: '阿莫西林', unit: 'mg', min: 250, max: 1000 }] }),
    ).to.deep.equal([]);
  });
});
