#!/usr/bin/python3
"""
QuantLib 1.29's side of bench/callable.js: for each callable bond in the JSON file given, the
same work keyrate does — OAS from the clean price (CallableBond.OAS), then OAS duration and
convexity (curve +-1 bp, a HullWhite tree re-fitted to each shifted curve, the OAS held as a
ZeroSpreadedTermStructure) and 10 KRDs (each key's zero rate +-1 bp), on TreeCallableFixedRateBondEngine
at the same steps a year. Prints {"bonds", "seconds", "bonds_per_second"} as JSON.
"""
import json
import sys
import time

import QuantLib as ql


def main(path):
    spec = json.load(open(path))
    settle = ql.Date(spec["settlement"])
    ql.Settings.instance().evaluationDate = settle
    dc = ql.Actual365Fixed()
    months = spec["curve"]["months"]
    rates = spec["curve"]["rates"]
    a, sigma, per_year = spec["a"], spec["sigma"], spec["steps_per_year"]

    def curve(bumps):
        dates = [settle] + [settle + ql.Period(m, ql.Months) for m in months] + [settle + ql.Period(100, ql.Years)]
        rs = [rates[0] + bumps[0]] + [r + b for r, b in zip(rates, bumps)] + [rates[-1] + bumps[-1]]
        c = ql.ZeroCurve(dates, rs, dc, ql.NullCalendar(), ql.Linear(), ql.Continuous)
        c.enableExtrapolation()
        return ql.YieldTermStructureHandle(c)

    t0 = time.time()
    for b in spec["bonds"]:
        maturity = ql.Date(b["maturity"])
        schedule = ql.Schedule(settle - ql.Period(1, ql.Years), maturity, ql.Period(ql.Semiannual), ql.NullCalendar(),
                               ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
        calls = ql.CallabilitySchedule()
        for d in schedule:
            if d.serialNumber() >= b["first_call"] and d < maturity:
                calls.append(ql.Callability(ql.BondPrice(100.0, ql.BondPrice.Clean), ql.Callability.Call, d))
        bond = ql.CallableFixedRateBond(0, 100.0, schedule, [b["rate"]], ql.ActualActual(ql.ActualActual.Bond),
                                        ql.Unadjusted, 100.0, schedule[0], calls)
        years = (maturity - settle) / 365.0
        steps = max(1, int(per_year * years + 0.5))
        base = curve([0.0] * len(months))
        bond.setPricingEngine(ql.TreeCallableFixedRateBondEngine(ql.HullWhite(base, a, sigma), steps))
        oas = bond.OAS(b["clean"], base, dc, ql.Continuous, ql.NoFrequency)

        def dirty(bumps):
            spread = ql.ZeroSpreadedTermStructure(curve(bumps), ql.QuoteHandle(ql.SimpleQuote(oas)), ql.Continuous,
                                                  ql.NoFrequency, dc)
            spread.enableExtrapolation()
            model = ql.HullWhite(ql.YieldTermStructureHandle(spread), a, sigma)
            bond.setPricingEngine(ql.TreeCallableFixedRateBondEngine(model, steps))
            return bond.dirtyPrice()

        h = 1e-4
        p0 = dirty([0.0] * len(months))
        pd = dirty([-h] * len(months))
        pu = dirty([h] * len(months))
        duration = (pd - pu) / (2 * p0 * h)
        convexity = (pd + pu - 2 * p0) / (p0 * h * h)
        krds = []
        for k in range(len(months)):
            bump = [0.0] * len(months)
            bump[k] = -h
            down = dirty(bump)
            bump[k] = h
            krds.append((down - dirty(bump)) / (2 * p0 * h))
    seconds = time.time() - t0
    n = len(spec["bonds"])
    print(json.dumps({"bonds": n, "seconds": seconds, "bonds_per_second": n / seconds}))


if __name__ == "__main__":
    main(sys.argv[1])
