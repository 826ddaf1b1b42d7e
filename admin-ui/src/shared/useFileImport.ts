// The state of a file import screen (settlement's claims, pharmacy's prescriptions): the chosen file,
// all-or-nothing, the answer of the last check or import (reset when the file changes) and its
// failure; `send(dryRun, query)` uploads the file to `url` (…/import) with the query.
import { useState } from 'react';
import type { Json } from '../../../api/core/json';
import type { ImportResult } from '../../../api/settlement';
import { httpClient } from '../httpClient';

export function useFileImport() {
  const [file, setFileState] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [result, setResult] = useState<Json<ImportResult> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setResult(null);
    setError(null);
  };
  const setFile = (f: File | null) => {
    setFileState(f);
    reset();
  };
  const send = async (url: string, dryRun: boolean, query: Record<string, string> = {}) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file, file.name);
    const qs = new URLSearchParams({ ...query, dry_run: String(dryRun), all_or_nothing: String(allOrNothing) });
    setBusy(true);
    setError(null);
    try {
      setResult((await httpClient(`${url}?${qs}`, { method: 'POST', body })).json as Json<ImportResult>);
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { file, setFile, allOrNothing, setAllOrNothing, result, error, busy, send, reset };
}
