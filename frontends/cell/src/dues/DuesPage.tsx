import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: dues. */
export default function DuesPage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.dues')}>{null}</Section>;
}
