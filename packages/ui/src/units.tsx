import { Fragment, useId } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Page } from './components.tsx';
import type { OrgUnitKind } from './generated/graphql.ts';
import { joinPath } from './remote.ts';
import type { Role } from './session.ts';
import { useCurrentUnit, type OrgUnitSummary } from './useCurrentUnit.ts';
import { useSession } from './useSession.ts';

/** Roles whose grant is over exactly one unit of a level: that unit is where its module opens. */
const OWN_UNIT_KIND: Partial<Record<Role, OrgUnitKind>> = { CELL_SECRETARY: 'CELL', CELL_COMMITTEE: 'CELL', WARD_COMMITTEE: 'GRASSROOTS_COMMITTEE' };

/** Groups units under their parent's name, since names like "Chi bộ xóm 1" repeat across wards. */
function groupByParent(units: OrgUnitSummary[]) {
  const groups = new Map<string, { key: string; label: string | undefined; units: OrgUnitSummary[] }>();
  for (const unit of units) {
    const key = unit.parent?.id ?? '';
    const group = groups.get(key) ?? { key, label: unit.parent?.name, units: [] };
    group.units.push(unit);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A labelled select of units; picking one calls onChange with its id. */
export function UnitPicker(props: {
  label: string;
  units: OrgUnitSummary[];
  value: string | undefined;
  onChange: (unitId: string) => void;
}) {
  const id = useId();
  return (
    <div className="dv-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(event) => {
          props.onChange(event.target.value);
        }}>
        {groupByParent(props.units).map((group) =>
          group.label ? (
            <optgroup key={group.key} label={group.label}>
              {group.units.map(renderOption)}
            </optgroup>
          ) : (
            <Fragment key={group.key}>{group.units.map(renderOption)}</Fragment>
          ),
        )}
      </select>
    </div>
  );
}

function renderOption(unit: OrgUnitSummary) {
  return (
    <option key={unit.id} value={unit.id}>
      {unit.name}
    </option>
  );
}

/** The index route of a level module: opens the current user's default unit of that level. */
export function CurrentUnitRedirect(props: { kind: OrgUnitKind; basePath: string; title: string }) {
  const { t } = useTranslation();
  const { grants } = useSession();
  const { defaultUnitId, loading, error, refetch } = useCurrentUnit(props.kind);
  // A secretary's one grant names her cell: open it at once rather than after a query (the module's
  // first page reads the unit anyway, and the server checks the scope).
  const own = grants.length === 1 && grants[0] && OWN_UNIT_KIND[grants[0].role] === props.kind ? grants[0].scopeUnitId : undefined;
  if (own) return <Navigate to={joinPath(props.basePath, own)} replace />;
  if (defaultUnitId) return <Navigate to={joinPath(props.basePath, defaultUnitId)} replace />;
  return (
    <Page title={props.title}>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={refetch} />
      ) : (
        <p className="dv-notice" data-testid="no-units">
          {t('common.noUnits')}
        </p>
      )}
    </Page>
  );
}
