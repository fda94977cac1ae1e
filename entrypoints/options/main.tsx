import React from 'react';
import ReactDOM from 'react-dom/client';
import { z } from '@/lib/zod';
import App from './App';
import '@/components/ui.css';

// The extension's CSP forbids eval: tell zod up front instead of letting it probe.
z.config({ jitless: true });

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
