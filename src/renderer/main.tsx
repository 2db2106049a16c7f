import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import './styles/actors.css';
import { applyTheme, rememberedTheme } from './features/settings/theme';

// Before the first paint, so the window does not flash the other palette while settings load.
applyTheme(rememberedTheme());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
