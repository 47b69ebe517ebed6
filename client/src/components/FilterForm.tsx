import type { ReactNode } from 'react';

/** Filters applied on submit, not on each keystroke: a slow connection fetches once per search. */
export function FilterForm({ onApply, button, children }: { onApply: () => void; button: string; children: ReactNode }) {
  return (
    <form
      role="search"
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
      <div className="form-buttons">
        <button type="submit">{button}</button>
      </div>
    </form>
  );
}
