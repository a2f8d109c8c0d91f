/**
 * The Treasury universe: header matching, prices from decimals, 32nds or yields, all problems
 * reported together, the basket by contract month, and the bundled default universe against
 * CME's table (skipped with a message when the table is absent, except under CI).
 */
import { InvalidValueError } from "../../../src/core/errors";
import {
  defaultUniverse,
  DEFAULT_UNIVERSE_AS_OF,
  deliverableBasket,
  priceByCusip,
  readUniverseBasket,
} from "../../../src/core/futures/universe";
import { parseContract, parseDeliveryMonth } from "../../../src/core/futures/contracts";
import { price } from "../../../src/core/bond";
import { serialFromIso } from "../../../src/core/dates";
import { describeWithTable, loadCmeTable } from "./cmeTable";

const d = (iso: string) => serialFromIso(iso)!;
const zn = parseContract("ZN");
const jun = parseDeliveryMonth("2025-06");
const settlement = d("2025-04-01");

const RANGE = [
  ["Cusip", "Coupon", "Issue Date", "Maturity", "Price", "YLD"],
  ["91282CMK4", 0.04375, "2025-01-31", "2032-01-31", "101-16+", ""],
  ["91282CHF1", 0.0375, "2023-05-31", "2030-05-31", "", 0.041], // 5y2m from June: not ZN
  ["91282CMR9", 0.04125, "2025-02-28", "2032-02-29", "", 0.0415],
  ["912810FP8", 0.05375, "2001-02-15", "2031-02-15", 105, ""], // a 30-year bond: not ZN
];

describe("Treasury universe", () => {
  it("reads the range, keeps the deliverables and prices them", () => {
    const { universe, basket } = readUniverseBasket(RANGE, zn, jun, settlement);
    expect(universe).toHaveLength(4);
    expect(basket.map((b) => b.cusip)).toEqual(["91282CMK4", "91282CMR9"]);
    expect(basket[0].cleanPrice).toBe(101.515625);
    const bond = {
      settlement,
      maturity: d("2032-02-29"),
      rate: 0.04125,
      frequency: 2,
      basis: 1,
    } as const;
    expect(basket[1].cleanPrice).toBe(price(bond, 0.0415));
  });

  it("needs no price for bonds outside the basket", () => {
    const rows = RANGE.map((r, i) => (i === 4 ? [...r.slice(0, 4), "", ""] : r));
    expect(readUniverseBasket(rows, zn, jun, settlement).basket).toHaveLength(2);
  });

  it("reports every problem together with row, column and value", () => {
    const rows = [
      RANGE[0],
      ["91282CKP5", 4.625, "2024-05-31", "2031-05-31", 101, ""],
      ["91282CMU2", 0.04, "someday", "2032-02-29", "", ""],
      ["91282CLN9", 0.0425, "2024-08-15", "2032-08-15", "", ""],
      ["91282CKQ3", 0.04375, "2024-05-15", "2032-05-15", "abc", ""],
    ];
    // The message names the first three and a count; the error's value lists every one.
    let error: InvalidValueError | undefined;
    try {
      readUniverseBasket(rows, zn, jun, settlement);
    } catch (e) {
      error = e as InvalidValueError;
    }
    expect(error!.message).toMatch(
      /4 problem\(s\): row 2, column B \(coupon\): 4\.625 is not a decimal coupon.*row 3, column C \(issue date\): "someday" is not a date.*row 4 \(91282CLN9\): deliverable but has neither a price nor a yield; and 1 more$/
    );
    expect((error!.value as string[])[3]).toMatch(/row 5, column E \(price\): "abc"/);
  });

  it("names missing columns", () => {
    expect(() =>
      readUniverseBasket(
        [
          ["CUSIP", "coupon", "maturity"],
          ["x", 0.04, 50000],
        ],
        zn,
        jun,
        settlement
      )
    ).toThrow(/missing column\(s\) issue date, price or yield/);
    expect(() => readUniverseBasket([["CUSIP"]], zn, jun, settlement)).toThrow(/header row/);
  });

  it("joins prices to the default universe by CUSIP", () => {
    const basket = deliverableBasket(zn, jun, defaultUniverse());
    const priced = priceByCusip(basket, new Map([[basket[0].cusip.toLowerCase(), 99.5]]));
    expect(priced).toEqual([{ ...basket[0], cleanPrice: 99.5 }]);
  });
});

const table = loadCmeTable();

describeWithTable(table)("default universe against CME's table", () => {
  const rows = table!;
  const universe = defaultUniverse();

  it("holds every CUSIP of the table once, with its terms, as of the table's date", () => {
    expect(DEFAULT_UNIVERSE_AS_OF).toBe("2025-03-13");
    const cusips = new Set(rows.map((r) => r.cusip));
    expect(universe.map((b) => b.cusip).sort()).toEqual([...cusips].sort());
    const byCusip = new Map(universe.map((b) => [b.cusip, b]));
    for (const r of rows) {
      const b = byCusip.get(r.cusip)!;
      expect([b.coupon, b.issue, b.maturity]).toEqual([r.coupon, r.issue, r.maturity]);
    }
  });

  it("gives each contract month's basket as CME lists it (for the months CME lists fully)", () => {
    // CME's sheets list every deliverable for the first contract months; compare those.
    for (const code of ["ZT", "Z3N", "ZF", "ZN", "TN", "ZB", "UB"] as const) {
      const month = { y: 2025, m: 6 };
      const listed = rows
        .filter((r) => r.contract === code && r.month.y === 2025 && r.month.m === 6)
        .map((r) => r.cusip)
        .sort();
      const ours = deliverableBasket(parseContract(code), month, universe)
        .map((b) => b.cusip)
        .sort();
      expect([code, ours]).toEqual([code, listed]);
    }
  });
});
