// A pay run: its pool and point value, the step the user may take next, a line per person and,
// on a line, the follow-ups, contracts and missed tasks behind its points (residents masked); a
// correction's version, reason and difference against the version it supersedes, and the 更正 button.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DateField,
  HttpError,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { PAY_RUN_STATUS, type PayRunStatus } from '../../../../api/pay/enums';
import type { Json } from '../../../../api/core/json';
import type { PayLineItem, PayRun, PayRunDepartment } from '../../../../api/pay';
import { apiGet, apiPost, can, yuan } from '../../finance/api';
import { PayRunTraceButtons } from '../trace/PayRunTrace';
import { CorrectButton, DifferenceCard, VersionNote } from './Correction';
import { Departments, isDepartmentRun } from './Departments';
import { LineTable, type Line, type LineColumn } from './LineTable';

type RunRead = Json<PayRun> & { lines?: Line[]; departments?: Json<PayRunDepartment>[] };
type Step = 'calculate' | 'review' | 'approve' | 'lock';
const NEXT: Partial<Record<PayRunStatus, Step[]>> = { draft: ['calculate'], calculated: ['calculate', 'review'], reviewed: ['approve'], approved: ['lock'] };
const STATUS_CHOICES = PAY_RUN_STATUS.choices();

const StepButtons = () => {
  const run = useRecordContext<RunRead>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!run) return null;
  const take = async (step: Step) => {
    try {
      await apiPost(`/pay-runs/${run.id}/${step}`);
      notify(translate('pay.done', { step: translate(`pay.action.${step}`) }), { type: 'success' });
      refresh();
    } catch (e) {
      const body = e instanceof HttpError ? (e.body as { details?: { rule?: string }[] } | undefined) : undefined;
      const rule = body?.details?.find((d) => d.rule)?.rule ?? 'other';
      notify(`pay.refused.${rule}`, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      {(NEXT[run.status] ?? [])
        .filter((s) => can('pay-runs', s))
        .map((s) => (
          <Button key={s} variant="contained" onClick={() => void take(s)} data-testid={`pay-${s}`}>
            {translate(`pay.action.${s}`)}
          </Button>
        ))}
    </Stack>
  );
};

const LineDrill = ({ runId, line, onClose }: { runId: number; line: Line; onClose: () => void }) => {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['pay-line', runId, line.id],
    queryFn: () =>
      apiGet<{ quality_unit_name: string | null; home_unit_name: string | null; items: Json<PayLineItem>[] }>(`/pay-runs/${runId}/lines/${line.id}`),
  });
  // the line's quality adjustment: the unit whose quality score applied, the score, the points ±
  const quality =
    line.unit_quality_score === null
      ? translate('pay.quality.none')
      : translate('pay.quality.scored', { unit: data?.quality_unit_name ?? '', score: line.unit_quality_score, points: line.unit_quality_points });
  const cols = ['on', 'kind', 'ref_id', 'type', 'resident', 'points'] as const;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        {translate('pay.drill')} · {line.name}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="pay-line-quality">
          {quality}
        </Typography>
        {line.rotation_id !== null && (
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="pay-line-rotation">
            {translate('pay.rotation.note', { unit: data?.home_unit_name ?? '', top_up: yuan(line.rotation_top_up) })}
          </Typography>
        )}
        <Table size="small" data-testid="pay-items">
          <TableHead>
            <TableRow>
              {cols.map((c) => (
                <TableCell key={c}>{translate(`pay.item.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.items ?? []).map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.on}</TableCell>
                <TableCell>{translate(`enums.pay_item_kind.${i.kind}`)}</TableCell>
                <TableCell>{i.ref_id}</TableCell>
                <TableCell>{translate(i.kind === 'contract' ? `enums.package.${i.type}` : `enums.followup_type.${i.type}`)}</TableCell>
                <TableCell>{i.resident ?? ''}</TableCell>
                <TableCell align="right">{i.points}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('pay.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** Every figure between the work and the amount; a row opens the work behind it. */
const TOWNSHIP_COLUMNS: readonly LineColumn[] = [
  'name',
  'post',
  'title_level',
  'base_points',
  'gross_points',
  'missed_tasks',
  'deduction_points',
  'control_rate',
  'quality_factor',
  'unit_quality_score',
  'unit_quality_points',
  'grade',
  'grade_factor',
  'points',
  'amount',
  'risk_contribution',
  'risk_return',
  'net_amount',
  'rotation_top_up',
];

const Lines = () => {
  const run = useRecordContext<RunRead>();
  const [open, setOpen] = useState<Line | null>(null);
  // the list's row stands in for the run until its page is read: it has no lines yet; an HQ's or branch's run shows its lines by department
  if (!run?.lines || isDepartmentRun(run)) return null;
  return (
    <>
      <LineTable lines={run.lines} cols={TOWNSHIP_COLUMNS} testId="pay-lines" onOpen={setOpen} />
      {open && <LineDrill runId={run.id} line={open} onClose={() => setOpen(null)} />}
    </>
  );
};

export const PayRunShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="org_unit_id" reference="org-units" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <DateField source="month" options={{ year: 'numeric', month: 'long' }} />
      <SelectField source="status" choices={STATUS_CHOICES} />
      <VersionNote />
      <NumberField source="budgeted_fund" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="settlement_share" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="pool" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="total_points" options={{ maximumFractionDigits: 2 }} />
      <NumberField source="point_value" options={{ maximumFractionDigits: 4 }} />
      <NumberField source="risk_contributions" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="risk_returns" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="net_paid" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="rotation_top_ups" options={{ minimumFractionDigits: 2 }} emptyText="—" />
      <TextField source="reviewed_by_name" emptyText="—" />
      <TextField source="approved_by_name" emptyText="—" />
      <Stack direction="row" spacing={1}>
        <StepButtons />
        <CorrectButton />
      </Stack>
      <PayRunTraceButtons />
      <DifferenceCard />
      <Departments />
      <Lines />
    </SimpleShowLayout>
  </Show>
);
