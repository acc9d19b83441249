import { useTranslation } from 'react-i18next';
import { Link } from '@dangvien/ui';
import type { DashboardUnit } from './queries.ts';

interface Step {
  id: string;
  name: string;
}

/** The units from the open top unit down to the one in view (the query walks up at most three levels). */
export function drillPath(unit: DashboardUnit, topId: string): Step[] {
  const steps: Step[] = [];
  let current: { id: string; name: string; parent?: unknown } | null | undefined = unit;
  while (current) {
    steps.unshift({ id: current.id, name: current.name });
    if (current.id === topId) break;
    current = current.parent as typeof current;
  }
  return steps;
}

/** Đang xem: Huyện › Đảng bộ xã › Chi bộ, each a link back up, keeping the period. */
export function Crumbs({ steps, href }: { steps: readonly Step[]; href: (id: string) => string }) {
  const { t } = useTranslation('district.dashboard');
  return (
    <nav className="dd-crumbs" aria-label={t('crumbs')} data-testid="dashboard-crumbs">
      <ol>
        {steps.map((step, index) => (
          <li key={step.id}>
            {index === steps.length - 1 ? (
              <span aria-current="page">{step.name}</span>
            ) : (
              <Link to={href(step.id)}>{step.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
