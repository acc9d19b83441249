import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ButtonLink,
  Button,
  ChoiceField,
  FormError,
  FormProvider,
  QueryBoundary,
  Section,
  SelectField,
  TextAreaField,
  TextField,
  compareVietnameseText,
  formatDate,
  showServerError,
  useMutation,
  useNavigate,
  useParams,
  useQuery,
  useSchemaForm,
  useWatch,
} from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { todayInVietnam } from '../members/lifecycle.ts';
import { ISSUE_TRANSFER_LETTER, WARD_TRANSFER_MEMBER, type TransferMember } from './queries.ts';
import { issueInput, issueSchema, KINDS, OUTSIDE, type IssueForm } from './schemas.ts';
import { reasonsFor } from './transfers.ts';

const FIELD_OF: Record<string, keyof IssueForm> = {
  reason: 'reason',
  toCellId: 'destination',
  externalOrganization: 'externalOrganization',
  letterNumber: 'letterNumber',
  letterIssuedOn: 'letterIssuedOn',
  temporaryUntil: 'temporaryUntil',
  note: 'note',
};

/** Cấp giấy giới thiệu: a letter for one member, to a cell of the committee or out of the system; the list shows it with its deadline. */
export default function IssuePage() {
  const { t } = useTranslation('ward.transfers');
  const { memberId = '' } = useParams();
  const { committeeId, wardPath } = useWardPath();
  const query = useQuery(WARD_TRANSFER_MEMBER, { memberId, committeeId });
  return (
    <Section title={t('issue.title')} actions={<ButtonLink to={wardPath('members', memberId)}>{t('issue.back')}</ButtonLink>}>
      <QueryBoundary query={query} isEmpty={(data) => !data.member} empty={t('issue.notFound')}>
        {(data) =>
          data.member ? (
            <IssueFormView
              member={data.member}
              cells={(data.orgUnit?.children ?? []).filter((unit) => unit.kind === 'CELL' && unit.id !== data.member?.cell?.id).sort((a, b) => compareVietnameseText(a.name, b.name))}
            />
          ) : null
        }
      </QueryBoundary>
    </Section>
  );
}

function IssueFormView({ member, cells }: { member: TransferMember; cells: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('ward.transfers');
  const { wardPath } = useWardPath();
  const navigate = useNavigate();
  const today = todayInVietnam();
  const schema = useMemo(() => issueSchema(today), [today]);
  const form = useSchemaForm<IssueForm>(schema, { kind: 'OFFICIAL', reason: '', destination: '', externalOrganization: '', letterNumber: '', letterIssuedOn: today, temporaryUntil: '', note: '' });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const destination = useWatch({ control: form.control, name: 'destination' });
  const issue = useMutation(ISSUE_TRANSFER_LETTER);
  const submit = form.handleSubmit(async (values) => {
    try {
      const { issueTransferLetter: letter } = await issue.mutateAsync({ input: issueInput(member.id, values) });
      const notice = t('list.issued', { number: letter.letterNumber, name: letter.memberName, date: formatDate(letter.letterIssuedOn), due: formatDate(letter.reportDueOn) });
      void navigate(wardPath('transfers'), { state: { notice, letterId: letter.id } });
    } catch (error) {
      showServerError(form, error, (where) => (where.field ? FIELD_OF[where.field] : undefined));
    }
  });
  const transferable = member.cell && !member.underInspection && ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'].includes(member.status);
  return (
    <>
      <p data-testid="transfer-issue-member">{t('issue.member', { name: member.fullName, cell: member.cell?.name ?? '…' })}</p>
      {transferable ? null : <p className="dv-alert dv-alert--warning">{t('issue.notTransferable')}</p>}
      <FormProvider {...form}>
        <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="transfer-issue-form">
          <ChoiceField<IssueForm> name="kind" label={t('issue.kind')} options={KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} />
          <SelectField<IssueForm>
            name="reason"
            label={t('issue.reason')}
            options={[{ value: '', label: t('choose') }, ...reasonsFor(kind).map((reason) => ({ value: reason, label: t(`reason.${reason}`) }))]}
          />
          <SelectField<IssueForm>
            name="destination"
            label={t('issue.destination')}
            options={[{ value: '', label: t('choose') }, ...cells.map((cell) => ({ value: cell.id, label: cell.name })), { value: OUTSIDE, label: t('issue.outsideOption') }]}
          />
          {destination === OUTSIDE ? <TextField<IssueForm> name="externalOrganization" label={t('issue.externalOrganization')} hint={t('issue.externalHint')} /> : null}
          <TextField<IssueForm> name="letterNumber" label={t('issue.letterNumber')} hint={t('issue.letterHint')} autoComplete="off" />
          <TextField<IssueForm> name="letterIssuedOn" label={t('issue.letterIssuedOn')} type="date" max={today} />
          {kind === 'TEMPORARY' ? <TextField<IssueForm> name="temporaryUntil" label={t('issue.temporaryUntil')} hint={t('issue.temporaryHint')} type="date" /> : null}
          <TextAreaField<IssueForm> name="note" label={t('issue.note')} rows={2} />
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" disabled={form.formState.isSubmitting} data-testid="transfer-issue-submit">
              {form.formState.isSubmitting ? t('issue.saving') : t('issue.submit')}
            </Button>
            <ButtonLink to={wardPath('members', member.id)}>{t('issue.cancel')}</ButtonLink>
          </div>
        </form>
      </FormProvider>
    </>
  );
}
