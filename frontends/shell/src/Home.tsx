import { Navigate } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { Page, useSession } from '@dangvien/ui';
import { homeModule, isSystemAccount } from './modules.ts';

/** "/" opens the highest module the user may use; an account with none gets an explanation. */
export function Home() {
  const { t } = useTranslation('shell');
  const { grants } = useSession();
  const home = homeModule(grants);
  if (home) return <Navigate to={home.path} replace />;
  return (
    <Page title={t('homeTitle')}>
      <p className="dv-notice" data-testid="no-modules">
        {isSystemAccount(grants) ? t('systemAccount') : t('noModules')}
      </p>
    </Page>
  );
}
