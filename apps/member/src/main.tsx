import '@unionhall/ui/styles.css';
import './app.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { registerServiceWorker } from './register-sw';
import { AppRoutes } from './router';
import { ApiProvider } from './trpc';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// As a transition, the first render yields to the browser every few milliseconds instead of
// holding the main thread for its whole length (Lighthouse counts that as blocking time).
startTransition(() => {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider>
          <AppRoutes />
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
});

void registerServiceWorker();
