import { type ComponentProps, useEffect, useId, useRef, useState } from 'react';
import { plural } from '../../shared/words.ts';
import { PreviewRows } from './PreviewRows.tsx';

type Props = ComponentProps<typeof PreviewRows>;

/**
 * A preview with its errors easy to reach: the first row with an error is scrolled into view when
 * the preview arrives, and a switch shows only the rows with errors, so a long sheet's three bad
 * lines are not hunted for among three hundred good ones.
 */
export function PreviewWithErrors(props: Props) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const bad = props.shown.filter((r) => r.errors.length > 0);
  const firstBad = bad[0]?.line;
  useEffect(() => {
    if (firstBad === undefined) return;
    ref.current?.querySelector(`[data-id="line-${firstBad}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [props.preview, firstBad]);
  const only = errorsOnly && bad.length > 0;
  return (
    <div ref={ref}>
      {bad.length > 0 && (
        <p className="field-check">
          <input id={id} type="checkbox" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} />
          <label htmlFor={id}>Only the {plural(bad.length, 'row')} with errors</label>
        </p>
      )}
      <PreviewRows {...props} shown={only ? bad : props.shown} more={only ? 0 : props.more} />
    </div>
  );
}
