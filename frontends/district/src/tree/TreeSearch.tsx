import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, QueryBoundary, useLabels, useQuery } from '@dangvien/ui';
import { TREE_SEARCH, type FoundUnit } from './queries.ts';

/** Finds units by name or code (ignoring diacritics, on the server) on the chart's day; a result opens the tree down to it. */
export function TreeSearch({ asOf, onReveal }: { asOf: string; onReveal: (unit: FoundUnit) => void }) {
  const { t } = useTranslation('district.tree');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  return (
    <section className="district-tree__search" aria-labelledby={`${id}-label`}>
      <form
        role="search"
        className="dv-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setText(draft.trim());
        }}
      >
        <div className="dv-field">
          <label id={`${id}-label`} htmlFor={id}>
            {t('search.label')}
          </label>
          <input id={id} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} data-testid="tree-search" autoComplete="off" />
        </div>
        <Button type="submit" data-testid="tree-search-submit">
          {t('search.button')}
        </Button>
      </form>
      {text ? <SearchResults text={text} asOf={asOf} onReveal={onReveal} /> : null}
    </section>
  );
}

function SearchResults({ text, asOf, onReveal }: { text: string; asOf: string; onReveal: (unit: FoundUnit) => void }) {
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const query = useQuery(TREE_SEARCH, { text, asOf });
  return (
    <QueryBoundary query={query} isEmpty={(data) => data.searchOrgUnits.nodes.length === 0} empty={t('search.none')}>
      {(data) => (
        <div data-testid="tree-search-results">
          <h3 role="status">{t('search.results', { count: data.searchOrgUnits.nodes.length })}</h3>
          <ul className="district-tree__results">
            {data.searchOrgUnits.nodes.map((unit) => (
              <li key={unit.id}>
                <Button variant="secondary" onClick={() => onReveal(unit)} aria-label={t('search.show', { name: unit.name })} data-testid="tree-search-result">
                  {unit.name}
                </Button>
                <span className="dv-muted">
                  {labels.orgUnitKind(unit.kind)} · {unit.path.slice(0, -1).join(' › ')}
                </span>
              </li>
            ))}
          </ul>
          {data.searchOrgUnits.pageInfo.hasNextPage ? <p className="dv-muted">{t('search.more')}</p> : null}
        </div>
      )}
    </QueryBoundary>
  );
}
