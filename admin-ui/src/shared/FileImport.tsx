// The answer of a file import (settlement's claims, pharmacy's prescriptions): checked or written or
// rolled back, and the rejected rows by row, field and the rule broken, in the user's language.
// `prefix` holds the screen's texts (checked, committed, rolled_back, rejected, listed, row, field,
// message), `columns` the list of values naming the file's columns.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslate } from 'react-admin';
import type { Json } from '../../../api/core/json';
import type { ImportResult } from '../../../api/settlement';
import type { useFileImport } from './useFileImport';

/**
 * The file, all-or-nothing, 检查 (a dry run) and 导入 (once a check accepted rows) of an import screen;
 * `prefix` holds the texts file, all_or_nothing, dry_run, commit.
 */
export const ImportControls = ({
  state,
  prefix,
  mayImport,
  send,
}: {
  state: ReturnType<typeof useFileImport>;
  prefix: string;
  mayImport: boolean;
  send: (dryRun: boolean) => void;
}) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`${prefix}.${k}`);
  const { file, setFile, allOrNothing, setAllOrNothing, result, busy } = state;
  return (
    <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
      <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
        {t('file')}
        <input hidden type="file" accept=".xlsx,.csv" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
  );
};

export const ImportResultCard = ({ result, prefix, columns }: { result: Json<ImportResult>; prefix: string; columns: string }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`${prefix}.${k}`, o);
  return (
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
                    <TableCell>{translate(`enums.${columns}.${r.field}`, { _: r.field })}</TableCell>
                    <TableCell>{translate(`enums.import_problem.${r.rule}`, { _: r.message, ...r.params })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
};
