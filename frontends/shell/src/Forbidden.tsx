import { Link } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { Page } from '@dangvien/ui';

/** Shown instead of a module the user's roles do not allow; the remote is never loaded. */
export function Forbidden({ label }: { label: string }) {
  const { t } = useTranslation('shell');
  return (
    <Page title={label}>
      <p className="dv-notice" data-testid="module-forbidden">
        {t('moduleForbidden')}
      </p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </Page>
  );
}
