// The HQ's and a branch's run by department results (科室绩效): a card per department with its indicators of the month
// against last year's same month (drug share, cost per stay, referrals down: figure, target, score), its score, people,
// points and share of the pool, and its people under it (post, title, base points, grade, points, amounts).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Json } from '../../../../api/core/json';
import type { LineDepartmentTrace, PayRun, PayRunDepartment } from '../../../../api/pay';
import { apiGet, yuan } from '../../finance/api';
import { LineTable, type Line, type LineColumn } from './LineTable';

type Department = Json<PayRunDepartment>;
type RunRead = Json<PayRun> & { lines?: Line[]; departments?: Department[] };

const percent = (v: string | null) => (v === null ? '—' : `${(Number(v) * 100).toFixed(1)}%`);
const money = (v: string | null) => (v === null ? '—' : yuan(v));
const count = (v: number | null) => (v === null ? '—' : String(v));
/** An indicator's figure as its card shows it: a share in %, a cost in yuan, a count. */
const figure = (k: LineDepartmentTrace['indicators'][number]['indicator'], v: string | number | null) =>
  v === null ? '—' : k === 'drug_share' ? percent(String(v)) : k === 'cost_per_stay' ? money(String(v)) : String(v);

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

/**
 * A department line's drill-down: the line's amount traced to the department's indicators — the figure read, the target,
 * the score, the weight applied, the weighted term and the part of the amount (∝ weight × score), adding up to it.
 */
const DepartmentLineDrill = ({ runId, line, onClose }: { runId: number; line: Line; onClose: () => void }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`pay.department.${k}`, o);
  const { data } = useQuery({
    queryKey: ['pay-line', runId, line.id],
    queryFn: () => apiGet<{ department: LineDepartmentTrace | null }>(`/pay-runs/${runId}/lines/${line.id}`),
  });
  const d = data?.department;
  const cols = ['indicator', 'actual', 'target', 'score', 'weight', 'weighted', 'part'] as const;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        {translate('pay.drill')} · {line.name}
      </DialogTitle>
      <DialogContent>
        {d ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="pay-line-department">
              {t('line_chain', {
                pool: yuan(d.pool),
                name: d.name,
                score: d.score,
                dept_points: Number(d.points).toFixed(2),
                dept_amount: yuan(d.amount),
                points: Number(line.points).toFixed(2),
                amount: yuan(line.amount),
              })}
            </Typography>
            <Table size="small" data-testid="pay-line-indicators">
              <TableHead>
                <TableRow>
                  {cols.map((c) => (
                    <TableCell key={c} align={c === 'indicator' ? 'left' : 'right'}>
                      {t(c)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {d.indicators.map((i) => (
                  <TableRow key={i.indicator}>
                    <TableCell>{t(i.indicator)}</TableCell>
                    <TableCell align="right">{figure(i.indicator, i.actual)}</TableCell>
                    <TableCell align="right">{figure(i.indicator, i.target)}</TableCell>
                    <TableCell align="right">{i.score}</TableCell>
                    <TableCell align="right">{i.weight}%</TableCell>
                    <TableCell align="right">{i.weighted}</TableCell>
                    <TableCell align="right">{yuan(i.amount)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell colSpan={5}>
                    <b>{t('total')}</b>
                  </TableCell>
                  <TableCell align="right">
                    <b>{d.score}</b>
                  </TableCell>
                  <TableCell align="right">
                    <b>{yuan(line.amount)}</b>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('pay.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** The run's departments, each with its indicators, score and share, its people under it (a row opens its drill-down); nothing on a township's run. */
export const Departments = () => {
  const run = useRecordContext<RunRead>();
  const translate = useTranslate();
  const [open, setOpen] = useState<Line | null>(null);
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
            <LineTable
              lines={run.lines!.filter((l) => l.department_id === d.department_id)}
              cols={PEOPLE_COLUMNS}
              testId="pay-department-people"
              onOpen={setOpen}
            />
          </CardContent>
        </Card>
      ))}
      {open && <DepartmentLineDrill runId={run.id} line={open} onClose={() => setOpen(null)} />}
    </>
  );
};
