import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, Button, downloadBase64, ErrorMessage, graphqlRequest, Section, thisYearInVietnam, Toolbar } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { DuesTables } from './DuesTables.tsx';
import { vi } from './messages.ts';
import { MEMBER_REGISTER } from './queries.ts';
import { StatisticsTables } from './StatisticsTables.tsx';

addTranslations('ward.dues', { vi });

const yearsUpTo = (year: number) => [year, year - 1, year - 2, year - 3];

/** Đảng phí, thống kê: the committee's dues by cell and month, its member statistics, attendance and grades; every table exports to Excel. */
export default function DuesPage() {
  const { t } = useTranslation('ward.dues');
  const { committeeId } = useWardPath();
  const thisYear = thisYearInVietnam();
  const [year, setYear] = useState(thisYear);
  return (
    <>
      <Toolbar>
        <div className="dv-field">
          <label htmlFor="dues-year">{t('year')}</label>
          <select id="dues-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {yearsUpTo(thisYear).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
      </Toolbar>
      <RegisterDownload committeeId={committeeId} />
      <DuesTables committeeId={committeeId} year={year} />
      <StatisticsTables committeeId={committeeId} year={year} />
    </>
  );
}

/** "Tải sổ đảng viên": the server's register in its official column order. */
function RegisterDownload({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation('ward.dues');
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: number }>({});
  const download = async () => {
    setState({ busy: true });
    try {
      const { memberRegisterExport } = await graphqlRequest(MEMBER_REGISTER, { unitId: committeeId });
      downloadBase64(memberRegisterExport.fileName, memberRegisterExport.contentBase64);
      setState({ done: memberRegisterExport.rowCount });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <Section title={t('registerTitle')}>
      <p className="dv-muted">{t('registerHint')}</p>
      <Button variant="secondary" data-testid="register-download" disabled={state.busy} onClick={() => void download()}>
        {state.busy ? t('registerWorking') : t('register')}
      </Button>
      {state.done !== undefined ? (
        <Alert tone="success" live="status">
          <p>{t('registerDone', { count: state.done })}</p>
        </Alert>
      ) : null}
      {state.error ? <ErrorMessage error={state.error} /> : null}
    </Section>
  );
}
