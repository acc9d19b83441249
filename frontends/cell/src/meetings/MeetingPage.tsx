import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: one meeting and its printable minutes. */
export default function MeetingPage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.meetings')}>{null}</Section>;
}
