import { isoFromSerial } from "../../../src/core/dates";
import { OutOfDomainError } from "../../../src/core/errors";
import { addBusinessDays, isBusinessDay } from "../../../src/core/calendar/usGovernmentSecurities";
import {
  CONTRACT_CODES,
  contractSpec,
  ContractCode,
  parseContract,
} from "../../../src/core/futures/contracts";
import { contractDates, DEFAULT_ROLL_DAYS, rollDate } from "../../../src/core/futures/calendar";
import { loadCmeTable } from "./cmeTable";

const isoDates = (code: string, y: number, m: number, rollDays?: number) => {
  const d = contractDates(parseContract(code), { y, m }, { rollDays });
  return {
    roll: isoFromSerial(d.rollDate),
    firstNotice: isoFromSerial(d.firstNoticeDay),
    firstDelivery: isoFromSerial(d.firstDeliveryDay),
    lastTrading: isoFromSerial(d.lastTradingDay),
    lastDelivery: isoFromSerial(d.lastDeliveryDay),
  };
};

describe("contract dates derived by hand", () => {
  it("ZN June 2025: Juneteenth inside the seven-day count", () => {
    expect(isoDates("ZN", 2025, 6)).toEqual({
      roll: "2025-05-22", // five business days before May 30, skipping Memorial Day
      firstNotice: "2025-05-30",
      firstDelivery: "2025-06-02",
      lastTrading: "2025-06-18",
      lastDelivery: "2025-06-30",
    });
  });

  it("ZT March 2025: trading to the month end, delivery three business days later", () => {
    expect(isoDates("ZT", 2025, 3)).toEqual({
      roll: "2025-02-21",
      firstNotice: "2025-02-28",
      firstDelivery: "2025-03-03",
      lastTrading: "2025-03-31",
      lastDelivery: "2025-04-03",
    });
  });

  it("ZB March 2025 and ZN December 2025", () => {
    expect(isoDates("ZB", 2025, 3).lastTrading).toBe("2025-03-20");
    const dec = isoDates("TY", 2025, 12);
    expect(dec.firstNotice).toBe("2025-11-28"); // the day after Thanksgiving is a business day
    expect(dec.lastTrading).toBe("2025-12-19"); // seven back from Dec 31, skipping Christmas
    expect(dec.lastDelivery).toBe("2025-12-31");
  });

  it("ZF September 2025 and ZT December 2026 (delivery crosses New Year's Day)", () => {
    expect(isoDates("FV", 2025, 9)).toMatchObject({
      firstNotice: "2025-08-29",
      lastTrading: "2025-09-30",
      lastDelivery: "2025-10-03",
    });
    expect(isoDates("ZT", 2026, 12)).toMatchObject({
      lastTrading: "2026-12-31",
      lastDelivery: "2027-01-06",
    });
  });

  it("UB June 2026 (Juneteenth on a Friday) and ZN March 2027 (Good Friday)", () => {
    expect(isoDates("UB", 2026, 6)).toMatchObject({
      firstNotice: "2026-05-29",
      lastTrading: "2026-06-18",
      lastDelivery: "2026-06-30",
    });
    expect(isoDates("ZN", 2027, 3)).toMatchObject({
      firstNotice: "2027-02-26",
      lastTrading: "2027-03-19",
      lastDelivery: "2027-03-31",
    });
  });

  it("takes a configurable roll lag", () => {
    expect(isoDates("ZN", 2025, 6, 0).roll).toBe("2025-05-30");
    expect(isoDates("ZN", 2025, 6, 1).roll).toBe("2025-05-29");
    expect(() => rollDate({ y: 2025, m: 6 }, -1)).toThrow(OutOfDomainError);
    expect(() => rollDate({ y: 2025, m: 6 }, 2.5)).toThrow(OutOfDomainError);
  });
});

describe("contract-date invariants", () => {
  // Every contract month of CME's table when present, else every quarter 2025-03 … 2039-12.
  const table = loadCmeTable();
  const months: [ContractCode, number, number][] = [];
  if (table) {
    const seen = new Set<string>();
    for (const r of table) {
      const key = `${r.contract} ${r.month.y} ${r.month.m}`;
      if (!seen.has(key)) months.push([r.contract, r.month.y, r.month.m]);
      seen.add(key);
    }
  } else {
    for (const code of CONTRACT_CODES) {
      for (let y = 2025; y <= 2039; y++) for (const m of [3, 6, 9, 12]) months.push([code, y, m]);
    }
  }

  it("orders roll < first notice < first delivery ≤ last trading ≤ last delivery", () => {
    expect(months.length).toBeGreaterThan(100);
    for (const [code, y, m] of months) {
      const spec = contractSpec(code);
      const d = contractDates(spec, { y, m });
      const all = [
        d.rollDate,
        d.firstNoticeDay,
        d.firstDeliveryDay,
        d.lastTradingDay,
        d.lastDeliveryDay,
      ];
      for (const s of all) expect(isBusinessDay(s)).toBe(true);
      expect(d.rollDate).toBeLessThan(d.firstNoticeDay);
      expect(d.firstNoticeDay).toBeLessThan(d.firstDeliveryDay);
      expect(d.firstDeliveryDay).toBeLessThanOrEqual(d.lastTradingDay);
      expect(d.lastTradingDay).toBeLessThanOrEqual(d.lastDeliveryDay);
      // First notice is the business day before the first delivery day, roll five before it.
      expect(addBusinessDays(d.firstNoticeDay, 1)).toBe(d.firstDeliveryDay);
      expect(addBusinessDays(d.rollDate, DEFAULT_ROLL_DAYS)).toBe(d.firstNoticeDay);
      const ltd = isoFromSerial(d.lastTradingDay);
      const ldd = isoFromSerial(d.lastDeliveryDay);
      const inMonth = `${y}-${String(m).padStart(2, "0")}`;
      expect(ltd.startsWith(inMonth)).toBe(true);
      if (spec.lastTrading === "lastBusinessDay") {
        expect(addBusinessDays(d.lastTradingDay, 3)).toBe(d.lastDeliveryDay);
        expect(ldd.startsWith(inMonth)).toBe(false); // spills into the next month
      } else {
        expect(addBusinessDays(d.lastTradingDay, 7)).toBe(d.lastDeliveryDay);
        expect(ldd.startsWith(inMonth)).toBe(true);
      }
    }
  });
});
