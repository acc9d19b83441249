import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { get, useFormContext, type FieldValues, type Path } from 'react-hook-form';

/** A field's frame: label, the control, a hint, and the error right under it (announced). */
function FieldFrame(props: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  const { id, label, hint, error, children, className } = props;
  return (
    <div className={`dv-field${error ? ' dv-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <small id={`${id}-hint`} className="dv-field__hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="dv-field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function useField<TValues extends FieldValues>(name: Path<TValues>, hint: ReactNode | undefined) {
  const id = useId();
  const form = useFormContext<TValues>();
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, form, error, aria: { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } };
}

interface FieldProps<TValues extends FieldValues> {
  name: Path<TValues>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

/** A text, date, number or month input bound to the form around it (FormProvider). */
export function TextField<TValues extends FieldValues>(props: FieldProps<TValues> & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const { name, label, hint, className, ...input } = props;
  const { id, form, error, aria } = useField<TValues>(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} {...input} {...aria} {...form.register(name, { valueAsNumber: input.type === 'number' })} />
    </FieldFrame>
  );
}

export function TextAreaField<TValues extends FieldValues>(props: FieldProps<TValues> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  const { name, label, hint, className, ...textarea } = props;
  const { id, form, error, aria } = useField<TValues>(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} rows={4} {...textarea} {...aria} {...form.register(name)} />
    </FieldFrame>
  );
}

export function SelectField<TValues extends FieldValues>(
  props: FieldProps<TValues> & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & { options: readonly { value: string; label: string }[] },
) {
  const { name, label, hint, className, options, ...select } = props;
  const { id, form, error, aria } = useField<TValues>(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} {...select} {...aria} {...form.register(name)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** One choice among a few shown at once (large targets: a radio per option), e.g. present / excused / absent. */
export function ChoiceField<TValues extends FieldValues>(props: FieldProps<TValues> & { options: readonly { value: string; label: string }[] }) {
  const { name, label, hint, className, options } = props;
  const { id, form, error, aria } = useField<TValues>(name, hint);
  return (
    <fieldset className={`dv-choice${error ? ' dv-field--invalid' : ''}${className ? ` ${className}` : ''}`} aria-describedby={aria['aria-describedby']}>
      <legend>{label}</legend>
      <div className="dv-choice__options">
        {options.map((option) => (
          <label key={option.value} className="dv-choice__option">
            <input type="radio" value={option.value} {...form.register(name)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <small id={`${id}-hint`} className="dv-field__hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="dv-field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Several choices in a list, one checkbox each (the value is the array of those ticked), e.g. the cells a merger ends. */
export function ChecksField<TValues extends FieldValues>(props: FieldProps<TValues> & { options: readonly { value: string; label: string }[] }) {
  const { name, label, hint, className, options } = props;
  const { id, form, aria } = useField<TValues>(name, hint);
  // An array's own error sits on the field or, from a refinement of the whole list, on its root.
  const errors = get(form.formState.errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const error = errors?.message ?? errors?.root?.message;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || aria['aria-describedby'];
  return (
    <fieldset className={`dv-checks${error ? ' dv-field--invalid' : ''}${className ? ` ${className}` : ''}`} aria-describedby={describedBy}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" value={option.value} {...form.register(name)} />
          <span>{option.label}</span>
        </label>
      ))}
      {hint ? (
        <small id={`${id}-hint`} className="dv-field__hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="dv-field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The form-level message: a server refusal that names no field of this form. */
export function FormError() {
  const form = useFormContext();
  const message = (form.formState.errors.root?.server as { message?: string } | undefined)?.message;
  return message ? (
    <div className="dv-alert dv-alert--error" role="alert">
      {message}
    </div>
  ) : null;
}
