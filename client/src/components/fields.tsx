import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: ReactNode;
  /** The API's messages for this field, shown under it and announced with it. */
  errors?: readonly string[];
  hint?: ReactNode;
}

/** Label, control, hint and errors wired together for assistive technology. */
function Frame({ id, label, errors, hint, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {errors?.map((message, index) => (
        <p key={index} id={index === 0 ? `${id}-error` : undefined} className="field-error">
          {message}
        </p>
      ))}
    </div>
  );
}

function described(id: string, { errors, hint }: FieldFrame) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return { 'aria-describedby': ids.length ? ids.join(' ') : undefined, 'aria-invalid': errors?.length ? true : undefined };
}

type InputProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & { onValue: (value: string) => void };

export function TextField({ label, errors, hint, onValue, ...input }: InputProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} errors={errors} hint={hint}>
      <input id={id} {...input} {...described(id, { errors, hint, label })} onChange={(event) => onValue(event.target.value)} />
    </Frame>
  );
}

type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & { onValue: (value: string) => void };

export function TextAreaField({ label, errors, hint, onValue, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} errors={errors} hint={hint}>
      <textarea id={id} {...textarea} {...described(id, { errors, hint, label })} onChange={(event) => onValue(event.target.value)} />
    </Frame>
  );
}

type SelectProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
    onValue: (value: string) => void;
    options: readonly { value: string; label: string }[];
    /** A first, empty choice (for optional fields or "choose…"). */
    placeholder?: string;
  };

export function SelectField({ label, errors, hint, onValue, options, placeholder, ...select }: SelectProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} errors={errors} hint={hint}>
      <select id={id} {...select} {...described(id, { errors, hint, label })} onChange={(event) => onValue(event.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Several choices out of a list (key factors, administrations), as labelled checkboxes in a fieldset. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onSelected,
  errors,
}: {
  legend: ReactNode;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onSelected: (values: string[]) => void;
  errors?: readonly string[];
}) {
  const id = useId();
  return (
    <fieldset className="field checkbox-group" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onSelected(
                event.target.checked
                  ? [...selected, option.value]
                  : selected.filter((value) => value !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
      {errors?.map((message, index) => (
        <p key={index} id={index === 0 ? `${id}-error` : undefined} className="field-error">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

/**
 * A file to upload (an attendance sheet, survey responses): CSV or .xlsx, handed over as soon as it is chosen, with
 * the API's messages (or the form's own "choose a file first") under it.
 */
export function SpreadsheetField({ label, errors, onFile }: { label: ReactNode; errors?: readonly string[]; onFile: (file: File | null) => void }) {
  const id = useId();
  return (
    <div className="field form-wide">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        {...described(id, { errors, label })}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      {errors?.map((message, index) => (
        <p key={index} id={index === 0 ? `${id}-error` : undefined} className="field-error">
          {message}
        </p>
      ))}
    </div>
  );
}
