'use client';

/**
 * Every form that runs a server action is written the same way: `useActionForm` runs the action
 * and holds its outcome; `<ActionForm>` is the form element that sends it, with its hidden
 * fields and an optional confirmation; inside it, `<SubmitButton>` (or `<SubmitRow>`, the button
 * in its `.form-actions` row) is disabled and relabelled while the action runs, and
 * `<ActionMessage>` shows the outcome. The fields take their errors from `form.fieldErrors`
 * (`bindFields` passes them on).
 *
 *   const form = useActionForm(saveAction, { onSuccess: () => setValues(empty) });
 *   <ActionForm form={form} fields={{ id }} className="form" aria-label={title} submit={{ label: t('save'), pendingLabel: t('saving') }}>
 *     <TextField {...field('name')} label={t('name')} />
 *   </ActionForm>
 */
import { createContext, use, useActionState, type ButtonHTMLAttributes, type FormHTMLAttributes, type ReactNode } from 'react';
import { FormMessage } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';

/** A server action as `defineAction` makes it, or a client function that calls one. */
export type FormAction<T> = (previous: unknown, formData: FormData) => Promise<ActionState<T>>;

export type ActionFormState<T> = {
  /** The outcome of the last run (idle before the first). */
  state: ActionState<T>;
  /** What the form element sends its data to. */
  formAction: (formData: FormData) => void;
  isPending: boolean;
  /** The server's errors by field name, empty unless the last run was refused. */
  fieldErrors: Record<string, string[]>;
};

/**
 * Runs `action` on each submission; `onSuccess` follows a successful run, before its outcome is
 * shown (to empty the fields, move the focus…).
 */
export function useActionForm<T>(action: FormAction<T>, { onSuccess }: { onSuccess?: (data: T) => void } = {}): ActionFormState<T> {
  const [state, formAction, isPending] = useActionState<ActionState<T>, FormData>(
    // With nothing to follow, the server action itself, which also answers a form sent before hydration.
    onSuccess
      ? async (previous, formData) => {
          const result = await action(previous, formData);
          if (result.status === 'success') onSuccess(result.data);
          return result;
        }
      : action,
    idleState,
  );
  return { state, formAction, isPending, fieldErrors: state.status === 'error' ? state.fieldErrors : {} };
}

const ActionFormContext = createContext<ActionFormState<unknown> | null>(null);

function useActionFormContext(): ActionFormState<unknown> {
  const form = use(ActionFormContext);
  if (!form) throw new Error('A submit button or an action message is used outside an <ActionForm>.');
  return form;
}

const variants = {
  primary: 'primary',
  secondary: 'secondary',
  danger: 'secondary danger',
  link: 'link',
  plain: undefined,
} as const;

export type SubmitProps = {
  label: ReactNode;
  /** Shown instead of the label while the action runs. */
  pendingLabel?: ReactNode;
  variant?: keyof typeof variants;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'children'>;

/** The form's submit button, disabled while its action runs (and when `disabled`). */
export function SubmitButton({ label, pendingLabel, variant = 'primary', disabled, ...button }: SubmitProps) {
  const { isPending } = useActionFormContext();
  return (
    <button type="submit" className={variants[variant]} disabled={isPending || disabled} {...button}>
      {isPending && pendingLabel !== undefined ? pendingLabel : label}
    </button>
  );
}

/** The row under a form: its submit button, then `children` (another button, a hint). */
export function SubmitRow({ children, ...button }: SubmitProps & { children?: ReactNode }) {
  return (
    <div className="form-actions">
      <SubmitButton {...button} />
      {children}
    </div>
  );
}

/** The outcome of the form's action: its refusal (role=alert) or its confirmation (role=status). */
export function ActionMessage() {
  return <FormMessage state={useActionFormContext().state} />;
}

type ActionFormProps = {
  form: ActionFormState<unknown>;
  /** Values sent along as hidden inputs, in this order; a null or undefined one is left out. */
  fields?: Record<string, string | number | null | undefined>;
  /** A question put before sending; the form is sent only once it is accepted. */
  confirm?: string;
  /** The usual ending after the children: the outcome message, then the submit row with this button. */
  submit?: SubmitProps;
  children?: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit' | 'children'>;

export function ActionForm({ form, fields = {}, confirm, submit, children, ...props }: ActionFormProps) {
  return (
    <ActionFormContext value={form}>
      <form
        action={form.formAction}
        onSubmit={
          confirm
            ? (event) => {
                if (!window.confirm(confirm)) event.preventDefault();
              }
            : undefined
        }
        {...props}
      >
        {Object.entries(fields).map(([name, value]) =>
          value === null || value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
        )}
        {children}
        {submit ? (
          <>
            <ActionMessage />
            <SubmitRow {...submit} />
          </>
        ) : null}
      </form>
    </ActionFormContext>
  );
}
