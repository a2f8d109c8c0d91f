/**
 * The task pane's workbook calls against office-addin-mock: loads before reads, chunked reads,
 * output only on a new sheet (never over an existing one), nothing written when the input is bad.
 */
import { OfficeMockObject } from "office-addin-mock";
import { readSelection, runOnRange, runOnSelection } from "../../src/taskpane/workbookIO";
import { ROWS_PER_CHUNK } from "../../src/render/officejs";
import { HOLDINGS_RISK_SHEET_NAME } from "../../src/core/report/holdingsRiskSheet";
import { HEDGE_SHEET_NAME } from "../../src/core/report/hedgeSheet";
import { shownValue } from "../../src/core/report/sheetModel";
import { HISTORY_SHEET_NAME } from "../../src/core/history/workbookLayout";
import { MONITORING_SHEET_NAME } from "../../src/core/report/monitoringSheet";
import { PANE_HISTORY_MAX_CHARS } from "../../src/core/conventions";

interface Written {
  name: string;
  cells: Map<string, unknown>;
  formats: Map<string, unknown>;
  frozen: number;
  /** Charts added: type and the range of the first series. */
  chartsAdded: [string, string][];
  /** Tables added: [row, column, rows, columns], and their names and styles as set. */
  tablesAdded: { at: number[]; name: string; style: string }[];
  /** Ranges merged: [row, column, rows, columns]. */
  merged: number[][];
  deleted: boolean;
}

const HEADER = ["CUSIP", "Description", "Sector", "Par", "Coupon", "Maturity", "Price"];
const GOOD = [
  ["91282CJL6", "UST 4.875% 2028", "Treasury", 10_000_000, 0.04875, "2028-11-30", 101.25],
  ["912810TM0", "UST 4.000% 2052", "Treasury", 5_000_000, 0.04, "2052-11-15", 88.5],
  ["06051GHD4", "Bank 3.5% 2029", "Corporate", 7_000_000, 0.035, "2029-04-19", 95.1],
];

/** The hidden history sheet of a mock workbook: its values, kept across "save and reopen". */
interface HistoryStore {
  values?: unknown[][];
  visibility?: string;
}

/** The very hidden history sheet: values written and read back as a rectangle, as Excel does. */
function historySheet(store: HistoryStore) {
  return {
    isNullObject: false,
    getUsedRangeOrNullObject: () => ({
      isNullObject: !store.values,
      values: store.values,
      load: () => undefined,
    }),
    getRange: () => ({ clear: () => (store.values = undefined) }),
    getRangeByIndexes: (r0: number, _c: number, rows: number, columns: number) => ({
      set values(v: unknown[][]) {
        expect(v).toHaveLength(rows);
        v.forEach((row) => expect(row).toHaveLength(columns));
        expect(store.values?.length ?? 0).toBe(r0); // batches in order, from row 1
        store.values = [...(store.values ?? []), ...v];
      },
    }),
    set visibility(v: string) {
      store.visibility = v;
    },
  };
}

/**
 * A workbook with a selected range on the active sheet "Holdings" and the given other sheets
 * (and the run history's hidden sheet when `history` holds values).
 */
