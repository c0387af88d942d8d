import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is built once and served two ways: Electron's app:// protocol and the browser host.
export default defineConfig({
  root: `${root}renderer`,
  base: './',
  plugins: [react()],
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
