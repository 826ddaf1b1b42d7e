import { expect } from 'chai';
import { z } from 'zod';
import { checkIn, defineEnum, enumMessages } from './enums';

describe('enums: one list of values', () => {
  const colour = defineEnum('colour', { red: { zh: '红', en: 'Red' }, dark_blue: { zh: '深蓝', en: 'Dark blue' } });

  it('derives the values, labels, choices and translations from one declaration', () => {
    expect(colour.values).to.deep.equal(['red', 'dark_blue']);
    expect(z.enum(colour.values).safeParse('red').success).to.equal(true);
    expect(z.enum(colour.values).safeParse('green').success).to.equal(false);
    expect([colour.zh('dark_blue'), colour.en('dark_blue')]).to.deep.equal(['深蓝', 'Dark blue']);
    expect([colour.has('red'), colour.has('toString'), colour.has(1)]).to.deep.equal([true, false, false]);
    expect(colour.choices(['dark_blue'])).to.deep.equal([{ id: 'dark_blue', name: 'enums.colour.dark_blue' }]);
    expect(colour.choices()).to.have.length(2);
    expect(enumMessages('en', colour)).to.deep.equal({ enums: { colour: { red: 'Red', dark_blue: 'Dark blue' } } });
  });

  it('writes a CHECK constraint over the values', () => {
    expect(checkIn('status', colour.values)).to.equal("status in ('red', 'dark_blue')");
    expect(checkIn('note', ["it's"])).to.equal("note in ('it''s')");
  });
});
