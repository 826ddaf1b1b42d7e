// A figure page's data: GET the path with the query whenever it changes (an answer to an older query
// is dropped), and the API's refusal in words. `data` is null until the first answer.
import { useEffect, useState } from 'react';
import { apiError, apiGet } from '../finance/api';

export function useApiGet<T>(path: string, query: Record<string, string | number | undefined>, enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    if (!enabled) return;
    apiGet<T>(path, JSON.parse(key) as Record<string, string | number | undefined>)
      .then((r) => {
        if (!live) return;
        setData(r);
        setError(null);
      })
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [path, key, enabled]);
  return { data, error };
}
