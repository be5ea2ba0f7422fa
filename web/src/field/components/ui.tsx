import { useId, type ReactNode } from 'react';

/** The few controls the field app is made of: large touch targets, Chinese labels, no component library. */

type ButtonProps = {
  children: ReactNode;
  onClick?: () => void;
  kind?: 'primary' | 'default' | 'danger' | 'link';
  disabled?: boolean;
  block?: boolean;
  type?: 'button' | 'submit';
  label?: string;
};

export function Button({ children, onClick, kind = 'default', disabled, block, type = 'button', label }: ButtonProps) {
  return (
    <button type={type} className={`btn btn-${kind}${block ? ' btn-block' : ''}`} onClick={onClick} disabled={disabled} aria-label={label}>
      {children}
    </button>
  );
}

export function Banner({ kind = 'info', children, role }: { kind?: 'info' | 'warn' | 'error' | 'ok'; children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`banner banner-${kind}`} role={role ?? (kind === 'error' ? 'alert' : 'status')}>
      {children}
    </div>
  );
}

/** A choice among a few options, each a button that says whether it is chosen; nothing chosen at first. */
export function Choice<T extends string>({
  label,
  options,
  value,
  onChange,
  tone,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  tone?: (value: T) => 'good' | 'bad' | 'neutral';
}) {
  return (
    <div className="choice" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className={`choice-option${value === option.value ? ` chosen chosen-${tone?.(option.value) ?? 'neutral'}` : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  type?: 'text' | 'password' | 'date';
  autoComplete?: string;
  min?: string;
  max?: string;
  hint?: string;
};

export function TextField({ label, value, onChange, multiline, required, maxLength, placeholder, type = 'text', autoComplete, min, max, hint }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required">（必填）</span> : null}
      </label>
      {multiline ? (
        <textarea id={id} value={value} maxLength={maxLength} placeholder={placeholder} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          autoComplete={autoComplete}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="section" aria-label={title}>
      <div className="section-head">
        <h2>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

export function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="badge" aria-label={`${label} ${count} 条`}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
