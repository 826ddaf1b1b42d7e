// The rows of the insurer's claim files without a database, and the months an approved run locks against them.
import { expect } from 'chai';
import type { RawRow } from '../cells';
import { toFen } from '../../shared/money';
import { amountsOf, checkReversal, landingMonth, remainingOf, type OriginalClaim, type ReversalLine } from './reversals';
import { lockedThrough, validateClaim, type ClaimContext } from './rules';
import { fillTemplate, IMPORT_PROBLEM } from '../enums';

describe('claim row validation', () => {
  const ctx: ClaimContext = {
    year: 2025,
    units: new Map([
      ['T01', { id: 5, code: 'T01', level: 3, kind: 'township' }],
      ['V001', { id: 9, code: 'V001', level: 4, kind: 'village' }],
    ]),
    insuredKinds: ['township', 'community'],
    lockedThrough: 3,
    lockedBy: 42,
  };
  const row = {
    claim_no: 'C-1',
    id_number: '11010519491231002X',
    provider_class: 'in_group',
    provider_unit_code: 'V001',
    insured_township_code: 'T01',
    care_type: 'outpatient',
    visit_on: '2025-05-02',
    settled_on: '2025-05-02',
    total_cost: '100.00',
    fund_paid: 60,
    self_pay: '35.5',
    self_funded: '4.50',
    drug_cost: '40',
    consumables_cost: '0',
    diagnosis: 'i10',
    referred_up: '',
  };

  it('accepts a valid row and normalises it', () => {
    const v = validateClaim(row, ctx);
    expect(v).to.have.property('row');
    expect((v as { row: object }).row).to.include({
      org_unit_id: 9,
      insured_unit_id: 5,
      fund_paid: '60.00',
      self_pay: '35.50',
      diagnosis: 'I10',
      referred_up: false,
    });
  });

  it('names each problem by its kind and parameters, the message filled from the same template the screen translates', () => {
    const v = validateClaim(
      { ...row, total_cost: '100.01', provider_unit_code: 'X99', settled_on: '2025-02-10', visit_on: '2025-02-01', id_number: '110105194912310021' },
      ctx,
    );
    expect('problems' in v && v.problems).to.deep.equal([
      { field: 'id_number', rule: 'id_number_check_digit', params: {}, message: 'check digit does not match' },
      { field: 'provider_unit_code', rule: 'unknown_unit', params: { code: 'X99' }, message: 'unknown unit code X99' },
      {
        field: 'settled_on',
        rule: 'period_locked',
        params: { period: '2025-02', run: '42' },
        message: 'period 2025-02 is locked: settlement run 42 is approved',
      },
      { field: 'total_cost', rule: 'total_adds_up', params: { sum: '100.00' }, message: 'must equal fund_paid + self_pay + self_funded (100.00)' },
    ]);
    // every Chinese text takes exactly the parameters of its English one (a missing %{…} would show raw)
    const params = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const kind of IMPORT_PROBLEM.values) expect(params(IMPORT_PROBLEM.zh(kind)), kind).to.deep.equal(params(IMPORT_PROBLEM.en(kind)));
    expect(fillTemplate(IMPORT_PROBLEM.zh('twice_in_file'), { key: 'C-9', first: 4 })).to.equal('C-9 在文件中出现两次（首次在第 4 行）');
  });

  it('names the field of each problem', () => {
    const fields = (r: RawRow) =>
      'problems' in validateClaim(r, ctx) ? (validateClaim(r, ctx) as { problems: { field: string }[] }).problems.map((p) => p.field) : [];
    expect(fields({ ...row, total_cost: '100.01' })).to.deep.equal(['total_cost']);
    expect(fields({ ...row, drug_cost: '90', consumables_cost: '20' })).to.deep.equal(['drug_cost']);
    expect(fields({ ...row, fund_paid: '-1' })).to.deep.equal(['fund_paid']);
    expect(fields({ ...row, provider_unit_code: 'X99' })).to.deep.equal(['provider_unit_code']);
    expect(fields({ ...row, visit_on: '2023-12-30' })).to.deep.equal(['visit_on']); // two years before the fund year
    expect(fields({ ...row, visit_on: '2026-01-02' })).to.deep.equal(['visit_on']); // after the fund year
    expect(fields({ ...row, id_number: '110105194912310021' })).to.deep.equal(['id_number']);
    expect(fields({ ...row, visit_on: '2025-03-01', settled_on: '2025-03-05' })).to.deep.equal(['settled_on']);
    expect(fields({ ...row, settled_on: 45800 })).to.deep.equal([]); // an Excel serial day in 2025-05
  });

  it('a stay admitted in December and settled in January belongs to the fund year of its settlement date', () => {
    const stay = { ...row, care_type: 'inpatient', visit_on: '2024-12-28', discharged_on: '2025-01-04', settled_on: '2025-01-06' };
    const v = validateClaim(stay, { ...ctx, lockedThrough: 0 });
    expect(v).to.have.property('row');
    expect((v as { row: object }).row).to.include({ visit_on: '2024-12-28', discharged_on: '2025-01-04', settled_on: '2025-01-06' });
    // the year before refuses it: its discharge and settlement dates lie after that fund year
    const before = validateClaim(stay, { ...ctx, year: 2024, lockedThrough: 0 });
    expect('problems' in before && before.problems.map(({ field, message }) => ({ field, message }))).to.deep.equal([
      { field: 'discharged_on', message: 'must lie inside the fund year 2024 or the year before' },
      { field: 'settled_on', message: 'must lie inside the fund year 2024' },
    ]);
    // discharged and settled in December: the year before, not this one
    const december = validateClaim({ ...stay, discharged_on: '2024-12-31', settled_on: '2024-12-31' }, { ...ctx, lockedThrough: 0 });
    expect('problems' in december && december.problems.map((p) => p.field)).to.deep.equal(['settled_on']);
  });

  it('an approved provisional run locks its months to date; the final run the year', () => {
    expect(lockedThrough([])).to.equal(0);
    expect(lockedThrough([{ through_month: 3 }, { through_month: 5 }])).to.equal(5);
    expect(lockedThrough([{ through_month: 12 }])).to.equal(12);
  });

  // a reversal (冲正) of C-1: the same insured and provider, amounts ≤ 0
  const reversal = {
    ...row,
    claim_no: 'R-1',
    reverses_claim_no: 'C-1',
    total_cost: '-40.00',
    fund_paid: '-24',
    self_pay: '-14.2',
    self_funded: '-1.80',
    drug_cost: '-16',
    consumables_cost: '0',
  };

  it('a reversal has amounts ≤ 0 and names its original; an ordinary claim keeps amounts ≥ 0', () => {
    const v = validateClaim(reversal, { ...ctx, lockedThrough: 0 });
    expect('row' in v && v.row).to.include({ reverses_claim_no: 'C-1', total_cost: '-40.00', fund_paid: '-24.00', self_pay: '-14.20', lands_in_month: null });
    const fields = (r: RawRow) => {
      const x = validateClaim(r, { ...ctx, lockedThrough: 0 });
      return 'problems' in x ? x.problems.map((p) => p.field) : [];
    };
    expect(fields({ ...reversal, fund_paid: '24', self_pay: '-62.2' })).to.deep.equal(['fund_paid']);
    expect(fields({ ...reversal, drug_cost: '-30', consumables_cost: '-20' })).to.deep.equal(['drug_cost']);
    expect(fields({ ...reversal, total_cost: '0', fund_paid: '0', self_pay: '0', self_funded: '0', drug_cost: '0' })).to.deep.equal(['total_cost']);
    expect(fields({ ...reversal, reverses_claim_no: 'R-1' })).to.deep.equal(['reverses_claim_no']);
    expect(fields({ ...reversal, reverses_claim_no: '' })).to.deep.equal(['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost']);
  });

  it('a reversal settled in a locked month lands in the next open month; with the year locked it is refused', () => {
    expect(landingMonth(5, 3)).to.equal(5);
    expect(landingMonth(2, 3)).to.equal(4);
    expect(landingMonth(3, 3)).to.equal(4);
    expect(landingMonth(12, 11)).to.equal(12);
    expect(landingMonth(4, 12)).to.equal(null);
    // settled in May with months 1–6 locked: counts in July; the ordinary claim of May is refused
    const v = validateClaim(reversal, { ...ctx, lockedThrough: 6 });
    expect('row' in v && v.row).to.include({ settled_on: '2025-05-02', lands_in_month: 7 });
    expect('problems' in validateClaim(row, { ...ctx, lockedThrough: 6 })).to.equal(true);
    const settled = validateClaim(reversal, { ...ctx, lockedThrough: 12 });
    expect('problems' in settled && settled.problems.map(({ field, message }) => ({ field, message }))).to.deep.equal([
      { field: 'settled_on', message: 'fund year 2025 is locked: settlement run 42 is approved' },
    ]);
  });

  const original: OriginalClaim = {
    id: 7,
    claim_no: 'C-1',
    is_reversal: false,
    id_number_hash: 'h1',
    provider_class: 'in_group',
    org_unit_id: 9,
    provider_name: null,
    care_type: 'outpatient',
    referred_up: false,
    amounts: amountsOf({ total_cost: '100.00', fund_paid: '60.00', self_pay: '35.50', self_funded: '4.50', drug_cost: '40.00', consumables_cost: '0.00' }),
  };
  /** a reversal of the original's insured, provider and care (what `over` does not change) */
  const line = (amounts: Record<string, string>, over: Partial<ReversalLine> = {}): ReversalLine => ({
    ...original,
    amounts: amountsOf({ total_cost: '0', fund_paid: '0', self_pay: '0', self_funded: '0', drug_cost: '0', consumables_cost: '0', ...amounts }),
    ...over,
  });

  it('a reversal takes back no more than is left of its original; the one that leaves nothing counts −1 claim', () => {
    const first = line({ total_cost: '-40.00', fund_paid: '-24.00', self_pay: '-14.20', self_funded: '-1.80', drug_cost: '-16.00' });
    expect(checkReversal(first, original, original.amounts)).to.deep.equal({ claim_count: 0 });
    const left = remainingOf(original.amounts, [first.amounts]);
    expect(left).to.deep.include({ total_cost: toFen('60.00'), fund_paid: toFen('36.00'), self_pay: toFen('21.30'), drug_cost: toFen('24.00') });
    // a second reversal of the first's size again is fine; of 36.01 fund paid it is beyond what is left
    const beyond = checkReversal(line({ total_cost: '-60.01', fund_paid: '-36.01', self_pay: '-21.30', self_funded: '-2.70' }), original, left);
    expect('problems' in beyond && beyond.problems.map((p) => [p.field, p.message])).to.deep.equal([
      ['total_cost', 'reverses more than is left of claim C-1 (60.00)'],
      ['fund_paid', 'reverses more than is left of claim C-1 (36.00)'],
    ]);
    const rest = line({ total_cost: '-60.00', fund_paid: '-36.00', self_pay: '-21.30', self_funded: '-2.70', drug_cost: '-24.00' });
    expect(checkReversal(rest, original, left)).to.deep.equal({ claim_count: -1 });
  });

  it('a reversal is of the same insured, provider, care type and referral; never of a reversal', () => {
    const small = { total_cost: '-1.00', fund_paid: '-1.00' };
    const fields = (l: ReversalLine, o = original) => {
      const v = checkReversal(l, o, o.amounts);
      return 'problems' in v ? v.problems.map((p) => p.field) : [];
    };
    expect(fields(line(small, { id_number_hash: 'h2' }))).to.deep.equal(['id_number']);
    expect(fields(line(small, { org_unit_id: 5 }))).to.deep.equal(['provider_unit_code']);
    expect(fields(line(small, { provider_class: 'out_of_county', org_unit_id: null }))).to.deep.equal(['provider_class']);
    expect(fields(line(small, { care_type: 'inpatient' }))).to.deep.equal(['care_type']);
    expect(fields(line(small, { referred_up: true }))).to.deep.equal(['referred_up']);
    expect(fields(line(small), { ...original, is_reversal: true })).to.deep.equal(['reverses_claim_no']);
  });
});
