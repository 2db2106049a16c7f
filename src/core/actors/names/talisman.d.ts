// talisman ships plain CommonJS without typings; these are the two functions Lede uses.
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, boost threshold 0.7). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}

declare module 'talisman/phonetics/double-metaphone.js' {
  /** Lawrence Philips' Double Metaphone: [primary, secondary] codes, four characters at most. */
  const doubleMetaphone: (word: string) => [string, string];
  export default doubleMetaphone;
}
