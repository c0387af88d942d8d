import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { channelNamesOnlyVite } from './scripts/channel-names.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run dev` (scripts/dev.ts): Vite serves the renderer with hot reload and forwards the API to
// the browser host it started (RUNGS_HOST_URL). The host refuses other origins, so the forwarded call
// carries the host's own origin; the token still comes from the page's ?token=. Only the API path is
// forwarded: a bare '/api' prefix would also catch the renderer's own /api.ts module.
const hostUrl = process.env.RUNGS_HOST_URL;
const hostOrigin = hostUrl ? new URL(hostUrl).origin : undefined;

// Dev only: Vite injects the React refresh preamble and the CSS as inline <script> and <style>,
// which the renderer's CSP refuses. The built renderer keeps its CSP exactly as written.
const devCsp: Plugin = {
  name: 'rungs-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

// The renderer is built once and served two ways: Electron's app:// protocol and the browser host.
export default defineConfig({
  root: `${root}renderer`,
  base: './',
  plugins: [react(), devCsp, channelNamesOnlyVite()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: hostOrigin
      ? {
          '/api/invoke': { target: hostOrigin, changeOrigin: true, headers: { origin: hostOrigin } },
          // The page's socket for API calls (shared/socket.ts); refused, it falls back to /api/invoke.
          '/api/socket': { target: hostOrigin, ws: true, changeOrigin: true, headers: { origin: hostOrigin } },
        }
      : undefined,
  },
  build: {
    outDir: `${root}dist/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No inline scripts or eval: the CSP is script-src 'self'.
    modulePreload: { polyfill: false },
  },
  test: {
    root,
    include: [
      'shared/**/*.test.ts',
      'data/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'renderer/**/*.test.ts',
      'host/**/*.test.ts',
      'electron/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
  },
});
