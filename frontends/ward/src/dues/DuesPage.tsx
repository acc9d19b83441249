import { Section } from '@dangvien/ui';

/** Đảng phí: placeholder until the feature is built (issue 16). */
export default function DuesPage() {
  return <Section title="Đảng phí">{null}</Section>;
}
