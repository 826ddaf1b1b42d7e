// The xlsx reader of the imports: every Chinese character read back as written, however the inflated
// chunks cut it (exceljs' streamed reader turned 13 of 100,000 rows' 门诊 or 注射 into U+FFFD), and each
// kind of cell as the imports expect it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { xlsxRows, type XlsxCell } from './xlsxRows';

const tmp = (name: string) => path.join(os.tmpdir(), `xlsx-rows-${process.pid}-${name}.xlsx`);

async function readAll(file: string) {
  const rows: { row: number; values: XlsxCell[] }[] = [];
  for await (const r of xlsxRows(file)) rows.push(r);
  return rows;
}

describe('xlsxRows: the first sheet of an xlsx file, streamed', () => {
  const files: string[] = [];
  after(() => files.forEach((f) => fs.rmSync(f, { force: true })));

  it('reads 20,000 rows of Chinese text (inline strings) exactly as written', async () => {
    const file = tmp('inline');
    files.push(file);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = wb.addWorksheet('处方');
    const words = ['门诊', '注射', '急性上呼吸道感染', '阿莫西林', '钙通道阻滞剂', '高血压𠮷'];
    const expected: XlsxCell[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const values = [`BX-${i}`, words[i % words.length], words[(i * 7) % words.length] + i, i % 13 === 0 ? 0.5 : i, `医师${i % 200}`];
      expected.push(values);
      sheet.addRow(values).commit();
    }
    sheet.commit();
    await wb.commit();
    const rows = await readAll(file);
    expect(rows.length).to.equal(20_000);
    const wrong = rows.filter((r, i) => r.row !== i + 1 || JSON.stringify(r.values) !== JSON.stringify(expected[i]));
    expect(wrong.slice(0, 3)).to.deep.equal([]);
  });

  it('gives each kind of cell as the imports expect: shared and rich text, numbers, booleans, dates as serial days, formulas by result, errors, gaps', async () => {
    const file = tmp('kinds');
    files.push(file);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('claims');
    wb.addWorksheet('second'); // only the first sheet is read
    sheet.addRow(['claim_no', '金额', 'paid', 'on', 'total', 'err', 'rich']);
    sheet.getCell('A2').value = 'A&B <门诊> "x"';
    sheet.getCell('B2').value = 1234.56;
    sheet.getCell('C2').value = true;
    sheet.getCell('D2').value = new Date(Date.UTC(2026, 9, 5));
    sheet.getCell('E2').value = { formula: 'B2*2', result: 2469.12 };
    sheet.getCell('F2').value = { error: '#N/A' };
    sheet.getCell('G2').value = { richText: [{ text: '急性' }, { text: '感染', font: { bold: true } }] };
    sheet.getCell('C4').value = '第四行'; // row 3 missing, A4 and B4 empty
    await wb.xlsx.writeFile(file);
    const rows = await readAll(file);
    expect(rows.map((r) => r.row)).to.deep.equal([1, 2, 4]);
    expect(rows[1].values).to.deep.equal(['A&B <门诊> "x"', 1234.56, true, 46300, 2469.12, '#N/A', '急性感染']);
    expect(rows[2].values.length).to.equal(3);
    expect(rows[2].values[2]).to.equal('第四行');
    expect(rows[2].values[0]).to.equal(undefined);
  });

  it('refuses a file that is not a workbook, saying why', async () => {
    const file = tmp('not');
    files.push(file);
    fs.writeFileSync(file, 'prescription_no,unit_code\nBX-1,HQ\n');
    const err = await readAll(file).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).to.match(/not a zip file/);
  });
});
