// Which URLs belong to the app. Parsed, never substring-matched: "app://rungs.evil.com" and
// "https://evil.com/#app://rungs/" must not pass.

export const APP_SCHEME = 'app';
export const APP_HOST = 'rungs';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(raw: string | undefined | null): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

/** Map an app:// request to a file inside the renderer folder, or null if it escapes it. */
export function appUrlToRelativePath(raw: string): string | null {
  if (!isAppUrl(raw)) return null;
  const { pathname } = new URL(raw);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}

/** An IPC sender we answer: the app's own top-level frame, never a subframe or another page. */
export function isTrustedFrame(frame: { parent: unknown; url: string } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
