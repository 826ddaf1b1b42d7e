// 人员花名册: the registry of a unit and everything below it, streamed row by row (the rows come
// from an async iterator reading the database in pages), so 50,000 people never sit in memory.
// The record's columns come from the HR field list (api/hr/staff/fields.ts), the licence flags follow.
import type { Writable } from 'node:stream';
import { STAFF_ROSTER_COLUMNS, type StaffRosterRow } from '../api/hr';
import { addSheet, day, streamingWorkbook, type SheetColumn } from './xlsx';

const columns: SheetColumn[] = [
  ...STAFF_ROSTER_COLUMNS.map(({ header, key, width, fmt }) => ({ header, key, width, fmt })),
  { header: '执业证书到期', key: 'licence_expires_on', fmt: 'date' },
  { header: '证书已过期', key: 'licence_expired', width: 10 },
];
const dates = columns.filter((c) => c.fmt === 'date').map((c) => c.key);

export async function writeStaffRoster(out: Writable, unitName: string, rows: AsyncIterable<StaffRosterRow>) {
  const wb = streamingWorkbook(out);
  const sheet = addSheet(wb, '人员花名册', columns);
  sheet.headerFooter = { oddHeader: `&C${unitName} 人员花名册` };
  for await (const r of rows) {
    sheet.addRow({ ...r, ...Object.fromEntries(dates.map((k) => [k, day(r[k] as string | null)])), licence_expired: r.licence_expired ? '是' : '' }).commit();
  }
  sheet.commit();
  await wb.commit();
}
