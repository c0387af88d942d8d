import { notices, useNotice } from '../store/notice.ts';

const ICON = { success: '✓', info: 'ℹ', warning: '⚠' } as const;

/**
 * Where the last change is announced: a status region for what was done, an alert for a refusal.
 * Both are always in the page (empty when quiet), so a screen reader hears every change of text.
 * The board's strip shows an icon and a dismiss button; a screen's line keeps its own look.
 */
export function Notices({
  variant = 'screen',
  statusClass = 'notice',
  where,
}: {
  variant?: 'board' | 'screen';
  statusClass?: string;
  /** Show only the notices about this part of the screen (see Notice.where). */
  where?: string;
}) {
  const latest = useNotice();
  const notice = latest?.where === where ? latest : null;
  const said = notice?.tone === 'refused' ? null : notice;
  const refused = notice?.tone === 'refused' ? notice.text : null;
  if (variant === 'screen') {
    return (
      <>
        <p role="status" className={statusClass} data-id="notice">
          {said?.text ?? ''}
        </p>
        <p role="alert" className={refused ? 'error-banner' : undefined} data-id="alert">
          {refused ?? ''}
        </p>
      </>
    );
  }
  return (
    <>
      <div role="status" className={`notice${said ? ` notice-${said.tone}` : ''}`} data-id="notice">
        {said && (
          <>
            {/* Not by colour alone: an icon, and a word for the warning, say what kind of notice this is. */}
            <span className="notice-icon" aria-hidden="true">
              {ICON[said.tone as keyof typeof ICON]}
            </span>
            {said.tone === 'warning' && <strong>Warning: </strong>}
            {said.text}
          </>
        )}
      </div>
      <div role="alert" className={refused ? 'alert' : undefined} data-id="alert">
        {refused}
      </div>
      {refused && (
        <button type="button" className="dismiss" onClick={notices.clear}>
          Dismiss error
        </button>
      )}
    </>
  );
}
