import { useCallback } from 'react';
import type { ChannelName, RequestOf } from '../../shared/contract/index.ts';
import { api } from '../api.ts';
import { useMutation } from '../store/useMutation.ts';

type LadderEdit = Exclude<
  Extract<ChannelName, `ladder.${string}`>,
  'ladder.get' | 'ladder.levelUse' | 'ladder.moveImpact' | 'ladder.previewImport'
>;

/** One ladder edit through the one mutation hook: the reply patches the plan store, a refusal is a notice. */
export function useLadderEdit() {
  const { run, pending } = useMutation();
  const edit = useCallback(
    async <K extends LadderEdit>(channel: K, request: RequestOf<K>): Promise<boolean> => {
      const call = api[channel] as (r: RequestOf<K>) => ReturnType<(typeof api)['ladder.setCell']>;
      const r = await run(() => call(request));
      return r.ok;
    },
    [run],
  );
  return { edit, pending };
}
