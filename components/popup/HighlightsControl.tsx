/**
 * The popup's show/hide control for the page's highlights (the same as the toggle-highlights
 * shortcut), with its new state announced in a status message.
 */
export interface HighlightsControlProps {
  /** Whether the page shows its highlights; null when the page has not said. */
  visible: boolean | null;
  /** The last change, announced ("Highlights hidden on the page."), or null. */
  said: string | null;
  onToggle(): void;
}

export function HighlightsControl({ visible, said, onToggle }: HighlightsControlProps) {
  return (
    <div className="cc-highlights">
      <button type="button" onClick={onToggle}>
        {visible === false ? 'Show highlights' : 'Hide highlights'}
      </button>
      <span className="cc-note" role="status">
        {said ?? ''}
      </span>
    </div>
  );
}
