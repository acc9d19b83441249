import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from './graphql.ts';
import css from './styles.css?inline';

/**
 * Inlined and hoisted by React 19 (deduplicated by href): remotes' CSS files are not
 * loaded when the shell mounts them, but a style element rendered from JS always is.
 */
export function UiStyles() {
  return (
    <style href="dangvien-ui" precedence="default">
      {css}
    </style>
  );
}

export function Page({ title, toolbar, children }: { title: ReactNode; toolbar?: ReactNode; children?: ReactNode }) {
  return (
    <section className="dv-page">
      <UiStyles />
      <h1 className="dv-page__title">{title}</h1>
      {toolbar ? <div className="dv-page__toolbar">{toolbar}</div> : null}
      {children}
    </section>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="dv-loading" role="status" aria-live="polite">
      <UiStyles />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof GraphQLRequestError ? error.code : 'UNKNOWN';
  // A refusal carries the server's own Vietnamese explanation; anything else a generic one by code.
  const text = error instanceof GraphQLRequestError && error.refused && error.detail ? error.message : t(`error.${code}`, { defaultValue: t('error.UNKNOWN') });
  return (
    <div className="dv-error" role="alert">
      <UiStyles />
      <h2 className="dv-error__title">{title ?? t('common.errorTitle')}</h2>
      <p className="dv-error__text">{text}</p>
      {onRetry ? (
        <button type="button" className="dv-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
