// A run's lines as a table of the columns asked for: a township's run shows every figure between the work and the
// amount (a row opens its drill-down); a department of the HQ's or a branch's run shows its people's base part and pay.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Json } from '../../../../api/core/json';
import type { PayLine } from '../../../../api/pay';
import { PAY_GRADE, PAY_POST, PAY_TITLE_LEVEL } from '../../../../api/pay/enums';
import { yuan } from '../../finance/api';

export type Line = Json<PayLine>;
export type LineColumn =
  | 'name'
  | 'post'
  | 'title_level'
  | 'base_points'
  | 'gross_points'
  | 'missed_tasks'
  | 'deduction_points'
  | 'control_rate'
  | 'quality_factor'
  | 'unit_quality_score'
  | 'unit_quality_points'
  | 'grade'
  | 'grade_factor'
  | 'points'
  | 'amount'
  | 'risk_contribution'
  | 'risk_return'
  | 'net_amount'
  | 'rotation_top_up';

const MONEY = new Set<LineColumn>(['amount', 'risk_contribution', 'risk_return', 'net_amount', 'rotation_top_up']);
// text on the left, figures on the right; a name stays on one line
const TEXT = new Set<LineColumn>(['name', 'grade', 'post', 'title_level']);

export const LineTable = ({ lines, cols, testId, onOpen }: { lines: Line[]; cols: readonly LineColumn[]; testId: string; onOpen?: (l: Line) => void }) => {
  const translate = useTranslate();
  const cell = (l: Line, c: LineColumn) =>
    c === 'name'
      ? l.rotation_id === null
        ? l.name
        : `${l.name}（${translate('pay.rotation.tag')}）`
      : c === 'grade'
        ? PAY_GRADE.has(l.grade) && translate(`enums.pay_grade.${l.grade}`)
        : c === 'post'
          ? PAY_POST.has(l.post) && translate(`enums.pay_post.${l.post}`)
          : c === 'title_level'
            ? PAY_TITLE_LEVEL.has(l.title_level) && translate(`enums.pay_title_level.${l.title_level}`)
            : MONEY.has(c)
              ? yuan(l[c])
              : c === 'points'
                ? Number(l.points).toFixed(2)
                : c === 'control_rate'
                  ? l.control_rate === null
                    ? '—'
                    : `${(Number(l.control_rate) * 100).toFixed(1)}%`
                  : c === 'unit_quality_score'
                    ? (l.unit_quality_score ?? '—')
                    : l[c];
  const align = (c: LineColumn) => (TEXT.has(c) ? 'left' : 'right');
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          {cols.map((c) => (
            <TableCell key={c} align={align(c)}>
              {translate(`pay.line.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.id} hover={!!onOpen} sx={onOpen ? { cursor: 'pointer' } : undefined} onClick={onOpen && (() => onOpen(l))}>
            {cols.map((c) => (
              <TableCell key={c} align={align(c)} sx={c === 'name' ? { whiteSpace: 'nowrap' } : undefined}>
                {cell(l, c) ?? ''}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
