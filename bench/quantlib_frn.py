#!/usr/bin/python3
"""
QuantLib reference timing for floating-rate notes (bump and reprice), the peer of bench/frn.js.

Usage: /usr/bin/python3 bench/quantlib_frn.py NOTES.json
Input  {"settlement": serial, "curve": {"tenors_months": [...], "zero_rates": [...]},
        "notes": [{"maturity": serial, "coupon": 0.045, "margin": 0.008, "clean": 100.1}, ...]}
Output {"notes": n, "seconds": t, "notes_per_second": n/t} on stdout.

Timed, per note: schedule (quarterly, backward from maturity, NullCalendar, unadjusted), an
IborIndex (3M, fixing days 0, Actual360) forwarding on the shifted curve with the current
period's fixing, FloatingRateBond (margin), the discount margin from the clean price
(BondFunctions.zSpread, Actual365Fixed, Continuous), then effective duration and convexity
(parallel zero shift +-1bp of the one curve that forwards and discounts, margin held), spread
duration (margin +-1bp) and the 10 zero-curve KRDs (triangular key shifts +-1bp): 25 repricings
plus the solve, the same work as keyrate's FRN engine on the ladder. Conventions as in
test/fixtures/quantlib/generate_frn.py.
"""
import json
import sys
import time

import QuantLib as ql

H = 1e-4
KEYS = [3, 6, 12, 24, 36, 60, 84, 120, 240, 360]
A365 = ql.Actual365Fixed()


def main(path):
    with open(path) as fh:
        data = json.load(fh)
    s = ql.Date(data["settlement"])
    ql.Settings.instance().evaluationDate = s
    try:
        ql.IborCoupon.createAtParCoupons()
    except AttributeError:
        pass
    c = data["curve"]
    dates = [s] + [s + ql.Period(m, ql.Months) for m in c["tenors_months"]]
    zr = c["zero_rates"]
    base = ql.YieldTermStructureHandle(ql.ZeroCurve(dates, [zr[0]] + zr, A365, ql.NullCalendar(),
                                                    ql.Linear(), ql.Continuous))
    quotes = [ql.SimpleQuote(0.0) for _ in KEYS]
    par = ql.SimpleQuote(0.0)
    kd = [s] + [s + ql.Period(m, ql.Months) for m in KEYS] + [s + ql.Period(100, ql.Years)]
    kq = [ql.QuoteHandle(quotes[0])] + [ql.QuoteHandle(q) for q in quotes] + [ql.QuoteHandle(quotes[-1])]
    keyed = ql.YieldTermStructureHandle(ql.PiecewiseZeroSpreadedTermStructure(base, kq, kd))
    shifted = ql.YieldTermStructureHandle(ql.ZeroSpreadedTermStructure(keyed, ql.QuoteHandle(par), ql.Continuous,
                                                                       ql.NoFrequency, A365))
    zq = ql.SimpleQuote(0.0)
    disc = ql.YieldTermStructureHandle(ql.ZeroSpreadedTermStructure(shifted, ql.QuoteHandle(zq), ql.Continuous,
                                                                    ql.NoFrequency, A365))
    t0 = time.perf_counter()
    for b in data["notes"]:
        mat = ql.Date(b["maturity"])
        k = 0
        while mat - ql.Period(3 * (k + 1), ql.Months) > s:
            k += 1
        start = mat - ql.Period(3 * (k + 1), ql.Months)
        sched = ql.Schedule(start, mat, ql.Period(3, ql.Months), ql.NullCalendar(), ql.Unadjusted,
                            ql.Unadjusted, ql.DateGeneration.Backward, False)
        index = ql.IborIndex("B3M", ql.Period(3, ql.Months), 0, ql.USDCurrency(), ql.NullCalendar(),
                             ql.Unadjusted, False, ql.Actual360(), shifted)
        index.addFixing(start, b["coupon"] - b["margin"], True)
        bond = ql.FloatingRateBond(0, 100.0, sched, index, ql.Actual360(), ql.Unadjusted, 0, [1.0], [b["margin"]])
        leg = bond.cashflows()
        z = ql.BondFunctions.zSpread(bond, b["clean"], shifted.currentLink(), A365, ql.Continuous, ql.NoFrequency, s)
        zq.setValue(z)

        def npv():
            return ql.CashFlows.npv(leg, disc, False, s, s)

        p0 = npv()
        for dh in (-H, H):
            par.setValue(dh)
            npv()
        par.setValue(0.0)
        for dz in (-H, H):
            zq.setValue(z + dz)
            npv()
        zq.setValue(z)
        for q in quotes:
            for dh in (-H, H):
                q.setValue(dh)
                npv()
            q.setValue(0.0)
        assert p0 > 0
    t = time.perf_counter() - t0
    n = len(data["notes"])
    print(json.dumps({"notes": n, "seconds": t, "notes_per_second": n / t}))


if __name__ == "__main__":
    main(sys.argv[1])
