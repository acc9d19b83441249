import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: Regulation 213. */
export default function ResidencePage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.residence')}>{null}</Section>;
}
