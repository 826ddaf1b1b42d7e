import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { checkDigit, hashIdNumber, idNumberFacts, idNumberProblem, maskIdNumber, protectIdNumber, revealIdNumber } from './personalId';

const VALID = `63012119900101123${checkDigit('63012119900101123')}`;

describe('personal ID numbers', () => {
  it('validates the check digit (GB 11643)', () => {
    expect(checkDigit('11010519491231002')).to.equal('X');
    expect(idNumberProblem('11010519491231002X')).to.equal(null);
    expect(idNumberProblem(VALID)).to.equal(null);
    const wrong = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong)).to.match(/check digit/);
    expect(idNumberProblem('630121199002301234')).to.match(/birth date/);
    expect(idNumberProblem('12345')).to.match(/17 digits/);
  });

  it('masks, hashes deterministically, encrypts reversibly', () => {
    expect(maskIdNumber(VALID)).to.equal(`6301**********${VALID.slice(-4)}`);
    const key = randomBytes(32).toString('hex');
    const p = protectIdNumber(VALID, key);
    expect(p.id_number_cipher).not.to.contain(VALID);
    expect(revealIdNumber(p.id_number_cipher, key)).to.equal(VALID);
    expect(p.id_number_hash).to.equal(hashIdNumber(VALID, key));
    // another key reads nothing and hashes differently: the key is what protects the number
    const other = randomBytes(32).toString('hex');
    expect(() => revealIdNumber(p.id_number_cipher, other)).to.throw();
    expect(hashIdNumber(VALID, other)).not.to.equal(p.id_number_hash);
    expect(idNumberFacts(VALID)).to.deep.equal({ birthDate: '1990-01-01', sex: 'M' });
  });
});
