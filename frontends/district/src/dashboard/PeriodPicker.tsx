import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@dangvien/ui';
import { lastYear, thisQuarter, thisYear, type Period } from './period.ts';

/** From and to dates, and the quick choices people ask for (this year, last year, this quarter). */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: Date; onChange: (period: Period) => void }) {
  const { t } = useTranslation('district.dashboard');
  const [draft, setDraft] = useState(period);
  const [invalid, setInvalid] = useState(false);
  const choose = (next: Period) => {
    setDraft(next);
    setInvalid(false);
    onChange(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) return setInvalid(true);
    choose(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="dd-period">
        <legend>{t('period.legend')}</legend>
        <div className="dv-field">
          <label htmlFor="dd-from">{t('period.from')}</label>
          <input id="dd-from" type="date" value={draft.from} aria-invalid={invalid || undefined} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="dv-field">
          <label htmlFor="dd-to">{t('period.to')}</label>
          <input id="dd-to" type="date" value={draft.to} aria-invalid={invalid || undefined} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <Button type="submit" data-testid="period-show">
          {t('period.show')}
        </Button>
        <div className="dd-period__quick">
          <Button variant="secondary" data-testid="period-this-year" onClick={() => choose(thisYear(today))}>
            {t('period.thisYear')}
          </Button>
          <Button variant="secondary" data-testid="period-last-year" onClick={() => choose(lastYear(today))}>
            {t('period.lastYear')}
          </Button>
          <Button variant="secondary" data-testid="period-this-quarter" onClick={() => choose(thisQuarter(today))}>
            {t('period.thisQuarter')}
          </Button>
        </div>
        {invalid ? (
          <p className="dv-error" role="alert">
            {t('period.invalid')}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
