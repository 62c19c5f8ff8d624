/** Distinct, print-friendly colours telling the clippings of one page apart (stripe in both panes). */
export const CLIPPING_COLORS: readonly string[] = [
  '#1f6feb',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4d7c0f',
  '#475569',
];

export function clippingColor(index: number | null): string {
  return index === null ? 'transparent' : (CLIPPING_COLORS[index % CLIPPING_COLORS.length] ?? '#475569');
}
