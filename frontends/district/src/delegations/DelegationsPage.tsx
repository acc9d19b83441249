import { lazy } from 'react';
import { Route, Routes, addTranslations } from '@dangvien/ui';
import DelegationList from './DelegationList.tsx';
import { en, vi } from './messages.ts';

addTranslations('district.delegations', { vi, en });

const CreateDelegationPage = lazy(() => import('./CreateDelegationPage.tsx'));
const DelegationPage = lazy(() => import('./DelegationPage.tsx'));

/** Đoàn cán bộ: the delegations the open unit assigned on a day, a new one, one delegation's delegates, work items and ratings. */
export default function DelegationsPage() {
  return (
    <Routes>
      <Route index element={<DelegationList />} />
      <Route path="new" element={<CreateDelegationPage />} />
      <Route path=":delegationId" element={<DelegationPage />} />
    </Routes>
  );
}
