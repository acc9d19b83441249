import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, useFormContext } from '@dangvien/ui';
import type { RosterMember } from './queries.ts';
import type { EndCellsForm as Values } from './schemas.ts';

/**
 * Giải thể: where each member of the dissolved cell goes, one select per member (the form's
 * `members.N.unitId`, in the roster's order); the first choice is the successor picked above.
 */
export function MemberDestinations(props: { members: readonly RosterMember[]; cells: readonly { id: string; name: string }[]; successorName: string | undefined }) {
  const { members, cells, successorName } = props;
  const { t } = useTranslation('ward.cells');
  const form = useFormContext<Values>();
  const hintId = useId();
  // A refusal about the destinations as a whole (from the server) sits on the list.
  const error = form.formState.errors.members?.root?.message ?? form.formState.errors.members?.message;
  if (members.length === 0) return null;
  const options = [
    { value: '', label: successorName ? t('fields.theSuccessor', { name: successorName }) : t('fields.theSuccessorUnpicked') },
    ...cells.map((cell) => ({ value: cell.id, label: cell.name })),
  ];
  return (
    <fieldset className="dv-fieldset ward-cells__destinations" aria-describedby={hintId} data-testid="cells-destinations">
      <legend>{t('fields.destinations')}</legend>
      <p id={hintId} className="dv-field__hint">
        {t('fields.destinationsHint')}
      </p>
      {members.map((member, index) => (
        <SelectField<Values>
          key={member.id}
          name={`members.${index}.unitId`}
          label={t('fields.memberDestination', { name: member.fullName })}
          options={options}
        />
      ))}
      {error ? (
        <p className="dv-field__error" role="alert" data-testid="cells-destinations-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
