// 诊疗人次导入: a file of every visit per unit and month (xlsx or csv, one row per unit and month, the
// 中医类 visits among them), checked first (a dry run names every bad row by row, column and problem),
// then imported; a unit-month already stored takes the file's counts. Template downloadable.
import { Alert, Box, Button, Card, CardContent } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify, useTranslate } from 'react-admin';
import { downloadReport } from '../../finance/download';
import { can } from '../../finance/api';
import { ImportControls, ImportResultCard } from '../../shared/FileImport';
import { useFileImport } from '../../shared/useFileImport';

export const VisitImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string) => translate(`monitoring.visit_import.${k}`);
  const state = useFileImport();
  const { result, error } = state;
  const mayImport = can('visit-counts', 'import');
  const send = (dryRun: boolean) => void state.send('/api/visit-counts/import', dryRun);
  return (
    <Box sx={{ p: 2 }} data-testid="visit-import">
      <Title title={t('title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Button
            startIcon={<DownloadIcon />}
            onClick={() => downloadReport('/visit-counts/template.xlsx', 'visits-template.xlsx').catch((e) => notify(String(e), { type: 'error' }))}
          >
            {t('template')}
          </Button>
          <ImportControls state={state} prefix="monitoring.visit_import" mayImport={mayImport} send={send} />
        </CardContent>
      </Card>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {result && <ImportResultCard result={result} prefix="monitoring.visit_import" columns="visit_column" />}
    </Box>
  );
};
