import type { shellContract } from '../../shared/contract/shell.ts';
import { UNSUPPORTED_MESSAGE } from '../../shared/contract/shell.ts';
import { ROSTER_FILES_UNSUPPORTED, type rosterFilesContract } from '../../shared/contract/roster-files.ts';
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

const rosterFilesUnsupported = (): never => {
  throw new RungsError('unsupported', ROSTER_FILES_UNSUPPORTED);
};

/** Switching roster files is the transport's (data/remote/roster-files.ts); the roster itself cannot. */
export const rosterFilesHandlers: Handlers<typeof rosterFilesContract> = {
  'rosterFiles.list': rosterFilesUnsupported,
  'rosterFiles.create': rosterFilesUnsupported,
  'rosterFiles.open': rosterFilesUnsupported,
};
