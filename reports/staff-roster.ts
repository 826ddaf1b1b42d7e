// 人员花名册: the registry of a unit and everything below it, streamed row by row (the rows come
// from an async iterator reading the database in pages), so 50,000 people never sit in memory.
import type { Writable } from 'node:stream';
import type { StaffRosterRow } from '../api/hr';
import { addSheet, day, streamingWorkbook } from './xlsx';

export async function writeStaffRoster(out: Writable, unitName: string, rows: AsyncIterable<StaffRosterRow>) {
  const wb = streamingWorkbook(out);
  const sheet = addSheet(wb, '人员花名册', [
    { header: '编号', key: 'id', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'sex', width: 6 },
    { header: '出生日期', key: 'birth_date', fmt: 'date' },
    { header: '身份证号', key: 'id_number_masked', width: 20 },
    { header: '人员类别', key: 'category', width: 10 },
    { header: '职称', key: 'title', width: 12 },
    { header: '用工形式', key: 'employment_type', width: 10 },
    { header: '聘用单位', key: 'employer', width: 24 },
    { header: '工作单位', key: 'work_unit', width: 24 },
    { header: '科室', key: 'department', width: 14 },
    { header: '入职日期', key: 'hire_date', fmt: 'date' },
    { header: '状态', key: 'status', width: 8 },
    { header: '执业证书到期', key: 'licence_expires_on', fmt: 'date' },
    { header: '证书已过期', key: 'licence_expired', width: 10 },
  ]);
  sheet.headerFooter = { oddHeader: `&C${unitName} 人员花名册` };
  for await (const r of rows) {
    sheet
      .addRow({
        ...r,
        birth_date: day(r.birth_date),
        hire_date: day(r.hire_date),
        licence_expires_on: day(r.licence_expires_on),
        licence_expired: r.licence_expired ? '是' : '',
      })
      .commit();
  }
  sheet.commit();
  await wb.commit();
}
