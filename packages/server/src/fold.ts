/**
 * Folds text for search: lowercase, without Vietnamese diacritics (NFD, combining marks removed, đ → d).
 * Services store it beside the text, so search needs no database extension (`unaccent` is not
 * everywhere); imports compare headers and names with it.
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
