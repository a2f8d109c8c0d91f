/**
 * Portfolio aggregation shared by the yield- and curve-based exposures: over the holdings chosen
 * by `select` and not left out, the market value, market-value-weighted averages of per-holding
 * figures (durations, convexities: years, years²) and plain sums of others (DV01s: money).
 */
export interface Aggregate {
  readonly marketValue: number;
  /** Market-value-weighted average of each `weighted` figure (NaN when no market value). */
  readonly averages: number[];
  /** Sum of each `summed` figure. */
  readonly sums: number[];
  readonly included: number;
  readonly excluded: number;
}

export function aggregate(
  marketValue: Float64Array,
  excluded: readonly (string | null)[],
  weighted: readonly ArrayLike<number>[],
  summed: readonly ArrayLike<number>[],
  select: (i: number) => boolean = () => true
): Aggregate {
  let mv = 0;
  let included = 0;
  let left = 0;
  const wsum = weighted.map(() => 0);
  const sums = summed.map(() => 0);
  for (let i = 0; i < marketValue.length; i++) {
    if (!select(i)) continue;
    if (excluded[i]) {
      left++;
      continue;
    }
    included++;
    const v = marketValue[i];
    mv += v;
    weighted.forEach((f, k) => (wsum[k] += v * f[i]));
    summed.forEach((f, k) => (sums[k] += f[i]));
  }
  const w = mv !== 0 ? 1 / mv : NaN;
  return { marketValue: mv, averages: wsum.map((s) => s * w), sums, included, excluded: left };
}
