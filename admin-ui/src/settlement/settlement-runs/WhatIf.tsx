// 模拟测算 on a run's page: the fund year's settings — bundle ratio, overspend tiers, gates, pool shares and
// indicator weights — in a form to change, then the run settled again with them (POST /what-if, nothing stored):
// the key figures, each pool and each recipient's amount beside the real one with the difference. The API's
// refusals are named by setting in Chinese (its messages are English), never shown as they come.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { HttpError, useTranslate } from 'react-admin';
import { apiGet, apiPost, yuan } from '../../finance/api';
import { pct, type FundYearRecord, type WhatIfAnswer } from '../types';

type Settings = Pick<FundYearRecord, 'overspend_tiers' | 'gates'> & { bundle_ratio: string; pools: FundYearRecord['allocation']['pools'] };
/** The form holds what is typed; the API checks it (a bad value comes back naming its setting). */
type Form = {
  bundle_ratio: string;
  tiers: { upTo: string; groupShare: string }[];
  gates: Record<string, { threshold: string; deduction: string }>;
  pools: { key: string; share: string; indicators: { key: string; weight: string; higher_is_better: boolean }[] }[];
};
const SECTIONS = ['bundle_ratio', 'overspend_tiers', 'gates', 'allocation'] as const;
type Section = (typeof SECTIONS)[number];

const formOf = (s: Settings): Form => ({
  bundle_ratio: String(Number(s.bundle_ratio)),
  tiers: s.overspend_tiers.map((t) => ({ upTo: t.upTo === null ? '' : String(t.upTo), groupShare: String(t.groupShare) })),
  gates: Object.fromEntries(Object.entries(s.gates).map(([k, g]) => [k, { threshold: String(g.threshold), deduction: String(g.deduction) }])),
  pools: s.pools.map((p) => ({ ...p, share: String(p.share), indicators: p.indicators.map((k) => ({ ...k, weight: String(k.weight) })) })),
});
const number = (v: string) => (v.trim() === '' ? null : Number(v));
const bodyOf = (f: Form) => ({
  bundle_ratio: f.bundle_ratio.trim(),
  overspend_tiers: f.tiers.map((t) => ({ upTo: number(t.upTo), groupShare: number(t.groupShare) })),
  gates: Object.fromEntries(Object.entries(f.gates).map(([k, g]) => [k, { threshold: number(g.threshold), deduction: number(g.deduction) }])),
  allocation: { pools: f.pools.map((p) => ({ ...p, share: number(p.share), indicators: p.indicators.map((k) => ({ ...k, weight: number(k.weight) })) })) },
});

/** The sections a refusal names, and its lines in Chinese. */
function refusalOf(e: unknown, translate: (k: string, o?: object) => string): { sections: Set<Section>; lines: string[] } {
  const body = e instanceof HttpError ? (e.body as { details?: unknown } | undefined) : undefined;
  const details = (Array.isArray(body?.details) ? body.details : []) as { field?: string; rule?: string }[];
  const sectionOf = (d: { field?: string }) => SECTIONS.find((s) => String(d.field).startsWith(s));
  const sections = new Set(details.map(sectionOf).filter((s): s is Section => !!s));
  const status = e instanceof HttpError ? String(e.status as number) : '—';
  // an indicator the run did not measure is said as such, not as a wrong weight
  const keys = details.map((d) => (d.rule === 'not_measured' ? 'not_measured' : (sectionOf(d) ?? 'other')));
  const lines = (keys.length ? keys : ['other']).map((k) => translate(`settlement.what_if.errors.${k}`, { status }));
  return { sections, lines: [...new Set(lines)] };
}

const Difference = ({ v, rate }: { v: string | number | null; rate?: boolean }) => {
  const n = Number(v ?? 0);
  return (
    <Typography component="span" variant="body2" sx={{ color: n > 0 ? 'success.main' : n < 0 ? 'error.main' : 'text.secondary' }}>
      {v === null ? '—' : rate ? `${n > 0 ? '+' : ''}${pct(n)}` : `${n > 0 ? '+' : ''}${yuan(v)}`}
    </Typography>
  );
};

