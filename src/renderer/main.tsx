import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import { applyTheme } from './features/settings/theme';

// Before the first paint, so a dark system never flashes the light palette while settings load.
applyTheme(undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
