import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The service worker keeps the app and the API's last answers for use without network (vite.config.ts).
// It registers once the page has loaded, so that on a slow link the first screen gets the whole link.
registerSW();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
