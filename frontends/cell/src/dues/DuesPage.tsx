import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addTranslations,
  Alert,
  Badge,
  Button,
  ChoiceField,
  compareVietnameseNames,
  Dialog,
  Facts,
  FormError,
  FormProvider,
  matchesSearch,
  QueryBoundary,
  Section,
  SelectField,
  showServerError,
  TextField,
  Toolbar,
  useMutation,
  useQuery,
  useQueuedMutation,
  useSchemaForm,
  useWatch,
  type Tone,
} from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { DUES_PAYMENT_CHANNELS } from '../messages.ts';
import { currentMonth, formatMoney, formatMonth, ISO_MONTH, todayInVietnam } from './calendar.ts';
import { duesState, monthTotals, moneyInput, parseMoney, sortForCollection, type DuesState } from './dues.ts';
import { DUES_CATEGORIES, vi, WAGE_REGIONS } from './messages.ts';
import { CELL_DUES_ARREARS, CELL_DUES_MONTH, RECORD_DUES_PAYMENT, SET_DUES_BASIS, type DuesMember, type DuesMonthRow, type MemberArrears } from './queries.ts';
import { basisSchema, paymentSchema, type BasisForm, type PaymentForm } from './schemas.ts';

addTranslations('cell.dues', { vi });

const TONE: Record<DuesState, Tone> = { owes: 'danger', paid: 'success', exempt: 'neutral', noBasis: 'warning', nothingDue: 'neutral' };

type Open = { kind: 'pay'; member: DuesMember; month: DuesMonthRow } | { kind: 'basis'; member: DuesMember } | null;

/** Đảng phí: the month's payments member by member (record one), and who owes how many months this year. */
export default function DuesPage() {
  const { t } = useTranslation('cell.dues');
  const { cellId } = useCellPath();
  const monthId = useId();
  const [month, setMonth] = useState(currentMonth);
  const monthQuery = useQuery(CELL_DUES_MONTH, { id: cellId, month }, { keepPrevious: true });
  const arrears = useQuery(CELL_DUES_ARREARS, { id: cellId });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  const finish = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <>
      <Section title={t('title')}>
        <Toolbar>
          <div className="dv-field">
            <label htmlFor={monthId}>{t('month')}</label>
            <input
              id={monthId}
              type="month"
              value={month}
              aria-describedby={`${monthId}-hint`}
              data-testid="dues-month"
              onChange={(event) => {
                if (ISO_MONTH.test(event.target.value)) setMonth(event.target.value);
              }}
            />
            <small id={`${monthId}-hint`} className="dv-field__hint">
              {t('monthHint')}
            </small>
          </div>
        </Toolbar>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="dues-notice">{notice}</span>
          </Alert>
        ) : null}
      </Section>
      <Section title={t('monthTitle', { month: formatMonth(month) })}>
        <QueryBoundary query={monthQuery} isEmpty={(data) => !data.orgUnit?.members?.length} empty={t('noMembers')}>
          {(data) => (
            <MonthList
              month={month}
              members={data.orgUnit?.members ?? []}
              onPay={(member, row) => setOpen({ kind: 'pay', member, month: row })}
              onBasis={(member) => setOpen({ kind: 'basis', member })}
            />
          )}
        </QueryBoundary>
      </Section>
      <Section title={t('arrearsTitle')}>
        <QueryBoundary query={arrears}>{(data) => <ArrearsList arrears={data.duesArrears} />}</QueryBoundary>
      </Section>
      <Dialog open={open?.kind === 'pay'} title={open?.kind === 'pay' ? t('paymentTitle', { month: formatMonth(open.month.month) }) : ''} onClose={close}>
        {open?.kind === 'pay' ? <PaymentFormView member={open.member} month={open.month} onDone={finish} /> : null}
      </Dialog>
      <Dialog open={open?.kind === 'basis'} title={open?.kind === 'basis' ? t('setBasisFor', { name: open.member.fullName }) : ''} onClose={close}>
        {open?.kind === 'basis' ? <BasisFormView member={open.member} onDone={finish} /> : null}
      </Dialog>
    </>
  );
}

