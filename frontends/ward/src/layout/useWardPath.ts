import { joinPath, siblingModulePath, useParams } from '@dangvien/ui';
import { useBasePath } from './basePath.ts';

/**
 * The open committee's id (from the URL) and the paths of its pages: wardPath('members', id) →
 * /ward/<committeeId>/members/<id>; cellPath(cellId, 'members') → the cell module's page of that
 * cell (/cell/<cellId>/members in the shell; undefined standalone, where there is no cell module).
 */
export function useWardPath() {
  const { committeeId = '' } = useParams();
  const basePath = useBasePath();
  return {
    committeeId,
    wardPath: (...segments: string[]) => joinPath(basePath, committeeId, ...segments),
    cellPath: (cellId: string, ...segments: string[]) => siblingModulePath(basePath, 'cell', cellId, ...segments),
  };
}
