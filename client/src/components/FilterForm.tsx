import type { ReactNode } from 'react';

/** Filters applied on submit, not on each keystroke: a slow connection fetches once per search. */
export function FilterForm({
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
