#!/usr/bin/env python3
"""Independent check of GridPivot's allocation LP.

Builds the naive hourly LP straight from the v1 request contract (issue text / models/README.md), not from
GridPivot's code, and solves it with scipy's HiGHS. Prints one JSON object:
  {"status", "objective", "asicMaxDispatchMw", "aiItMw", "buildSeconds", "solveSeconds", "variables", "constraints"}

Usage: allocation_highs.py request.json      (a request with every field explicit: no catalog names)
"""
import json
import math
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog


def crf(r, n):
    if r == 0:
        return 1.0 / n
    g = (1 + r) ** n
    return r * g / (g - 1)


def main(path):
    req = json.load(open(path))
    t0 = time.perf_counter()
    site, market = req["site"], req["market"]
    fleets, options = req.get("asicFleets", []), req.get("aiOptions", [])
    if "energyPricesUsdPerMwh" in market:
        p = np.asarray(market["energyPricesUsdPerMwh"], dtype=float)
    else:
        p = np.full(int(market["hours"]), float(market["energyPriceUsdPerMwh"]))
    T = len(p)
    h = market.get("hashpriceUsdPerPhDay", 0.0)
    if isinstance(h, list):
        h = np.asarray(h, dtype=float)
        h = h if len(h) == T else np.repeat(h, 24)[:T]
    else:
        h = np.full(T, float(h))
    fin = req.get("finance", {})
    r, n = fin.get("discountRate", 0.10), int(fin.get("capexRecoveryYears", 5))
    years = T / 8760.0
    C = float(site["interconnectMw"])

    nf, no = len(fleets), len(options)
    # columns: x_i (nf), d_it (nf*T, fleet-major), y_j (no)
    nx, nd = nf, nf * T
    ncol = nx + nd + no
    c = np.zeros(ncol)
    lb = np.zeros(ncol)
    ub = np.full(ncol, np.inf)
    pue_f = []
    for i, f in enumerate(fleets):
        cap = f["units"] * f["powerWPerUnit"] / 1e6
        e = f["powerWPerUnit"] / f["hashrateThPerUnit"]
        pue = f.get("pue", 1.0)
        pue_f.append(pue)
        rev = (1 - f.get("poolFeeFraction", 0.0)) * h * 1000 / (24 * e)
        margin = rev - p * pue - f.get("variableOpexUsdPerMwh", 0.0)
        ub[i] = cap
        c[i] = -f.get("fixedOpexUsdPerMwYear", 0.0) * years
        c[nx + i * T: nx + (i + 1) * T] = margin
    for j, o in enumerate(options):
        if "revenueUsdPerMwh" in o:
            rev = o["revenueUsdPerMwh"]
        elif "colocationUsdPerKwMonth" in o:
            rev = o["colocationUsdPerKwMonth"] * 1000 * 12 / 8760
        else:
            rev = 1000 / o["kwPerGpu"] * o["leaseUsdPerGpuHour"] * o.get("utilization", 1.0)
        pue = o.get("pue", 1.0)
        energy = 0.0 if o.get("tenantPaysPower", False) else pue * p.sum()
        col = nx + nd + j
        c[col] = (rev - o.get("variableOpexUsdPerMwh", 0.0)) * T - energy \
            - o.get("capexUsdPerMw", 0.0) * crf(r, n) * years - o.get("fixedOpexUsdPerMwYear", 0.0) * years
        if o.get("maxItMw") is not None:
            ub[col] = o["maxItMw"]

    rows, cols, vals, rhs = [], [], [], []
    k = 0
    # d_it - x_i <= 0
    for i in range(nf):
        idx = np.arange(T)
        rows += [k + idx, k + idx]
        cols += [nx + i * T + idx, np.full(T, i)]
        vals += [np.ones(T), -np.ones(T)]
        rhs.append(np.zeros(T))
        k += T
    # sum_i pue_i d_it + sum_j pue_j y_j <= C
    idx = np.arange(T)
    for i in range(nf):
        rows.append(k + idx); cols.append(nx + i * T + idx); vals.append(np.full(T, pue_f[i]))
    for j, o in enumerate(options):
        rows.append(k + idx); cols.append(np.full(T, nx + nd + j)); vals.append(np.full(T, o.get("pue", 1.0)))
    rhs.append(np.full(T, C))
    k += T
    if no:
        if site.get("maxAiItMw") is not None:
            rows.append(np.full(no, k)); cols.append(nx + nd + np.arange(no)); vals.append(np.ones(no)); rhs.append([site["maxAiItMw"]]); k += 1
        if site.get("minAiItMw", 0) > 0:
            rows.append(np.full(no, k)); cols.append(nx + nd + np.arange(no)); vals.append(-np.ones(no)); rhs.append([-site["minAiItMw"]]); k += 1
        if site.get("capexBudgetUsd") is not None:
            rows.append(np.full(no, k)); cols.append(nx + nd + np.arange(no))
            vals.append(np.array([o.get("capexUsdPerMw", 0.0) for o in options])); rhs.append([site["capexBudgetUsd"]]); k += 1
    A = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(k, ncol))
    b = np.concatenate([np.asarray(v, dtype=float) for v in rhs])
    t1 = time.perf_counter()
    res = linprog(-c, A_ub=A, b_ub=b, bounds=list(zip(lb, [None if math.isinf(u) else u for u in ub])), method="highs")
    t2 = time.perf_counter()
    out = {"status": {0: "OPTIMAL", 2: "INFEASIBLE", 3: "UNBOUNDED"}.get(res.status, "ERROR:" + res.message),
           "buildSeconds": t1 - t0, "solveSeconds": t2 - t1, "variables": ncol, "constraints": k}
    if res.status == 0:
        out["objective"] = -res.fun
        d = res.x[nx:nx + nd].reshape(nf, T) if nf else np.zeros((0, T))
        out["asicMaxDispatchMw"] = {f["name"]: float(d[i].max()) for i, f in enumerate(fleets)}
        out["asicEnergyMwh"] = {f["name"]: float(d[i].sum()) for i, f in enumerate(fleets)}
        out["aiItMw"] = {o["name"]: float(res.x[nx + nd + j]) for j, o in enumerate(options)}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
