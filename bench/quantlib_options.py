#!/usr/bin/python3
"""
The QuantLib peer of bench/options.js: the same option positions repriced on the same scenario
curves (the JS side's shocked SOFR zero curves, given as node times and zero rates, linear in
zero rates as keyrate's linear_zero) with QuantLib 1.29: swaptions with BachelierSwaptionEngine,
caps/floors with BachelierCapFloorEngine, futures options with BaroneAdesiWhaleyApproximationEngine
on the futures price the JS side computed per scenario (QuantLib is spared the CTD pricing).
Instruments are built once; each scenario relinks the curve and resets the futures prices.
Prints JSON: scenarios timed, seconds, and the first scenario's sums
(rate options in money, futures options in points: a check).
"""
import json
import sys
import time

import QuantLib as ql


def main(path):
    data = json.load(open(path))
    s = ql.Date(data["settlement"])
    ql.Settings.instance().evaluationDate = s
    handle = ql.RelinkableYieldTermStructureHandle()

    def curve(sc):
        dates = [s] + [s + int(round(t * 365)) for t in sc["times"]]
        zeros = [sc["zeros"][0]] + sc["zeros"]
        c = ql.ZeroCurve(dates, zeros, ql.Actual365Fixed(), ql.NullCalendar(), ql.Linear(),
                         ql.Continuous)
        c.enableExtrapolation()
        return c

    handle.linkTo(curve(data["scenarios"][0]))
    idx12 = ql.IborIndex("S12", ql.Period(12, ql.Months), 0, ql.USDCurrency(), ql.NullCalendar(),
                         ql.Unadjusted, False, ql.Actual360(), handle)
    idx3 = ql.IborIndex("S3", ql.Period(3, ql.Months), 0, ql.USDCurrency(), ql.NullCalendar(),
                        ql.Unadjusted, False, ql.Actual360(), handle)
    insts = []
    for o in data["swaptions"]:
        e = ql.Date(o["expiry"])
        sched = ql.Schedule(e, e + ql.Period(o["months"], ql.Months), ql.Period(12, ql.Months),
                            ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted,
                            ql.DateGeneration.Backward, False)
        typ = ql.VanillaSwap.Payer if o["payer"] else ql.VanillaSwap.Receiver
        sw = ql.VanillaSwap(typ, abs(o["notional"]), sched, o["strike"], ql.Actual360(), sched, idx12,
                            0.0, ql.Actual360())
        opt = ql.Swaption(sw, ql.EuropeanExercise(e))
        opt.setPricingEngine(ql.BachelierSwaptionEngine(handle, ql.QuoteHandle(ql.SimpleQuote(o["vol"]))))
        insts.append(opt)
    for o in data["caps"]:
        st = ql.Date(o["start"])
        sched = ql.Schedule(st, st + ql.Period(o["months"], ql.Months), ql.Period(3, ql.Months),
                            ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted,
                            ql.DateGeneration.Forward, False)
        leg = ql.IborLeg([abs(o["notional"])], sched, idx3, ql.Actual360(), ql.Unadjusted, [0])
        c = ql.Cap(leg, [o["strike"]]) if o["cap"] else ql.Floor(leg, [o["strike"]])
        c.setPricingEngine(ql.BachelierCapFloorEngine(handle, ql.QuoteHandle(ql.SimpleQuote(o["vol"]))))
        insts.append(c)
    spots = []
    for o in data["futures"]:
        q = ql.SimpleQuote(100.0)
        spots.append(q)
        process = ql.BlackProcess(ql.QuoteHandle(q), handle, ql.BlackVolTermStructureHandle(
            ql.BlackConstantVol(s, ql.NullCalendar(), o["vol"], ql.Actual365Fixed())))
        payoff = ql.PlainVanillaPayoff(ql.Option.Call if o["call"] else ql.Option.Put, o["strike"])
        opt = ql.VanillaOption(payoff, ql.AmericanExercise(s, ql.Date(o["expiry"])))
        opt.setPricingEngine(ql.BaroneAdesiWhaleyApproximationEngine(process))
        insts.append(opt)
    curves = [curve(sc) for sc in data["scenarios"]]
    first = None
    t0 = time.perf_counter()
    for k, sc in enumerate(data["scenarios"]):
        handle.linkTo(curves[k])
        for q, f in zip(spots, sc["futuresPrices"]):
            q.setValue(f)
        values = [i.NPV() for i in insts]
        if first is None:
            n = len(data["swaptions"]) + len(data["caps"])
            first = [sum(values[:n]), sum(values[n:])]
    secs = time.perf_counter() - t0
    print(json.dumps({"scenarios": len(data["scenarios"]), "seconds": secs, "first": first}))


if __name__ == "__main__":
    main(sys.argv[1])