export const WhatIfPanel = ({ runId, fundYearId, onClose }: { runId: number; fundYearId: number; onClose: () => void }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.what_if.${k}`, o);
  const fy = useQuery({ queryKey: ['fund-year', fundYearId], queryFn: () => apiGet<FundYearRecord>(`/fund-years/${fundYearId}`) });
  const initial = fy.data && formOf({ ...fy.data, pools: fy.data.allocation.pools });
  const [form, setForm] = useState<Form | null>(null);
  const [answer, setAnswer] = useState<WhatIfAnswer | null>(null);
  const [refusal, setRefusal] = useState<ReturnType<typeof refusalOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = form ?? initial;
  if (!shown) return null;
  const edit = (change: (f: Form) => void) => {
    const next = structuredClone(shown);
    change(next);
    setForm(next);
  };
  const run = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      setAnswer(await apiPost<WhatIfAnswer>(`/settlement-runs/${runId}/what-if`, bodyOf(shown)));
    } catch (e) {
      setAnswer(null);
      setRefusal(refusalOf(e, translate));
    } finally {
      setBusy(false);
    }
  };
  const bad = (s: Section) => refusal?.sections.has(s) ?? false;
  const input = (label: string, value: string, onChange: (v: string) => void, section: Section, testId: string) => (
    <TextField
      size="small"
      label={label}
      value={value}
      error={bad(section)}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width: 150 }}
      slotProps={{ htmlInput: { 'data-testid': testId, inputMode: 'decimal' } }}
    />
  );
  return (
    <Card sx={{ mb: 2 }} data-testid="what-if">
      <CardHeader title={t('title')} subheader={t('help')} />
      <CardContent>
        <Stack sx={{ gap: 2 }}>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            {input(t('bundle_ratio'), shown.bundle_ratio, (v) => edit((f) => (f.bundle_ratio = v)), 'bundle_ratio', 'what-if-bundle-ratio')}
            {shown.tiers.map((tier, i) => (
              <Stack key={i} direction="row" sx={{ gap: 1 }}>
                {input(
                  `${t('tiers')} ${i + 1} · ${translate('settlement.config.up_to')}`,
                  tier.upTo,
                  (v) => edit((f) => (f.tiers[i].upTo = v)),
                  'overspend_tiers',
                  `what-if-tier-${i}-up-to`,
                )}
                {input(
                  translate('settlement.config.group_share'),
                  tier.groupShare,
                  (v) => edit((f) => (f.tiers[i].groupShare = v)),
                  'overspend_tiers',
                  `what-if-tier-${i}-share`,
                )}
              </Stack>
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            {Object.entries(shown.gates).map(([key, g]) => (
              <Stack key={key} direction="row" sx={{ gap: 1 }}>
                {input(
                  `${translate(`enums.gate.${key}`)} · ${t('threshold')}`,
                  g.threshold,
                  (v) => edit((f) => (f.gates[key].threshold = v)),
                  'gates',
                  `what-if-gate-${key}`,
                )}
                {input(
                  translate('settlement.config.deduction_share'),
                  g.deduction,
                  (v) => edit((f) => (f.gates[key].deduction = v)),
                  'gates',
                  `what-if-gate-${key}-deduction`,
                )}
              </Stack>
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            {shown.pools.map((p, i) => (
              <Stack key={p.key} direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                {input(
                  `${translate(`enums.pool.${p.key}`, { _: p.key })} · ${translate('settlement.share')}`,
                  p.share,
                  (v) => edit((f) => (f.pools[i].share = v)),
                  'allocation',
                  `what-if-pool-${p.key}`,
                )}
                {p.indicators.map((k, j) =>
                  input(
                    `${translate(`enums.allocation_indicator.${k.key}`)} · ${translate('settlement.weight')}`,
                    k.weight,
                    (v) => edit((f) => (f.pools[i].indicators[j].weight = v)),
                    'allocation',
                    `what-if-weight-${p.key}-${k.key}`,
                  ),
                )}
              </Stack>
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 1 }}>
            <Button variant="contained" disabled={busy} onClick={() => void run()} data-testid="what-if-run">
              {t('run')}
            </Button>
            <Button onClick={() => (setForm(null), setAnswer(null), setRefusal(null))}>{t('reset')}</Button>
            <Box sx={{ flex: 1 }} />
            <Button onClick={onClose}>{t('close')}</Button>
          </Stack>
          {refusal && (
            <Alert severity="error" data-testid="what-if-error">
              {refusal.lines.map((l) => (
                <div key={l}>{l}</div>
              ))}
            </Alert>
          )}
          {answer && <WhatIfResult answer={answer} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

const WhatIfResult = ({ answer }: { answer: WhatIfAnswer }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`settlement.what_if.${k}`);
  const head = (first: string) => (
    <TableHead>
      <TableRow>
        <TableCell>{first}</TableCell>
        <TableCell align="right">{t('real')}</TableCell>
        <TableCell align="right">{t('what_if')}</TableCell>
        <TableCell align="right">{t('difference')}</TableCell>
      </TableRow>
    </TableHead>
  );
  const shown = (v: string | number | null, rate: boolean) => (v === null ? '—' : rate ? pct(Number(v)) : yuan(v));
  return (
    <Box data-testid="what-if-result">
      {answer.estimate && <Alert severity="info">{t('estimate_note')}</Alert>}
      <Typography variant="subtitle1">{t('figures')}</Typography>
      <Table size="small" data-testid="what-if-lines">
        {head(t('item'))}
        <TableBody>
          {answer.lines.map((l) => (
            <TableRow key={l.key} data-testid={`what-if-line-${l.key}`}>
              <TableCell>{translate(`settlement.${l.key}`)}</TableCell>
              <TableCell align="right">{shown(l.real, l.rate)}</TableCell>
              <TableCell align="right">{shown(l.what_if, l.rate)}</TableCell>
              <TableCell align="right">
                <Difference v={l.difference} rate={l.rate} />
              </TableCell>
            </TableRow>
          ))}
          {answer.pools.map((p) => (
            <TableRow key={p.key} data-testid={`what-if-pool-${p.key}`}>
              <TableCell>
                {translate('settlement.pool')} · {translate(`enums.pool.${p.key}`, { _: p.key })}
              </TableCell>
              <TableCell align="right">{yuan(p.real)}</TableCell>
              <TableCell align="right">{yuan(p.what_if)}</TableCell>
              <TableCell align="right">
                <Difference v={p.difference} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {t('by_unit')}
      </Typography>
      <Table size="small" data-testid="what-if-units">
        {head(translate('settlement.unit'))}
        <TableBody>
          {answer.units.map((u) => (
            <TableRow key={u.org_unit_id} data-testid={`what-if-unit-${u.code}`}>
              <TableCell>
                {u.name}（{u.code}）
              </TableCell>
              <TableCell align="right">{yuan(u.real)}</TableCell>
              <TableCell align="right">{yuan(u.what_if)}</TableCell>
              <TableCell align="right">
                <Difference v={u.difference} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
