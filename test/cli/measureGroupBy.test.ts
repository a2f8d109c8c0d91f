/**
 * `keyrate measure --group-by`: the sector table's figures by rating, maturity bucket, issuer,
 * currency or any header of the holdings file (issue 12 item 4), through the same grouping as
 * PORTFOLIO's group_by. Each grouping partitions the totals and equals independent sums.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import type { MeasureJson } from "../../src/cli/measure";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "keyrate.js");
const sample = join(root, "assets", "sample-portfolio.xlsx");
const ishares = join(root, "test", "fixtures", "vendor", "ishares-style.csv");

function measure(file: string, ...more: string[]): { status: number | null; m: MeasureJson } {
  const args = [bin, "measure", file, "--curve", sample, "--settle", "2026-12-04", "--json"];
  const r = spawnSync("node", [...args, ...more], { encoding: "utf8", cwd: root });
  expect(r.stderr).toBe("");
  return { status: r.status, m: JSON.parse(r.stdout) as MeasureJson };
}

/** Checks that the groups partition the portfolio and equal sums of holdings labelled `labelOf`. */
function expectPartition(m: MeasureJson, labelOf: (h: MeasureJson["holdings"][number]) => string) {
  const p = m.portfolio!;
  const rows = m.groups!.rows;
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  expect(sum((r) => r.marketValue!)).toBeCloseTo(p.marketValue!, 4);
  expect(sum((r) => r.weight!)).toBeCloseTo(1, 12);
  expect(sum((r) => r.durationContribution!)).toBeCloseTo(p.effDuration!, 10);
  expect(sum((r) => r.dv01!)).toBeCloseTo(p.dv01!, 6);
  expect(sum((r) => r.included)).toBe(p.included);
  for (const r of rows) {
    const mine = m.holdings.filter((h) => !h.excluded && labelOf(h) === r.group);
    const mv = mine.reduce((a, h) => a + h.marketValue!, 0);
    expect(r.included).toBe(mine.length);
    expect(r.marketValue).toBeCloseTo(mv, 4);
    if (mine.length)
      expect(r.effDuration).toBeCloseTo(
        mine.reduce((a, h) => a + h.marketValue! * h.effDuration!, 0) / mv,
        10
      );
  }
}

describe("keyrate measure --group-by", () => {
  it("groups by maturity bucket, shortest first, and prints the table", () => {
    const { m } = measure(ishares, "--group-by", "maturity");
    expect(m.ok).toBe(true);
    expect(m.groups!.title).toBe("Years to maturity");
    const labels = m.groups!.rows.map((r) => r.group);
    expect(labels.length).toBeGreaterThan(2);
    const start = (l: string) => Number(l.split(/[–+-]/)[0]);
    expect(labels.map(start)).toEqual([...labels.map(start)].sort((a, b) => a - b));
    expect(m.groups!.rows.reduce((a, r) => a + r.marketValue!, 0)).toBeCloseTo(
      m.portfolio!.marketValue!,
      4
    );
    const text = spawnSync(
      "node",
      [
        bin,
        "measure",
        ishares,
        "--curve",
        sample,
        "--settle",
        "2026-12-04",
        "--group-by",
        "maturity",
      ],
      { encoding: "utf8", cwd: root }
    ).stdout;
    expect(text).toMatch(/By Years to maturity \(--group-by maturity\)/);
  });

  it("groups by any header of the file, each group the sum of its rows", () => {
    const { m } = measure(ishares, "--group-by", "name");
    expect(m.groups!.title).toBe("Name");
    // Independent labels: the Name cell of each holding's row, read with papaparse.
    const rows = Papa.parse<string[]>(readFileSync(ishares, "utf8")).data;
    const col = rows[m.mapping!.headerRow - 1].indexOf("Name");
    expectPartition(m, (h) => rows[h.row - 1][col]);
    expect(m.groups!.rows.map((r) => r.marketValue!)).toEqual(
      [...m.groups!.rows.map((r) => r.marketValue!)].sort((a, b) => b - a)
    );
  });

  it("groups by industry: the file's own sector labels", () => {
    const { m } = measure(ishares, "--group-by", "industry");
    expect(m.groups!.title).toBe("Industry");
    expect(m.groups!.rows.map((r) => r.group)).toContain("Banking");
    expectPartition(m, (h) => h.group.trim() || h.sector);
  });

  it("groups by rating on the sample workbook, best first", () => {
    const { m } = measure(sample, "--group-by", "rating");
    expect(m.groups!.title).toBe("Rating");
    expect(m.groups!.rows[0].group).toMatch(/^AAA|^AA/);
  });

  it("refuses an unknown grouping with the words and headers accepted, JSON still printed", () => {
    const { status, m } = measure(ishares, "--group-by", "colour");
    expect(status).toBe(1);
    expect(m.ok).toBe(false);
    expect(m.error).toMatch(
      /--group-by: found "colour"; expected sector, rating, maturity.*Coupon \(%\)/
    );
    expect(m.error!.length).toBeLessThan(500);
    expect(m.mapping).not.toBeNull();
  });
});
