import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, QueryBoundary, Section, thisYearInVietnam, Toolbar, useQuery } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { MemberGrading } from './MemberGrading.tsx';
import { vi } from './messages.ts';
import { OpenCycle } from './OpenCycle.tsx';
import { OrganizationGrading } from './OrganizationGrading.tsx';
import { GRADING_CYCLES } from './queries.ts';
import './grading.css';

addTranslations('ward.grading', { vi });

/** The years the page offers: this one and the three before (the demo data has reviews from 2023). */
const yearsUpTo = (year: number) => [year, year - 1, year - 2, year - 3];

/**
 * Xếp loại: the committee's annual members cycle (the cells' proposals beside the decided grades, the
 * rule set's excellent quota computed live, the decision and closing), and its cells' own grades.
 */
export default function GradingPage() {
  const { t } = useTranslation('ward.grading');
  const { committeeId } = useWardPath();
  const thisYear = thisYearInVietnam();
  const [year, setYear] = useState(thisYear);
  const cycles = useQuery(GRADING_CYCLES, { unitId: committeeId, year });
  return (
    <>
      <Toolbar>
        <div className="dv-field">
          <label htmlFor="grading-year">{t('year')}</label>
          <select id="grading-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {yearsUpTo(thisYear).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
      </Toolbar>
      <QueryBoundary query={cycles}>
        {(data) => {
          const members = data.reviewCycles.find((cycle) => cycle.subject === 'MEMBERS' && cycle.period === 'YEAR');
          const organizations = data.reviewCycles.find((cycle) => cycle.subject === 'ORGANIZATIONS' && cycle.period === 'YEAR');
          return (
            <>
              {members ? (
                <MemberGrading key={members.id} cycle={members} committeeId={committeeId} />
              ) : (
                <Section title={t('title', { year })}>
                  <OpenCycle committeeId={committeeId} year={year} subject="MEMBERS" title={t('noCycle', { year })} text={t('noCycleText')} />
                </Section>
              )}
              <OrganizationGrading key={organizations?.id ?? year} cycle={organizations} committeeId={committeeId} year={year} />
            </>
          );
        }}
      </QueryBoundary>
    </>
  );
}
