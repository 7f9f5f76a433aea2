import type { ChangeEvent, Dispatch, SetStateAction } from 'react';

type FormValues = Record<string, string | boolean>;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The props that tie a form's fields to its state: a field's name, its value (or checked state),
 * its change handler and the server's errors for it. `<TextField {...field('city')} label=… />`.
 */
export function bindFields<V extends FormValues>(
  values: V,
  setValues: Dispatch<SetStateAction<V>>,
  errors: Partial<Record<string, string[]>>,
) {
  const onChange = (name: keyof V & string) => (event: ChangeEvent<Control>) => {
    const target = event.target;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    setValues((current) => ({ ...current, [name]: value }));
  };
  return {
    field: (name: keyof V & string) => ({ name, value: String(values[name]), onChange: onChange(name), errors: errors[name] }),
    checkbox: (name: keyof V & string) => ({ name, checked: Boolean(values[name]), onChange: onChange(name), errors: errors[name] }),
  };
}
