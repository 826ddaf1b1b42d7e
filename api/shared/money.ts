// Money as integer fen (分) in BigInt: exact sums, never float arithmetic.
// The database holds numeric(14,2); the API answers decimal strings with two places.

export type Fen = bigint;

const MONEY = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" | 1234.5 (two places at most) → 123450n; anything else throws RangeError. */
export function toFen(value: string | number): Fen {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = MONEY.exec(text);
  if (!m) throw new RangeError(`not an amount with at most two decimals: ${value}`);
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

// numbers come from spreadsheets; accept only those whose decimal text has ≤ 2 places
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite amount: ${n}`);
  return String(Math.round(n * 100) / 100 === n ? n : n.toFixed(10).replace(/0+$/, ''));
}

/** 123450n → "1234.50" */
export function fromFen(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export const sumFen = (values: Iterable<Fen>): Fen => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};

/** Integer division rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const neg = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (an * 2n + ad) / (ad * 2n);
  return neg ? -q : q;
}

/** A decimal ratio ("0.90", 0.05) as a fraction of bigints, exact. */
export function ratio(value: string | number): { num: bigint; den: bigint } {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal ratio: ${value}`);
  const decimals = m[3] ?? '';
  const num = BigInt(m[2] + decimals) * (m[1] ? -1n : 1n);
  return { num, den: 10n ** BigInt(decimals.length) };
}

/** fen × ratio, rounded half away from zero to the fen. */
export function mulRatio(fen: Fen, r: string | number): Fen {
  const { num, den } = ratio(r);
  return divRound(fen * num, den);
}

/**
 * Splits `total` fen in proportion to `weights` (non-negative numbers) so that the parts add
 * up to `total` exactly: each part gets its floor, the fen left over go one by one to the
 * largest remainders, ties to the earlier index (callers order by their own tie-break).
 */
export function splitByLargestRemainder(total: Fen, weights: readonly number[]): Fen[] {
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0)
    return splitByLargestRemainder(
      total,
      weights.map(() => 1),
    );
  // scale weights to integers so the arithmetic stays exact
  const SCALE = 1_000_000_000_000n;
  const scaled = weights.map((w) => BigInt(Math.round((w / sum) * Number(SCALE))));
  const scaledSum = scaled.reduce((a, b) => a + b, 0n);
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const floors = scaled.map((s) => (abs * s) / scaledSum);
  const remainders = scaled.map((s, i) => ({ i, rem: (abs * s) % scaledSum }));
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map((f) => f * sign);
}
