import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, type RemoteAppProps } from '@dangvien/ui';
import { CellPage } from './CellPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { TasksPage } from './TasksPage.tsx';
import { en, vi } from './messages.ts';

addTranslations('cell', { vi, en });

/** Routes are relative, so they match under the shell's /cell/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('cell');
  const openDefault = <CurrentUnitRedirect kind="CELL" basePath={basePath} title={t('title')} />;
  return (
    <Routes>
      <Route index element={openDefault} />
      <Route path=":cellId" element={<CellPage basePath={basePath} />} />
      <Route path=":cellId/meeting" element={<MeetingPage basePath={basePath} />} />
      <Route path=":cellId/tasks" element={<TasksPage basePath={basePath} />} />
      <Route path="*" element={openDefault} />
    </Routes>
  );
}
