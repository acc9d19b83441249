import type { OrgUnitKind } from '../generated/graphql.ts';

/** What a figure of the summary is about: the list behind it is a page of the ward or cell module, or a table of this page. */
export type FigureTopic = 'members' | 'movements' | 'transfers' | 'attendance' | 'dues';

const WARD_PAGES: Record<FigureTopic, string> = { members: 'members', movements: 'members', transfers: 'transfers', attendance: 'grading', dues: 'dues' };
const CELL_PAGES: Record<FigureTopic, string> = { members: 'members', movements: 'members', transfers: 'members', attendance: 'meetings', dues: 'dues' };

export const isCell = (kind: OrgUnitKind | undefined): boolean => kind === 'CELL' || kind === 'GRASSROOTS_CELL';

/**
 * Where a figure's list is: for a grassroots committee its page in the ward module, for a cell its
 * page in the cell module (when mounted in the shell), else the table of units below on this page.
 */
export function figureTarget(
  topic: FigureTopic,
  unit: { id: string; kind?: OrgUnitKind },
  paths: { wardPath: (id: string, ...segments: string[]) => string | undefined; cellPath: (id: string, ...segments: string[]) => string | undefined },
): { href: string; external: boolean } {
  if (unit.kind === 'GRASSROOTS_COMMITTEE') {
    const href = paths.wardPath(unit.id, WARD_PAGES[topic]);
    if (href) return { href, external: true };
  }
  if (isCell(unit.kind)) {
    const href = paths.cellPath(unit.id, CELL_PAGES[topic]);
    if (href) return { href, external: true };
    return { href: '#dd-members', external: false };
  }
  return { href: '#dd-units', external: false };
}
