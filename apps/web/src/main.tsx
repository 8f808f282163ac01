import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import './app/tokens.css';
import './features/conversations/conversations.css';
import './features/sessions/sessions.css';
import { createI18n, preferredLanguage } from './i18n/i18n';

const language = preferredLanguage(navigator.languages);
document.documentElement.lang = language;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n(language)}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
