import { expect } from 'chai';
import { divRound, fromFen, mulRatio, splitByLargestRemainder, toFen } from './money';

describe('money', () => {
  it('parses and formats exactly', () => {
    expect(toFen('1234.5')).to.equal(123450n);
    expect(toFen('0.3')).to.equal(30n);
    expect(toFen('0.30')).to.equal(30n);
    expect(toFen(19.99)).to.equal(1999n);
    expect(fromFen(-5n)).to.equal('-0.05');
    expect(() => toFen('1.234')).to.throw(RangeError);
    expect(() => toFen('abc')).to.throw(RangeError);
  });

  it('multiplies by a decimal ratio rounding half away from zero', () => {
    expect(mulRatio(toFen('100.05'), '0.90')).to.equal(9005n); // 90.045 → 90.05
    expect(divRound(-5n, 2n)).to.equal(-3n);
  });

  it('splits a total so the parts add up exactly, where naive rounding is off by a fen', () => {
    // 100.00 in thirds: naive rounding gives 33.33 × 3 = 99.99
    const parts = splitByLargestRemainder(10000n, [1, 1, 1]);
    expect(parts).to.deep.equal([3334n, 3333n, 3333n]);
    const uneven = splitByLargestRemainder(100n, [0.5, 0.3, 0.2]);
    expect(uneven.reduce((a, b) => a + b, 0n)).to.equal(100n);
    expect(uneven).to.deep.equal([50n, 30n, 20n]);
    const rem = splitByLargestRemainder(10n, [2, 2, 3]);
    expect(rem).to.deep.equal([3n, 3n, 4n]); // 2.857.. 2.857.. 4.285..: floors 2,2,4 then +1 to the two largest remainders (ties by order)
  });
});
