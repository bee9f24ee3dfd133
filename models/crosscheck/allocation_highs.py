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

    # Power contract (models/README.md, "Power contracts"), formulated with explicit block energy: for block k and hour
    # t in [fromHour, toHour), u_kt MW used by the site and s_kt MW resold at the node price, u_kt + s_kt = Q_k,
    # s_kt <= Q_k - m_k (minimum take), sum_k u_kt <= bought site load L_t (the rest of L_t is bought at the node).
    # Cost = sum f_k Q_k + p_t (L_t - sum_k u_kt) - p_t sum_k s_kt; L_t's own cost p_t L_t stays in the margins.
    contract = site.get("powerContract") or {}
    ctype = contract.get("type") or ("FIXED_PRICE_BLOCKS" if contract.get("fixedPriceBlocks") else
                                     "RETAIL" if contract.get("retail") else "INDEX")
    node = p.copy()
    if ctype == "RETAIL":
        p = np.full(T, float(contract["retail"]["rateUsdPerMwh"]) + float(contract["retail"].get("adderUsdPerMwh", 0.0)))
    blocks = []
    if ctype == "FIXED_PRICE_BLOCKS":
        for b in contract["fixedPriceBlocks"]:
            hrs = np.arange(int(b.get("fromHour", 0)), int(b.get("toHour", T)))
            blocks.append((float(b["mw"]), float(b["priceUsdPerMwh"]), hrs, float(b.get("minimumTakeMw", 0.0))))
    const = 0.0

    # Coincident-peak charge (models/README.md, "4CP"): expected cost rate * P_t / N per MWh of bought site power.
    # Without listed probabilities, P_t comes from the shipped ERCOT 4CP intervals, read here independently of the Java code:
    # hour-of-day frequency (US/Central) times a uniform day of the month, in June-September (N = 4) or every month (N = 12).
    fcp = site.get("fourCp")
    P = np.zeros(T)
    cp = np.zeros(T)
    N = 4
    if fcp:
        N = int(fcp.get("peaks", 4))
        if fcp.get("intervalProbabilities") is not None:
            for e in fcp["intervalProbabilities"]:
                P[int(e["hour"])] += float(e["probability"])
        else:
            import calendar, csv, datetime, os
            from zoneinfo import ZoneInfo
            here = os.path.dirname(os.path.abspath(__file__))
            hist = os.path.join(here, "..", "..", "src", "main", "resources", "demo", "ercot_4cp", "ercot_4cp_intervals.csv")
            intervals = list(csv.DictReader(line for line in open(hist) if not line.startswith("#")))
            counts = np.zeros(24)
            for interval in intervals:
                counts[int(interval["hourBeginningCentral"])] += 1
            start = datetime.datetime.fromisoformat(market["startUtc"].replace("Z", "+00:00"))
            tz = ZoneInfo("America/Chicago")
            for t in range(T):
                loc = (start + datetime.timedelta(hours=t)).astimezone(tz)
                if N == 12 or 6 <= loc.month <= 9:
                    P[t] = counts[loc.hour] / counts.sum() / calendar.monthrange(loc.year, loc.month)[1]
        cp = float(fcp["transmissionRateUsdPerMwYear"]) * P / N

    # Large-load curtailment order (models/README.md, "Forced curtailment", Texas SB 6): forced hours F (listed, or the
    # hourCount highest node prices, ties to the earlier hour), only when C >= largeLoadThresholdMw (default 75). In F the
    # grid site power is at most limitMw: sum_i pue_i d_it [+ sum_j pue_j y_j under COUNTED] <= limitMw. Under BACKUP_POWER
    # (default) the AI load runs on backup in F: its energy there costs backupPowerCostUsdPerMwh * pue_j (where the site pays
    # the power) instead of (p_t + cp_t) * pue_j, and it leaves the interconnect row and the bought load of F.
    fc = site.get("forcedCurtailment")
    F = np.zeros(T, dtype=bool)
    backup_mode, limit, bcost = True, 0.0, 0.0
    if fc and C >= float(fc.get("largeLoadThresholdMw", 75.0)):
        if fc.get("hours") is not None:
            F[[int(t) for t in fc["hours"]]] = True
        else:
            F[np.argsort(-node, kind="stable")[:int(fc["hourCount"])]] = True
        backup_mode = (fc.get("aiLoad") or "BACKUP_POWER") == "BACKUP_POWER"
        limit = float(fc.get("limitMw", 0.0))
        bcost = float(fc.get("backupPowerCostUsdPerMwh", 0.0))
    aiB = F & backup_mode       # hours the AI load runs on backup
    ai_grid = np.where(aiB, 0.0, 1.0)

    nf, no = len(fleets), len(options)
    # columns: x_i (nf), d_it (nf*T, fleet-major), y_j (no)
    nx, nd = nf, nf * T
    nblk = [len(b[2]) for b in blocks]
    nu = sum(nblk)
    # Ancillary services (models/README.md, "Ancillary services"), on the hourly LP: z_kt MW offered to hourly service k
    # (NSPIN, ECRS) paid scale * price_kt; e_sq MW committed to ERS service s over period q paid scale * price_sq * hours_q;
    # c_it expected IT MW of fleet i curtailed by deployments, costing the margin m_it. Rows, for every hour t:
    #   sum_k z_kt + sum_{s,q: t in q} e_sq <= alpha * sum_i pue_i d_it,  alpha = 1 - minimumRunningMw / min(sum_i pue_i cap_i, C)
    #   sum_i pue_i c_it = sum_k phi_kt z_kt + sum_{s,q: t in q} phi_st e_sq     (phi: sum of deployment probabilities covering t)
    #   c_it <= d_it;   and sum_sq price_sq hours_q e_sq <= 50e6 * T / 8760 (the ERS program cap)
    anc = site.get("ancillary")
    hourly_svc, ers_svc = [], []
    if anc:
        scale = float(anc.get("priceScale", 1.0))
        for svc in anc["services"]:
            phi = np.zeros(T)
            for dep in svc.get("deployments") or []:
                a = int(dep["fromHour"])
                phi[a:int(dep.get("toHour", a + 1))] += float(dep.get("probability", 1.0))
            if svc["type"] in ("ERS_10", "ERS_30"):
                periods = [(int(q["fromHour"]), int(q["toHour"]), scale * float(q["priceUsdPerMwHour"])) for q in svc["periods"]]
                ers_svc.append((svc["type"], periods, phi))
            else:
                pr = svc.get("pricesUsdPerMwHour")
                pr = np.asarray(pr, dtype=float) if pr is not None else np.full(T, float(svc["priceUsdPerMwHour"]))
                hourly_svc.append((svc["type"], scale * pr, phi))
    nz = len(hourly_svc) * T
    ne = sum(len(per) for (_, per, _) in ers_svc)
    nc = nf * T if anc else 0
    ncol = nx + nd + no + 2 * nu + nz + ne + nc   # then u (nu), s (nu), block-major; z (service-major), e, c (fleet-major)
    u0 = nx + nd + no
    z0 = u0 + 2 * nu
    e0 = z0 + nz
    c0 = e0 + ne
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
        margin = rev - (p + cp) * pue - f.get("variableOpexUsdPerMwh", 0.0)
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
        energy = 0.0 if o.get("tenantPaysPower", False) else pue * ((p + cp)[~aiB].sum() + bcost * aiB.sum())
        col = nx + nd + j
        c[col] = (rev - o.get("variableOpexUsdPerMwh", 0.0)) * T - energy \
            - o.get("capexUsdPerMw", 0.0) * crf(r, n) * years - o.get("fixedOpexUsdPerMwYear", 0.0) * years
        if o.get("maxItMw") is not None:
            ub[col] = o["maxItMw"]

    margins = []
    for i, f in enumerate(fleets):
        e_ = f["powerWPerUnit"] / f["hashrateThPerUnit"]
        rev = (1 - f.get("poolFeeFraction", 0.0)) * h * 1000 / (24 * e_)
        margins.append(rev - (p + cp) * pue_f[i] - f.get("variableOpexUsdPerMwh", 0.0))
    for k_, (_, pr, _) in enumerate(hourly_svc):
        c[z0 + k_ * T: z0 + (k_ + 1) * T] = pr
    col = e0
    for (_, periods, _) in ers_svc:
        for (a, b_, price) in periods:
            c[col] = price * (min(b_, T) - a)
            col += 1
    if anc:
        for i in range(nf):
            c[c0 + i * T: c0 + (i + 1) * T] = -margins[i]

    off = 0
    for (Q, f, hrs, m), n_ in zip(blocks, nblk):
        c[u0 + off: u0 + off + n_] = node[hrs]            # + p_t u_kt  (energy not bought at the node)
        c[u0 + nu + off: u0 + nu + off + n_] = node[hrs]  # + p_t s_kt  (resold)
        ub[u0 + off: u0 + off + n_] = Q
        ub[u0 + nu + off: u0 + nu + off + n_] = np.where(F[hrs], Q, Q - m)   # the order overrides the minimum take
        const -= f * Q * n_
        off += n_

    rows, cols, vals, rhs = [], [], [], []
    k = 0
    eq_rows, eq_cols, eq_vals, eq_rhs = [], [], [], []
    off = 0
    for (Q, f, hrs, m), n_ in zip(blocks, nblk):
        # u_kt + s_kt = Q_k
        idx = np.arange(n_)
        eq_rows += [len(eq_rhs) + idx, len(eq_rhs) + idx]
        eq_cols += [u0 + off + idx, u0 + nu + off + idx]
        eq_vals += [np.ones(n_), np.ones(n_)]
        eq_rhs += [Q] * n_
        off += n_
    if blocks:
        # sum_k u_kt - sum_i pue_i d_it - sum_j (1 - tau_j) pue_j y_j <= 0
        off = 0
        for (Q, f, hrs, m), n_ in zip(blocks, nblk):
            rows.append(k + hrs); cols.append(u0 + off + np.arange(n_)); vals.append(np.ones(n_))
            off += n_
        idx = np.arange(T)
        for i in range(nf):
            rows.append(k + idx); cols.append(nx + i * T + idx); vals.append(np.full(T, -pue_f[i]))
        for j, o in enumerate(options):
            if not o.get("tenantPaysPower", False):
                rows.append(k + idx); cols.append(np.full(T, nx + nd + j)); vals.append(-o.get("pue", 1.0) * ai_grid)
        rhs.append(np.zeros(T))
        k += T
    if anc:
        idx = np.arange(T)
        caps = sum(f["units"] * f["powerWPerUnit"] / 1e6 * pue_f[i] for i, f in enumerate(fleets))
        mmin = float(anc.get("minimumRunningMw", 0.0))
        alpha = 1.0 if mmin <= 0 else 1.0 - mmin / min(caps, C)
        # capacity: sum_k z_kt + sum e_sq(t) - alpha sum_i pue_i d_it <= 0
        for k_ in range(len(hourly_svc)):
            rows.append(k + idx); cols.append(z0 + k_ * T + idx); vals.append(np.ones(T))
        col = e0
        for (_, periods, _) in ers_svc:
            for (a, b_, price) in periods:
                hrs = np.arange(a, min(b_, T))
                rows.append(k + hrs); cols.append(np.full(len(hrs), col)); vals.append(np.ones(len(hrs)))
                col += 1
        for i in range(nf):
            rows.append(k + idx); cols.append(nx + i * T + idx); vals.append(np.full(T, -alpha * pue_f[i]))
        rhs.append(np.zeros(T))
        k += T
        # c_it - d_it <= 0
        for i in range(nf):
            rows += [k + idx, k + idx]
            cols += [c0 + i * T + idx, nx + i * T + idx]
            vals += [np.ones(T), -np.ones(T)]
            rhs.append(np.zeros(T))
            k += T
        # ERS program cap
        if ne:
            rows.append(np.full(ne, k)); cols.append(e0 + np.arange(ne)); vals.append(c[e0:e0 + ne].copy())
            rhs.append([50e6 * years]); k += 1
        # deployment: sum_i pue_i c_it - sum_k phi_kt z_kt - sum phi_st e_sq(t) = 0
        base = len(eq_rhs)
        for i in range(nf):
            eq_rows.append(base + idx); eq_cols.append(c0 + i * T + idx); eq_vals.append(np.full(T, pue_f[i]))
        for k_, (_, _, phi) in enumerate(hourly_svc):
            eq_rows.append(base + idx); eq_cols.append(z0 + k_ * T + idx); eq_vals.append(-phi)
        col = e0
        for (_, periods, phi) in ers_svc:
            for (a, b_, price) in periods:
                hrs = np.arange(a, min(b_, T))
                eq_rows.append(base + hrs); eq_cols.append(np.full(len(hrs), col)); eq_vals.append(-phi[hrs])
                col += 1
        eq_rhs += [0.0] * T
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
        rows.append(k + idx); cols.append(np.full(T, nx + nd + j)); vals.append(o.get("pue", 1.0) * ai_grid)
    rhs.append(np.full(T, C))
    k += T
    if F.any():
        hrs = np.flatnonzero(F)
        fidx = np.arange(len(hrs))
        for i in range(nf):
            rows.append(k + fidx); cols.append(nx + i * T + hrs); vals.append(np.full(len(hrs), pue_f[i]))
        if not backup_mode:
            for j, o in enumerate(options):
                rows.append(k + fidx); cols.append(np.full(len(hrs), nx + nd + j)); vals.append(np.full(len(hrs), o.get("pue", 1.0)))
        rhs.append(np.full(len(hrs), limit))
        k += len(hrs)
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
    A_eq = b_eq = None
    if eq_rhs:
        A_eq = sp.csr_matrix((np.concatenate(eq_vals), (np.concatenate(eq_rows), np.concatenate(eq_cols))), shape=(len(eq_rhs), ncol))
        b_eq = np.asarray(eq_rhs, dtype=float)
    res = linprog(-c, A_ub=A, b_ub=b, A_eq=A_eq, b_eq=b_eq, bounds=list(zip(lb, [None if math.isinf(u) else u for u in ub])),
                  method="highs")
    t2 = time.perf_counter()
    out = {"status": {0: "OPTIMAL", 2: "INFEASIBLE", 3: "UNBOUNDED"}.get(res.status, "ERROR:" + res.message),
           "buildSeconds": t1 - t0, "solveSeconds": t2 - t1, "variables": ncol, "constraints": k}
    if res.status == 0:
        out["objective"] = -res.fun + const
        d = res.x[nx:nx + nd].reshape(nf, T) if nf else np.zeros((0, T))
        out["asicMaxDispatchMw"] = {f["name"]: float(d[i].max()) for i, f in enumerate(fleets)}
        out["asicEnergyMwh"] = {f["name"]: float(d[i].sum()) for i, f in enumerate(fleets)}
        out["aiItMw"] = {o["name"]: float(res.x[nx + nd + j]) for j, o in enumerate(options)}
        if fcp:
            L = sum(pue_f[i] * d[i] for i in range(nf)) + sum(
                0.0 if o.get("tenantPaysPower", False) else o.get("pue", 1.0) * res.x[nx + nd + j] * ai_grid for j, o in enumerate(options))
            out["fourCpTagMw"] = float(P @ (L * np.ones(T)) / N)
        if F.any():
            out["forcedHours"] = int(F.sum())
            out["backupPowerCostUsd"] = float(sum(0.0 if o.get("tenantPaysPower", False) else
                                                  bcost * aiB.sum() * o.get("pue", 1.0) * res.x[nx + nd + j] for j, o in enumerate(options)))
        if anc:
            out["ancillaryRevenueUsd"] = float(c[z0:c0] @ res.x[z0:c0])
            out["ancillaryDeploymentCostUsd"] = float(-c[c0:] @ res.x[c0:])
        if blocks:
            spread = np.concatenate([node[hrs] - f for (Q, f, hrs, m) in blocks])
            out["powerContractValueUsd"] = float(spread @ res.x[u0:u0 + nu] + spread @ res.x[u0 + nu:u0 + 2 * nu])
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
