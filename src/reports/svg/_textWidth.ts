// East Asian wide and fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms) take about
// one em; Latin text averages a little over half an em. Enough to decide whether a label fits,
// without a font at hand.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/g;

/** Estimated width in px of `text` at `fontSize`, on the wide side. */
export function estimateTextWidth(text: string, fontSize: number): number {
  const wide = text.match(WIDE)?.length ?? 0;
  const narrow = [...text].length - wide;
  return (wide + narrow * 0.6) * fontSize;
}
