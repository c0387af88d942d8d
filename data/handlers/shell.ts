import type { shellContract } from '../../shared/contract/shell.ts';
import { UNSUPPORTED_MESSAGE } from '../../shared/contract/shell.ts';
import { RungsError } from '../../shared/errors.ts';
import type { Handlers } from './types.ts';

// The shell's channels belong to the transport (electron/shell.ts answers them in Electron). Here,
// behind the dispatcher every transport shares, they only refuse, with a code the renderer falls
// back on; they never touch the database.

const unsupported = (): never => {
  throw new RungsError('unsupported', UNSUPPORTED_MESSAGE);
};

export const shellHandlers: Handlers<typeof shellContract> = {
  'shell.features': unsupported,
  'shell.saveFile': unsupported,
  'shell.openFile': unsupported,
  'shell.saveReportPdf': unsupported,
};
