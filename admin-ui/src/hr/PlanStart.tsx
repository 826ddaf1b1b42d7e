// A year without a rotation plan (December is when group HR plans the next one): copy the
// year before's plan — same directions and quotas — or start an empty plan. Both are audited.
import { useState } from 'react';
import { Alert, Button, Stack } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import AddIcon from '@mui/icons-material/Add';
import { useCanAccess, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { problemText } from './problems';
import { shanghaiDate } from '../shared/time';
import type { RotationPlanRecord } from './records';

export const PlanStart = ({ year, onCreated }: { year: number; onCreated: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: 'rotation-plans', action: 'create' });
  const { data: before = [] } = useGetList<RotationPlanRecord>('rotation-plans', { filter: { year: year - 1 }, pagination: { page: 1, perPage: 1 } });
  const [problem, setProblem] = useState<string | null>(null);
  const from = before[0];
  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      notify('hr.planner.plan_created', { type: 'success', messageArgs: { year } });
      onCreated();
    } catch (e) {
      setProblem(problemText(e, translate));
    }
  };
  const thisYear = Number(shanghaiDate().slice(0, 4));
  return (
    <Alert severity="info" data-testid="no-plan">
      {translate('hr.planner.no_plan', { year })}
      {canAccess && from && (
        <>
          {'。'}
          {translate('hr.planner.no_plan_hint', { year: from.year })}
        </>
      )}
      {canAccess && (
        <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
          {from && (
            <Button
              variant="contained"
              size="small"
              startIcon={<ContentCopyIcon />}
              data-testid="copy-plan"
              onClick={() => void run(() => httpClient(`/api/rotation-plans/${from.id}/copy`, { method: 'POST', body: '{}' }))}
            >
              {from.year === thisYear ? translate('hr.planner.copy_this_year') : translate('hr.planner.copy_year', { year: from.year })}
            </Button>
          )}
          <Button
            variant="outlined"
            size="small"
            startIcon={<AddIcon />}
            data-testid="create-plan"
            onClick={() => void run(() => dataProvider.create('rotation-plans', { data: { year, quotas: {} } }))}
          >
            {translate('hr.planner.create_empty')}
          </Button>
        </Stack>
      )}
      {problem && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="plan-problem">
          {problem}
        </Alert>
      )}
    </Alert>
  );
};
