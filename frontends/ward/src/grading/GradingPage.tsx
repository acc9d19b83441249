import { Section } from '@dangvien/ui';

/** Xếp loại: placeholder until the feature is built (issue 16). */
export default function GradingPage() {
  return <Section title="Xếp loại">{null}</Section>;
}
