// The keys an import has read so far and the row each was first on, to refuse a key's second row
// (`twice_in_file`) without keeping a string per row: a 500,000-row file kept 500,000 key strings in a
// Map (about 40 MB on the heap, marked by every full collection, and the heap let grow to a multiple of
// it before the next one). Here each key is a 64-bit hash in an open-addressed table of typed arrays:
// 12 bytes a slot, off the collected heap, at most half full.
//
// Two keys of one file share a 64-bit hash with a probability of about n²/2⁶⁵ (7 in a billion for
// 500,000 rows): the second would be refused as a repeat of the first. A file is its sender's own, so
// a crafted collision only refuses the crafter's row.

/** The key's two 32-bit halves (cyrb53's mixing kept to 64 bits): good spread for short, similar keys. */
function hash64(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 | 0, h2 | 0];
}

export class SeenKeys {
  private hi = new Int32Array(1024);
  private lo = new Int32Array(1024);
  /** the row a slot's key was first on; 0: the slot is empty (rows are numbered from 1) */
  private rows = new Int32Array(1024);
  size = 0;

  /** The row `key` was first seen on; or undefined, and `key` is from now on seen on `row` (≥ 1). */
  firstOrAdd(key: string, row: number): number | undefined {
    const [h, l] = hash64(key);
    const slot = this.find(h, l);
    if (this.rows[slot]) return this.rows[slot];
    this.hi[slot] = h;
    this.lo[slot] = l;
    this.rows[slot] = row;
    if (++this.size * 2 > this.rows.length) this.grow();
    return undefined;
  }

  /** The slot holding this hash, or the empty one where it would go (linear probing). */
  private find(h: number, l: number): number {
    const mask = this.rows.length - 1;
    let slot = l & mask;
    while (this.rows[slot] && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow() {
    const { hi, lo, rows } = this;
    this.hi = new Int32Array(rows.length * 2);
    this.lo = new Int32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let s = 0; s < rows.length; s++) {
      if (!rows[s]) continue;
      const slot = this.find(hi[s], lo[s]);
      this.hi[slot] = hi[s];
      this.lo[slot] = lo[s];
      this.rows[slot] = rows[s];
    }
  }
}
