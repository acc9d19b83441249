import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonLink,
  ChoiceField,
  FormError,
  FormProvider,
  QueryBoundary,
  Section,
  SelectField,
  TextField,
  compareVietnameseText,
  showServerError,
  useMutation,
  useNavigate,
  useQuery,
  useSchemaForm,
  useWatch,
} from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { todayInVietnam } from './lifecycle.ts';
import { CREATE_MEMBER, WARD_MEMBER_CELLS } from './queries.ts';
import { admitInput, admitSchema, SEXES, type AdmitForm } from './schemas.ts';

/** Where the server names a field, the form's box for it. */
const FIELD_OF: Record<string, keyof AdmitForm> = {
  'profile.fullName': 'fullName',
  'profile.dateOfBirth': 'dateOfBirth',
  'profile.citizenId': 'citizenId',
  dateOfBirth: 'dateOfBirth',
  cellId: 'cellId',
  admittedOn: 'date',
  candidateSince: 'date',
  occurredOn: 'date',
  admissionDecisionNumber: 'decisionNumber',
};

/** Kết nạp: a new member (or a candidate) in one of the committee's cells; then the member's page. */
export default function AdmitPage() {
  const { t } = useTranslation('ward.members');
  const { committeeId, wardPath } = useWardPath();
  const cells = useQuery(WARD_MEMBER_CELLS, { id: committeeId });
  return (
    <Section title={t('admit.title')} actions={<ButtonLink to={wardPath('members')}>{t('admit.back')}</ButtonLink>}>
      <p>{t('admit.intro')}</p>
      <QueryBoundary query={cells}>
        {(data) => (
          <AdmitFormView
            cells={(data.orgUnit?.children ?? []).filter((unit) => unit.kind === 'CELL').sort((a, b) => compareVietnameseText(a.name, b.name))}
          />
        )}
      </QueryBoundary>
    </Section>
  );
}

function AdmitFormView({ cells }: { cells: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('ward.members');
  const { wardPath } = useWardPath();
  const navigate = useNavigate();
  const today = todayInVietnam();
  const schema = useMemo(() => admitSchema(today), [today]);
  const form = useSchemaForm<AdmitForm>(schema, { mode: 'ADMITTED', fullName: '', dateOfBirth: '', sex: '', citizenId: '', cellId: '', date: today, decisionNumber: '' });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const create = useMutation(CREATE_MEMBER);
  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({ input: admitInput(values) });
      void navigate(wardPath('members', created.createMember.id));
    } catch (error) {
      showServerError(form, error, (where) => (where.field ? FIELD_OF[where.field] : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="member-admit-form">
        <ChoiceField<AdmitForm>
          name="mode"
          label={t('admit.mode')}
          options={[
            { value: 'ADMITTED', label: t('admit.modeADMITTED') },
            { value: 'CANDIDATE', label: t('admit.modeCANDIDATE') },
          ]}
        />
        <TextField<AdmitForm> name="fullName" label={t('admit.fullName')} autoComplete="off" />
        <TextField<AdmitForm> name="dateOfBirth" label={t('admit.dateOfBirth')} type="date" max={today} />
        <SelectField<AdmitForm> name="sex" label={t('admit.sex')} options={[{ value: '', label: t('choose') }, ...SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))]} />
        <TextField<AdmitForm> name="citizenId" label={t('admit.citizenId')} hint={t('admit.citizenIdHint')} inputMode="numeric" autoComplete="off" />
        <SelectField<AdmitForm> name="cellId" label={t('admit.cellId')} options={[{ value: '', label: t('choose') }, ...cells.map((cell) => ({ value: cell.id, label: cell.name }))]} />
        <TextField<AdmitForm> name="date" label={mode === 'ADMITTED' ? t('admit.admittedOn') : t('admit.candidateSince')} type="date" max={today} />
        {mode === 'ADMITTED' ? <TextField<AdmitForm> name="decisionNumber" label={t('admit.decisionNumber')} hint={t('admit.decisionHint')} /> : null}
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="member-admit-submit">
            {form.formState.isSubmitting ? t('admit.saving') : t('admit.submit')}
          </Button>
          <ButtonLink to={wardPath('members')}>{t('admit.cancel')}</ButtonLink>
        </div>
      </form>
    </FormProvider>
  );
}