function mockExcel(values: unknown[][], existing: string[], history: HistoryStore = {}) {
  const written: Written[] = [];
  const chunkReads: number[] = [];
  const newSheet = (name: string) => {
    const w: Written = {
      name,
      cells: new Map(),
      formats: new Map(),
      frozen: 0,
      chartsAdded: [],
      tablesAdded: [],
      merged: [],
      deleted: false,
    };
    // A chart's calls accepted and dropped (test/playground/simCharts.test.ts checks them).
    const title = { text: "" };
    const axis = { title: { text: "" }, tickLabelPosition: "" };
    const series = { name: "", setValues: () => undefined, setXAxisValues: () => undefined };
    written.push(w);
    return Object.assign(w, {
      getRangeByIndexes(r0: number, c0: number, rows: number, columns: number) {
        const format = { font: {}, fill: {}, columnWidth: 0 };
        return {
          at: [r0, c0, rows, columns],
          format,
          merge: () => w.merged.push([r0, c0, rows, columns]),
          set formulas(v: unknown[][]) {
            expect(v.length).toBe(rows);
            v.forEach((row, r) => row.forEach((x, c) => w.cells.set(`${r0 + r},${c0 + c}`, x)));
          },
          set numberFormat(v: unknown[][]) {
            expect(v.length).toBeLessThanOrEqual(ROWS_PER_CHUNK);
            v.forEach((row, r) => row.forEach((x, c) => w.formats.set(`${r0 + r},${c0 + c}`, x)));
          },
        };
      },
      freezePanes: { freezeRows: (n: number) => (w.frozen = n) },
      getRange: (address: string) => ({ address }),
      charts: {
        add(type: string, source: { address: string }) {
          w.chartsAdded.push([type, source.address]);
          return {
            title,
            axes: { categoryAxis: axis, valueAxis: axis },
            legend: { position: "" },
            series: { getItemAt: () => series, add: () => series },
            setPosition: () => undefined,
          };
        },
      },
      tables: {
        add(range: { at: number[] }, hasHeaders: boolean) {
          expect(hasHeaders).toBe(true);
          const table = { at: range.at, name: "", style: "" };
          w.tablesAdded.push(table);
          return table;
        },
      },
      delete: () => (w.deleted = true),
      activate: () => undefined,
    });
  };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        selection: {
          address: `Holdings!A1:G${values.length}`,
          rowIndex: 0,
          columnIndex: 0,
          rowCount: values.length,
          columnCount: values[0].length,
        },
        getSelectedRange() {
          return this.selection;
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  // The worksheet collection is a hand-written stand-in: office-addin-mock cannot model
  // `items` (an array of objects) for load("items/name").
  const active = {
    name: "Holdings",
    load: () => undefined,
    getRangeByIndexes(r0: number, c0: number, rows: number) {
      chunkReads.push(rows);
      // A frozen view of the user's cells: any write to it fails the test.
      return Object.freeze({ values: values.slice(r0, r0 + rows), load: () => undefined });
    },
  };
  (
    mock as unknown as { context: { workbook: Record<string, unknown> } }
  ).context.workbook.worksheets = {
    items: existing.map((name) => ({ name })),
    load: () => undefined,
    getActiveWorksheet: () => active,
    getItem: (name: string) => ({
      name,
      load: () => undefined,
      activate: () => expect(written.map((w) => w.name)).toContain(name),
      getRange: (a1: string) => {
        // The holdings sheet's block A<r1>:G<r2>, read by address as the pane's Write does.
        const block = /^A(\d+):G(\d+)$/.exec(a1);
        if (name === "Holdings" && block) {
          const [r1, r2] = [Number(block[1]), Number(block[2])];
          return {
            address: `Holdings!${a1}`,
            rowIndex: r1 - 1,
            columnIndex: 0,
            rowCount: r2 - r1 + 1,
            columnCount: HEADER.length,
            load: () => undefined,
          };
        }
        return { values: RANGES[`${name}!${a1}`] ?? [], load: () => undefined };
      },
      getRangeByIndexes: active.getRangeByIndexes,
    }),
    add: (name: string) => (name === HISTORY_SHEET_NAME ? historySheet(history) : newSheet(name)),
    getItemOrNullObject: (name: string) =>
      name === HISTORY_SHEET_NAME && history.values
        ? historySheet(history)
        : { isNullObject: true },
  };
  // A table of the user's already has the holdings table's name.
  (mock as unknown as { context: { workbook: Record<string, unknown> } }).context.workbook.tables =
    { items: [{ name: "krHoldings" }], load: () => undefined };
  return {
    mock: mock as unknown as { context: Excel.RequestContext; run: typeof Excel.run },
    written,
    chunkReads,
  };
}

const CURVE = [
  ["Tenor", "Rate"],
  ["1Y", 0.04],
  ["10Y", 0.045],
  ["30Y", 0.047],
];

/** A curve history as the Treasury's par-yield file has it (percent), two dates. */
const HISTORY = [
  ["Date", "1 Yr", "10 Yr", "30 Yr"],
  ["12/31/2024", 4.16, 4.58, 4.78],
  ["01/02/2025", 4.17, 4.57, 4.79],
];

/** A Treasury universe with prices: two notes deliverable into ZN March 2025. */
const UNIVERSE = [
  ["CUSIP", "Coupon", "Issue date", "Maturity", "Price"],
  ["91282CLR0", 0.04125, "2024-10-31", "2031-10-31", 98.5],
  ["91282CLZ2", 0.04125, "2024-11-30", "2031-11-30", "99-04"],
];

/** Ranges the pane may read by address. */
const RANGES: Record<string, unknown[][]> = {
  "Curve!A1:B4": CURVE,
  "History!A1:D3": HISTORY,
  "Universe!A1:E3": UNIVERSE,
  "Bench!A1:B5": [
    ["Name", "Index-like benchmark"],
    ["Effective duration", 6.2],
    ["KRD 2Y", 1.2],
    ["KRD 10Y", 3],
    ["Spread duration", 6],
  ],
  "Limits!A1:B2": [
    ["Duration band (years)", 0.25],
    ["Review frequency", "monthly"],
  ],
  "Lib!A1:C2": [
    ["Scenario", "Shape", "Size, bp"],
    ["Up 10", "parallel", 10],
  ],
};

/** n identical Treasury rows with distinct ids. */
function treasuries(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [
    `ID${i}`,
    "",
    "Treasury",
    1000,
    0.04,
    "2030-01-01",
    100,
  ]);
}

