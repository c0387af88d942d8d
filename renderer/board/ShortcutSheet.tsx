import { useDismissable } from '../focus.ts';

/** Every key the board answers to, in the order a lead meets them. */
const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Tab', 'Move between cards, lanes and controls'],
  ['A', 'Assign the focused card to an engineer by name (also unassign, set a reviewer); on a selected card, the whole selection'],
  [
    'X',
    'Select or unselect the focused card; Shift+X selects the cards from the last one picked to this one, in the same list (with the mouse: Ctrl-click, Shift-click)',
  ],
  ['S', 'With several cards selected: set their status (on a selected card)'],
  ['R', 'With several cards selected: set their rung (on a selected card)'],
  ['Enter', "Open the focused card's details beside the board (Escape closes them)"],
  ['Space', 'Pick up the focused card; Space or Enter drops it'],
  [
    'Arrow keys',
    'Move the card in the air to the lane above, below or beside; at an edge, on to the next lane in reading order (wrapping); past the last lane on the right, the backlog',
  ],
  ['B', 'Move the card in the air over the backlog (drop there to unassign it)'],
  ['Escape', 'Put the card back where it was; close a popup or this sheet; clear the selection'],
  ['Ctrl+Z', 'Undo the last change'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['?', 'Show these shortcuts'],
];

/** The keyboard-shortcut sheet, opened with ? on the board. Escape or Close returns focus to where it was. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const ref = useDismissable<HTMLDivElement>(onClose);
  return (
    <div className="assign-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-sheet-title"
        className="shortcut-sheet"
        data-id="shortcut-sheet"
      >
        <h3 id="shortcut-sheet-title">Keyboard shortcuts</h3>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                {keys.split(' or ').map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcut-note">On a Mac, Cmd works wherever Ctrl is written.</p>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
