import { createContext, useContext, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLabels, useQuery } from '@dangvien/ui';
import { TREE_CHILDREN, type TreeNodeUnit } from './queries.ts';
import { sortUnits } from './tree.ts';

/** What every item of the tree shares: the day, which units are open, the active one, where a unit links. */
export interface TreeControl {
  asOf: string;
  expanded: ReadonlySet<string>;
  toggle: (id: string) => void;
  activeId: string | null;
  activate: (unit: TreeNodeUnit) => void;
  /** A unit to focus once it is shown (after a search opened the levels above it). */
  focusId: string | null;
  focused: () => void;
  linkFor: (unit: TreeNodeUnit) => string;
}

const TreeContext = createContext<TreeControl | null>(null);

function useTreeControl(): TreeControl {
  const control = useContext(TreeContext);
  if (!control) throw new Error('A tree item outside OrgTree');
  return control;
}

/**
 * The organization chart as an ARIA tree (WAI-ARIA APG treeview): one tab stop, arrow keys move and
 * open, Enter follows the unit's link. Children are read when a unit is first opened, so a province of
 * thousands of units shows only the levels the clerk opens.
 */
export function OrgTree({ root, rootChildren, label, control }: { root: TreeNodeUnit; rootChildren: readonly TreeNodeUnit[]; label: string; control: TreeControl }) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const index = items.indexOf(item);
    const id = item.dataset.unitId ?? '';
    const expanded = item.getAttribute('aria-expanded');
    const focus = (target: HTMLElement | null | undefined) => target?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(items[index + 1]);
        break;
      case 'ArrowUp':
        focus(items[index - 1]);
        break;
      case 'Home':
        focus(items[0]);
        break;
      case 'End':
        focus(items.at(-1));
        break;
      case 'ArrowRight':
        if (expanded === 'false') control.toggle(id);
        else if (expanded === 'true') focus(items[index + 1]);
        break;
      case 'ArrowLeft':
        if (expanded === 'true') control.toggle(id);
        else focus(item.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
        break;
      case 'Enter':
        item.querySelector<HTMLAnchorElement>('a')?.click();
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  return (
    <TreeContext value={control}>
      <ul role="tree" aria-label={label} className="district-tree" data-testid="district-tree" onKeyDown={onKeyDown}>
        <TreeItem unit={root} level={1} position={1} size={1} loadedChildren={rootChildren} />
      </ul>
    </TreeContext>
  );
}

function TreeItem(props: { unit: TreeNodeUnit; level: number; position: number; size: number; loadedChildren?: readonly TreeNodeUnit[] }) {
  const { unit, level, position, size, loadedChildren } = props;
  const control = useTreeControl();
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const ref = useRef<HTMLLIElement>(null);
  const childCount = loadedChildren?.length ?? unit.children.length;
  const expandable = childCount > 0;
  const open = expandable && control.expanded.has(unit.id);
  const active = control.activeId === unit.id || (control.activeId === null && level === 1);
  const { focusId, focused } = control;
  useEffect(() => {
    if (focusId !== unit.id || !ref.current) return;
    ref.current.focus();
    ref.current.scrollIntoView({ block: 'center' });
    focused();
  }, [focusId, focused, unit.id]);
  return (
    <li
      ref={ref}
      role="treeitem"
      aria-level={level}
      aria-setsize={size}
      aria-posinset={position}
      aria-expanded={expandable ? open : undefined}
      aria-selected={control.activeId === unit.id}
      tabIndex={active ? 0 : -1}
      data-unit-id={unit.id}
      className="district-tree__item"
      onFocus={(event) => {
        if (event.target === event.currentTarget) control.activate(unit);
      }}
    >
      <div
        className="district-tree__row"
        onClick={(event) => {
          // A click on the row selects the unit (the link inside still navigates).
          event.stopPropagation();
          ref.current?.focus();
        }}
      >
        <span
          className="district-tree__toggle"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            if (expandable) control.toggle(unit.id);
            ref.current?.focus();
          }}
        >
          {expandable ? (open ? '▾' : '▸') : ''}
        </span>
        <Link to={control.linkFor(unit)} tabIndex={-1} className="district-tree__name">
          {unit.name}
        </Link>
        <span className="dv-muted district-tree__meta">
          {labels.orgUnitKind(unit.kind)}
          {expandable ? ` · ${t('childCount', { count: childCount })}` : ''}
        </span>
      </div>
      {open ? <TreeGroup parentId={unit.id} level={level + 1} loadedChildren={loadedChildren} /> : null}
    </li>
  );
}

/** The children of an open unit: those already read, else read now (once per unit and day). */
function TreeGroup({ parentId, level, loadedChildren }: { parentId: string; level: number; loadedChildren?: readonly TreeNodeUnit[] }) {
  const control = useTreeControl();
  const { t } = useTranslation('district.tree');
  const query = useQuery(TREE_CHILDREN, { id: parentId, asOf: control.asOf }, { enabled: !loadedChildren });
  const children = loadedChildren ?? query.data?.orgUnit?.children;
  if (!children) {
    return (
      <p className="dv-muted district-tree__loading" role="status">
        {query.error ? query.error.message : t('loadingChildren')}
      </p>
    );
  }
  const sorted = sortUnits(children);
  return (
    <ul role="group">
      {sorted.map((child, index) => (
        <TreeItem key={child.id} unit={child} level={level} position={index + 1} size={sorted.length} />
      ))}
    </ul>
  );
}
