import { Section } from '@dangvien/ui';

/** Tổng quan: placeholder until the feature is built (issue 16). */
export default function HomePage() {
  return <Section title="Tổng quan">{null}</Section>;
}
