import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: a member's page. */
export default function MemberPage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.members')}>{null}</Section>;
}
