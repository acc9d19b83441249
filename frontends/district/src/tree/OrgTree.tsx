import { useLabels } from '@dangvien/ui';
import type { TreeUnit } from './tree.ts';

/** Nested list: screen readers announce the depth and the number of items at each level. */
export function OrgTree({ units, testId }: { units: TreeUnit[]; testId?: string }) {
  const labels = useLabels();
  return (
    <ul className="dv-tree" data-testid={testId}>
      {units.map((unit) => (
        <li key={unit.id}>
          <strong>{unit.name}</strong> <span className="dv-muted">({labels.orgUnitKind(unit.kind)})</span>
          {unit.children?.length ? <OrgTree units={unit.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
