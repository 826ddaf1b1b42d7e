// 结算数据导入: upload the insurer's claims file (or the satisfaction survey scores), check it
// first (dry run: every rejected row listed by row, field and message), then import the valid
// rows. Templates are downloadable.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, MenuItem, Stack, TextField } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { downloadReport } from '../finance/download';
import { ImportControls, ImportResultCard } from '../shared/FileImport';
import { useFileImport } from '../shared/useFileImport';
import { FundYearSelect, useFundYearChoice } from './FundYearSelect';

const KINDS = { claims: '/claims', satisfaction: '/satisfaction-scores' } as const;
const RESOURCES = { claims: 'claims', satisfaction: 'satisfaction-scores' } as const;
type Kind = keyof typeof KINDS;

export const ClaimsImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`settlement.import.${k}`, o);
  const { years, fundYearId, setPicked } = useFundYearChoice();
  const [kind, setKind] = useState<Kind>('claims');
  const state = useFileImport();
  const { result, error, reset } = state;
  // who may only read claims (directors, the auditor) sees the page without the import buttons
  const mayImport = useCanAccess({ resource: RESOURCES[kind], action: 'import' }).canAccess === true;

  const send = (dryRun: boolean) => {
    if (!state.file || fundYearId === null) return notify(t('no_file'), { type: 'warning' });
    void state.send(`/api${KINDS[kind]}/import`, dryRun, { fund_year_id: String(fundYearId) });
  };

  return (
    <Box sx={{ p: 2 }} data-testid="claims-import">
      <Title title={t('title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <FundYearSelect
              years={years.data}
              value={fundYearId}
              onChange={(id) => {
                setPicked(id);
                reset();
              }}
              minWidth={180}
              testId="import-fund-year"
            />
            <TextField
              select
              size="small"
              label={t('kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                reset();
              }}
              sx={{ minWidth: 220 }}
              data-testid="import-kind"
            >
              <MenuItem value="claims">{t('claims')}</MenuItem>
              <MenuItem value="satisfaction">{t('satisfaction')}</MenuItem>
            </TextField>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => downloadReport(`${KINDS[kind]}/template.xlsx`, `${kind}-template.xlsx`).catch((e) => notify(String(e), { type: 'error' }))}
              data-testid="template"
            >
              {t('template')}
            </Button>
          </Stack>
          <ImportControls state={state} prefix="settlement.import" mayImport={mayImport} send={send} />
        </CardContent>
      </Card>
      {!mayImport && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('not_allowed')}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="import-error">
          {error}
        </Alert>
      )}
      {result && <ImportResultCard result={result} prefix="settlement.import" columns="import_column" />}
    </Box>
  );
};
