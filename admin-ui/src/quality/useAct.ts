// One step of a quality screen: POST to the API, then refresh the page's records (after `done`
// resets the form), or say the API's refusal.
import { useNotify, useRefresh } from 'react-admin';
import { apiError, apiPost } from '../finance/api';

export function useAct() {
  const notify = useNotify();
  const refresh = useRefresh();
  return (path: string, body: object, done?: () => void) =>
    apiPost(path, body)
      .then(() => {
        done?.();
        refresh();
      })
      .catch((e) => notify(apiError(e).message, { type: 'error' }));
}
