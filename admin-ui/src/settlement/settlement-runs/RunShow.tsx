// 结算批次: every figure of the run (or of an earlier calculation), its versions and history,
// and the steps calculate / recalculate (with a reason) / review / approve / comment, each shown
// only to who may take it now (role, state, and four eyes for approving).
import { useState } from 'react';
import { Alert, Box, Button, Card, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, Title, useCanAccess, useNotify, useRefresh, useShowController, useTranslate } from 'react-admin';
import { apiGet, apiPost, yuan } from '../../finance/api';
import { isPartial } from '../../shared/fullRecord';
import { downloadReport } from '../../finance/download';
import { storedUser } from '../../session';
import {
  AllocationBars,
  AllocationTable,
  GatesTable,
  GroupIndicators,
  KeyFigures,
  MonthChart,
  OverspendSlices,
  SpendingTable,
  UnitIndicatorsTable,
} from '../Figures';
import { pct, type AdvancesView, type RunDetail, type RunFigures, type RunInputs } from '../types';
import { AdvancesCard } from '../AdvancesCard';
import { WhatIfPanel } from './WhatIf';
import { refusalText } from '../problems';
import { RunInputsCard } from './RunInputs';
import { DifferenceCard } from './DifferenceCard';
import { TextDialog } from '../../shared/TextDialog';
import { isEstimate } from '../../../../api/settlement/runs/estimate';

type Step = 'calculate' | 'recalculate' | 'review' | 'approve' | 'comment';
const PATHS: Record<Step, string> = { calculate: 'calculate', recalculate: 'calculate', review: 'review', approve: 'approve', comment: 'comments' };

