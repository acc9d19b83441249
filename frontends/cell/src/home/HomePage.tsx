import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: the cell's alerts and this month's meeting. */
export default function HomePage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.home')}>{null}</Section>;
}
