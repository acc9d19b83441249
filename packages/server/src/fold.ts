/**
 * Folds text for search: lowercase, without Vietnamese diacritics (NFD, combining marks removed, đ → d).
 * Computed here and stored, so search needs no database extension (`unaccent` is not everywhere).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}