function MonthList(props: { month: string; members: readonly DuesMember[]; onPay: (member: DuesMember, month: DuesMonthRow) => void; onBasis: (member: DuesMember) => void }) {
  const { t } = useTranslation('cell.dues');
  const { month, members, onPay, onBasis } = props;
  const searchId = useId();
  const [search, setSearch] = useState('');
  const totals = monthTotals(members);
  const shown = sortForCollection(members).filter((member) => !search.trim() || matchesSearch(member.fullName, search));
  return (
    <>
      <p data-testid="dues-totals">
        <strong>{t('totals', { due: formatMoney(totals.due), paid: formatMoney(totals.paid), owed: formatMoney(totals.owed) })}</strong>
        <br />
        {t('paidCount', { paid: totals.paidInFull, owing: totals.owing })}
      </p>
      <Toolbar>
        <div className="dv-field">
          <label htmlFor={searchId}>{t('search')}</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} aria-describedby={`${searchId}-hint`} />
          <small id={`${searchId}-hint`} className="dv-field__hint">
            {t('searchHint')}
          </small>
        </div>
      </Toolbar>
      {shown.length === 0 ? <p className="dv-empty">{t('noMatch')}</p> : null}
      <ul className="dv-cards dv-cards--grid" data-testid="dues-month-list" aria-label={t('monthCaption', { month: formatMonth(month) })}>
        {shown.map((member) => {
          const state = duesState(member);
          const row = member.dues[0];
          const note = row?.exemption ? t(`labels.duesExemption.${row.exemption}`) : row?.reductionPercent ? t('reduced', { percent: row.reductionPercent }) : null;
          return (
            <li key={member.id} className="dv-card" data-testid="dues-member" data-member-id={member.id} data-state={state}>
              <div className="dv-card__head">
                <h3 className="dv-card__title">{member.fullName}</h3>
                <span data-testid="dues-state">
                  <Badge tone={TONE[state]}>{t(`state.${state}`, { owed: formatMoney(row?.owed ?? 0) })}</Badge>
                </span>
              </div>
              {row ? (
                <p className="dv-card__line">
                  {t('dueLine', { due: formatMoney(row.due), paid: formatMoney(row.paid) })}
                  {note ? ` (${note})` : ''}
                </p>
              ) : null}
              {state === 'owes' && row ? (
                <Button onClick={() => onPay(member, row)} aria-label={t('recordFor', { name: member.fullName })} data-testid="dues-pay-open">
                  {t('record')}
                </Button>
              ) : null}
              {state === 'noBasis' ? (
                <Button variant="secondary" onClick={() => onBasis(member)} aria-label={t('setBasisFor', { name: member.fullName })} data-testid="dues-basis-open">
                  {t('setBasis')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ArrearsList({ arrears }: { arrears: { fromMonth: string; toMonth: string; members: readonly MemberArrears[] } }) {
  const { t } = useTranslation('cell.dues');
  const range = { from: formatMonth(arrears.fromMonth), to: formatMonth(arrears.toMonth) };
  const rows = [...arrears.members].sort((a, b) => b.unpaidMonths.length - a.unpaidMonths.length || compareVietnameseNames(a.member.fullName, b.member.fullName));
  return (
    <>
      <p>{t('arrearsRange', range)}</p>
      {rows.length === 0 ? (
        <p className="dv-empty" data-testid="dues-no-arrears">
          {t('noArrears')}
        </p>
      ) : (
        <ul className="dv-cards dv-cards--grid" data-testid="dues-arrears" aria-label={t('arrearsCaption', range)}>
          {rows.map((row) => (
            <li key={row.member.id} className="dv-card" data-testid="dues-arrears-member">
              <div className="dv-card__head">
                <h3 className="dv-card__title">{row.member.fullName}</h3>
                <Badge tone={row.unpaidMonths.length >= 3 ? 'danger' : 'warning'}>{t('monthsOwedBadge', { count: row.unpaidMonths.length })}</Badge>
              </div>
              <Facts
                items={[
                  { label: t('whichMonths'), value: row.unpaidMonths.map(formatMonth).join(', ') },
                  { label: t('owed'), value: formatMoney(row.owed) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PaymentFormView({ member, month, onDone }: { member: DuesMember; month: DuesMonthRow; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.dues');
  const today = todayInVietnam();
  const [schema] = useState(() => paymentSchema(month.owed, today));
  const form = useSchemaForm<PaymentForm>(schema, { amount: moneyInput(month.owed), paidOn: today, channel: 'CASH' });
  const record = useQueuedMutation(RECORD_DUES_PAYMENT);
  const submit = form.handleSubmit(async (values) => {
    const amount = parseMoney(values.amount) ?? 0;
    const done = t('recorded', { amount: formatMoney(amount), month: formatMonth(month.month), name: member.fullName });
    try {
      const result = await record(
        (clientRequestId) => ({ input: { clientRequestId, memberId: member.id, month: month.month, amount, paidOn: values.paidOn, channel: values.channel } }),
        done,
      );
      onDone(result.sent ? done : t('outbox.queued', { ns: 'translation' }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="dues-pay-form">
        <Facts
          items={[
            { label: t('payer'), value: member.fullName },
            { label: t('due'), value: formatMoney(month.due) },
            { label: t('paid'), value: formatMoney(month.paid) },
            { label: t('owedNow'), value: formatMoney(month.owed) },
          ]}
        />
        <TextField<PaymentForm> name="amount" label={t('amount')} hint={t('amountHint')} inputMode="numeric" autoComplete="off" />
        <TextField<PaymentForm> name="paidOn" type="date" label={t('paidOn')} max={today} />
        <ChoiceField<PaymentForm>
          name="channel"
          label={t('channel')}
          options={DUES_PAYMENT_CHANNELS.map((value) => ({ value, label: t(`labels.duesPaymentChannel.${value}`, { ns: 'cell' }) }))}
        />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="dues-pay-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('save')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function BasisFormView({ member, onDone }: { member: DuesMember; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.dues');
  const form = useSchemaForm<BasisForm>(basisSchema, { incomeAmount: '', wageRegion: '', validFrom: currentMonth() });
  const category = useWatch({ control: form.control, name: 'category' });
  const setBasis = useMutation(SET_DUES_BASIS);
  const submit = form.handleSubmit(async (values) => {
    const withIncome = values.category === 'SALARIED' || values.category === 'PENSIONER';
    try {
      await setBasis.mutateAsync({
        input: {
          memberId: member.id,
          category: values.category,
          incomeAmount: withIncome ? parseMoney(values.incomeAmount) : null,
          wageRegion: values.category === 'OTHER' && values.wageRegion ? values.wageRegion : null,
          validFrom: values.validFrom,
        },
      });
      onDone(t('basisSaved', { name: member.fullName, month: formatMonth(values.validFrom) }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="dues-basis-form">
        <ChoiceField<BasisForm> name="category" label={t('category')} options={DUES_CATEGORIES.map((value) => ({ value, label: t(`labels.duesCategory.${value}`) }))} />
        {category === 'SALARIED' || category === 'PENSIONER' ? (
          <TextField<BasisForm>
            name="incomeAmount"
            label={category === 'SALARIED' ? t('incomeSalaried') : t('incomePension')}
            inputMode="numeric"
            autoComplete="off"
          />
        ) : null}
        {category === 'OTHER' ? (
          <SelectField<BasisForm>
            name="wageRegion"
            label={t('wageRegion')}
            options={[{ value: '', label: t('pickRegion') }, ...WAGE_REGIONS.map((value) => ({ value, label: t(`labels.wageRegion.${value}`) }))]}
          />
        ) : null}
        <TextField<BasisForm> name="validFrom" type="month" label={t('validFrom')} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="dues-basis-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('saveBasis')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
