import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, UiStyles, type Language } from '@dangvien/ui';
import { Home } from './Home.tsx';
import { MODULES } from './modules.ts';
import { RemoteModule } from './RemoteModule.tsx';

export function Shell() {
  const { t, i18n } = useTranslation('shell');
  const switchLanguage = () => {
    const next: Language = i18n.language === 'vi' ? 'en' : 'vi';
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
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
        <nav aria-label={t('mainNav')}>
          <ul className="shell-nav">
            {MODULES.map((module) => (
              <li key={module.name}>
                <NavLink to={module.path}>{t(module.name)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="shell-language" onClick={switchLanguage}>
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route index element={<Home />} />
          {MODULES.map((module) => (
            <Route
              key={module.name}
              path={`${module.path}/*`}
              // key: each module keeps its own error and retry state.
              element={<RemoteModule key={module.name} name={module.name} label={t(module.name)} basePath={module.path} />}
            />
          ))}
          <Route path="*" element={<Page title={t('common.notFound', { ns: 'translation' })} />} />
        </Routes>
      </main>
    </>
  );
}
