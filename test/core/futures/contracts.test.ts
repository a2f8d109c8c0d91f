import { serialFromYmd } from "../../../src/core/dates";
import { InvalidValueError, OutOfDomainError } from "../../../src/core/errors";
import {
  CONTRACT_CODES,
  contractSpec,
  contractSymbol,
  parseContract,
  parseDeliveryMonth,
} from "../../../src/core/futures/contracts";

describe("contract table", () => {
  it("has the SPEC S4 faces, ticks and rounding", () => {
    const row = (code: (typeof CONTRACT_CODES)[number]) => {
      const c = contractSpec(code);
      return [c.face, c.tick * 32, c.factorRounding];
    };
    expect(row("ZT")).toEqual([200_000, 1 / 8, "month"]);
    expect(row("Z3N")).toEqual([200_000, 1 / 8, "month"]);
    expect(row("ZF")).toEqual([100_000, 1 / 4, "month"]);
    expect(row("ZN")).toEqual([100_000, 1 / 2, "quarter"]);
    expect(row("TN")).toEqual([100_000, 1 / 2, "quarter"]);
    expect(row("TWE")).toEqual([100_000, 1, "quarter"]);
    expect(row("ZB")).toEqual([100_000, 1, "quarter"]);
    expect(row("UB")).toEqual([100_000, 1, "quarter"]);
  });

  it("keys every entry by its own code", () => {
    for (const code of CONTRACT_CODES) expect(contractSpec(code).code).toBe(code);
  });
});

describe("parseContract", () => {
  it("accepts codes and aliases in any case, with spaces", () => {
    expect(parseContract("zn").code).toBe("ZN");
    expect(parseContract(" z3n ").code).toBe("Z3N");
    expect(parseContract("TU").code).toBe("ZT");
    expect(parseContract("fv").code).toBe("ZF");
    expect(parseContract("Ty").code).toBe("ZN");
    expect(parseContract("US").code).toBe("ZB");
    expect(parseContract("twe").code).toBe("TWE");
  });

  it("rejects anything else, listing the accepted codes and naming the argument", () => {
    for (const bad of ["ZQ", "", 10, null, undefined, "ZNM5"]) {
      expect(() => parseContract(bad, "hedge_contract")).toThrow(InvalidValueError);
    }
    let error: unknown;
    try {
      parseContract("XX", "hedge_contract");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidValueError);
    expect((error as InvalidValueError).argument).toBe("hedge_contract");
    expect((error as Error).message).toMatch(/ZT, Z3N, ZF, ZN, TN, TWE, ZB, UB/);
    expect((error as Error).message).toMatch(/TU=ZT/);
  });
});

describe("parseDeliveryMonth", () => {
  it("accepts a serial inside the month, a Date, YYYY-MM and YYYY-MM-DD", () => {
    expect(parseDeliveryMonth(serialFromYmd(2025, 6, 17))).toEqual({ y: 2025, m: 6 });
    expect(parseDeliveryMonth(serialFromYmd(2025, 6, 17) + 0.75)).toEqual({ y: 2025, m: 6 });
    expect(parseDeliveryMonth(new Date(Date.UTC(2025, 8, 30)))).toEqual({ y: 2025, m: 9 });
    expect(parseDeliveryMonth("2025-12")).toEqual({ y: 2025, m: 12 });
    expect(parseDeliveryMonth(" 2026-3 ")).toEqual({ y: 2026, m: 3 });
    expect(parseDeliveryMonth("2026-03-31")).toEqual({ y: 2026, m: 3 });
  });

  it("rejects non-quarterly months with OutOfDomainError", () => {
    expect(() => parseDeliveryMonth("2025-05")).toThrow(OutOfDomainError);
    expect(() => parseDeliveryMonth(serialFromYmd(2025, 1, 15))).toThrow(OutOfDomainError);
  });

  it("rejects text that is not a month with InvalidValueError", () => {
    expect(() => parseDeliveryMonth("2025-13")).toThrow(InvalidValueError);
    expect(() => parseDeliveryMonth("June 2025")).toThrow(InvalidValueError);
    expect(() => parseDeliveryMonth(true)).toThrow(InvalidValueError);
  });
});

describe("contractSymbol", () => {
  it("writes code, month letter and one-digit year", () => {
    expect(contractSymbol(parseContract("TY"), { y: 2025, m: 6 })).toBe("ZNM5");
    expect(contractSymbol(parseContract("UB"), { y: 2026, m: 12 })).toBe("UBZ6");
  });
});
