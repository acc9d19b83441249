import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, UiStyles } from './components.tsx';
import { AuthError, session } from './session.ts';
import { useSession } from './useSession.ts';

/**
 * Renders its children only when someone is signed in; otherwise the sign-in page (or a short
 * wait while a session kept over a reload is restored). Wraps the shell and each standalone remote.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useSession();
  useEffect(() => {
    session.start();
  }, []);
  if (status === 'signedIn') return children;
  if (status === 'restoring') {
    return (
      <div className="dv-page">
        <Loading label={t('auth.restoring')} />
      </div>
    );
  }
  return <SignInPage />;
}

/** The sign-in form. Signing in updates the session, so RequireSession swaps this page for the app. */
export function SignInPage() {
  const { t } = useTranslation();
  const { ended, error: restoreError } = useSession();
  const usernameId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t('auth.missingFields'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(username.trim(), password);
    } catch (cause) {
      setError(authErrorText(cause, t));
    } finally {
      setBusy(false);
    }
  };

  const shownError = error ?? (restoreError ? authErrorText(restoreError, t) : undefined);

  return (
    <main className="dv-signin">
      <UiStyles />
      <p className="dv-signin__app">{t('common.appName')}</p>
      <h1 className="dv-page__title">{t('auth.title')}</h1>
      <form
        className="dv-signin__form"
        data-testid="sign-in-form"
        noValidate // our messages are larger and clearer than the browser's bubbles
        aria-busy={busy}
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        {ended === 'expired' && !shownError ? (
          <p className="dv-notice" role="status" data-testid="session-expired">
            {t('auth.expired')}
          </p>
        ) : null}
        {shownError ? (
          <div className="dv-error" role="alert" data-testid="sign-in-error">
            <p className="dv-error__text">{shownError}</p>
          </div>
        ) : null}
        <div className="dv-field">
          <label htmlFor={usernameId}>{t('auth.username')}</label>
          <input
            id={usernameId}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </div>
        <div className="dv-field">
          <label htmlFor={passwordId}>{t('auth.password')}</label>
          <input
            id={passwordId}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
        <label className="dv-check">
          <input
            type="checkbox"
            checked={showPassword}
            onChange={(event) => {
              setShowPassword(event.target.checked);
            }}
          />
          {t('auth.showPassword')}
        </label>
        <button type="submit" className="dv-button" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </main>
  );
}

/** The server's own message first (it explains a lock, for instance); ours only when it sent none. */
function authErrorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof AuthError) return error.serverMessage ?? t(`auth.errors.${error.kind}`);
  return t('auth.errors.unavailable');
}
