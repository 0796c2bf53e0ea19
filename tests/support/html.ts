/**
 * The text a person reads in an HTML page: tags dropped, white space folded, the
 * few entities Edge escapes decoded. Assertions on it survive template reformatting.
 */
export function visibleText(html: string) {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
}