const StepDialog = ({ run, step, onClose }: { run: RunDetail; step: Step; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const field = step === 'recalculate' ? 'reason' : 'comment';
  const send = async (text: string) => {
    await apiPost(`/settlement-runs/${run.id}/${PATHS[step]}`, text ? { [field]: text } : {});
    notify(translate('settlement.run.done', { action: translate(`settlement.run.${step}`) }), { type: 'success' });
    refresh();
    onClose();
  };
  return (
    <TextDialog
      testId={`dialog-${step}`}
      ids={{ text: 'step-text', error: 'step-error', submit: 'step-submit' }}
      title={`${translate(`settlement.run.${step}`)} — ${run.period}`}
      help={step === 'approve' ? translate('settlement.run.four_eyes') : undefined}
      label={translate(step === 'recalculate' ? 'settlement.run.reason' : 'settlement.run.comment_label')}
      required={step === 'recalculate' || step === 'review' || step === 'comment'}
      cancelLabel={translate('settlement.run.cancel')}
      submitLabel={translate('settlement.run.submit')}
      send={send}
      refusal={(e) => refusalText(e, translate)}
      onClose={onClose}
    />
  );
};

/** The steps the user may take on this run now. */
function useSteps(run: RunDetail | undefined): Step[] {
  const may = {
    calculate: useCanAccess({ resource: 'settlement-runs', action: 'calculate' }).canAccess === true,
    review: useCanAccess({ resource: 'settlement-runs', action: 'review' }).canAccess === true,
    approve: useCanAccess({ resource: 'settlement-runs', action: 'approve' }).canAccess === true,
    comment: useCanAccess({ resource: 'settlement-runs', action: 'comment' }).canAccess === true,
  };
  // a list row (lean, no `allowed`) stands in until the run's own read arrives
  if (!run || isPartial(run)) return [];
  if (run.superseded_by_id) return may.comment ? ['comment'] : [];
  const steps: Step[] = [];
  if (may.calculate && run.allowed.includes('calculate')) steps.push(run.status === 'draft' ? 'calculate' : 'recalculate');
  if (may.review && run.allowed.includes('review')) steps.push('review');
  // four eyes: the reviewer does not see the approve button
  if (may.approve && run.allowed.includes('approve') && run.reviewed_by !== storedUser()?.id) steps.push('approve');
  if (may.comment) steps.push('comment');
  return steps;
}

const Figures = ({ f, advances }: { f: RunFigures; advances?: AdvancesView | null }) => {
  const estimate = isEstimate(f);
  return (
    <>
      <KeyFigures f={f} />
      {advances && <AdvancesCard advances={advances} />}
      <MonthChart months={f.spending.by_month} />
      <SpendingTable cells={f.spending.by_class_and_care} byClass={f.spending.by_provider_class} byCare={f.spending.by_care_type} total={f.spending.total} />
      <OverspendSlices f={f} />
      <GatesTable gates={f.gates} satisfaction={f.satisfaction} />
      <GroupIndicators f={f} />
      <UnitIndicatorsTable units={f.unit_indicators} />
      {f.allocations.length > 0 && (
        <>
          <AllocationBars allocations={f.allocations} estimate={estimate} />
          <AllocationTable allocations={f.allocations} pools={f.pools} estimate={estimate} />
        </>
      )}
    </>
  );
};

export const RunShow = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`settlement.run.${k}`, o);
  const { record, isPending, error } = useShowController<RunDetail & { id: number }>();
  const [step, setStep] = useState<Step | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [whatIf, setWhatIf] = useState(false);
  const steps = useSteps(record);
  const shown = viewing !== null && record && viewing !== record.version ? viewing : null;
  const version = useQuery({
    queryKey: ['settlement-run-version', record?.id, shown],
    enabled: shown !== null,
    queryFn: () => apiGet<RunInputs & { figures: RunFigures }>(`/settlement-runs/${record!.id}/versions/${shown}`),
  });
  if (isPending || isPartial(record)) return <Loading />;
  if (error || !record) return <Typography color="error">{String(error)}</Typography>;
  const figures = shown === null ? record.figures : version.data?.figures;
  const inputs = shown === null ? record : version.data;
  return (
    <Box sx={{ p: 2 }} data-testid="run-show">
      <Title title={`${translate('resources.settlement-runs.name')} ${record.period}`} />
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5">
          {figures?.region ?? ''} {record.period}
        </Typography>
        <Chip label={translate(`enums.run_kind.${record.kind}`)} />
        {figures && isEstimate(figures) && <Chip color="warning" variant="outlined" label={translate('settlement.estimate')} data-testid="run-estimate" />}
        <Chip
          color={record.status === 'approved' ? 'success' : record.status === 'reviewed' ? 'info' : 'default'}
          label={translate(`enums.run_status.${record.status}`)}
          data-testid="run-status"
          data-status={record.status}
        />
        <Chip variant="outlined" label={t('version_n', { n: record.version })} data-testid="run-version" />
        {record.superseded_by_id && (
          <Link to={`/settlement-runs/${record.superseded_by_id}/show`}>
            <Chip color="warning" label={t('superseded', { id: record.superseded_by_id })} />
          </Link>
        )}
        {record.supersedes_id && (
          <Link to={`/settlement-runs/${record.supersedes_id}/show`}>
            <Chip variant="outlined" label={t('supersedes', { id: record.supersedes_id })} />
          </Link>
        )}
        <Box sx={{ flex: 1 }} />
        {steps.map((s) => (
          <Button key={s} variant={s === 'comment' ? 'outlined' : 'contained'} onClick={() => setStep(s)} data-testid={`step-${s}`}>
            {t(s)}
          </Button>
        ))}
        {record.figures && (
          <Button variant="outlined" onClick={() => setWhatIf(true)} data-testid="what-if-open">
            {translate('settlement.what_if.open')}
          </Button>
        )}
        {record.figures && (
          <Button
            startIcon={<DownloadIcon />}
            onClick={() =>
              downloadReport(`/reports/settlement/${record.id}.xlsx`, `settlement-${record.period}-run${record.id}.xlsx`).catch((e) =>
                notify(String(e), { type: 'error' }),
              )
            }
            data-testid="download"
          >
            {t('download')}
          </Button>
        )}
      </Stack>
      {record.reason && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('resources.settlement-runs.fields.reason')}：{record.reason}
        </Alert>
      )}
      {whatIf && record.figures && <WhatIfPanel runId={record.id} fundYearId={record.fund_year_id} onClose={() => setWhatIf(false)} />}
      {shown !== null && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={<Button onClick={() => setViewing(null)}>{t('current_version')}</Button>}
          data-testid="viewing-version"
        >
          {t('viewing_version', { n: shown })}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: 'flex-start', mb: 2 }}>
        <Card sx={{ flex: 1 }} data-testid="versions">
          <CardHeader title={t('versions')} />
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell align="right">{translate('settlement.surplus')}</TableCell>
                <TableCell align="right">{translate('settlement.surplus_rate')}</TableCell>
                <TableCell>{translate('resources.settlement-runs.fields.reason')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {record.versions.map((v) => (
                <TableRow key={v.version} selected={(shown ?? record.version) === v.version} data-testid={`version-${v.version}`}>
                  <TableCell>
                    {v.version}
                    {v.version === record.version ? `（${t('current_version')}）` : ''}
                  </TableCell>
                  <TableCell align="right">{yuan(v.surplus)}</TableCell>
                  <TableCell align="right">{pct(v.surplus_rate)}</TableCell>
                  <TableCell>
                    {v.reason ?? ''}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {v.calculated_by_name} {new Date(v.calculated_at).toLocaleString('zh-CN')}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setViewing(v.version)}>
                      {t('view')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card sx={{ flex: 1 }} data-testid="history">
          <CardHeader title={t('history')} />
          <Table size="small">
            <TableBody>
              {record.events.map((e) => (
                <TableRow key={e.id} data-testid={`event-${e.action}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(e.at).toLocaleString('zh-CN')}</TableCell>
                  <TableCell>
                    <strong>{translate(`settlement.event.${e.action}`, { _: e.action })}</strong>
                    {e.version ? ` · ${t('version_n', { n: e.version })}` : ''} · {e.actor_name}
                    {e.comment && (
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                        {e.comment}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </Stack>
      {inputs && <RunInputsCard inputs={inputs.inputs} input_changes={inputs.input_changes} inputs_compared_with={inputs.inputs_compared_with} />}
      {record.supersedes_id && record.figures && shown === null && <DifferenceCard runId={record.id} />}
      {figures ? (
        <Figures f={figures} advances={shown === null ? record.advances : null} />
      ) : shown !== null ? (
        <Loading />
      ) : (
        <Alert severity="info">{translate('settlement.no_run')}</Alert>
      )}
      {step && <StepDialog run={record} step={step} onClose={() => setStep(null)} />}
    </Box>
  );
};
