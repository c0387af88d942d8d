import type { ReactNode } from 'react';

/** A screen's heading with its actions beside it; `id` names the screen's section (aria-labelledby). */
export function ScreenHead({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) {
  return (
    <header className="screen-head">
      <h2 id={id}>{title}</h2>
      {children}
    </header>
  );
}
