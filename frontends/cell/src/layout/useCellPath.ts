import { useParams } from '@dangvien/ui';
import { joinPath } from '@dangvien/ui';
import { useBasePath } from './basePath.ts';

/** The open cell's id (from the URL) and the paths of its pages: cellPath('meetings', id) → /cell/<cellId>/meetings/<id>. */
export function useCellPath() {
  const { cellId = '' } = useParams();
  const basePath = useBasePath();
  return { cellId, cellPath: (...segments: string[]) => joinPath(basePath, cellId, ...segments) };
}
