import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonLink,
  FormError,
  FormProvider,
  Section,
  SelectField,
  showServerError,
  TextField,
  useFieldArray,
  useMutation,
  useNavigate,
  useQuery,
  useSchemaForm,
  useWatch,
  type UseFormReturn,
} from '@dangvien/ui';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { CREATE_DELEGATION, DELEGATE_SEARCH, DELEGATION_TARGETS } from './queries.ts';
import { createDelegationSchema, OTHER_AREA, ROLES, todayInVietnam, type CreateDelegationForm as Values } from './schemas.ts';

const TARGET_KINDS = ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'];

/** Phân công đoàn cán bộ: the unit directed, the decision, and the delegates with their roles and areas. */
export default function CreateDelegationPage() {
  const { t } = useTranslation('district.delegations');
  const { unitId, districtPath } = useDistrictPath();
  const navigate = useNavigate();
  const targets = useQuery(DELEGATION_TARGETS, { id: unitId });
  const form = useSchemaForm<Values>(createDelegationSchema, { targetUnitId: '', name: '', startsOn: todayInVietnam(), decisionNumber: '', delegates: [] });
  const delegates = useFieldArray({ control: form.control, name: 'delegates' });
  const targetUnitId = useWatch({ control: form.control, name: 'targetUnitId' });
  const units = (targets.data?.orgUnit?.children ?? []).filter((unit) => TARGET_KINDS.includes(unit.kind));
  const areas = units.find((unit) => unit.id === targetUnitId)?.children ?? [];
  const create = useMutation(CREATE_DELEGATION);
  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        input: {
          assigningUnitId: unitId,
          targetUnitId: values.targetUnitId,
          name: values.name.trim(),
          startsOn: values.startsOn,
          decisionNumber: values.decisionNumber.trim(),
          delegates: values.delegates.map((delegate) => ({
            memberId: delegate.memberId,
            role: delegate.role,
            areaUnitId: delegate.area === OTHER_AREA ? null : delegate.area,
            areaName: delegate.area === OTHER_AREA ? delegate.areaName.trim() : null,
          })),
        },
      });
      void navigate(districtPath('delegations', created.createDelegation.id));
    } catch (error) {
      showServerError(form, error, (where) => {
        // A delegate's problem goes on that delegate's line (the server names the member).
        const index = values.delegates.findIndex((delegate) => delegate.memberId === where.memberId);
        if (where.field === 'delegates.memberId' && index >= 0) return `delegates.${index}.role`;
        if (where.field === 'delegates.areaName' && index >= 0) return `delegates.${index}.area`;
        return where.field && ['targetUnitId', 'name', 'startsOn', 'decisionNumber'].includes(where.field) ? (where.field as keyof Values) : undefined;
      });
    }
  });
  const delegatesError = form.formState.errors.delegates?.root?.message ?? form.formState.errors.delegates?.message;
  return (
    <Section
      title={t('create')}
      actions={
        <ButtonLink to={districtPath('delegations')} data-testid="delegation-back">
          {t('detail.back')}
        </ButtonLink>
      }
    >
      <FormProvider {...form}>
        <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="delegation-form">
          <SelectField<Values>
            name="targetUnitId"
            label={t('form.target')}
            hint={t('form.targetHint')}
            options={[{ value: '', label: t('form.chooseTarget') }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))]}
            data-testid="delegation-target"
          />
          <TextField<Values> name="name" label={t('form.name')} autoComplete="off" data-testid="delegation-name" />
          <TextField<Values> name="startsOn" type="date" label={t('form.startsOn')} data-testid="delegation-starts-on" />
          <TextField<Values> name="decisionNumber" label={t('form.decisionNumber')} hint={t('form.decisionHint')} autoComplete="off" data-testid="delegation-decision" />
          <fieldset className="dv-fieldset" data-testid="delegation-delegates">
            <legend>{t('form.delegates')}</legend>
            <p className="dv-field__hint">{t('form.delegatesHint')}</p>
            {delegates.fields.length === 0 ? <p className="dv-empty">{t('form.noDelegates')}</p> : null}
            {delegates.fields.map((field, index) => (
              <DelegateLine key={field.id} form={form} index={index} name={field.fullName} areas={areas} onRemove={() => delegates.remove(index)} />
            ))}
            {delegatesError ? (
              <p className="dv-field__error" role="alert" data-testid="delegation-delegates-error">
                {delegatesError}
              </p>
            ) : null}
            <MemberPicker
              chosen={delegates.fields.map((field) => field.memberId)}
              onPick={(member) => delegates.append({ memberId: member.id, fullName: member.fullName, role: delegates.fields.length === 0 ? 'LEADER' : 'MEMBER', area: '', areaName: '' })}
            />
          </fieldset>
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" disabled={form.formState.isSubmitting} data-testid="delegation-submit">
              {form.formState.isSubmitting ? t('form.saving') : t('form.submit')}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Section>
  );
}

function DelegateLine(props: { form: UseFormReturn<Values>; index: number; name: string; areas: readonly { id: string; name: string }[]; onRemove: () => void }) {
  const { t } = useTranslation('district.delegations');
  const { form, index, name, areas, onRemove } = props;
  const area = useWatch({ control: form.control, name: `delegates.${index}.area` });
  return (
    <div className="dv-card" data-testid="delegation-delegate">
      <p>
        <strong>{name}</strong>
      </p>
      <SelectField<Values> name={`delegates.${index}.role`} label={t('form.role', { name })} options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
      <SelectField<Values>
        name={`delegates.${index}.area`}
        label={t('form.area', { name })}
        options={[{ value: '', label: t('form.chooseArea') }, ...areas.map((unit) => ({ value: unit.id, label: unit.name })), { value: OTHER_AREA, label: t('form.otherArea') }]}
      />
      {area === OTHER_AREA ? <TextField<Values> name={`delegates.${index}.areaName`} label={t('form.areaName', { name })} autoComplete="off" /> : null}
      <Button variant="secondary" onClick={onRemove}>
        {t('form.remove')}
      </Button>
    </div>
  );
}

/** Search members by name (the server scopes it to the caller's units) and add one to the delegation. */
function MemberPicker({ chosen, onPick }: { chosen: readonly string[]; onPick: (member: { id: string; fullName: string }) => void }) {
  const { t } = useTranslation('district.delegations');
  const id = useId();
  const [text, setText] = useState('');
  const name = useDeferredValue(text.trim());
  const search = useQuery(DELEGATE_SEARCH, { name }, { enabled: name.length >= 2, keepPrevious: true });
  const found = name.length >= 2 ? (search.data?.searchMembers.nodes ?? []) : [];
  return (
    <div>
      <div className="dv-field">
        <label htmlFor={id}>{t('form.search')}</label>
        <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" data-testid="delegation-search" />
      </div>
      {name.length >= 2 && search.isFetching && found.length === 0 ? <p role="status">{t('form.searching')}</p> : null}
      {name.length >= 2 && !search.isFetching && found.length === 0 ? <p className="dv-empty">{t('form.noMatch')}</p> : null}
      {found.length > 0 ? (
        <ul className="dv-list" data-testid="delegation-search-results">
          {found.map((member) => (
            <li key={member.id}>
              {member.fullName}
              {member.cell ? ` — ${member.cell.name}` : ''}{' '}
              <Button variant="secondary" disabled={chosen.includes(member.id)} onClick={() => onPick(member)} data-testid="delegation-add">
                {chosen.includes(member.id) ? t('form.added') : t('form.add')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
