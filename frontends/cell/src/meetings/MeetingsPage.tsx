import { useTranslation } from 'react-i18next';
import { Section } from '@dangvien/ui';

/** Placeholder: the cell's meetings. */
export default function MeetingsPage() {
  const { t } = useTranslation('cell');
  return <Section title={t('nav.meetings')}>{null}</Section>;
}
