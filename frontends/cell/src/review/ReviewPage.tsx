import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: the year-end review. */
export default function ReviewPage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.review')}>{null}</Section>;
}