const settings = {
  settlement: 45659,
  targetDuration: 4,
  contractDv01: 75,
  runDate: "2025-01-02",
};

describe("task pane workbook I/O", () => {
  it("reads the selection with its address and origin", async () => {
    const { mock, chunkReads } = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const sel = await readSelection(mock.context);
    expect(sel.sheet).toBe("Holdings");
    expect(sel.values).toEqual([HEADER, ...GOOD]);
    expect(sel.originRow).toBe(1);
    expect(chunkReads).toEqual([4]);
  });

  it("reads 20,000 rows in chunks", async () => {
    const rows = treasuries(20_000);
    const { mock, chunkReads } = mockExcel([HEADER, ...rows], ["Holdings"]);
    const sel = await readSelection(mock.context);
    expect(sel.values.length).toBe(20_001);
    expect(chunkReads.length).toBeGreaterThan(1);
    expect(Math.max(...chunkReads)).toBeLessThanOrEqual(5000);
  });

  it("writes the recommendation on a new sheet, never over an existing one", async () => {
    const { mock, written } = mockExcel([HEADER, ...GOOD], ["Holdings", HEDGE_SHEET_NAME]);
    const { result, sheetName } = await runOnSelection(mock.context, settings);
    expect(result.ok).toBe(true);
    expect(sheetName).toBe(`${HEDGE_SHEET_NAME} (2)`);
    expect(written.map((w) => w.name)).toEqual([
      `${HEDGE_SHEET_NAME} (2)`,
      "Scenario Analysis",
      "Risk Dashboard",
      "Action Items",
      "Scenario Library",
      "Excluded Holdings",
      "Holdings Risk",
    ]);
    if (!result.ok) return;
    // Every model cell was written with its number format; formulas as formulas. An empty cell
    // or one without a format is left as the new sheet has it (null: empty, General).
    result.sheets[0].rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        expect(written[0].formats.get(`${r},${c}`)).toBe(cell.numFmt ?? null);
        const v = written[0].cells.get(`${r},${c}`);
        const value = cell.value;
        expect(v).toBe(
          value === null ? null : typeof value === "object" ? `=${value.formula}` : value
        );
      })
    );
    // The holdings table follows the user's cells: Par is column D of the selection, row 2 on.
    const risk = written.find((w) => w.name === HOLDINGS_RISK_SHEET_NAME)!;
    const cells = [...risk.cells.values()].map(String);
    expect(cells).toContain("='Holdings'!D2");
    expect(cells).toContain("='Holdings'!G4");
    expect(cells.some((v) => v.startsWith("=KEYRATE.DURATION_MOD("))).toBe(true);
    // Tables as the models define them, named uniquely in the workbook (krHoldings is taken).
    expect(written.map((w) => w.tablesAdded.map((t) => t.at))).toEqual(
      result.sheets.map((m) => (m.tables ?? []).map((t) => [t.row, t.column, t.rows, t.columns]))
    );
    const names = written.flatMap((w) => w.tablesAdded.map((t) => t.name));
    expect(names).toContain("krHoldings2");
    expect(names).not.toContain("krHoldings");
    expect(new Set(names).size).toBe(names.length);
    expect(written.every((w) => w.tablesAdded.every((t) => t.style === "TableStyleLight9"))).toBe(
      true
    );
    // Long notes merged across the sheet, as the models lay them out.
    expect(written.map((w) => w.merged)).toEqual(
      result.sheets.map((m) => (m.merges ?? []).map((b) => [b.row, b.column, b.rows, b.columns]))
    );
    expect(written[0].merged.length).toBeGreaterThan(0);
    // Each sheet's charts, in the same batch: Office.js chart type and first series' range.
    const types = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };
    expect(written.map((w) => w.chartsAdded)).toEqual(
      result.sheets.map((m) => (m.charts ?? []).map((c) => [types[c.type], c.series[0].values]))
    );
  });

  it("runs the range given by address, not the selection (the pane's checked range)", async () => {
    const { mock } = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    // Only the header and the first row are selected now.
    Object.assign((mock.context.workbook as unknown as { selection: object }).selection, {
      address: "Holdings!A1:G2",
      rowCount: 2,
    });
    const byAddress = await runOnRange(mock.context, settings, "Holdings!A1:G4");
    expect(byAddress.selection.address).toBe("Holdings!A1:G4");
    expect(byAddress.result.ok && byAddress.result.record.holdings.count).toBe(3);
    expect(byAddress.result.ok && byAddress.result.record.exclusions.summary.rowsChecked).toBe(3);
    const selected = await runOnSelection(mock.context, settings);
    expect(selected.selection.address).toBe("Holdings!A1:G2");
    expect(selected.result.ok && selected.result.record.holdings.count).toBe(1);
  });

  it("stops between sheets when cancelled: the sheets already added stay, the rest are not written", async () => {
    const { mock, written } = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const signal = { aborted: false };
    // Cancelled while the first sheet is being written.
    const run = await runOnSelection(mock.context, settings, () => (signal.aborted = true), signal);
    expect(run.result.ok).toBe(true);
    expect(run.cancelled).toBe(true);
    expect(run.sheetNames).toEqual([HEDGE_SHEET_NAME]);
    expect(written.map((w) => w.name)).toEqual([HEDGE_SHEET_NAME]);
    // Two-sided: uncancelled, the same job writes every sheet.
    const full = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const all = await runOnSelection(full.mock.context, settings, undefined, { aborted: false });
    expect(all.cancelled).toBe(false);
    expect(all.sheetCount).toBe(run.sheetCount);
    expect(all.sheetNames.length).toBe(run.sheetCount);
    expect(run.sheetCount).toBeGreaterThan(1);
  });

  it("with live formulas off, the holdings table holds values only, the same ones", async () => {
    const live = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const off = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const a = await runOnSelection(live.mock.context, settings);
    const b = await runOnSelection(off.mock.context, { ...settings, liveFormulas: false });
    const formulas = (w: typeof live.written) =>
      [...w.find((x) => x.name === HOLDINGS_RISK_SHEET_NAME)!.cells.values()].filter(
        (v) => typeof v === "string" && v.startsWith("=")
      );
    expect(formulas(live.written).length).toBeGreaterThan(3 * GOOD.length);
    expect(formulas(off.written)).toEqual([]);
    if (!a.result.ok || !b.result.ok) throw new Error("should run");
    // What each cell shows is the same either way.
    expect(b.result.sheets[0].rows.map((r) => r.map(shownValue))).toEqual(
      a.result.sheets[0].rows.map((r) => r.map(shownValue))
    );
  });

  it("applies the user's column corrections by header text; without them the column is missing", async () => {
    const header = HEADER.map((t) => (t === "Coupon" ? "Kupon" : t));
    const without = mockExcel([header, ...GOOD], ["Holdings"]);
    const a = await runOnSelection(without.mock.context, settings);
    expect(a.result.ok).toBe(false);
    expect(a.result.problems.map((p) => p.column)).toContain("coupon");
    expect(without.written).toEqual([]);
    const corrected = mockExcel([header, ...GOOD], ["Holdings"]);
    const b = await runOnSelection(corrected.mock.context, {
      ...settings,
      // A correction naming a header this range lacks is ignored (par is still matched).
      headerChoice: { coupon: "Kupon", par: "Face (old sheet)" },
    });
    expect(b.result.ok).toBe(true);
    expect(b.result.ok && b.result.record.holdings.count).toBe(GOOD.length);
  });

  it("a cancel in the middle of a sheet removes that sheet: no half-written sheet stays", async () => {
    const rows = treasuries(4500);
    const { mock, written } = mockExcel([HEADER, ...rows], ["Holdings"]);
    const signal = { aborted: false };
    const chunks: number[] = [];
    const run = await runOnSelection(
      mock.context,
      settings,
      (done, total) => {
        chunks.push(done);
        // Cancelled in the middle of a sheet: the 4,500 holdings of Holdings Risk.
        if (done < total) signal.aborted = true;
      },
      signal
    );
    expect(chunks[chunks.length - 1]).toBe(ROWS_PER_CHUNK);
    expect(run.cancelled).toBe(true);
    const whole = written.slice(0, -1);
    expect(run.sheetNames).toEqual(whole.map((w) => w.name));
    expect(run.sheetNames[0]).toBe(HEDGE_SHEET_NAME);
    expect(whole.every((w) => !w.deleted)).toBe(true);
    expect(written.map((w) => [w.name, w.deleted]).slice(-1)).toEqual([
      [HOLDINGS_RISK_SHEET_NAME, true],
    ]);
    expect(run.timings.computeMs).toBeGreaterThan(0);
  });

  it("reads the curve from its range and names it on the sheet; without one, warns of the bundled curve", async () => {
    const withCurve = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const a = await runOnSelection(withCurve.mock.context, {
      ...settings,
      curveAddress: "Curve!A1:B4",
    });
    expect(a.result.ok && a.result.record.market.warning).toBe(undefined);
    expect(withCurve.written[0].cells.get("2,0")).toMatch(/Curve!A1:B4 · par yields/);
    const without = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const b = await runOnSelection(without.mock.context, settings);
    expect(b.result.ok && b.result.record.market.warning).toMatch(
      /bundled US Treasury daily par yield curve, 2024-12-31/
    );
    if (a.result.ok && b.result.ok)
      expect(a.result.record.totals.effDuration).not.toBeCloseTo(
        b.result.record.totals.effDuration,
        6
      );
  });

  it("takes a curve history range on its date, and a Treasury universe range at its prices", async () => {
    const { mock, written } = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const { result } = await runOnSelection(mock.context, {
      ...settings,
      curveAddress: "History!A1:D3",
      curveDate: 45658, // 2025-01-01: the history's 2024-12-31 curve
      universeAddress: "Universe!A1:E3",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const r = result.record;
    const close = (a: readonly number[] | false, b: number[]) =>
      b.forEach((x, k) => expect((a as number[])[k]).toBeCloseTo(x, 15));
    close(r.market.curve.rates, [0.0416, 0.0458, 0.0478]);
    expect(r.market.asOf).toBe(45657);
    expect(written[0].cells.get("2,0")).toMatch(/History!A1:D3 \(history, 2024-12-31\)/);
    // The CTD is the universe's, at its own price.
    const ctd = r.hedge.contract.ctd;
    expect(["91282CLR0", "91282CLZ2"]).toContain(ctd.cusip);
    expect(ctd.cleanPrice).toBe(ctd.cusip === "91282CLR0" ? 98.5 : 99.125);
    // Without a date: the latest on or before settlement (2025-01-02).
    const latest = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const b = await runOnSelection(latest.mock.context, {
      ...settings,
      curveAddress: "History!A1:D3",
    });
    close(b.result.ok && b.result.record.market.curve.rates, [0.0417, 0.0457, 0.0479]);
  });

  it("uses the benchmark, mandate and scenario library ranges the user picked", async () => {
    const { mock, written } = mockExcel([HEADER, ...GOOD], ["Holdings"]);
    const { result } = await runOnSelection(mock.context, {
      ...settings,
      benchmarkAddress: "Bench!A1:B5",
      mandateAddress: "Limits!A1:B2",
      scenarioAddress: "Lib!A1:C2",
    });
    expect(result.ok).toBe(true);
    const cells = (name: string) => [
      ...(written.find((w) => w.name === name)?.cells.values() ?? []),
    ];
    expect(cells("Risk Dashboard").some((v) => String(v).includes("Index-like benchmark"))).toBe(
      true
    );
    expect(cells("Risk Dashboard")).toContain(0.25);
    const scenarioNames = cells("Scenario Analysis").filter(
      (v) => typeof v === "string" && v.startsWith("Up 10")
    );
    expect(scenarioNames.length).toBeGreaterThan(0);
    expect(cells("Scenario Analysis").some((v) => String(v).startsWith("Parallel"))).toBe(false);
  });

  it("writes nothing and lists every problem when the holdings are bad", async () => {
    const bad = [
      HEADER,
      ["X1", "", "Treasury", "ten", -0.045, "2030-01-01", 99],
      ["X2", "", "Treasury", 1000, 0.04, "someday", -1],
    ];
    const { mock, written } = mockExcel(bad, ["Holdings"]);
    const { result } = await runOnSelection(mock.context, settings);
    expect(result.ok).toBe(false);
    expect(written).toEqual([]);
    const cells = result.problems.map((p) => p.cell);
    expect(cells).toEqual(
      expect.arrayContaining(["Holdings!D2", "Holdings!E2", "Holdings!F3", "Holdings!G3"])
    );
    for (const p of result.problems) {
      expect(p.sheet).toBe("Holdings");
      expect(p.expected.length).toBeGreaterThan(3);
    }
  });

  it("keeps each run in a hidden sheet that survives save and reopen; the next run shows the drift", async () => {
    const history: HistoryStore = {};
    const first = mockExcel([HEADER, ...GOOD], ["Holdings"], history);
    const a = await runOnSelection(first.mock.context, { ...settings, rebalance: true });
    expect(a.historyError).toBeUndefined();
    expect(a.sheetNames).not.toContain(MONITORING_SHEET_NAME); // nothing to compare yet
    expect(history.visibility).toBe("VeryHidden");
    expect(history.values![0].slice(0, 2)).toEqual(["keyrate run history", 1]);
    // Saved and reopened: the cells' values as a file keeps them.
    const reopened: HistoryStore = { values: JSON.parse(JSON.stringify(history.values)) };
    const later = [
      HEADER,
      ...GOOD.map((r, i) => (i === 0 ? [...r.slice(0, 3), 12_000_000, ...r.slice(4)] : r)),
    ];
    const second = mockExcel(later, ["Holdings"], reopened);
    const b = await runOnSelection(second.mock.context, settings);
    expect(b.sheetNames).toContain(MONITORING_SHEET_NAME);
    if (!a.result.ok || !b.result.ok) throw new Error("run failed");
    const drift = b.result.record.drift!;
    expect(drift.series.map((x) => x.rebalance)).toEqual([true, false]);
    const dv01 = drift.previous!.rows.find((r) => r.label === "DV01")!;
    // The only change is 2,000,000 more of the first bond: the trades part is its DV01 share.
    const i = 0;
    expect(dv01.parts[3]).toBeCloseTo((b.result.record.positions.dv01[i] * 2) / 12, 6);
    expect(dv01.parts[0] + dv01.parts[1] + dv01.parts[2]).toBeCloseTo(0, 6);
    expect(reopened.values!.filter((r) => r[0] === "run")).toHaveLength(2);
  });

  it("a damaged or oversized history still opens and runs: what cannot be read is named", async () => {
    const history: HistoryStore = {};
    await runOnSelection(
      mockExcel([HEADER, ...GOOD], ["Holdings"], history).mock.context,
      settings
    );
    const rows = history.values!;
    const width = rows[0].length;
    const pad = (r: unknown[]) => [...r, ...new Array(Math.max(0, width - r.length)).fill("")];
    const damaged: HistoryStore = {
      values: [
        ...rows,
        pad(["run", "cut short", 3, '~{"kind":']),
        pad(["run", "garbage", 1, "~not json"]),
        pad(["something else"]),
      ],
    };
    const b = await runOnSelection(
      mockExcel([HEADER, ...GOOD], ["Holdings"], damaged).mock.context,
      settings
    );
    expect(b.result.ok).toBe(true);
    expect(b.sheetNames).toContain(MONITORING_SHEET_NAME);
    if (!b.result.ok) return;
    const notes = b.result.record.drift!.notes.join("\n");
    expect(notes).toMatch(/cut short unreadable/);
    expect(notes).toMatch(/garbage unreadable/);
    expect(notes).toMatch(/neither a run nor a log line/);
    expect(b.result.record.drift!.series).toHaveLength(2);
    // Not a history at all: a run still goes through, starting afresh.
    const alien: HistoryStore = { values: [["hello", "world"]] };
    const c = await runOnSelection(
      mockExcel([HEADER, ...GOOD], ["Holdings"], alien).mock.context,
      settings
    );
    expect(c.result.ok).toBe(true);
    expect(alien.values![0][0]).toBe("keyrate run history");
    // Oversized: runs beyond the bound are thinned to summaries, the sheet stays within it.
    const big = "~" + "x".repeat(32_000);
    const huge: HistoryStore = {
      values: [...rows, ...Array.from({ length: 80 }, (_, k) => ["run", `junk ${k}`, 1, big])],
    };
    const d = await runOnSelection(
      mockExcel([HEADER, ...GOOD], ["Holdings"], huge).mock.context,
      settings
    );
    expect(d.result.ok).toBe(true);
    const size = huge.values!.flat().reduce<number>((a, v) => a + String(v).length, 0);
    expect(size).toBeLessThan(PANE_HISTORY_MAX_CHARS);
    // The unreadable rows are not kept, and the log says so.
    const log = huge.values!.filter((r) => r[0] === "log").map((r) => String(r[1]));
    expect(log.filter((l) => /dropped unreadable stored run junk/.test(l))).toHaveLength(80);
  });
});
