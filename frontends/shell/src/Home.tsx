import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@dangvien/ui';
import { MODULES } from './modules.ts';

export function Home() {
  const { t } = useTranslation('shell');
  return (
    <Page title={t('homeTitle')}>
      <p>{t('homeIntro')}</p>
      <ul className="shell-cards">
        {MODULES.map((module) => (
          <li key={module.name}>
            <Link to={module.path} className="shell-card">
              <strong>{t(module.name)}</strong>
              <span>{t(`${module.name}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
