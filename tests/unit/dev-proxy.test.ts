import { describe, expect, it } from 'vitest';
import { API_PATH, SOCKET_PATH } from '../../host/server.ts';

// `npm run dev` puts Vite in front of the browser host (scripts/dev.ts). Vite forwards a request
// when its path starts with a proxy key; a key as short as '/api' also took the renderer's own
// module /api.ts to the host, which answered 404, and the page never started.

const proxied = (keys: string[], path: string) => keys.some((k) => (k.startsWith('^') ? new RegExp(k).test(path) : path.startsWith(k)));

describe('the dev server', () => {
  it('forwards the API to the browser host, with the host as origin, and serves every renderer module itself', async () => {
    process.env.RUNGS_HOST_URL = 'http://127.0.0.1:5999';
    const { default: config } = await import('../../vite.config.ts');
    const proxy = config.server?.proxy ?? {};
    const keys = Object.keys(proxy);
    expect(proxied(keys, API_PATH)).toBe(true);
    expect(proxied(keys, SOCKET_PATH)).toBe(true);
    expect(proxy[SOCKET_PATH]).toMatchObject({ ws: true, headers: { origin: 'http://127.0.0.1:5999' } });
    for (const module of ['/api.ts', '/api/', '/apiClient.ts', '/main.tsx', '/ui/ui.css']) expect(proxied(keys, module)).toBe(false);
    expect(Object.values(proxy)[0]).toMatchObject({ target: 'http://127.0.0.1:5999', headers: { origin: 'http://127.0.0.1:5999' } });
  });
});
