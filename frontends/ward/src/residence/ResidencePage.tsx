import { Section } from '@dangvien/ui';

/** Quy định 213: placeholder until the feature is built (issue 16). */
export default function ResidencePage() {
  return <Section title="Quy định 213">{null}</Section>;
}
