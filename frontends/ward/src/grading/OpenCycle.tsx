import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorMessage, useMutation } from '@dangvien/ui';
import type { ReviewSubject } from '../generated/graphql.ts';
import { OPEN_REVIEW_CYCLE } from './queries.ts';

/** No cycle for the year yet: the committee opens one (the rule set valid for the year is fixed then). */
export function OpenCycle(props: { committeeId: string; year: number; subject: ReviewSubject; title: string; text?: string }) {
  const { committeeId, year, subject, title, text } = props;
  const { t } = useTranslation('ward.grading');
  const [closesOn, setClosesOn] = useState(`${year}-12-31`);
  const open = useMutation(OPEN_REVIEW_CYCLE);
  const id = `closes-on-${subject}`;
  return (
    <Alert tone="info" title={title}>
      {text ? <p>{text}</p> : null}
      <form
        className="dv-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn)) return;
          void open.mutateAsync({ input: { unitId: committeeId, year, period: 'YEAR', closesOn, subject } }).catch(() => undefined);
        }}
      >
        <div className="dv-field">
          <label htmlFor={id}>{t('closesOn')}</label>
          <input id={id} type="date" required value={closesOn} onChange={(event) => setClosesOn(event.target.value)} />
        </div>
        <Button type="submit" disabled={open.isPending} data-testid={`open-cycle-${subject.toLowerCase()}`}>
          {subject === 'MEMBERS' ? t('openCycle', { year }) : t('org.open', { year })}
        </Button>
      </form>
      {open.error ? <ErrorMessage error={open.error} /> : null}
    </Alert>
  );
}
