import { Section } from '@dangvien/ui';

/** Chuyển sinh hoạt: placeholder until the feature is built (issue 16). */
export default function TransfersPage() {
  return <Section title="Chuyển sinh hoạt">{null}</Section>;
}
