import { Section } from '@dangvien/ui';

/** Đảng viên: placeholder until the feature is built (issue 16). */
export default function MembersPage() {
  return <Section title="Đảng viên">{null}</Section>;
}
