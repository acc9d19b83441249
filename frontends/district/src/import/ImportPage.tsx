import { useTranslation } from 'react-i18next';
import { MemberImport } from '@dangvien/ui';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { UnitImport } from './UnitImport.tsx';

/** Import members and units into the open top unit's tree. */
export default function ImportPage() {
  const { t } = useTranslation('district');
  const { unitId } = useDistrictPath();
  return (
    <>
      <h2>{t('dataTitle')}</h2>
      <MemberImport key={`members-${unitId}`} unitId={unitId} />
      <UnitImport key={`units-${unitId}`} parentId={unitId} />
    </>
  );
}
