import { Route, Routes } from '@dangvien/ui';
import { addTranslations } from '@dangvien/ui';
import { DistrictPage } from './DistrictPage.tsx';
import { en, vi } from './messages.ts';

addTranslations('district', { vi, en });

/** One page for now, so the basePath prop (RemoteAppProps) is not needed yet. */
export default function App() {
  return (
    <Routes>
      <Route path="*" element={<DistrictPage />} />
    </Routes>
  );
}
