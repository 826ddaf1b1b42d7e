import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadMessagesFor } from './i18n';
import { domains } from './registry';

for (const d of domains) d.start?.();

// the words of the user's domains before the first screen (should that fail, keys rather than no page)
void loadMessagesFor()
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
