// `npm start`: launch the Electron window, or say plainly why not and how to use Rungs anyway.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectron } from './electron-binary.mjs';

let { path, reason } = findElectron();
if (!path && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // Electron downloads its binary on first use; give it that chance on a normal machine.
  try {
    path = createRequire(import.meta.url)('electron');
  } catch (error) {
    reason = `downloading it failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
if (!path) {
  console.error(
    `\nRungs cannot open its window: ${reason}.\n\nUse Rungs in your browser instead (same roster, same board):\n\n    npm run web\n`,
  );
  process.exit(1);
}
const child = spawn(path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
