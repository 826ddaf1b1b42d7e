// The keys an import has seen: every repeat found with the row it was first on, no key of 300,000
// distinct ones taken for another (the table grows from 1,024 slots to 1,048,576 on the way).
import { expect } from 'chai';
import { SeenKeys } from './seenKeys';

describe('SeenKeys: the rows of an import by key, as 64-bit hashes', () => {
  it('answers the first row of a key seen before, and nothing for a new key', () => {
    const seen = new SeenKeys();
    expect(seen.firstOrAdd('12\tBX-1\t1', 2)).to.equal(undefined);
    expect(seen.firstOrAdd('12\tBX-1\t2', 3)).to.equal(undefined);
    expect(seen.firstOrAdd('12\tBX-1\t1', 9)).to.equal(2);
    // the repeat is not recorded: a third time still names the first row
    expect(seen.firstOrAdd('12\tBX-1\t1', 10)).to.equal(2);
    expect(seen.firstOrAdd('', 11)).to.equal(undefined);
    expect(seen.firstOrAdd('', 12)).to.equal(11);
    expect(seen.size).to.equal(3);
  });

  it('keeps 300,000 similar keys apart while it grows, and finds each again', () => {
    const seen = new SeenKeys();
    const key = (i: number) => `${i % 34}\tBX-${Math.floor(i / 3)}\t${(i % 3) + 1}`;
    for (let i = 0; i < 300_000; i++) expect(seen.firstOrAdd(key(i), i + 2)).to.equal(undefined, key(i));
    expect(seen.size).to.equal(300_000);
    for (const i of [0, 1, 2, 77_777, 299_999]) expect(seen.firstOrAdd(key(i), 1_000_000)).to.equal(i + 2);
    // Chinese keys and keys differing in one character only
    expect(seen.firstOrAdd('门诊\t处方一', 5)).to.equal(undefined);
    expect(seen.firstOrAdd('门诊\t处方二', 6)).to.equal(undefined);
    expect(seen.firstOrAdd('门诊\t处方一', 7)).to.equal(5);
  });
});
