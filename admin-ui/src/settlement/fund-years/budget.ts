// The fund year's budget as the server computes it (api/settlement/fundYears/rules.ts budgetOf), for the
// live preview on the edit form: round2((premium − catastrophic − outpatient) × ratio), in
// BigInt fen with the ratio as an exact decimal fraction, half away from zero.
import { inputText } from '../../shared/inputText';

/** "1234.5" → 123450n; null when not an amount with at most two decimals. */
export function fenOf(v: unknown): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(inputText(v).trim());
  if (!m) return null;
  const f = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -f : f;
}

/** "0.9" → {num: 9n, den: 10n}; null when not a decimal. */
function ratioOf(v: unknown): { num: bigint; den: bigint } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(inputText(v).trim());
  if (!m) return null;
  const decimals = m[2] ?? '';
  return { num: BigInt(m[1] + decimals), den: 10n ** BigInt(decimals.length) };
}

function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const q = ((neg ? -n : n) * 2n + d) / (d * 2n);
  return neg ? -q : q;
}

/** The budget in fen, or null while an input is not a valid amount / ratio. */
export function budgetFen(fy: { premium_total?: unknown; catastrophic_pool?: unknown; outpatient_pool?: unknown; bundle_ratio?: unknown }): bigint | null {
  const [p, c, o] = [fenOf(fy.premium_total), fenOf(fy.catastrophic_pool), fenOf(fy.outpatient_pool)];
  const r = ratioOf(fy.bundle_ratio);
  if (p === null || c === null || o === null || r === null) return null;
  return divRound((p - c - o) * r.num, r.den);
}

/** 123450n → "1,234.50" */
export function yuanText(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const whole = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${whole}.${(a % 100n).toString().padStart(2, '0')}`;
}
