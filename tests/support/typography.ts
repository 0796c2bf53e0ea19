/**
 * What a careful reader would mark on a page's text (DOMAIN.md, French typography): in
 * French, a no-break space before ; : ! ? and none before . or , ; "1er" for the first of a
 * month; elision before a vowel; in English, no space before : ; ! ?. In both, no
 * translation key left untranslated. Returns each problem with its context.
 */
export function typographyProblems(text: string, locale: 'fr' | 'en') {
  const problems: string[] = []
  const flag = (pattern: RegExp, what: string) => {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0
      problems.push(`${what}: «${text.slice(Math.max(0, at - 25), at + 25).replace(/\s+/g, ' ')}»`)
    }
  }
  flag(/translation missing|\b[a-z_]+\.(?:fields|errors|states|statuses)\.[a-zA-Z_.]+\b/g, 'key')
  flag(/[ \t\u00a0\u202f]+[.,](?=\s|$)/g, 'space before . or ,')
  if (locale === 'fr') {
    flag(/ [;:!?](?=\s|$)/g, 'ordinary space before ; : ! ?')
    flag(/[A-Za-zÀ-ÿ)»][;!?](?=\s|$)|[A-Za-zÀ-ÿ)»]:(?=\s)/g, 'no space before ; : ! ?')
    flag(
      /(?:^|[^\d])1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/g,
      '1 instead of 1er'
    )
    flag(
      /(?<![-\w])(?:[Dd]e|[Qq]ue|[Ll]e|[Ll]a) (?=[AEIOUYÀÂÉÈÊÎÔÛaeiouyàâéèêîôû])\S+/g,
      'no elision'
    )
  } else {
    flag(/ [;:!?](?=\s|$)/g, 'French space in English')
  }
  return problems
}
