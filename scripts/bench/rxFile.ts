// The prescription file of the pharmacy bench (issue 21) and its phase profile: `rows` rows, one per
// drug — prescriptions of one to five drugs across the HQ, the branches and 30 townships, a month —
// written by exceljs' streamed writer (inline strings, as many exporters write them).
import ExcelJS from 'exceljs';
import { RX_COLUMNS } from '../../api/pharmacy/rules';

const DRUGS: [string, string, string, string, string, string][] = [
  ['阿莫西林', '青霉素类', '是', '口服', '0.5', 'g'],
  ['硝苯地平', '钙通道阻滞剂', '否', '口服', '30', 'mg'],
  ['二甲双胍', '双胍类', '否', '口服', '0.5', 'g'],
  ['地塞米松', '糖皮质激素', '否', '注射', '5', 'mg'],
  ['布洛芬', '解热镇痛药', '否', '口服', '0.3', 'g'],
];
const UNITS = ['HQ', 'B1', 'B2', 'B3', ...Array.from({ length: 30 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`)];

/** Writes the file; answers how many prescriptions it holds. */
export async function writeRxFile(file: string, rows: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('prescriptions');
  sheet.addRow(RX_COLUMNS.map(([k]) => k)).commit();
  let rx = 0;
  for (let written = 0; written < rows; rx++) {
    const drugs = 1 + (rx % 5);
    const unit = UNITS[rx % UNITS.length];
    const day = `2026-10-${String(1 + (rx % 28)).padStart(2, '0')}`;
    const [code, text] = rx % 3 === 0 ? ['J06.9', '急性上呼吸道感染'] : ['I10', '高血压'];
    for (let s = 1; s <= drugs && written < rows; s++, written++) {
      const d = DRUGS[(rx + s) % DRUGS.length];
      sheet
        .addRow([
          `BX-${rx}`,
          unit,
          '内科',
          `医师${rx % 200}`,
          day,
          rx % 7 === 0 ? '住院' : '门诊',
          `P${rx % 50_000}`,
          20 + (rx % 60),
          rx % 2 ? 'M' : 'F',
          code,
          text,
          s,
          ...d,
          5,
        ])
        .commit();
    }
  }
  sheet.commit();
  await wb.commit();
  return rx;
}
