import { Route, Routes } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, type RemoteAppProps } from '@dangvien/ui';
import { en, vi } from './messages.ts';
import { WardPage } from './WardPage.tsx';

addTranslations('ward', { vi, en });

/** Routes are relative, so they match under the shell's /ward/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('ward');
  const openDefault = <CurrentUnitRedirect kind="GRASSROOTS_COMMITTEE" basePath={basePath} title={t('title')} />;
  return (
    <Routes>
      <Route index element={openDefault} />
      <Route path=":committeeId" element={<WardPage basePath={basePath} />} />
      <Route path="*" element={openDefault} />
    </Routes>
  );
}
