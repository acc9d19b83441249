import { lazy } from 'react';
import { Route, Routes, addTranslations } from '@dangvien/ui';
import { vi } from './messages.ts';
import MemberSearch from './MemberSearch.tsx';

addTranslations('ward.members', { vi });

const AdmitPage = lazy(() => import('./AdmitPage.tsx'));
const MemberPage = lazy(() => import('./MemberPage.tsx'));

/** Đảng viên: search across the committee's cells, admit someone new, one member's page with its decisions. */
export default function MembersPage() {
  return (
    <Routes>
      <Route index element={<MemberSearch />} />
      <Route path="admit" element={<AdmitPage />} />
      <Route path=":memberId" element={<MemberPage />} />
    </Routes>
  );
}
