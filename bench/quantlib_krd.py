#!/usr/bin/python3
"""
QuantLib reference timing for curve-based bond risk (bump and reprice).

Usage
  /usr/bin/python3 bench/quantlib_krd.py BONDS.json
  /usr/bin/python3 bench/quantlib_krd.py --make N BONDS.json   (write N random bonds, seed fixed)

Input  {"settlement": serial, "curve": {"tenors_months": [...], "zero_rates": [...]},
        "bonds": [{"maturity": serial, "rate": 0.05, "frequency": 2, "clean": 99.5}, ...]}
        (basis 1 only; zero rates continuously compounded, linear in ACT/365F time, flat
        before the first node; maturities <= the last node)
Output {"bonds": n, "seconds": t, "bonds_per_second": n/t} on stdout.

Timed: building the curve and term-structure chain once, then per bond: schedule and
FixedRateBond, Z-spread (BondFunctions.zSpread, Actual365Fixed, Continuous), effective duration
and convexity (parallel zero shift +-1bp, Z held), spread duration (Z +-1bp) and the 10
zero-curve KRDs (triangular key shifts +-1bp, Z held): 1 + 2 + 2 + 20 = 25 repricings plus the
Z solve. Not timed: reading the JSON. One PiecewiseZeroSpreadedTermStructure over the
ZeroCurve, built once and driven through SimpleQuotes (setValue); prices are
CashFlows.npv(leg, handle, False, s, s); spread-duration prices use the Z-spread overload
CashFlows.npv(leg, curve, Z +- h, Actual365Fixed(), Continuous, NoFrequency, False, s, s).
Conventions as in test/fixtures/quantlib/generate_curve.py.
"""

import json
import random
import sys
import time

import QuantLib as ql

H = 1e-4
KEYS = [3, 6, 12, 24, 36, 60, 84, 120, 240, 360]
FREQ = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly}
A365 = ql.Actual365Fixed()


def make(n, path):
    rng = random.Random(20250611)
    s = 45443                                   # 2024-05-31
    tenors = [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360]
    zr = [0.0525, 0.0530, 0.0528, 0.0510, 0.0470, 0.0445, 0.0430, 0.0428, 0.0430,
          0.0455, 0.0450]
    last = (ql.Date(s) + ql.Period(360, ql.Months)).serialNumber()
    bonds = [{"maturity": rng.randint(s + 28, last), "rate": round(rng.uniform(0, 0.08), 4),
              "frequency": rng.choice([1, 2, 4]), "clean": round(rng.uniform(70, 115), 4)}
             for _ in range(n)]
    with open(path, "w") as fh:
        json.dump({"settlement": s, "curve": {"tenors_months": tenors, "zero_rates": zr},
                   "bonds": bonds}, fh)


def run(data):
    s = ql.Date(data["settlement"])
    ql.Settings.instance().evaluationDate = s
    tenors, zr = data["curve"]["tenors_months"], data["curve"]["zero_rates"]
    dates = [s] + [s + ql.Period(m, ql.Months) for m in tenors]
    curve = ql.ZeroCurve(dates, [zr[0]] + zr, A365, ql.NullCalendar(), ql.Linear(), ql.Continuous)
    base = ql.YieldTermStructureHandle(curve)
    # One spread layer does everything: key quotes all = Z gives the Z-spreaded curve; all
    # = Z +- h the parallel shift with Z held; one = Z +- h the triangular key shift (the
    # spread is linear in ACT/365F time between the key dates, flat outside). A single layer
    # is ~1.4x faster than stacking ZeroSpreaded(Z) and ZeroSpreaded(shift) under it, and
    # gives the same figures to ~1e-11 (see generate_curve.py for the stacked form).
    kq = [ql.SimpleQuote(0.0) for _ in KEYS]
    hs = [ql.QuoteHandle(q) for q in kq]
    keyed = ql.YieldTermStructureHandle(ql.PiecewiseZeroSpreadedTermStructure(
        base, [hs[0]] + hs + [hs[-1]],
        [s] + [s + ql.Period(m, ql.Months) for m in KEYS] + [s + ql.Period(100, ql.Years)],
        ql.Continuous, ql.NoFrequency, A365))
    npv = ql.CashFlows.npv
    zspread = ql.BondFunctions.zSpread
    # ActualActual(ISMA) without the schedule: identical amounts and accrued here (every coupon
    # period after settlement is regular, and each coupon carries its own reference period),
    # and ~4x faster than ActualActual(ISMA, schedule), whose yearFraction scans the schedule.
    isma = ql.ActualActual(ql.ActualActual.ISMA)
    cont, nofreq = ql.Continuous, ql.NoFrequency

    def set_all(v):
        for q in kq:
            q.setValue(v)

    out = []
    for b in data["bonds"]:
        m, f = ql.Date(b["maturity"]), b["frequency"]
        eff = m - ql.Period(12 * ((b["maturity"] - data["settlement"]) // 365 + 2), ql.Months)
        sched = ql.Schedule(eff, m, ql.Period(FREQ[f]), ql.NullCalendar(), ql.Unadjusted,
                            ql.Unadjusted, ql.DateGeneration.Backward, ql.Date.isEndOfMonth(m))
        bond = ql.FixedRateBond(0, 100.0, sched, [b["rate"]], isma)
        leg = ql.Leg(bond.cashflows())          # one SWIG conversion per bond, not per npv
        z = zspread(bond, b["clean"], curve, A365, cont, ql.Annual, s, 1e-12, 200)
        set_all(z)
        p0 = npv(leg, keyed, False, s, s)
        set_all(z - H)
        pm = npv(leg, keyed, False, s, s)
        set_all(z + H)
        pp = npv(leg, keyed, False, s, s)
        set_all(z)
        # spread duration through QuantLib's own Z-spread route (ZeroSpreadedTermStructure)
        sm = npv(leg, curve, z - H, A365, cont, nofreq, False, s, s)
        sp = npv(leg, curve, z + H, A365, cont, nofreq, False, s, s)
        krd = []
        for q in kq:
            q.setValue(z - H)
            km = npv(leg, keyed, False, s, s)
            q.setValue(z + H)
            kp = npv(leg, keyed, False, s, s)
            q.setValue(z)
            krd.append((km - kp) / (2 * p0 * H))
        out.append((z, (pm - pp) / (2 * p0 * H), (pm + pp - 2 * p0) / (p0 * H * H),
                    (sm - sp) / (2 * p0 * H), krd))
    return out


def main():
    if sys.argv[1] == "--make":
        make(int(sys.argv[2]), sys.argv[3])
        return
    with open(sys.argv[1]) as fh:
        data = json.load(fh)
    t0 = time.perf_counter()
    out = run(data)
    t = time.perf_counter() - t0
    worst = max(abs(sum(r[4]) - r[1]) / r[1] for r in out)   # sanity: sum KRD ~ D (O(h^2))
    assert worst < 2e-6, worst
    n = len(out)
    print(json.dumps({"bonds": n, "seconds": round(t, 6), "bonds_per_second": round(n / t, 1)}))


if __name__ == "__main__":
    main()
