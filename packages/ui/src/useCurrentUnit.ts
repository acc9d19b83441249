import { graphql } from './generated/index.ts';
import type { OrgUnitKind, OrgUnitsOfKindQuery } from './generated/graphql.ts';
import { useQuery } from './data/useQuery.ts';

const ORG_UNITS_OF_KIND = graphql(`
  query OrgUnitsOfKind($kind: OrgUnitKind!) {
    orgUnits(kind: $kind) { id code name kind parent { id name } }
  }
`);

/** A unit a level module offers to open. */
export type OrgUnitSummary = OrgUnitsOfKindQuery['orgUnits'][number];

export interface CurrentUnitState {
  /** Units of this kind the user may open. */
  units: OrgUnitSummary[];
  /** The unit a module opens when none is in the URL. */
  defaultUnitId: string | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch: () => void;
}

/**
 * The one place that decides which units of a level the user sees. The gateway already limits
 * orgUnits to the signed-in user's scope, so this offers what it returns and defaults to the
 * first; an empty list (nothing of this level in scope) is not an error.
 */
export function useCurrentUnit(kind: OrgUnitKind): CurrentUnitState {
  const { data, error, isPending, refetch } = useQuery(ORG_UNITS_OF_KIND, { kind });
  const units = data?.orgUnits ?? [];
  return {
    units,
    defaultUnitId: units[0]?.id,
    loading: isPending,
    error: error ?? undefined,
    refetch: () => {
      void refetch();
    },
  };
}
