import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en, vi } from './messages.ts';
import type { OrgUnitKind } from './generated/graphql.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// This module is a Module Federation singleton, so the shell and every remote share one
// initialised i18next; the guard covers a remote running standalone in the same way.
if (!i18next.isInitialized) {
  void i18next.use(initReactI18next).init({
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already.
    initAsync: false, // resources are inline, so render can translate on the first pass.
  });
}

export { i18next as i18n };

/**
 * Registers a module's own strings under its namespace, e.g. addTranslations('cell', { vi, en }).
 * Vietnamese is required; a missing English bundle falls back to Vietnamese.
 */
export function addTranslations(namespace: string, bundles: { vi: object; en?: object }): void {
  for (const language of LANGUAGES) {
    const bundle = bundles[language] ?? bundles.vi;
    i18next.addResourceBundle(language, namespace, bundle, true, true);
  }
}

/**
 * Labels for the schema's enums that several modules show, in the current language. A module's own
 * enums (a member's status, a grade: the cell module) are labelled in its own messages.
 */
export function useLabels() {
  const { t } = useTranslation();
  return {
    orgUnitKind: (kind: OrgUnitKind) => t(`orgUnitKind.${kind}`),
  };
}
