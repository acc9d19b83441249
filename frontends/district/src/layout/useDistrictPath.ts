import { joinPath, siblingModulePath, useParams } from '@dangvien/ui';
import { useBasePath } from './basePath.ts';

/**
 * The open top unit (a district, or a province after the 2025 reform; from the URL) and the paths of
 * its pages: districtPath('delegations', id) → /district/<unitId>/delegations/<id>. wardPath and
 * cellPath lead to the ward and cell modules' pages of a unit below (undefined standalone, where those
 * modules are not mounted).
 */
export function useDistrictPath() {
  const { unitId = '' } = useParams();
  const basePath = useBasePath();
  return {
    unitId,
    districtPath: (...segments: string[]) => joinPath(basePath, unitId, ...segments),
    wardPath: (committeeId: string, ...segments: string[]) => siblingModulePath(basePath, 'ward', committeeId, ...segments),
    cellPath: (cellId: string, ...segments: string[]) => siblingModulePath(basePath, 'cell', cellId, ...segments),
  };
}
