// Type parsers for list pages served as plain rows: timestamptz is read straight into the ISO
// text the API answers with (what Date#toJSON would print), instead of into a Date that JSON
// then turns back into text — for a page of referrals that round trip is most of the JSON work.
// Everything else parses as usual. Passed per query (pg's `types` option), so domain code that
// reads timestamps still gets Dates.
import pg from 'pg';

const TIMESTAMPTZ = 1184;
// PostgreSQL's text output in UTC: 2026-11-26 05:53:15.489+00 (0–6 fraction digits)
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/** One timestamptz in PostgreSQL's text output as Date#toJSON prints it (ms precision, Z). */
export function isoFromPg(text: string): string | null {
  const m = UTC_TEXT.exec(text);
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  // another session time zone, or a year outside 0000–9999: the ordinary parser decides
  const parsed = pg.types.getTypeParser(TIMESTAMPTZ, 'text')(text) as Date;
  return parsed.toJSON();
}

export const isoTimestampTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary' ? isoFromPg : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};
