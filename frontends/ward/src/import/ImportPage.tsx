import { MemberImport } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';

/** Nhập danh sách: a member list from .xlsx/.csv into the committee's cells (the platform's import). */
export default function ImportPage() {
  const { committeeId } = useWardPath();
  return <MemberImport unitId={committeeId} />;
}
