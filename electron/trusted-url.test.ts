import { describe, expect, it } from 'vitest';
import { appUrlToRelativePath, isAppUrl } from './trusted-url.ts';

describe('only the app’s own pages are trusted', () => {
  it.each(['app://rungs/index.html', 'app://rungs/', 'app://rungs/assets/index-abc.js'])('trusts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://rungs.evil.com/index.html',
    'app://evil/index.html',
    'https://evil.com/#app://rungs/',
    'https://rungs/index.html',
    'file:///etc/passwd',
    'app://user:pw@rungs/',
    'app://rungs:8080/',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
  it('refuses null and undefined', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('app:// paths stay inside the renderer folder', () => {
  it('maps the root to index.html', () => expect(appUrlToRelativePath('app://rungs/')).toBe('index.html'));
  it('maps assets', () => expect(appUrlToRelativePath('app://rungs/assets/a.js')).toBe('assets/a.js'));
  it('resolves encoded dot segments at the root, so they cannot climb out', () => {
    expect(appUrlToRelativePath('app://rungs/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
  });
  it.each(['app://rungs/assets/..%2f..%2fmain.cjs', 'app://rungs/a%5c..%5c..%5cx', 'app://rungs/%E0%A4%A', 'app://rungs/x%00.js'])(
    'refuses %s',
    (url) => expect(appUrlToRelativePath(url)).toBeNull(),
  );
});
