import { lazy } from 'react';
import { Route, Routes, addTranslations } from '@dangvien/ui';
import { vi } from './messages.ts';
import TransfersList from './TransfersList.tsx';

addTranslations('ward.transfers', { vi });

const IssuePage = lazy(() => import('./IssuePage.tsx'));
const ReceivePage = lazy(() => import('./ReceivePage.tsx'));
const LetterPage = lazy(() => import('./LetterPage.tsx'));

/** Chuyển sinh hoạt: the letters out and in with their deadlines, issuing and printing a letter, receiving a member from outside. */
export default function TransfersPage() {
  return (
    <Routes>
      <Route index element={<TransfersList />} />
      <Route path="issue/:memberId" element={<IssuePage />} />
      <Route path="receive" element={<ReceivePage />} />
      <Route path="letter/:transferId" element={<LetterPage />} />
    </Routes>
  );
}
