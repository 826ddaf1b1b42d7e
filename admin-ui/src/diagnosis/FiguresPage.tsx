// The centres' figures over a period: per centre, per service and urgency, per requesting unit —
// volumes, turnaround median and p90 against the norm, the on-time share, critical values and
// their acknowledgement, the sample's agreement; the remote consultations per host and month; the
// chest-pain channel per township; 下载统计表
// downloads the same figures as a workbook (reports/diagnosis.ts).
import { useEffect, useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { Title, useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { downloadReport } from '../finance/download';
import { shanghaiDate } from '../shared/time';

interface Row {
  centre_id: number;
  centre_name: string | null;
  label: string | null;
  urgency?: string;
  norm_minutes: number | null;
  requests: number;
  returned: number;
  reported: number;
  median_minutes: number | null;
  p90_minutes: number | null;
  on_time_share: number | null;
  critical: number;
  critical_acknowledged: number;
  median_ack_minutes: number | null;
  sample_agreement: number | null;
  fees: string;
}
/** 远程会诊 per host and per host and month (api/diagnosis/consultations/figures.ts) */
interface ConsultationRow {
  host_org_unit_id: number;
  host_unit_name: string;
  month?: string;
  consultations: number;
  held: number;
  opinions: number;
  median_hours: number | null;
  p90_hours: number | null;
  on_time_share: number | null;
  fees: string;
}
interface Figures {
  centres: Row[];
  services: Row[];
  units: Row[];
  consultations: { hosts: ConsultationRow[]; months: ConsultationRow[] };
}

/** 胸痛绿色通道 per township (api/diagnosis/rules.ts chestPainFigures) */
interface ChestPainRow {
  township_org_unit_id: number;
  township_name: string;
  cases: number;
  open: number;
  pci: number;
  fibrinolysis: number;
  transfer_out: number;
  median_fmc_to_balloon: number | null;
  within_90_share: number | null;
}
const CP_TARGET = 90;

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v == null ? '—' : String(v));

const FigureTable = ({ rows, by, testId }: { rows: Row[]; by: 'centre' | 'service' | 'unit'; testId: string }) => {
  const translate = useTranslate();
  const heads = ['requests', 'returned', 'reported', 'norm', 'median', 'p90', 'on_time', 'critical', 'ack', 'agreement', 'fees'];
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('diagnosis.centre')}</TableCell>
          {by !== 'centre' && <TableCell>{translate(`diagnosis.figures.${by}`)}</TableCell>}
          {heads.map((h) => (
            <TableCell key={h} align="right">
              {translate(`diagnosis.figures.${h}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => {
          const late = r.norm_minutes != null && r.p90_minutes != null && r.p90_minutes > r.norm_minutes;
          return (
            <TableRow key={i}>
              <TableCell>{r.centre_name}</TableCell>
              {by !== 'centre' && (
                <TableCell>
                  {r.label}
                  {r.urgency ? ` · ${translate(`enums.diagnosis_urgency.${r.urgency}`)}` : ''}
                </TableCell>
              )}
              <TableCell align="right">{r.requests}</TableCell>
              <TableCell align="right">{r.returned}</TableCell>
              <TableCell align="right">{r.reported}</TableCell>
              <TableCell align="right">{num(r.norm_minutes)}</TableCell>
              <TableCell align="right">{num(r.median_minutes)}</TableCell>
              <TableCell align="right" sx={late ? { color: 'error.main', fontWeight: 'bold' } : undefined}>
                {num(r.p90_minutes)}
              </TableCell>
              <TableCell align="right">{pct(r.on_time_share)}</TableCell>
              <TableCell align="right">
                {r.critical_acknowledged}/{r.critical}
              </TableCell>
              <TableCell align="right">{num(r.median_ack_minutes)}</TableCell>
              <TableCell align="right">{pct(r.sample_agreement)}</TableCell>
              <TableCell align="right">¥{r.fees}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

const ChestPainTable = ({ rows }: { rows: ChestPainRow[] }) => {
  const translate = useTranslate();
  const counts = ['cases', 'open', 'pci', 'fibrinolysis', 'transfer_out'] as const;
  return (
    <Box>
      <Typography variant="subtitle1">{translate('diagnosis.chest_pain.figures')}</Typography>
      <Table size="small" data-testid="figures-chest-pain">
        <TableHead>
          <TableRow>
            <TableCell>{translate('diagnosis.chest_pain.township')}</TableCell>
            {[...counts, 'median', 'within'].map((h) => (
              <TableCell key={h} align="right">
                {translate(`diagnosis.chest_pain.${h}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.township_org_unit_id}>
              <TableCell>{r.township_name}</TableCell>
              {counts.map((k) => (
                <TableCell key={k} align="right">
                  {r[k]}
                </TableCell>
              ))}
              <TableCell
                align="right"
                sx={r.median_fmc_to_balloon != null && r.median_fmc_to_balloon > CP_TARGET ? { color: 'error.main', fontWeight: 'bold' } : undefined}
              >
                {num(r.median_fmc_to_balloon)}
              </TableCell>
              <TableCell align="right">{pct(r.within_90_share)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Each host's period row (bold), then its months. */
const ConsultationTable = ({ figures }: { figures: Figures['consultations'] }) => {
  const translate = useTranslate();
  const heads = ['consultations', 'held', 'opinions', 'median_hours', 'p90_hours', 'on_time', 'fees'] as const;
  const cells = (r: ConsultationRow) => [r.consultations, r.held, r.opinions, num(r.median_hours), num(r.p90_hours), pct(r.on_time_share), r.fees];
  return (
    <Box>
      <Typography variant="subtitle1">{translate('diagnosis.figures.consultation.title')}</Typography>
      <Table size="small" data-testid="figures-consultations">
        <TableHead>
          <TableRow>
            <TableCell>{translate('diagnosis.figures.consultation.host')}</TableCell>
            {heads.map((h) => (
              <TableCell key={h} align="right">
                {translate(`diagnosis.figures.consultation.${h}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {figures.hosts.flatMap((h) => [
            <TableRow key={h.host_org_unit_id}>
              <TableCell sx={{ fontWeight: 'bold' }}>{h.host_unit_name}</TableCell>
              {cells(h).map((v, i) => (
                <TableCell key={heads[i]} align="right" sx={{ fontWeight: 'bold' }}>
                  {v}
                </TableCell>
              ))}
            </TableRow>,
            ...figures.months
              .filter((m) => m.host_org_unit_id === h.host_org_unit_id)
              .map((m) => (
                <TableRow key={`${m.host_org_unit_id}-${m.month}`}>
                  <TableCell sx={{ pl: 4 }}>{m.month}</TableCell>
                  {cells(m).map((v, i) => (
                    <TableCell key={heads[i]} align="right">
                      {v}
                    </TableCell>
                  ))}
                </TableRow>
              )),
          ])}
        </TableBody>
      </Table>
    </Box>
  );
};

export const FiguresPage = () => {
  const translate = useTranslate();
  const today = shanghaiDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [data, setData] = useState<Figures | null>(null);
  const [chestPain, setChestPain] = useState<ChestPainRow[] | null>(null);
  const notify = useNotify();
  useEffect(() => {
    if (!from || !to || from > to) return;
    void httpClient(`/api/diagnosis-requests/figures?from=${from}&to=${to}`).then((r) => setData(r.json as Figures));
    void httpClient(`/api/diagnosis-requests/chest-pain-figures?from=${from}&to=${to}`).then((r) => setChestPain(r.json as ChestPainRow[]));
  }, [from, to]);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('diagnosis.figures.title')} />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <MuiTextField
          type="date"
          size="small"
          label={translate('diagnosis.figures.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <MuiTextField
          type="date"
          size="small"
          label={translate('diagnosis.figures.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          startIcon={<DownloadIcon />}
          disabled={!from || !to || from > to}
          data-testid="figures-download"
          onClick={() =>
            downloadReport(`/reports/diagnosis-figures.xlsx?from=${from}&to=${to}`, `诊断中心统计-${from}-${to}.xlsx`).catch((e: unknown) =>
              notify(String(e), { type: 'error' }),
            )
          }
        >
          {translate('diagnosis.figures.download')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('diagnosis.figures.minutes_hint')}
      </Typography>
      {data && (
        <Stack spacing={3}>
          <FigureTable rows={data.centres} by="centre" testId="figures-centres" />
          <FigureTable rows={data.services} by="service" testId="figures-services" />
          <FigureTable rows={data.units} by="unit" testId="figures-units" />
          <ConsultationTable figures={data.consultations} />
        </Stack>
      )}
      {chestPain && <ChestPainTable rows={chestPain} />}
    </Box>
  );
};
