import { Route, Routes } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, lazyPage, preloadPageFor, type PageRoute, type RemoteAppProps } from '@dangvien/ui';
import { BasePathContext } from './layout/basePath.ts';
import { CellLayout } from './layout/CellLayout.tsx';
import { vi } from './messages.ts';

addTranslations('cell', { vi });

// Each page is its own chunk, loaded when first opened (the one the address names, with the module): the home page does not carry the minutes' print layout.
const HomePage = lazyPage(() => import('./home/HomePage.tsx'));
const MembersPage = lazyPage(() => import('./members/MembersPage.tsx'));
const MemberPage = lazyPage(() => import('./members/MemberPage.tsx'));
const MeetingsPage = lazyPage(() => import('./meetings/MeetingsPage.tsx'));
const MeetingFormPage = lazyPage(() => import('./meetings/MeetingFormPage.tsx'));
const MeetingPage = lazyPage(() => import('./meetings/MeetingPage.tsx'));
const TasksPage = lazyPage(() => import('./tasks/TasksPage.tsx'));
const ReviewPage = lazyPage(() => import('./review/ReviewPage.tsx'));
const ResidencePage = lazyPage(() => import('./residence/ResidencePage.tsx'));
const DuesPage = lazyPage(() => import('./dues/DuesPage.tsx'));

/** The pages under the unit (the routes below are made from this list): the one the address names loads with the module. */
const PAGES: PageRoute[] = [
  { page: HomePage },
  { path: 'members', page: MembersPage },
  { path: 'members/:memberId', page: MemberPage },
  { path: 'meetings', page: MeetingsPage },
  { path: 'meetings/new', page: MeetingFormPage },
  { path: 'meetings/:meetingId', page: MeetingPage },
  { path: 'meetings/:meetingId/edit', page: MeetingFormPage },
  { path: 'tasks', page: TasksPage },
  { path: 'review', page: ReviewPage },
  { path: 'residence', page: ResidencePage },
  { path: 'dues', page: DuesPage },
];
await preloadPageFor(PAGES);

/** Routes are relative, so they match under the shell's /cell/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('cell');
  const openDefault = <CurrentUnitRedirect kind="CELL" basePath={basePath} title={t('title')} />;
  return (
    <BasePathContext value={basePath}>
      <Routes>
        <Route index element={openDefault} />
        <Route path=":cellId" element={<CellLayout />}>
          {PAGES.map(({ path, page: Page }) =>
            path ? <Route key={path} path={path} element={<Page />} /> : <Route key="index" index element={<Page />} />,
          )}
        </Route>
        <Route path="*" element={openDefault} />
      </Routes>
    </BasePathContext>
  );
}
