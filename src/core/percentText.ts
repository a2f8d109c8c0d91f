/** A decimal rate as short percent text for labels: 0.0425 → "4.25%", 0.04125 → "4.125%". */
export function percentText(x: number): string {
  return `${(x * 100).toFixed(3).replace(/\.?0+$/, "")}%`;
}
