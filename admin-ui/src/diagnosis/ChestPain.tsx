// 胸痛绿色通道 on the request page: one tap starts it (the emergency up-referral carrying the request,
// the first-medical-contact time); then the case — the FMC clock ticking (red past its target, 90
// minutes to the balloon), the times recorded, and a button per time still open (recorded as now).
import FavoriteIcon from '@mui/icons-material/Favorite';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { formatTime } from '../shared/time';
import { useNow } from '../shared/useNow';
import type { ChestPainCaseRecord, DxRequestRecord } from './choices';
import { IdSelect } from './IdSelect';

const TIMES = ['arrival', 'door', 'balloon', 'fibrinolysis', 'transfer_out'] as const;

/** The minutes from the first medical contact: stopped once closed, else ticking from the page's load. */
const FmcClock = ({ c }: { c: ChestPainCaseRecord }) => {
  const translate = useTranslate();
  const now = useNow(15_000);
  const [loaded] = useState(() => Date.now());
  const minutes = c.clock.running ? Math.floor(c.clock.minutes + (now - loaded) / 60_000) : c.clock.minutes;
  const late = c.clock.target != null && minutes > c.clock.target;
  return (
    <Chip
      data-testid="fmc-clock"
      color={late ? 'error' : c.clock.running ? 'warning' : 'success'}
      label={translate(c.clock.running ? 'diagnosis.chest_pain.running' : `diagnosis.chest_pain.done_${c.outcome}`, { minutes })}
      sx={{ fontWeight: 'bold' }}
    />
  );
};

export const ChestPainCard = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [pci, setPci] = useState<number | null>(null);
  if (!r) return null;
  const c = r.chest_pain;
  const actions = r.chest_pain_actions ?? [];
  const post = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await httpClient(`/api/diagnosis-requests/${r.id}/${path}`, { method: 'POST', body: JSON.stringify(body) });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  if (!c) {
    if (!actions.includes('start')) return null;
    // the PCI hospital: the nearest unless another is chosen
    const hospitals = r.pci_hospitals ?? [];
    const chosen = pci ?? hospitals.find((h) => h.nearest)?.id ?? null;
    return (
      <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {hospitals.length > 1 && (
          <IdSelect label={translate('diagnosis.chest_pain.pci_hospital')} value={chosen} options={hospitals} onChange={setPci} testId="chest-pain-pci" />
        )}
        <Button
          data-testid="chest-pain-start"
          variant="contained"
          color="error"
          size="large"
          startIcon={<FavoriteIcon />}
          disabled={busy}
          onClick={() => void post('chest-pain', chosen === null ? {} : { pci_org_unit_id: chosen })}
        >
          {translate('diagnosis.chest_pain.start')}
        </Button>
      </Stack>
    );
  }
  return (
    <Card variant="outlined" data-testid="chest-pain" sx={{ my: 1, borderColor: 'error.main' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1">{translate('diagnosis.chest_pain.title')}</Typography>
          <FmcClock c={c} />
          <Typography variant="body2" color="text.secondary">
            {translate('diagnosis.chest_pain.target')}
          </Typography>
          <Typography variant="body2" data-testid="chest-pain-township">
            {c.township_name}
          </Typography>
          <Link to={`/referrals/${c.referral_id}/show`} data-testid="chest-pain-referral">
            {translate('diagnosis.chest_pain.referral', { id: c.referral_id, unit: c.to_unit_name })}
          </Link>
        </Stack>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, m: 0 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {translate('diagnosis.chest_pain.fmc')}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid="cp-time-fmc">
            {formatTime(c.fmc_at)}
          </Typography>
          {TIMES.filter((s) => c[`${s}_at`]).map((s) => (
            <Box key={s} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {translate(`enums.chest_pain_step.${s}`)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid={`cp-time-${s}`}>
                {formatTime(c[`${s}_at`]!)}
              </Typography>
            </Box>
          ))}
        </Box>
        {actions.length > 0 && (
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
            {actions.map((s) => (
              <Button
                key={s}
                data-testid={`cp-step-${s}`}
                variant="outlined"
                size="small"
                disabled={busy}
                onClick={() => void post('chest-pain/time', { step: s })}
              >
                {translate('diagnosis.chest_pain.record', { step: translate(`enums.chest_pain_step.${s}`) })}
              </Button>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
