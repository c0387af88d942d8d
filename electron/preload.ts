import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type RungsApi } from '../shared/contract/index.ts';

// Exposes exactly the contract's functions, one per channel; never ipcRenderer itself,
// never a generic "send anything" door, never process or its environment.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as RungsApi satisfies RungsApi;

contextBridge.exposeInMainWorld('rungs', api);
