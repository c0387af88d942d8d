import type { ChannelName, RungsApi } from '../shared/contract/index.ts';
import type { Result } from '../shared/errors.ts';

// How a request reaches the main process, whichever carries it: Electron's preload exposes
// `window.rungs`; in a browser, the host's HTTP endpoint stands in. Kept apart from the typed API
// (api.ts), whose channel list brings the contract's schemas: this module needs none of them, so
// the board's first snapshot can be asked for before they are built (store/firstSnapshot.ts).

declare global {
  // oxlint-disable-next-line typescript/consistent-type-definitions -- only an interface can merge into Window.
  interface Window {
    rungs?: RungsApi;
  }
}

export type Send = (channel: ChannelName, request: unknown) => Promise<Result<unknown>>;

const TOKEN_KEY = 'rungs-token';

function browserHost(): Send {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots. replaceState is a synchronous
    // call to the browser (~10 ms on this 2-core VM): done at the first idle moment (the board's
    // snapshot is then in flight), it no longer holds up the first render.
    requestIdleCallback(
      () => {
        // Read when it runs: the lead may have moved to another screen (the hash) meanwhile.
        const now = new URLSearchParams(window.location.search);
        now.delete('token');
        const rest = now.toString();
        window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
      },
      { timeout: 500 },
    );
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return async (channel, request) => {
    try {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rungs-token': token },
        body: JSON.stringify({ channel, request }),
      });
      return (await res.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'internal', message: `The browser host did not answer (${String(error)}). Is it still running?` },
      };
    }
  };
}

function electron(rungs: RungsApi): Send {
  return (channel, request) => (rungs[channel] as (request: unknown) => Promise<Result<unknown>>)(request);
}

/** One request to the main process, by channel name. */
export const send: Send = window.rungs ? electron(window.rungs) : browserHost();
