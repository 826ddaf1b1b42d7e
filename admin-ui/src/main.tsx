import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { domains } from './registry';

for (const d of domains) d.start?.();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
