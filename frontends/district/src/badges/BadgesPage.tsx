import { useTranslation } from 'react-i18next';

/** Placeholder until the feature lands (issue 17). */
export default function BadgesPage() {
  const { t } = useTranslation('district');
  return <h2>{t('nav.badges')}</h2>;
}
