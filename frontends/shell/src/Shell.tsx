import { NavLink, Route, Routes, useNavigate } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { Page, session, UiStyles, useSession, type Language } from '@dangvien/ui';
import { Forbidden } from './Forbidden.tsx';
import { Home } from './Home.tsx';
import { allowedModules, MODULES } from './modules.ts';
import { RemoteModule } from './RemoteModule.tsx';

/** The signed-in app (main.tsx wraps it in RequireSession): header, navigation, the modules. */
export function Shell() {
  const { t, i18n } = useTranslation('shell');
  const navigate = useNavigate();
  const { user, grants } = useSession();
  const allowed = new Set(allowedModules(grants).map((module) => module.name));
  const switchLanguage = () => {
    const next: Language = i18n.language === 'vi' ? 'en' : 'vi';
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  };
  const signOut = () => {
    // Back to "/" first, so whoever signs in next starts at their own home, not at this user's unit.
    void navigate('/');
    void session.signOut();
  };

  return (
    <>
      <UiStyles />
      <a className="shell-skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell-header">
        <NavLink to="/" className="shell-brand" end>
          {t('common.appName', { ns: 'translation' })}
        </NavLink>
        {allowed.size > 0 ? (
          <nav aria-label={t('mainNav')}>
            <ul className="shell-nav">
              {MODULES.filter((module) => allowed.has(module.name)).map((module) => (
                <li key={module.name}>
                  <NavLink to={module.path}>{t(module.name)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="shell-actions">
          {grants.some((grant) => grant.role === 'ANALYST') ? (
            // A page of its own served by the gateway (docs/analysts.md), not a module: a full load keeps
            // GraphiQL out of the shell; same origin and tab, so the session carries over.
            <a className="shell-button" href="/explorer/" data-testid="open-explorer">
              {t('explorer')}
            </a>
          ) : null}
          <button type="button" className="shell-button" onClick={switchLanguage}>
            {t('switchLanguage')}
          </button>
          <span className="shell-user" data-testid="current-user">
            {user?.name}
          </span>
          <button type="button" className="shell-button" data-testid="sign-out" onClick={signOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route index element={<Home />} />
          {MODULES.map((module) => (
            <Route
              key={module.name}
              path={`${module.path}/*`}
              element={
                allowed.has(module.name) ? (
                  // key: each module keeps its own error and retry state.
                  <RemoteModule key={module.name} name={module.name} label={t(module.name)} basePath={module.path} />
                ) : (
                  <Forbidden label={t(module.name)} />
                )
              }
            />
          ))}
          <Route path="*" element={<Page title={t('common.notFound', { ns: 'translation' })} />} />
        </Routes>
      </main>
    </>
  );
}
