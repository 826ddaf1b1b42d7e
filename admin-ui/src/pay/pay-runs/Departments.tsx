// The HQ's and a branch's run by department results (科室绩效): a card per department with its indicators of the month
// against last year's same month (drug share, cost per stay, referrals down: figure, target, score), its score, people,
// points and share of the pool, and its people under it (post, title, base points, grade, points, amounts).
import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Json } from '../../../../api/core/json';
import type { PayRun, PayRunDepartment } from '../../../../api/pay';
import { yuan } from '../../finance/api';
import { LineTable, type Line, type LineColumn } from './LineTable';

type Department = Json<PayRunDepartment>;
type RunRead = Json<PayRun> & { lines?: Line[]; departments?: Department[] };

const percent = (v: string | null) => (v === null ? '—' : `${(Number(v) * 100).toFixed(1)}%`);
const money = (v: string | null) => (v === null ? '—' : yuan(v));
const count = (v: number | null) => (v === null ? '—' : String(v));

/** Whether the run is paid by department results (it has a row per department). */
export const isDepartmentRun = (run: RunRead | undefined) => (run?.departments?.length ?? 0) > 0;

const Indicators = ({ d }: { d: Department }) => {
  const translate = useTranslate();
  const rows = [
    ['drug_share', percent(d.drug_share), percent(d.drug_share_target), d.drug_share_score],
    ['cost_per_stay', money(d.cost_per_stay), money(d.cost_per_stay_target), d.cost_per_stay_score],
    ['referrals', count(d.referrals), count(d.referrals_target), d.referrals_score],
  ] as const;
  return (
    <Table size="small" data-testid="pay-department-indicators">
      <TableHead>
        <TableRow>
          {(['indicator', 'actual', 'target', 'score'] as const).map((c) => (
            <TableCell key={c} align={c === 'indicator' ? 'left' : 'right'}>
              {translate(`pay.department.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([k, actual, target, score]) => (
          <TableRow key={k}>
            <TableCell>{translate(`pay.department.${k}`)}</TableCell>
            <TableCell align="right">{actual}</TableCell>
            <TableCell align="right">{target}</TableCell>
            <TableCell align="right">{score}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A department's people: the base part by post and title, the grade, their share and what is paid. */
const PEOPLE_COLUMNS: readonly LineColumn[] = [
  'name',
  'post',
  'title_level',
  'base_points',
  'grade',
  'grade_factor',
  'points',
  'amount',
  'risk_contribution',
  'risk_return',
  'net_amount',
];

/** The run's departments, each with its indicators, score and share, its people under it; nothing on a township's run. */
export const Departments = () => {
  const run = useRecordContext<RunRead>();
  const translate = useTranslate();
  if (!run?.lines || !isDepartmentRun(run)) return null;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate('pay.department.note')}
      </Typography>
      {run.departments!.map((d) => (
        <Card key={d.id} variant="outlined" sx={{ mb: 2 }} data-testid="pay-department">
          <CardHeader
            title={d.name}
            subheader={translate('pay.department.summary', { score: d.score, people: d.people, points: Number(d.points).toFixed(2), amount: yuan(d.amount) })}
          />
          <CardContent>
            <Indicators d={d} />
            <LineTable lines={run.lines!.filter((l) => l.department_id === d.department_id)} cols={PEOPLE_COLUMNS} testId="pay-department-people" />
          </CardContent>
        </Card>
      ))}
    </>
  );
};
