// The income-change arithmetic (收入变化) by hand: a township's director paid two months last year and
// two this year, two other staff (one of them paid only one month last year), a village doctor with
// no last year — each average and change worked out by hand to the fen and the 0.01 %.
import { expect } from 'chai';
import { averageFen, changePct, changesBy, coveredMonths, incomeChange, incomeRole, levelOfRole, type IncomeLine } from './incomeRules';
import { INCOME_LEVEL, INCOME_ROLE } from './enums';

const line = (year: 'this' | 'last', month: number, staff_id: number, role: IncomeLine['role'], amount: bigint, net_amount = amount): IncomeLine => ({
  year,
  month,
  township_id: 11,
  staff_id,
  role,
  amount,
  net_amount,
});

const lines: IncomeLine[] = [
  // the director: last year 3,000.00 + 3,200.00 (net 2,940.00 + 3,136.00); this year 4,300.00 + 4,389.13 (net 4,214.00 + 4,301.35)
  line('last', 3, 1, 'director', 300_000n, 294_000n),
  line('last', 4, 1, 'director', 320_000n, 313_600n),
  line('this', 3, 1, 'director', 430_000n, 421_400n),
  line('this', 4, 1, 'director', 438_913n, 430_135n),
  // other staff: last year 2,000.00 + 2,000.00 and 1,800.00 (one month); this year 2,400.00 + 2,300.00 and 2,200.00 + 2,084.52
  line('last', 3, 2, 'township_staff', 200_000n),
  line('last', 4, 2, 'township_staff', 200_000n),
  line('last', 3, 3, 'township_staff', 180_000n),
  line('this', 3, 2, 'township_staff', 240_000n),
  line('this', 4, 2, 'township_staff', 230_000n),
  line('this', 3, 3, 'township_staff', 220_000n),
  line('this', 4, 3, 'township_staff', 208_452n),
  // a village doctor new this year: 800.00 + 900.01
  line('this', 3, 4, 'village_doctor', 80_000n),
  line('this', 4, 4, 'village_doctor', 90_001n),
];

describe('pay income change rules (收入变化)', () => {
  it('the director: 3,100.00 a month last year, 4,344.57 this year (8,689.13 ÷ 2, half up): +40.15 %; net 3,038.00 → 4,257.68, +40.15 %', () => {
    const c = incomeChange(lines.filter((l) => l.role === 'director'));
    expect(c.last_year).to.deep.equal({ people: 1, person_months: 2, amount: '6200.00', net_amount: '6076.00', average: '3100.00', average_net: '3038.00' });
    expect(c.this_year).to.deep.equal({ people: 1, person_months: 2, amount: '8689.13', net_amount: '8515.35', average: '4344.57', average_net: '4257.68' });
    // (8,689.13 × 2 − 6,200.00 × 2) ÷ (6,200.00 × 2) = 40.1473 %
    expect(c.change_pct).to.equal('40.15');
    expect(c.change_net_pct).to.equal('40.15');
  });

  it('other staff: 5,800.00 over 3 person-months (1,933.33) → 8,984.52 over 4 (2,246.13): +16.18 % from the exact totals', () => {
    const c = incomeChange(lines.filter((l) => l.role === 'township_staff'));
    expect(c.last_year).to.include({ people: 2, person_months: 3, amount: '5800.00', average: '1933.33' });
    expect(c.this_year).to.include({ people: 2, person_months: 4, amount: '8984.52', average: '2246.13' });
    // (8,984.52 × 3 − 5,800.00 × 4) ÷ (5,800.00 × 4) = 16.1791 %
    expect(c.change_pct).to.equal('16.18');
  });

  it('a village doctor with no last year: 850.01 a month (1,700.01 ÷ 2, half up), last year 无数据 (null), never 0 % or ∞', () => {
    const c = incomeChange(lines.filter((l) => l.role === 'village_doctor'));
    expect(c.this_year).to.include({ people: 1, person_months: 2, amount: '1700.01', average: '850.01' });
    expect(c.last_year).to.deep.equal({ people: 0, person_months: 0, amount: '0.00', net_amount: '0.00', average: null, average_net: null });
    expect([c.change_pct, c.change_net_pct]).to.deep.equal([null, null]);
  });

  it('by role and by level in their lists’ order, every group answered; the township level is the director and the other staff together', () => {
    const byRole = changesBy(lines, INCOME_ROLE.values, (l) => l.role);
    expect(byRole.map((r) => [r.key, r.change.this_year.average, r.change.last_year.average, r.change.change_pct])).to.deep.equal([
      ['director', '4344.57', '3100.00', '40.15'],
      ['township_staff', '2246.13', '1933.33', '16.18'],
      ['village_doctor', '850.01', null, null],
    ]);
    const byLevel = changesBy(lines, INCOME_LEVEL.values, (l) => levelOfRole(l.role));
    // township: 17,673.65 over 6 = 2,945.61 against 12,000.00 over 5 = 2,400.00: +22.73 %
    expect(byLevel.map((r) => [r.key, r.change.this_year.people, r.change.this_year.average, r.change.last_year.average, r.change.change_pct])).to.deep.equal([
      ['township', 3, '2945.61', '2400.00', '22.73'],
      ['village', 1, '850.01', null, null],
    ]);
    // everyone: 19,373.66 over 8 = 2,421.71 against 2,400.00: +0.90 %
    expect(incomeChange(lines)).to.deep.include({ change_pct: '0.90' });
    expect(incomeChange(lines).this_year).to.include({ people: 4, person_months: 8, average: '2421.71' });
  });

  it('a fall is negative, rounded half away from zero; no base is null', () => {
    // 2,000.00 a month against 6,100.00 over 3 (2,033.33): −1.6393 %
    expect(changePct({ total: 200_000n, months: 1 }, { total: 610_000n, months: 3 })).to.equal('-1.64');
    expect(changePct({ total: 200_000n, months: 1 }, { total: 200_000n, months: 1 })).to.equal('0.00');
    expect(changePct({ total: 200_000n, months: 1 }, { total: 0n, months: 2 })).to.equal(null);
    expect(changePct({ total: 0n, months: 0 }, { total: 100n, months: 1 })).to.equal(null);
    expect(averageFen(100n, 3)).to.equal(33n);
    expect(averageFen(5n, 2)).to.equal(3n);
    expect(averageFen(5n, 0)).to.equal(null);
  });

  it('who is what: the director of the run’s township, a village clinic’s doctor, the other staff; the months covered', () => {
    expect(incomeRole({ is_director: true, works_in_village: false })).to.equal('director');
    expect(incomeRole({ is_director: false, works_in_village: true })).to.equal('village_doctor');
    expect(incomeRole({ is_director: false, works_in_village: false })).to.equal('township_staff');
    expect([levelOfRole('director'), levelOfRole('township_staff'), levelOfRole('village_doctor')]).to.deep.equal(['township', 'township', 'village']);
    expect(coveredMonths([4, 3, 4, 11])).to.deep.equal([3, 4, 11]);
  });
});
