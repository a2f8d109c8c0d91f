"""Peer of bench/mbs.js: the same Monte Carlo work in vectorised numpy (/usr/bin/python3) — one
cohort valued on one curve: Hull-White x paths (antithetic), path discount factors normalised to
the curve, keyrate prepayment model v1 month by month, expected discounted cash flows. Reads
{"paths", "months", "times", "df", "mortgage", "turn", "ramp", "sf", "wac", "coupon", "a",
"sigma", "beta_x", "repeats"} as JSON on stdin; prints {"seconds": per valuation}.
"""
import json
import sys
import time

import numpy as np

P = json.load(sys.stdin)


def value(rng):
    n, m = P["paths"], P["months"]
    t = np.concatenate([[0.0], np.array(P["times"])])
    dt = np.diff(t)
    a, s = P["a"], P["sigma"]
    z = rng.standard_normal((n // 2, m))
    z = np.vstack([z, -z])
    decay = np.exp(-a * dt)
    sd = s * np.sqrt(-np.expm1(-2 * a * dt) / (2 * a))
    x = np.zeros((n, m + 1))
    for k in range(m):
        x[:, k + 1] = x[:, k] * decay[k] + sd[k] * z[:, k]
    integral = np.cumsum(0.5 * (x[:, 1:] + x[:, :-1]) * dt, axis=1)
    g = np.exp(-integral)
    g /= g.mean(axis=0)
    df, mort = np.array(P["df"]), np.array(P["mortgage"])
    turn, ramp, sf = np.array(P["turn"]), np.array(P["ramp"]), np.array(P["sf"])
    wac, cpn = P["wac"], P["coupon"] / 12
    b = np.ones(n)
    burn = np.zeros(n)
    acc = np.zeros(m)
    for k in range(m):
        inc = wac - (mort[k] + P["beta_x"] * x[:, k])
        lock = np.where(inc >= 0, 1.0, 0.5 + 0.5 * np.exp(np.minimum(inc, 0) / 0.02))
        refi = ramp[k] * (0.3 + 0.7 * np.exp(-burn / 0.02)) / (1 + np.exp((0.0075 - inc) / 0.0025))
        cpr = np.minimum(turn[k] * lock + refi, 0.9)
        smm = -np.expm1(np.log1p(-cpr) / 12)
        sched = b * sf[k]
        rest = b - sched
        prep = smm * rest
        acc[k] = np.mean((sched + prep + b * cpn) * g[:, k])
        b = rest - prep
        burn += np.maximum(inc, 0) / 12
    return 100 * acc * df


rng = np.random.default_rng(1)
value(rng)
t0 = time.perf_counter()
for _ in range(P["repeats"]):
    value(rng)
print(json.dumps({"seconds": (time.perf_counter() - t0) / P["repeats"]}))
