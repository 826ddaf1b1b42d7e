// 合理用药指标: each unit's figures for a month against the targets of the rules — the drug share
// from its claims, the outpatient antibiotic and injection rates, drugs per outpatient prescription,
// the flagged and the reviewed shares (api/pharmacy/rules.ts unitFigures); a missed target in red;
// 下载月报 downloads the month's workbook (reports/pharmacy.ts).
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { RX_FIGURE } from '../../../api/pharmacy/enums';
import { downloadReport } from '../finance/download';
import { useApiGet } from '../shared/useApiGet';
import { shanghaiDate } from '../shared/time';
import type { UnitFigures } from './records';

const lastMonth = () => {
  const [y, m] = shanghaiDate().slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const shown = (figure: string, v: number | null) => (v === null ? '—' : figure === 'avg_drugs' ? v.toFixed(2) : `${(v * 100).toFixed(2)}%`);

export const FiguresPage = () => {
  const translate = useTranslate();
  const t = (k: string) => translate(`pharmacy.figures.${k}`);
  const [month, setMonth] = useState(lastMonth);
  const { data: rows, error } = useApiGet<UnitFigures[]>('/prescription-figures', { month }, !!month);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <Card>
      <Title title={translate('menu.prescription_figures')} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, mb: 2 }}>
          <MuiTextField
            type="month"
            size="small"
            label={t('month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button
            startIcon={<DownloadIcon />}
            disabled={!month}
            data-testid="prescription-figures-download"
            onClick={() => {
              setDownloadError(null);
              downloadReport(`/reports/prescription-figures.xlsx?month=${month}`, `合理用药指标-${month}.xlsx`).catch((e: unknown) =>
                setDownloadError((e as Error).message),
              );
            }}
          >
            {t('download')}
          </Button>
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('rule')}
        </Alert>
        {(error ?? downloadError) && <Alert severity="error">{error ?? downloadError}</Alert>}
        {rows && !rows.length && <Typography>{t('none')}</Typography>}
        {rows && rows.length > 0 && (
          <Table size="small" data-testid="prescription-figures">
            <TableHead>
              <TableRow>
                <TableCell>{t('unit')}</TableCell>
                <TableCell align="right">{t('prescriptions')}</TableCell>
                {RX_FIGURE.values.map((f) => (
                  <TableCell key={f} align="right">
                    {translate(`enums.rx_figure.${f}`)}
                    <br />
                    <Typography variant="caption">
                      {t('target')} {RX_FIGURE.labels[f].direction === 'max' ? '≤' : '≥'} {shown(f, rows[0].figures[f].target)}
                    </Typography>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.org_unit_id} data-testid={`figures-${r.code}`}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell align="right">{r.prescriptions}</TableCell>
                  {RX_FIGURE.values.map((f) => (
                    <TableCell
                      key={f}
                      align="right"
                      title={`${t('parts')} ${r.figures[f].numerator} / ${r.figures[f].denominator}`}
                      sx={r.figures[f].met === false ? { color: 'error.main', fontWeight: 'bold' } : undefined}
                    >
                      {shown(f, r.figures[f].value)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
