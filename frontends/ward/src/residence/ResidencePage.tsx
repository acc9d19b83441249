import { useTranslation } from 'react-i18next';
import { addTranslations, QueryBoundary, Route, Routes, Section, SubNav, useQuery } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { CommentsView } from './CommentsView.tsx';
import { IntakeView } from './IntakeView.tsx';
import { MeetingsView } from './MeetingsView.tsx';
import { vi } from './messages.ts';
import { NoticesView } from './NoticesView.tsx';
import { WARD_RESIDENCE } from './queries.ts';
import { todayInVietnam, residentialCells } from './residence.ts';

addTranslations('ward.residence', { vi });

/**
 * Quy định 213 for the ward committee's clerk: take in working members introduced by their workplace
 * and place them in a residential cell; the six-monthly meeting; the cells' yearly comments sent on to
 * the workplaces; change notices both ways. One query feeds the four sub-pages.
 */
export default function ResidencePage() {
  const { t } = useTranslation('ward.residence');
  const { committeeId, wardPath } = useWardPath();
  const query = useQuery(WARD_RESIDENCE, { id: committeeId });
  const today = todayInVietnam();
  return (
    <>
      <Section title={t('title')}>
        <p>{t('intro')}</p>
        <SubNav
          label={t('nav.label')}
          items={[
            { to: wardPath('residence'), label: t('nav.list'), end: true },
            { to: wardPath('residence', 'meetings'), label: t('nav.meetings') },
            { to: wardPath('residence', 'comments'), label: t('nav.comments') },
            { to: wardPath('residence', 'notices'), label: t('nav.notices') },
          ]}
        />
      </Section>
      <QueryBoundary query={query}>
        {(data) => {
          const unit = data.orgUnit;
          const members = unit?.residentWorkingMembers ?? [];
          const cells = residentialCells(unit?.children ?? []);
          const cellName = (id: string | undefined) => (id ? (cells.find((cell) => cell.id === id)?.name ?? id) : t('notAssigned'));
          const view = { members, cells, cellName, today, wardId: committeeId };
          return (
            <Routes>
              <Route index element={<IntakeView {...view} />} />
              <Route path="meetings" element={<MeetingsView {...view} meetings={unit?.residenceMeetings ?? []} />} />
              <Route path="comments" element={<CommentsView {...view} />} />
              <Route path="notices" element={<NoticesView {...view} notices={unit?.residenceNotices ?? []} />} />
            </Routes>
          );
        }}
      </QueryBoundary>
    </>
  );
}
