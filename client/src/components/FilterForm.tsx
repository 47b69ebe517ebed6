import { useState, type ReactNode } from 'react';
import { onNarrowScreen } from './narrowScreen';

/**
 * Filters applied on submit, not on each keystroke: a slow connection fetches once per search. With
 * `folded`, the filters sit behind a disclosure of that name, closed on a phone's screen so that the
 * list shows first, open on a wider one.
 */
export function FilterForm({ folded, ...form }: Parameters<typeof Filters>[0] & { folded?: string }) {
  const [openAtFirst] = useState(() => !onNarrowScreen());
  if (folded === undefined) return <Filters {...form} />;
  return (
    <details className="filters" open={openAtFirst}>
      <summary>{folded}</summary>
      <Filters {...form} />
    </details>
  );
}

function Filters({
  onApply,
  button,
  label,
  clear,
  children,
}: {
  onApply: () => void;
  button: string;
  /** The search's accessible name, when the page has more than one. */
  label?: string;
  /** A button that empties every filter. */
  clear?: { label: string; onClear: () => void };
  children: ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={label}
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
      <div className="form-buttons">
        <button type="submit">{button}</button>
        {clear && (
          <button type="button" className="secondary" onClick={clear.onClear}>
            {clear.label}
          </button>
        )}
      </div>
    </form>
  );
}
