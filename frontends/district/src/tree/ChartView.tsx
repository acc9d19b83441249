import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, DataTable, formatDate, todayInVietnam, QueryBoundary, Section, Toolbar, useLabels, useQuery, useSearchParams } from '@dangvien/ui';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { OrgTree, type TreeControl } from './OrgTree.tsx';
import { TREE_ROOT, type TreeNodeUnit } from './queries.ts';
import { TreeSearch } from './TreeSearch.tsx';
import { ISO_DATE, sortCounts } from './tree.ts';

/** Where a unit of the tree leads: the ward or cell module's page, else its history and restructuring here. */
export function useUnitLink() {
  const { districtPath, wardPath, cellPath } = useDistrictPath();
  return useCallback(
    (unit: { id: string; kind: TreeNodeUnit['kind'] }): string =>
      (unit.kind === 'GRASSROOTS_COMMITTEE' ? wardPath(unit.id) : unit.kind === 'CELL' ? cellPath(unit.id) : undefined) ?? districtPath('tree', 'units', unit.id),
    [districtPath, wardPath, cellPath],
  );
}

/** The chart of the open top unit on a day (?asOf=, default today): counts by kind, search, the tree, the selected unit. */
export function ChartView() {
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const { unitId, districtPath } = useDistrictPath();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const requested = params.get('asOf') ?? '';
  const asOf = ISO_DATE.test(requested) ? requested : today;
  const setAsOf = (day: string) => setParams(day === today ? {} : { asOf: day }, { replace: true });
  const query = useQuery(TREE_ROOT, { id: unitId, asOf }, { keepPrevious: true });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([unitId]));
  const [selected, setSelected] = useState<TreeNodeUnit | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const linkFor = useUnitLink();
  const focused = useCallback(() => setFocusId(null), []);
  const control: TreeControl = {
    asOf,
    expanded,
    toggle: (id) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    activeId: selected?.id ?? null,
    activate: setSelected,
    focusId,
    focused,
    linkFor,
  };

  return (
    <>
      <Section
        title={t('title')}
        actions={
          <ButtonLink to={districtPath('tree', 'units', unitId)} data-testid="tree-history-link">
            {t('history')}
          </ButtonLink>
        }
      >
        <p>{t('intro')}</p>
        <AsOfPicker value={asOf} today={today} onChange={setAsOf} />
        {asOf !== today ? (
          <Alert tone="info">
            <span data-testid="tree-past">{t('pastView', { date: formatDate(asOf) })}</span>
          </Alert>
        ) : null}
      </Section>
      <QueryBoundary query={query}>
        {(data) =>
          data.orgUnit ? (
            <>
              <DataTable
                testId="district-counts"
                caption={t('countsCaption', { date: formatDate(asOf) })}
                columns={[
                  { header: t('kind'), cell: (row) => labels.orgUnitKind(row.kind) },
                  { header: t('count'), numeric: true, cell: (row) => row.count },
                ]}
                rows={sortCounts(data.orgUnit.unitCounts)}
                rowKey={(row) => row.kind}
              />
              <TreeSearch
                asOf={asOf}
                onReveal={(found) => {
                  setExpanded((current) => new Set([...current, ...found.ancestors.map((ancestor) => ancestor.id)]));
                  setFocusId(found.id);
                }}
              />
              <div className="district-tree__layout">
                <div>
                  <h2>{t('treeLabel', { date: formatDate(asOf) })}</h2>
                  <OrgTree
                    key={asOf}
                    root={{ ...data.orgUnit, children: data.orgUnit.children.map(({ id }) => ({ id })) }}
                    rootChildren={data.orgUnit.children}
                    label={t('treeLabel', { date: formatDate(asOf) })}
                    control={control}
                  />
                </div>
                <SelectedUnit unit={selected} />
              </div>
            </>
          ) : null
        }
      </QueryBoundary>
    </>
  );
}

/** The unit chosen in the tree: its page and its history and restructuring. */
function SelectedUnit({ unit }: { unit: TreeNodeUnit | null }) {
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const { districtPath } = useDistrictPath();
  const linkFor = useUnitLink();
  return (
    <aside className="district-tree__panel dv-card" aria-labelledby="district-tree-selected" data-testid="tree-selected">
      <h2 id="district-tree-selected">{t('selected.title')}</h2>
      {unit ? (
        <>
          <p>
            <strong>{unit.name}</strong> <span className="dv-muted">({labels.orgUnitKind(unit.kind)})</span>
          </p>
          <Toolbar>
            {linkFor(unit) !== districtPath('tree', 'units', unit.id) ? (
              <ButtonLink to={linkFor(unit)} data-testid="tree-selected-page">
                {t('selected.openPage', { name: unit.name })}
              </ButtonLink>
            ) : null}
            <ButtonLink to={districtPath('tree', 'units', unit.id)} data-testid="tree-selected-restructure">
              {t('selected.restructure', { name: unit.name })}
            </ButtonLink>
          </Toolbar>
        </>
      ) : (
        <p className="dv-muted">{t('selected.none')}</p>
      )}
    </aside>
  );
}

function AsOfPicker({ value, today, onChange }: { value: string; today: string; onChange: (day: string) => void }) {
  const { t } = useTranslation('district.tree');
  const id = useId();
  return (
    <Toolbar>
      <div className="dv-field">
        <label htmlFor={id}>{t('asOf')}</label>
        <input
          id={id}
          type="date"
          value={value}
          aria-describedby={`${id}-hint`}
          data-testid="tree-as-of"
          onChange={(event) => {
            if (ISO_DATE.test(event.target.value)) onChange(event.target.value);
          }}
        />
        <small id={`${id}-hint`} className="dv-field__hint">
          {t('asOfHint')}
        </small>
      </div>
      {value !== today ? (
        <Button variant="secondary" onClick={() => onChange(today)} data-testid="tree-as-of-today">
          {t('today')}
        </Button>
      ) : null}
    </Toolbar>
  );
}
