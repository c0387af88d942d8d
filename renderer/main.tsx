// First, before anything else is evaluated: the request for the board's first snapshot.
import './store/firstSnapshot.ts';
import './ui/tokens.css';
import './ui/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
