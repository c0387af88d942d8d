// Packaging with electron-builder (`npx electron-builder --config electron-builder.config.ts`).
// The Electron fuses are flipped in the binary at package time, before signing, so a shipped Rungs
// cannot be run as plain Node, told to load code through NODE_OPTIONS, or opened to a debugger.
// RUNGS_E2E_BUILD=1 builds a test copy that keeps the --inspect switches: Playwright's `_electron`
// drives the app through them. Never ship that build.

export const E2E_BUILD_ENV = 'RUNGS_E2E_BUILD';

export type ElectronFuses = {
  runAsNode: boolean;
  enableCookieEncryption: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableNodeCliInspectArguments: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  loadBrowserProcessSpecificV8Snapshot: boolean;
  grantFileProtocolExtraPrivileges: boolean;
};

export function electronFuses(env: Record<string, string | undefined> = process.env): ElectronFuses {
  const e2e = env[E2E_BUILD_ENV] === '1';
  return {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: e2e,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The app is served from app://, never file://; file: keeps no extra powers.
    grantFileProtocolExtraPrivileges: false,
  };
}

export function builderConfig(env: Record<string, string | undefined> = process.env) {
  return {
    appId: 'dev.rungs.app',
    productName: 'Rungs',
    directories: { output: 'release' },
    files: ['dist/renderer/**', 'dist-electron/**', 'package.json'],
    asar: true,
    // better-sqlite3's native binding cannot load from inside the archive.
    asarUnpack: ['node_modules/better-sqlite3/**'],
    electronFuses: electronFuses(env),
    mac: { hardenedRuntime: true, category: 'public.app-category.productivity' },
    linux: { target: 'AppImage', category: 'Office' },
    win: { target: 'nsis' },
  };
}

export default builderConfig();
