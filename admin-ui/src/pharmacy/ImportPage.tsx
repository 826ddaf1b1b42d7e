// 处方导入: upload a unit's prescription file (one row per drug), check it first (dry run: every
// rejected row by row, field and problem), then import the valid rows; the flags are raised as it
// is written. The month's random sample per unit (每月抽样) is drawn here too. Template downloadable.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify, useTranslate } from 'react-admin';
import { downloadReport } from '../finance/download';
import { apiError, apiPost, can } from '../finance/api';
import { ImportControls, ImportResultCard } from '../shared/FileImport';
import { useFileImport } from '../shared/useFileImport';
import { shanghaiDate } from '../shared/time';

export const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`pharmacy.import.${k}`, o);
  const state = useFileImport();
  const { result, error } = state;
  const [month, setMonth] = useState(() => shanghaiDate().slice(0, 7));
  const mayImport = can('prescriptions', 'import');
  const send = (dryRun: boolean) => (state.file ? void state.send('/api/prescriptions/import', dryRun) : notify(t('no_file'), { type: 'warning' }));
  const sample = () =>
    apiPost<{ units: { drawn: number }[] }>('/prescriptions/sample', { month })
      .then((r) => notify(t('sampled', { n: r.units.reduce((s, u) => s + u.drawn, 0) }), { type: 'success' }))
      .catch((e) => notify(apiError(e).message, { type: 'error' }));

  return (
    <Box sx={{ p: 2 }} data-testid="prescription-import">
      <Title title={t('title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => downloadReport('/prescriptions/template.xlsx', 'prescriptions-template.xlsx').catch((e) => notify(String(e), { type: 'error' }))}
            >
              {t('template')}
            </Button>
          </Stack>
          <ImportControls state={state} prefix="pharmacy.import" mayImport={mayImport} send={send} />
          {can('prescriptions', 'sample') && (
            <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mt: 2 }}>
              <TextField
                type="month"
                size="small"
                label={t('sample_month')}
                value={month}
                onChange={(e) => setMonth(e.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <Button variant="outlined" disabled={!month} onClick={sample} data-testid="draw-sample">
                {t('sample')}
              </Button>
            </Stack>
          )}
        </CardContent>
      </Card>
      {!mayImport && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('not_allowed')}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {result && <ImportResultCard result={result} prefix="pharmacy.import" columns="rx_column" />}
    </Box>
  );
};
