/**
 * Form fields with a real <label>, a hint and the field's errors tied to the input by
 * aria-describedby, as screen readers and keyboard users expect.
 */
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Common = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
  /** A short value (a number, a date) in a filter bar. */
  isNarrow?: boolean;
};

const frameClass = (isNarrow?: boolean) => (isNarrow ? 'field narrow-field' : 'field');

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="error">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** What ties a control to its label and messages: its id, its name, its state for screen readers. */
function controlProps(id: string, name: string, hint: unknown, errors?: string[]) {
  return { id, name, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy(id, hint, errors) } as const;
}

/** A labelled control in its frame, with its hint and errors under it. */
function Field({ id, label, hint, errors, isNarrow, children }: Omit<Common, 'name'> & { id: string; children: ReactNode }) {
  return (
    <div className={frameClass(isNarrow)}>
      <label htmlFor={id}>{label}</label>
      {children}
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  errors,
  id = name,
  isNarrow,
  ref,
  ...input
}: Common & { ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} isNarrow={isNarrow}>
      <input {...controlProps(id, name, hint, errors)} ref={ref} {...input} />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id = name,
  isNarrow,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} isNarrow={isNarrow}>
      <textarea {...controlProps(id, name, hint, errors)} {...input} />
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  id = name,
  isNarrow,
  options,
  ...select
}: Common & { options: { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} isNarrow={isNarrow}>
      <select {...controlProps(id, name, hint, errors)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  id = name,
  isNarrow: _isNarrow,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  return (
    <div className="field checkbox">
      <input type="checkbox" {...controlProps(id, name, hint, errors)} {...input} />
      <label htmlFor={id}>{label}</label>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** The outcome of a form: an error summary (role=alert) or a confirmation (role=status). */
export function FormMessage({ state }: { state: { status: string; message?: string } & Record<string, unknown> }) {
  if (state.status === 'error') {
    return (
      <p className="form-error" role="alert" data-testid="form-error">
        {state.message}
      </p>
    );
  }
  const message = state.status === 'success' ? (state.data as { message?: string } | undefined)?.message : undefined;
  return message ? (
    <p className="form-success" role="status">
      {message}
    </p>
  ) : null;
}
