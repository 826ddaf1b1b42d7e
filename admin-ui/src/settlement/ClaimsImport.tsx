// 结算数据导入: upload the insurer's claims file (or the satisfaction survey scores), check it
// first (dry run: every rejected row listed by row, field and message), then import the valid
// rows. Templates are downloadable.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Title, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { downloadReport } from '../finance/download';
import { httpClient } from '../httpClient';
import { FundYearSelect, useFundYearChoice } from './FundYearSelect';
import type { ImportResult } from './types';

const KINDS = { claims: '/claims', satisfaction: '/satisfaction-scores' } as const;
const RESOURCES = { claims: 'claims', satisfaction: 'satisfaction-scores' } as const;
type Kind = keyof typeof KINDS;

export const ClaimsImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`settlement.import.${k}`, o);
  const { years, fundYearId, setPicked } = useFundYearChoice();
  const [kind, setKind] = useState<Kind>('claims');
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // who may only read claims (directors, the auditor) sees the page without the import buttons
  const mayImport = useCanAccess({ resource: RESOURCES[kind], action: 'import' }).canAccess === true;

  const send = async (dryRun: boolean) => {
    if (!file || fundYearId === null) return notify(t('no_file'), { type: 'warning' });
    const body = new FormData();
    body.append('file', file, file.name);
    const qs = new URLSearchParams({ fund_year_id: String(fundYearId), dry_run: String(dryRun), all_or_nothing: String(allOrNothing) });
    setBusy(true);
    setError(null);
    try {
      setResult((await httpClient(`/api${KINDS[kind]}/import?${qs}`, { method: 'POST', body })).json as ImportResult);
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setResult(null);
    setError(null);
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
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
              {t('file')}
              <input
                hidden
                type="file"
                accept=".xlsx,.csv"
                data-testid="import-file"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  reset();
                }}
              />
            </Button>
            <Typography data-testid="import-file-name">{file?.name ?? ''}</Typography>
            <FormControlLabel control={<Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)} />} label={t('all_or_nothing')} />
            <Box sx={{ flex: 1 }} />
            <Button variant="outlined" disabled={!mayImport || !file || busy} onClick={() => send(true)} data-testid="dry-run">
              {t('dry_run')}
            </Button>
            <Button
              variant="contained"
              disabled={!mayImport || !file || busy || !result?.dry_run || result.accepted === 0}
              onClick={() => send(false)}
              data-testid="commit"
            >
              {t('commit')}
            </Button>
          </Stack>
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
      {result && (
        <Card data-testid="import-result">
          <CardContent>
            {result.dry_run ? (
              <Alert severity={result.rejected_rows ? 'warning' : 'success'} data-testid="import-summary">
                {t('checked', { accepted: result.accepted, rejected: result.rejected_rows })}
              </Alert>
            ) : result.committed ? (
              <Alert severity="success" data-testid="import-summary">
                {t('committed', { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}
              </Alert>
            ) : (
              <Alert severity="error" data-testid="import-summary">
                {t('rolled_back')}
              </Alert>
            )}
            {result.rejected.length > 0 && (
              <>
                <Typography variant="subtitle1" sx={{ mt: 2 }}>
                  {t('rejected')}：{result.rejected_rows}
                  {result.rejected.length < result.rejected_rows ? `（${t('listed', { n: result.rejected.length })}）` : ''}
                </Typography>
                <Table size="small" data-testid="rejected-rows">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('row')}</TableCell>
                      <TableCell>{t('field')}</TableCell>
                      <TableCell>{t('message')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.rejected.map((r, i) => (
                      <TableRow key={i} data-testid={`rejected-${r.row}-${r.field}`}>
                        <TableCell>{r.row}</TableCell>
                        <TableCell>{translate(`enums.import_column.${r.field}`, { _: r.field })}</TableCell>
                        <TableCell>{translate(`enums.import_problem.${r.rule}`, { _: r.message, ...r.params })}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
