// The rows of the insurer's claim files without a database, and the months an approved run locks against them.
import { expect } from 'chai';
import type { RawRow } from '../cells';
import { lockedThrough, validateClaim, type ClaimContext } from './rules';

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
    expect('problems' in before && before.problems).to.deep.equal([
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
});
