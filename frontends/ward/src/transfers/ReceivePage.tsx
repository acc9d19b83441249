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
import { todayInVietnam } from '../members/lifecycle.ts';
import { RECEIVE_TRANSFERRED_MEMBER, WARD_RECEIVING_CELLS } from './queries.ts';
import { KINDS, receiveInput, receiveSchema, SEXES, type ReceiveForm } from './schemas.ts';
import { reasonsFor } from './transfers.ts';

/** The server's fields, as boxes of the form (profile.* are the person's). */
function fieldOf(field: string | undefined): keyof ReceiveForm | undefined {
  if (!field) return undefined;
  const name = field.startsWith('profile.') ? field.slice('profile.'.length) : field;
  return name in RECEIVE_DEFAULTS ? (name as keyof ReceiveForm) : undefined;
}

const RECEIVE_DEFAULTS: ReceiveForm = {
  fullName: '',
  dateOfBirth: '',
  sex: '',
  citizenId: '',
  partyCardNumber: '',
  cellId: '',
  kind: 'OFFICIAL',
  reason: '',
  fromOrganization: '',
  letterNumber: '',
  letterIssuedOn: '',
  presentedOn: '',
  temporaryUntil: '',
  admittedOn: '',
  admissionDecisionNumber: '',
  officialOn: '',
  officialDecisionNumber: '',
};

/** Tiếp nhận: a member from outside the system presents the letter; the record is made from the file and the member placed in a cell. */
export default function ReceivePage() {
  const { t } = useTranslation('ward.transfers');
  const { committeeId, wardPath } = useWardPath();
  const cells = useQuery(WARD_RECEIVING_CELLS, { id: committeeId });
  return (
    <Section title={t('receive.title')} actions={<ButtonLink to={wardPath('transfers')}>{t('receive.back')}</ButtonLink>}>
      <p>{t('receive.intro')}</p>
      <QueryBoundary query={cells}>
        {(data) => <ReceiveFormView cells={(data.orgUnit?.children ?? []).filter((unit) => unit.kind === 'CELL').sort((a, b) => compareVietnameseText(a.name, b.name))} />}
      </QueryBoundary>
    </Section>
  );
}

function ReceiveFormView({ cells }: { cells: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('ward.transfers');
  const { wardPath } = useWardPath();
  const navigate = useNavigate();
  const today = todayInVietnam();
  const schema = useMemo(() => receiveSchema(today), [today]);
  const form = useSchemaForm<ReceiveForm>(schema, { ...RECEIVE_DEFAULTS, presentedOn: today });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const receive = useMutation(RECEIVE_TRANSFERRED_MEMBER);
  const submit = form.handleSubmit(async (values) => {
    try {
      const { receiveTransferredMember: transfer } = await receive.mutateAsync({ input: receiveInput(values) });
      void navigate(wardPath('transfers'), { state: { notice: t('list.received', { name: transfer.memberName, cell: transfer.toCell?.name ?? '' }) } });
    } catch (error) {
      showServerError(form, error, (where) => fieldOf(where.field));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="transfer-receive-form">
        <h3 className="dv-form__heading">{t('receive.person')}</h3>
        <TextField<ReceiveForm> name="fullName" label={t('receive.fullName')} autoComplete="off" />
        <TextField<ReceiveForm> name="dateOfBirth" label={t('receive.dateOfBirth')} type="date" max={today} />
        <SelectField<ReceiveForm> name="sex" label={t('receive.sex')} options={[{ value: '', label: t('choose') }, ...SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))]} />
        <TextField<ReceiveForm> name="citizenId" label={t('receive.citizenId')} hint={t('receive.citizenIdHint')} inputMode="numeric" autoComplete="off" />
        <TextField<ReceiveForm> name="partyCardNumber" label={t('receive.partyCardNumber')} autoComplete="off" />
        <SelectField<ReceiveForm> name="cellId" label={t('receive.cellId')} options={[{ value: '', label: t('choose') }, ...cells.map((cell) => ({ value: cell.id, label: cell.name }))]} />

        <h3 className="dv-form__heading">{t('receive.letterPart')}</h3>
        <ChoiceField<ReceiveForm> name="kind" label={t('receive.kind')} options={KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} />
        <SelectField<ReceiveForm>
          name="reason"
          label={t('receive.reason')}
          options={[{ value: '', label: t('choose') }, ...reasonsFor(kind).map((reason) => ({ value: reason, label: t(`reason.${reason}`) }))]}
        />
        <TextField<ReceiveForm> name="fromOrganization" label={t('receive.fromOrganization')} />
        <TextField<ReceiveForm> name="letterNumber" label={t('receive.letterNumber')} autoComplete="off" />
        <TextField<ReceiveForm> name="letterIssuedOn" label={t('receive.letterIssuedOn')} type="date" max={today} />
        <TextField<ReceiveForm> name="presentedOn" label={t('receive.presentedOn')} type="date" max={today} />
        {kind === 'TEMPORARY' ? <TextField<ReceiveForm> name="temporaryUntil" label={t('receive.temporaryUntil')} type="date" /> : null}

        <h3 className="dv-form__heading">{t('receive.filePart')}</h3>
        <TextField<ReceiveForm> name="admittedOn" label={t('receive.admittedOn')} type="date" max={today} />
        <TextField<ReceiveForm> name="admissionDecisionNumber" label={t('receive.admissionDecisionNumber')} autoComplete="off" />
        <TextField<ReceiveForm> name="officialOn" label={t('receive.officialOn')} type="date" max={today} />
        <TextField<ReceiveForm> name="officialDecisionNumber" label={t('receive.officialDecisionNumber')} autoComplete="off" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="transfer-receive-submit">
            {form.formState.isSubmitting ? t('receive.saving') : t('receive.submit')}
          </Button>
          <ButtonLink to={wardPath('transfers')}>{t('receive.cancel')}</ButtonLink>
        </div>
      </form>
    </FormProvider>
  );
}
