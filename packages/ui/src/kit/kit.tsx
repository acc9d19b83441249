import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link, NavLink, type LinkProps } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UiStyles } from '../components.tsx';
import { useOutboxState } from '../offline/useOutbox.ts';

/** A titled part of a page (its heading level follows the page's h1). */
export function Section({ title, actions, children, className }: { title: ReactNode; actions?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <section className={`dv-section${className ? ` ${className}` : ''}`}>
      <div className="dv-section__head">
        <h2 className="dv-section__title">{title}</h2>
        {actions ? <div className="dv-section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word on a coloured ground (never colour alone: the word is the meaning). */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`dv-badge dv-badge--${tone}`}>{children}</span>;
}

/** A message box; `role` alert for what just went wrong, status for what just happened. */
export function Alert({ tone = 'info', title, children, live }: { tone?: Tone; title?: ReactNode; children?: ReactNode; live?: 'alert' | 'status' }) {
  return (
    <div className={`dv-alert dv-alert--${tone}`} role={live}>
      {title ? <p className="dv-alert__title">{title}</p> : null}
      {children}
    </div>
  );
}

type ButtonVariant = 'primary' | 'secondary' | 'danger';

export function Button({ variant = 'primary', className, type = 'button', ...button }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={`dv-button dv-button--${variant}${className ? ` ${className}` : ''}`} {...button} />;
}

/** A link that looks like a button: easy to find and to hit. */
export function ButtonLink({ variant = 'secondary', className, ...link }: LinkProps & { variant?: ButtonVariant }) {
  return <Link className={`dv-button dv-button--${variant}${className ? ` ${className}` : ''}`} {...link} />;
}

/** Buttons and fields in a row that wraps on a phone. */
export function Toolbar({ children }: { children: ReactNode }) {
  return <div className="dv-toolbar">{children}</div>;
}

/** A module's own navigation (Trang chủ, Đảng viên, Sinh hoạt …): wraps, large targets. */
export function SubNav({ label, items }: { label: string; items: readonly { to: string; label: string; end?: boolean }[] }) {
  return (
    <nav className="dv-subnav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Label and value pairs (a member's record). */
export function Facts({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="dv-facts">
      {items.map((item) => (
        <div key={item.label} className="dv-facts__row">
          <dt>{item.label}</dt>
          <dd>{item.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A modal dialog on the browser's own <dialog> (focus trapped, Escape closes). */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: ReactNode; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dv-dialog" onClose={onClose} aria-labelledby={titleId}>
      <div className="dv-dialog__head">
        <h2 id={titleId}>{title}</h2>
        <Button variant="secondary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
      {open ? children : null}
    </dialog>
  );
}

/**
 * A document to print on A4 (minutes, a list): on screen it is shown as a page; when printing, only
 * it is printed, without the shell's header and the module's navigation.
 */
export function PrintLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="dv-print-actions">
        <Button onClick={() => window.print()}>{t('common.print')}</Button>
        {actions}
      </div>
      <article className="dv-print">{children}</article>
    </>
  );
}

/** Changes waiting for the network, and those the server refused when finally sent. */
export function OutboxStatus() {
  const { t } = useTranslation();
  const { pending, refused, dismissRefused } = useOutboxState();
  if (pending.length === 0 && refused.length === 0) return null;
  return (
    <div className="dv-outbox">
      <UiStyles />
      {pending.length > 0 ? (
        <Alert tone="warning" live="status" title={t('outbox.pending', { count: pending.length })}>
          <ul>
            {pending.map((change) => (
              <li key={change.id}>{change.label}</li>
            ))}
          </ul>
          <p>{t('outbox.willSend')}</p>
        </Alert>
      ) : null}
      {refused.map(({ change, error }) => (
        <Alert key={change.id} tone="danger" live="alert" title={t('outbox.refused', { label: change.label })}>
          <p>{error.message}</p>
          <Button variant="secondary" onClick={() => dismissRefused(change.id)}>
            {t('common.close')}
          </Button>
        </Alert>
      ))}
    </div>
  );
}
