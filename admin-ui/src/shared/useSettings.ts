// A settings page's record (GET `path`) and its save (PUT `path`): the referral office's settings
// and the chief pharmacist's rules share it. A refusal's field problems go back to the form; one
// without them is notified.
import { useEffect, useState } from 'react';
import { HttpError, useCanAccess, useNotify } from 'react-admin';
import { httpClient } from '../httpClient';

export function useSettings<T>(path: string, resource: string) {
  const notify = useNotify();
  const [settings, setSettings] = useState<T | null>(null);
  const { canAccess, isPending } = useCanAccess({ resource, action: 'edit' });
  useEffect(() => {
    void httpClient(path).then((r) => setSettings(r.json as T));
  }, [path]);
  /** PUTs `body`: the server's answer, or the field problems for the form (undefined when notified instead). */
  const put = async (body: object): Promise<{ answer?: unknown; errors?: Record<string, unknown> }> => {
    try {
      return { answer: (await httpClient(path, { method: 'PUT', body: JSON.stringify(body) })).json };
    } catch (e) {
      const errors = e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> })?.errors : undefined;
      if (!errors) notify((e as Error).message, { type: 'error' });
      return { errors };
    }
  };
  return { settings: isPending ? null : settings, setSettings, readOnly: !canAccess, put };
}
