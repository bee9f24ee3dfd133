#!/usr/bin/env python3
"""Independent check of GridPivot's multi-year plan LP (models/PLANS.md).

Written from the algebra of models/PLANS.md, not from GridPivot's code or an MPS export of its LP: the naive HOURLY
model (one dispatch variable per fleet and hour, one interconnect row per hour, no merged blocks), every coefficient
computed here from the resolved plan problem that the test-side exporter writes
(src/test/java/com/gridpivot/testdata/PlanProblemJson.java): hourly prices and hashprices, monthly BTC prices, the
fleets' units, TH/s and W, the options' first-month revenue per MWh, and the finance inputs. Solved by scipy's HiGHS.
Prints one JSON object:
  {"status", "objective" (the plan's NPV, USD), "variables", "constraints", "buildSeconds", "solveSeconds",
   "aiStartedMw": {option: [MW per month]}, "asicRetiredMw": {fleet: [...]}, "asicBoughtMw": {fleet: [...]},
   "treasurySoldBtc": [...], "cashFlowUsd": [...], "cashFlowByTermUsd": {term: [...]}}

Usage: plan_highs.py problem.json

One function per row group of src/main/java/com/gridpivot/lp/rows (add_fleet_stock_rows ~ FleetStockRows, ...), each
with the algebra above its rows; the cash terms are one function per term of CashRows (add_asic_cash, ...), each adding
(column, coefficient) pairs to the month's cash flow under a term name. How to add a term: models/crosscheck/README.md.
"""
import calendar
import json
import math
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

CASH_ROW_SCALE = 1e-6  # cash-balance rows in millions of USD (as the service, for the same numerical reason)


class Model:
    """Columns with bounds, rows lo <= a x <= hi as sparse triplets, and each month's cash-flow terms."""

    def __init__(self, months):
        self.lb, self.ub, self.names = [], [], []
        self.row_i, self.row_j, self.row_v = [], [], []
        self.row_lo, self.row_hi, self.row_names = [], [], []
        # cash[m] = list of (term, columns array, coefficients array)
        self.cash = [[] for _ in range(months)]
        self.objective = {}

    def var(self, name, lb=0.0, ub=math.inf):
        self.lb.append(lb)
        self.ub.append(ub)
        self.names.append(name)
        return len(self.lb) - 1

    def vars(self, names, lb=0.0, ub=math.inf):
        first = len(self.lb)
        n = len(names)
        self.lb.extend(np.broadcast_to(np.asarray(lb, dtype=float), (n,)).tolist())
        self.ub.extend(np.broadcast_to(np.asarray(ub, dtype=float), (n,)).tolist())
        self.names.extend(names)
        return np.arange(first, first + n)

    def row(self, name, cols, vals, lo, hi):
        k = len(self.row_lo)
        self.row_i.append(np.full(len(cols), k))
        self.row_j.append(np.asarray(cols, dtype=int))
        self.row_v.append(np.asarray(vals, dtype=float))
        self.row_lo.append(lo)
        self.row_hi.append(hi)
        self.row_names.append(name)
        return k

    def rows(self, name, row_cols, row_vals, lo, hi):
        """Many rows at once: row_cols/row_vals are 2-D (rows x entries per row)."""
        row_cols = np.asarray(row_cols, dtype=int)
        row_vals = np.asarray(row_vals, dtype=float)
        n, w = row_cols.shape
        first = len(self.row_lo)
        self.row_i.append(np.repeat(np.arange(first, first + n), w))
        self.row_j.append(row_cols.ravel())
        self.row_v.append(row_vals.ravel())
        self.row_lo.extend(np.broadcast_to(np.asarray(lo, dtype=float), (n,)).tolist())
        self.row_hi.extend(np.broadcast_to(np.asarray(hi, dtype=float), (n,)).tolist())
        self.row_names.extend(f"{name}[{r}]" for r in range(n))

    def cash_term(self, m, term, cols, coefs):
        self.cash[m].append((term, np.atleast_1d(np.asarray(cols, dtype=int)), np.atleast_1d(np.asarray(coefs, dtype=float))))


def fix(model, col, value):
    model.lb[col] = value
    model.ub[col] = value


def fixed_value(values, name, m):
    """A fixed plan's value of (name, month index); 0 when the plan does not list it (models/PLANS.md, fixed plans)."""
    return float(values.get(f"{name}|{m}", 0.0))


def discount(r, m):
    """delta_m = (1 + r)^-(m+1)/12: month m's cash flow counts at the month's end."""
    return (1.0 + r) ** (-(m + 1) / 12.0)


def start_discount(r, m):
    """delta0_m = (1 + r)^-m/12: capex (AI capex, ASIC purchases) is paid at the start of month m (PLANS.md, Timing)."""
    return (1.0 + r) ** (-m / 12.0)


# cash terms paid at the start of the month (discounted by delta0_m); every other term is paid at the month's end
START_OF_MONTH_TERMS = {"asicPurchase", "aiCapex", "aiTenantCapex"}
# cash terms that move cash but are not in the NPV: debt principal (PLANS.md, "Financing sources")
CASH_ONLY_TERMS = {"debtPrincipal"}
# the operating terms of EBITDA (PLANS.md, "Covenants")
EBITDA_TERMS = {"miningRevenue", "miningEnergy", "miningOpex", "aiRevenue", "aiEnergy", "aiOpex", "aiContractRevenue"}


def billed_hours(option, hours):
    """B_jm: colocation is billed per month for the contracted kW, 8760/12 = 730 h; other revenue by the hour, H_m."""
    return 8760.0 / 12.0 if option.get("revenueBasis") == "COLOCATION" else hours


def capex_share(at_start, lead, k, m):
    """Share of the capex of MW started in month k paid in month m: all at k (AT_START, or L <= 1), else 1/L in k..k+L-1."""
    if at_start or lead <= 1:
        return 1.0 if m == k else 0.0
    return 1.0 / lead if k <= m < k + lead else 0.0


# ---------------------------------------------------------------------------------------------------- row groups

def add_fleet_stock_rows(model, prob, fixed, moves=None, receiving=()):
    """FleetStockRows. K[i,m] kept, R[i,m] retired, B[i,m] bought (only with a purchase price), K <= cap_i without one.
    asicBalance[i,m]: K[i,m] - K[i,m-1] - B[i,m] + R[i,m] (+ moves) = 0, K[i,-1] = cap_i.
    moves[(i, m)]: extra (column, coefficient) pairs of relocations (portfolio); a fleet in receiving has no K <= cap_i."""
    M = len(prob["months"])
    kept, retired, bought = [], [], []
    for i_, f in enumerate(prob["fleets"]):
        cap = f["units"] * f["powerWPerUnit"] / 1e6
        can_buy = f.get("purchaseUsdPerMw") is not None
        K = model.vars([f"asicKept[{f['name']},{m}]" for m in range(M)], 0.0, math.inf if can_buy or i_ in receiving else cap)
        R = model.vars([f"asicRetired[{f['name']},{m}]" for m in range(M)])
        B = model.vars([f"asicBought[{f['name']},{m}]" for m in range(M)]) if can_buy else None
        for m in range(M):
            if fixed is not None and fixed.get("asicRetiredMw") is not None:
                fix(model, R[m], fixed_value(fixed["asicRetiredMw"], f["name"], m))
            if B is not None and fixed is not None and fixed.get("asicBoughtMw") is not None:
                fix(model, B[m], fixed_value(fixed["asicBoughtMw"], f["name"], m))
            cols, vals = [K[m], R[m]], [1.0, 1.0]
            if m > 0:
                cols.append(K[m - 1]); vals.append(-1.0)
            if B is not None:
                cols.append(B[m]); vals.append(-1.0)
            for col, val in (moves or {}).get((i_, m), []):
                cols.append(col); vals.append(val)
            rhs = cap if m == 0 else 0.0
            model.row(f"asicBalance[{f['name']},{m}]", cols, vals, rhs, rhs)
        kept.append(K); retired.append(R); bought.append(B)
    return kept, retired, bought


def add_fleet_dispatch_rows(model, prob, kept):
    """FleetDispatchRows (naive, hourly). D[i,t] IT MW of fleet i in hour t of month m;
    fleetLimit[i,t]: D[i,t] - K[i,m(t)] <= 0."""
    dispatch = []
    for i, f in enumerate(prob["fleets"]):
        per_month = []
        for m, md in enumerate(prob["months"]):
            H = len(md["priceUsdPerMwh"])
            D = model.vars([f"dispatch[{f['name']},{m},h{t}]" for t in range(H)])
            model.rows(f"fleetLimit[{f['name']},{m}]", np.stack([D, np.full(H, kept[i][m])], axis=1),
                       np.tile([1.0, -1.0], (H, 1)), -math.inf, 0.0)
            per_month.append(D)
        dispatch.append(per_month)
    return dispatch


def add_ai_build_rows(model, prob, fixed):
    """AiBuildRows.add. S[j,m] started, W[j,m] reserved (<= maxItMw_j), O[j,m] online.
    aiReservedDef[j,m]: W[j,m] - W[j,m-1] - S[j,m] = 0;  aiOnlineDef[j,m]: O[j,m] - O[j,m-1] - S[j,m-L_j] = 0."""
    M = len(prob["months"])
    start, reserved, online = [], [], []
    for o in prob["options"]:
        ub = math.inf if o.get("maxItMw") is None else o["maxItMw"]
        S = model.vars([f"aiStart[{o['name']},{m}]" for m in range(M)])
        W = model.vars([f"aiReserved[{o['name']},{m}]" for m in range(M)], 0.0, ub)
        O = model.vars([f"aiOnline[{o['name']},{m}]" for m in range(M)])
        L = int(o["leadTimeMonths"])
        for m in range(M):
            if fixed is not None and fixed.get("aiStartsMw") is not None:
                fix(model, S[m], fixed_value(fixed["aiStartsMw"], o["name"], m))
            cols, vals = [W[m], S[m]], [1.0, -1.0]
            if m > 0:
                cols.append(W[m - 1]); vals.append(-1.0)
            model.row(f"aiReservedDef[{o['name']},{m}]", cols, vals, 0.0, 0.0)
            if o.get("gpuLife") is not None:
                continue  # online MW of an option with a GPU life: add_gpu_life_rows, as a stock of GPU generations
            cols, vals = [O[m]], [1.0]
            if m > 0:
                cols.append(O[m - 1]); vals.append(-1.0)
            if m - L >= 0:
                cols.append(S[m - L]); vals.append(-1.0)
            model.row(f"aiOnlineDef[{o['name']},{m}]", cols, vals, 0.0, 0.0)
        start.append(S); reserved.append(W); online.append(O)
    return start, reserved, online


def add_ai_contract_rows(model, prob, start, fixed):
    """AiContractRows (PLANS.md, AI contracts). For options with contract terms: Sc[j,m] contracted starts, Ss[j,m] spot
    starts, Os[j,m] spot online.  aiStartSplit[j,m]: S - Sc - Ss = 0;  aiSpotOnlineDef[j,m]: Os[m] - Os[m-1] - Ss[m-L] = 0;
    aiContractMax[j]: sum_m Sc[j,m] <= maxMw (when given). Returns (contracted, spot_online) per option (None without terms)."""
    M = len(prob["months"])
    contracted, spot_online = [], []
    for j, o in enumerate(prob["options"]):
        c = o.get("contract")
        if c is None:
            contracted.append(None); spot_online.append(None)
            continue
        Sc = model.vars([f"aiContracted[{o['name']},{m}]" for m in range(M)])
        Ss = model.vars([f"aiSpotStart[{o['name']},{m}]" for m in range(M)])
        Os = model.vars([f"aiSpotOnline[{o['name']},{m}]" for m in range(M)])
        L = int(o["leadTimeMonths"])
        for m in range(M):
            if fixed is not None and fixed.get("aiContractedMw") is not None:
                fix(model, Sc[m], fixed_value(fixed["aiContractedMw"], o["name"], m))
            model.row(f"aiStartSplit[{o['name']},{m}]", [start[j][m], Sc[m], Ss[m]], [1.0, -1.0, -1.0], 0.0, 0.0)
            cols, vals = [Os[m]], [1.0]
            if m > 0:
                cols.append(Os[m - 1]); vals.append(-1.0)
            if m - L >= 0:
                cols.append(Ss[m - L]); vals.append(-1.0)
            model.row(f"aiSpotOnlineDef[{o['name']},{m}]", cols, vals, 0.0, 0.0)
        if c.get("maxMw") is not None:
            model.row(f"aiContractMax[{o['name']}]", Sc, np.ones(M), -math.inf, c["maxMw"])
        contracted.append(Sc); spot_online.append(Os)
    return contracted, spot_online


def add_ai_limit_rows(model, prob, start, reserved, online):
    """AiBuildRows.addLimits. aiTotalMax: sum_j W[j,M-1] <= A_max; conversionRate[m]: sum_j S[j,m] <= Gamma;
    aiContract[m], m >= f: sum_j O[j,m] >= A_min."""
    if not prob["options"]:
        return
    M = len(prob["months"])
    if prob.get("maxAiItMw") is not None:
        model.row("aiTotalMax", [W[M - 1] for W in reserved], [1.0] * len(reserved), -math.inf, prob["maxAiItMw"])
    for m in range(M):
        if prob.get("maxConversionMwPerMonth") is not None:
            model.row(f"conversionRate[{m}]", [S[m] for S in start], [1.0] * len(start), -math.inf, prob["maxConversionMwPerMonth"])
        if prob.get("minAiItMw", 0.0) > 0 and m >= prob.get("minAiFromIndex", 0):
            model.row(f"aiContract[{m}]", [O[m] for O in online], [1.0] * len(online), prob["minAiItMw"], math.inf)


def add_interconnect_rows(model, prob, dispatch, reserved):
    """InterconnectRows.addPlan (hourly). interconnect[t]: sum_i pue_i D[i,t] + sum_j pue_j W[j,m(t)] <= C."""
    C = prob["interconnectMw"]
    for m, md in enumerate(prob["months"]):
        H = len(md["priceUsdPerMwh"])
        cols = [dispatch[i][m] for i in range(len(prob["fleets"]))] + [np.full(H, W[m]) for W in reserved]
        vals = [np.full(H, f.get("pue", 1.0)) for f in prob["fleets"]] + [np.full(H, o.get("pue", 1.0)) for o in prob["options"]]
        if not cols:
            continue
        model.rows(f"interconnect[{m}]", np.stack(cols, axis=1), np.stack(vals, axis=1), -math.inf, C)


def add_treasury_rows(model, prob, fixed):
    """TreasuryRows. T[m] BTC sold; treasuryLimit: sum_m T[m] <= N. None without treasury and without fixed sales."""
    sales = None if fixed is None else fixed.get("treasurySoldBtc")
    if prob.get("treasuryBtc", 0.0) <= 0 and not sales:
        return None
    M = len(prob["months"])
    T = model.vars([f"treasurySold[{m}]" for m in range(M)])
    if sales is not None:
        for m in range(M):
            fix(model, T[m], float(sales.get(str(m), 0.0)))
    model.row("treasuryLimit", T, np.ones(M), -math.inf, prob.get("treasuryBtc", 0.0))
    return T


# ---------------------------------------------------------------------------------------------------- cash terms (CashRows)

def asic_price_index(prob, elasticity):
    """PLANS.md, ASIC prices and hashprice: index_m = (hbar_m / hbar_0)^eps, hbar_m the mean of month m's hourly hashprice."""
    hbar = [float(np.mean(md["hashpriceUsdPerPhDay"])) for md in prob["months"]]
    if elasticity == 0.0 or hbar[0] <= 0.0:
        return [1.0] * len(hbar)
    return [(max(h, 0.0) / hbar[0]) ** elasticity for h in hbar]


def hashrate_factor(f, m):
    """(1 - d)^(m/12): share of its nameplate TH/s fleet i delivers in month m (efficiencyDegradationPerYear d)."""
    return (1.0 - f.get("efficiencyDegradationPerYear", 0.0)) ** (m / 12.0)


def add_asic_cash(model, prob, kept, retired, bought):
    """+ sigma_im R[i,m] - pi_im B[i,m] - F_i H_m/8760 K[i,m], with the ASIC prices of month m (issue 14, item 5):
    sigma_im = sigma_i index_m (1 - d)^(m/12) (a used machine sells by the TH it still makes), pi_im = pi_i index_m."""
    for i, f in enumerate(prob["fleets"]):
        index = asic_price_index(prob, f.get("priceElasticity", 0.0))
        for m, md in enumerate(prob["months"]):
            H = len(md["priceUsdPerMwh"])
            model.cash_term(m, "asicSalvage", retired[i][m], f["salvageUsdPerMw"] * index[m] * hashrate_factor(f, m))
            if bought[i] is not None:
                model.cash_term(m, "asicPurchase", bought[i][m], -f["purchaseUsdPerMw"] * index[m])
            model.cash_term(m, "miningOpex", kept[i][m], -f.get("fixedOpexUsdPerMwYear", 0.0) * H / 8760.0)


def add_dispatch_cash(model, prob, dispatch):
    """sum_t (r_it - p_t pue_i - v_i) D[i,t], r_it = (1 - fee_i) h_t 1000 / (24 e_im), e_im = W / (TH/s (1 - d)^(m/12)) in
    J/TH (the fleet's hashrate degrades by d a year at the same power)."""
    for i, f in enumerate(prob["fleets"]):
        for m, md in enumerate(prob["months"]):
            e = f["powerWPerUnit"] / (f["hashrateThPerUnit"] * hashrate_factor(f, m))
            p = np.asarray(md["priceUsdPerMwh"], dtype=float)
            h = np.asarray(md["hashpriceUsdPerPhDay"], dtype=float)
            r = (1.0 - f.get("poolFeeFraction", 0.0)) * h * 1000.0 / (24.0 * e)
            model.cash_term(m, "miningRevenue", dispatch[i][m], r)
            model.cash_term(m, "miningEnergy", dispatch[i][m], -p * f.get("pue", 1.0))
            model.cash_term(m, "miningOpex", dispatch[i][m], np.full(len(p), -f.get("variableOpexUsdPerMwh", 0.0)))


def add_ai_cash(model, prob, start, online, spot_online):
    """O[j,m] (Os[j,m] for an option with contract terms: only its spot MW earn the market rate) (B_jm rev_j (1 - decline_j)^(m/12) - H_m v_j - (1 - tau_j) pue_j sum_t p_t - F_j H_m/8760)
    - K_j sum_k share(k, m) S[j,k]   (B_jm: billed_hours)."""
    M = len(prob["months"])
    for j, o in enumerate(prob["options"]):
        at_start = o.get("capexTiming", "AT_START") == "AT_START"
        L = int(o["leadTimeMonths"])
        for m, md in enumerate(prob["months"]):
            H = len(md["priceUsdPerMwh"])
            rev = o["revenueUsdPerMwh"] * (1.0 - o.get("rateDeclinePerYear", 0.0)) ** (m / 12.0)
            on = online[j][m] if spot_online[j] is None else spot_online[j][m]
            model.cash_term(m, "aiRevenue", on, billed_hours(o, H) * rev)
            if not o.get("tenantPaysPower", False):
                model.cash_term(m, "aiEnergy", on, -o.get("pue", 1.0) * float(np.sum(md["priceUsdPerMwh"])))
            model.cash_term(m, "aiOpex", on,
                            -(H * o.get("variableOpexUsdPerMwh", 0.0) + o.get("fixedOpexUsdPerMwYear", 0.0) * H / 8760.0))
            for k in range(M):
                share = capex_share(at_start, L, k, m)
                if share > 0:
                    model.cash_term(m, "aiCapex", start[j][k], -start_capex(o, k) * share)


def gpu_price(life, m):
    """PLANS.md, GPU life: the GPUs of one MW bought in month m cost G (1 - d)^(m/12)."""
    return life["gpuCapexUsdPerMw"] * (1.0 - life["priceDeclinePerYear"]) ** (m / 12.0)


def start_capex(o, k):
    """K_j per MW started in month k; with a GPU life the hall's part K_j - G plus the GPUs at their price of month k."""
    K = o.get("capexUsdPerMw", 0.0)
    life = o.get("gpuLife")
    return K if life is None else K - life["gpuCapexUsdPerMw"] + gpu_price(life, k)


def book_share(life, age):
    """Book value per USD of price after age months: straight line from 1 to rho over the life."""
    Lg = life["lifeMonths"]
    return 1.0 - (1.0 - life["residualShare"]) * min(max(age, 0), Lg) / Lg


def gpu_generations(o, k, M):
    """The GPU generations of the MW started in month k, as (first month in service, last month + 1, price per MW): the
    first bought with the hall at the price of month k, each later one a refresh at an end of life inside the horizon and the
    hall's life (none under RETIRE); a generation serves until its end of life or the hall's end."""
    life = o["gpuLife"]
    L, Lg = int(o["leadTimeMonths"]), life["lifeMonths"]
    hall_end = math.inf if life.get("hallLifeMonths") is None else k + L + life["hallLifeMonths"]
    gens = []
    e = k + L
    while True:
        gens.append((e, min(e + Lg, hall_end), gpu_price(life, k if not gens else e)))
        nxt = e + Lg
        if k + L > M - 1 or life["endOfLife"] == "RETIRE" or nxt > M - 1 or nxt >= hall_end:
            return gens
        e = nxt


def add_gpu_life_rows(model, prob, start, online):
    """GpuLifeRows (PLANS.md, GPU life and refresh), written as a stock: X[j,k,g] MW of cohort k in service with generation g
    (X[j,k,0] = S[j,k]);  gpuRefreshMax[j,k,g]: X[g] - X[g-1] <= 0 (= 0 under REFRESH);
    aiOnlineStock[j,m]: O[j,m] - sum over (k, g) in service in m of X[j,k,g] = 0.
    Cash: a refresh at e_g costs its price (aiCapex, start of month); every GPU leaving sells at its book value (gpuResidual,
    end of month): rho x price at its end of life, more at the hall's end. Returns X per option (None without a GPU life)."""
    M = len(prob["months"])
    out = []
    for j, o in enumerate(prob["options"]):
        life = o.get("gpuLife")
        if life is None:
            out.append(None)
            continue
        X = []
        in_service = [[] for _ in range(M)]
        for k in range(M):
            gens = gpu_generations(o, k, M)
            cols = [start[j][k]]
            for g in range(1, len(gens)):
                v = model.var(f"gpuRefreshed[{o['name']},{k},g{g}]")
                lo = 0.0 if life["endOfLife"] == "REFRESH" else -math.inf
                model.row(f"gpuRefreshMax[{o['name']},{k},g{g}]", [v, cols[g - 1]], [1.0, -1.0], lo, 0.0)
                cols.append(v)
            for g, (e, end, price) in enumerate(gens):
                for m in range(e, min(end, M)):
                    in_service[m].append(cols[g])
                if g > 0:
                    model.cash_term(e, "aiCapex", cols[g], -price)
                if end <= M - 1:
                    model.cash_term(int(end), "gpuResidual", cols[g], book_share(life, end - e) * price)
            X.append((cols, gens))
        for m in range(M):
            model.row(f"aiOnlineStock[{o['name']},{m}]", [online[j][m]] + in_service[m], [1.0] + [-1.0] * len(in_service[m]), 0.0, 0.0)
        out.append(X)
    return out


def month_hours(prob, n):
    """H_n: hours of month n from the start (inside the horizon its data's; beyond it 24 x the calendar month's days)."""
    if n < len(prob["months"]):
        return len(prob["months"][n]["priceUsdPerMwh"])
    y, mo = map(int, prob["startMonth"].split("-"))
    k = (mo - 1) + n
    return 24 * calendar.monthrange(y + k // 12, k % 12 + 1)[1]


def contract_revenue(o, q, hours):
    """c_q = a B (1+e)^floor(q/12) max(rho_q u, omega): one contracted MW's revenue in contract month q."""
    c = o["contract"]
    ramp = c.get("rampShareByMonth") or []
    rho = ramp[q] if q < len(ramp) else 1.0
    share = max(rho * c.get("usageShare", 1.0), c.get("takeOrPayShare", 0.0))
    return c["priceUsdPerMwhAtFullUse"] * billed_hours(o, hours) * (1.0 + c.get("escalatorPerYear", 0.0)) ** (q // 12) * share


def add_ai_contract_cash(model, prob, start, contracted):
    """PLANS.md, AI contracts. Cohort Sc[j,k] in contract month q = m - k - L of month m:
    q < T:  (1 - phi) c_q Sc - rho_q ((1 - tau) pue sum_t p_t + H v) Sc - F H/8760 Sc;
    q >= T: RENEW_AT_MARKET: as a spot MW (B rev_jm - energy - H v - F H/8760); NONE: - F H/8760;
    month k: + phi V_jk Sc[j,k] (V = sum_{q<T} c_q); capex months: + kappa K share(k, m) Sc[j,k] (start of month)."""
    M = len(prob["months"])
    for j, o in enumerate(prob["options"]):
        if contracted[j] is None:
            continue
        c = o["contract"]
        T, L = int(c["termMonths"]), int(o["leadTimeMonths"])
        phi, kappa = c.get("prepaymentShare", 0.0), c.get("tenantCapexShare", 0.0)
        ramp = c.get("rampShareByMonth") or []
        at_start = o.get("capexTiming", "AT_START") == "AT_START"
        for m, md in enumerate(prob["months"]):
            H = len(md["priceUsdPerMwh"])
            energy = 0.0 if o.get("tenantPaysPower", False) else o.get("pue", 1.0) * float(np.sum(md["priceUsdPerMwh"]))
            var_opex = H * o.get("variableOpexUsdPerMwh", 0.0)
            fixed_opex = o.get("fixedOpexUsdPerMwYear", 0.0) * H / 8760.0
            for k in range(0, m - L + 1):
                q = m - k - L
                Sc = contracted[j][k]
                if q < T:
                    rho = ramp[q] if q < len(ramp) else 1.0
                    model.cash_term(m, "aiContractRevenue", Sc, (1.0 - phi) * contract_revenue(o, q, H))
                    model.cash_term(m, "aiEnergy", Sc, -rho * energy)
                    model.cash_term(m, "aiOpex", Sc, -rho * var_opex - fixed_opex)
                elif c.get("afterTerm", "RENEW_AT_MARKET") == "RENEW_AT_MARKET":
                    rev = o["revenueUsdPerMwh"] * (1.0 - o.get("rateDeclinePerYear", 0.0)) ** (m / 12.0)
                    model.cash_term(m, "aiRevenue", Sc, billed_hours(o, H) * rev)
                    model.cash_term(m, "aiEnergy", Sc, -energy)
                    model.cash_term(m, "aiOpex", Sc, -var_opex - fixed_opex)
                else:
                    model.cash_term(m, "aiOpex", Sc, -fixed_opex)
            if phi > 0:
                V = sum(contract_revenue(o, q, month_hours(prob, m + L + q)) for q in range(T))
                model.cash_term(m, "aiPrepayment", contracted[j][m], phi * V)
            for k in range(M):
                share = capex_share(at_start, L, k, m)
                if share > 0 and kappa > 0:
                    model.cash_term(m, "aiTenantCapex", contracted[j][k], kappa * o.get("capexUsdPerMw", 0.0) * share)


def add_treasury_cash(model, prob, sold):
    """+ P_m T[m]."""
    if sold is None:
        return
    for m, md in enumerate(prob["months"]):
        model.cash_term(m, "treasurySale", sold[m], md["btcPriceUsd"])


def add_revolving_credit_rows(model, prob):
    """Financing sources, credit line: U[m] drawn, V[m] repaid, 0 <= Q[m] <= L owed through month m.
    revolverBalance[m]: Q[m] - Q[m-1] - U[m] + V[m] = 0 (Q[-1] = 0).
    Cash of m: + U[m] - V[m] (principal) - i/12 Q[m] (interest) - f/12 (L - Q[m]) (commitment fee on the undrawn part).
    The fee's constant part f/12 L multiplies a column fixed at 1, and its Q part is summed with the interest on the same
    column: HiGHS drops matrix entries below 1e-9, and f/12 alone in a row written in millions (e.g. 0.005/12 * 1e-6) is one."""
    rc = prob.get("financing", {}).get("revolvingCredit")
    if rc is None:
        return None
    M = len(prob["months"])
    L, i, f = rc["limitUsd"], rc["interestRatePerYear"], rc.get("commitmentFeePerYear", 0.0)
    U = model.vars([f"revolverDrawUsd[{m}]" for m in range(M)])
    V = model.vars([f"revolverRepayUsd[{m}]" for m in range(M)])
    Q = model.vars([f"revolverBalanceUsd[{m}]" for m in range(M)], 0.0, L)
    one = model.var("one", 1.0, 1.0)
    for m in range(M):
        cols = [Q[m], U[m], V[m]] + ([Q[m - 1]] if m > 0 else [])
        vals = [1.0, -1.0, 1.0] + ([-1.0] if m > 0 else [])
        model.row(f"revolverBalance[{m}]", cols, np.array(vals) * CASH_ROW_SCALE, 0.0, 0.0)
        model.cash_term(m, "debtPrincipal", [U[m], V[m]], [1.0, -1.0])
        model.cash_term(m, "financingInterest", Q[m], -i / 12.0)
        model.cash_term(m, "financingFee", [one, Q[m]], [-f / 12.0 * L, f / 12.0])
    return Q


def loan_schedule(loan, m):
    """(outstanding during m, repaid at the end of m) per USD drawn: t = m - a in [0, n); BULLET: 1 and [t = n-1];
    STRAIGHT: 1 - t/n and 1/n."""
    t = m - loan["availableFromIndex"]
    n = loan["tenorMonths"]
    if t < 0 or t >= n:
        return 0.0, 0.0
    if loan["amortization"] == "BULLET":
        return 1.0, (1.0 if t == n - 1 else 0.0)
    return 1.0 - t / n, 1.0 / n


def add_term_debt_rows(model, prob):
    """Term loans: x[k] in [0, amount_k] drawn at the end of month a_k. Cash of m: + x [m = a] - q(m) x (principal)
    - i/12 o(m) x (interest) - phi x [m = a] (upfront fee)."""
    loans = prob.get("financing", {}).get("termLoans", [])
    X = []
    for loan in loans:
        x = model.var(f"termLoanDrawnUsd[{loan['name']}]", 0.0, loan["amountUsd"])
        for m in range(len(prob["months"])):
            o, q = loan_schedule(loan, m)
            drawn = 1.0 if m == loan["availableFromIndex"] else 0.0
            model.cash_term(m, "debtPrincipal", x, drawn - q)
            model.cash_term(m, "financingInterest", x, -loan["interestRatePerYear"] / 12.0 * o)
            model.cash_term(m, "financingFee", x, -loan.get("upfrontFeeShare", 0.0) * drawn)
        X.append(x)
    return X


def add_convertible_note_rows(model, prob):
    """Convertible notes: y[n] in [0, principal_n] issued at the end of month e_n, repaid in cash at the end of its maturity
    mu_n, coupon c/12 y in every month e_n <= m <= mu_n."""
    notes = prob.get("financing", {}).get("convertibleNotes", [])
    Y = []
    for note in notes:
        y = model.var(f"convertibleIssuedUsd[{note['name']}]", 0.0, note["principalUsd"])
        e, mu = note["issueIndex"], note["maturityIndex"]
        for m in range(len(prob["months"])):
            model.cash_term(m, "debtPrincipal", y, (1.0 if m == e else 0.0) - (1.0 if m == mu else 0.0))
            model.cash_term(m, "financingInterest", y, -note["couponPerYear"] / 12.0 * (1.0 if e <= m <= mu else 0.0))
        Y.append(y)
    return Y


# taxable income (PLANS.md, "Taxes"): terms taxed as they are paid, terms depreciated, and the BTC sold above its basis
TAXED_TERMS = EBITDA_TERMS | {"aiPrepayment", "asicSalvage", "gpuResidual", "financingInterest", "financingFee"}
DEPRECIATED_TERMS = {"asicPurchase": {"asics": 1.0}, "aiCapex": "ai", "aiTenantCapex": "ai"}
# IRS Publication 946, table A-1 (half-year convention), % of the basis by recovery year
MACRS_PERCENT = {"MACRS_5": [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
                 "MACRS_7": [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46]}


def depreciation_share(d, t):
    """Share of the cost deducted t tax years after the year placed in service: bonus beta at t = 0, the rest (1 - beta) on
    the schedule: STRAIGHT_LINE 1/L for t < L; MACRS_5 / MACRS_7 the table's percentages."""
    beta = d.get("bonusShare", 0.0)
    if d["schedule"] == "STRAIGHT_LINE":
        base = 1.0 / d["lifeYears"] if t < d["lifeYears"] else 0.0
    else:
        table = MACRS_PERCENT[d["schedule"]]
        base = table[t] / 100.0 if t < len(table) else 0.0
    return (beta if t == 0 else 0.0) + (1.0 - beta) * base


def add_tax_rows(model, prob):
    """PLANS.md, Taxes. Tax years y = the calendar years of the horizon, y(m) the year of month m, pay(y) its last month.
    I_y = sum_{m in y} (taxed terms + (P_m - basis) T[m]) - sum_{capex terms of m, y(m) <= y} dep(y - y(m)) (-c) v, with
    ASIC purchases on the asics schedule and AI capex (less the tenant's share) split (1 - b) gpus + b buildings;
    taxableIncome[y]: P_y - N_y - I_y = 0;  taxDue[y]: X_y - rho P_y + rho U_y >= 0 (no U without carry-forward);
    lossStock[y]: S_y - S_{y-1} + U_y - N_y = L0 [y = 0];  lossUseStock[y]: U_y - S_{y-1} <= L0 [y = 0];
    lossUseProfit[y]: U_y - lambda P_y <= 0;  cash of pay(y): - X_y ("incomeTax"). Rows x 1e-6 as the cash rows."""
    tax = prob.get("financing", {}).get("tax")
    if tax is None:
        return None
    M = len(prob["months"])
    cal = [int(md["month"][:4]) for md in prob["months"]]
    yof = [c - cal[0] for c in cal]
    Y = yof[-1] + 1
    pay = [max(m for m in range(M) if yof[m] == y) for y in range(Y)]
    basis = tax.get("btcCostBasisUsdPerBtc") or 0.0
    b = tax.get("buildingsShareOfAiCapex", 0.0)
    cols = [[] for _ in range(Y)]
    vals = [[] for _ in range(Y)]
    for m in range(M):
        for term, c, v in model.cash[m]:
            v = np.broadcast_to(v, c.shape)
            if term in TAXED_TERMS:
                cols[yof[m]].append(c); vals[yof[m]].append(v)
            elif term == "treasurySale":
                cols[yof[m]].append(c); vals[yof[m]].append(v - basis)
            elif term in DEPRECIATED_TERMS:
                classes = {"asics": 1.0} if term == "asicPurchase" else {"gpus": 1.0 - b, "buildings": b}
                for y in range(yof[m], Y):
                    d = sum(w * depreciation_share(tax[k], y - yof[m]) for k, w in classes.items())
                    if d != 0.0:
                        cols[y].append(c); vals[y].append(d * v)
    rho, carry, lam, L0 = tax["incomeTaxRateShare"], tax["lossCarryForward"], tax["lossUseLimitShare"], tax["openingLossUsd"]
    P = model.vars([f"taxableProfitUsd[{cal[pay[y]]}]" for y in range(Y)])
    N = model.vars([f"taxableLossUsd[{cal[pay[y]]}]" for y in range(Y)])
    X = model.vars([f"incomeTaxUsd[{cal[pay[y]]}]" for y in range(Y)])
    U = model.vars([f"lossUsedUsd[{cal[pay[y]]}]" for y in range(Y)]) if carry else None
    S = model.vars([f"lossStockUsd[{cal[pay[y]]}]" for y in range(Y)]) if carry else None
    k = CASH_ROW_SCALE
    for y in range(Y):
        c = np.concatenate([np.array([P[y], N[y]])] + cols[y])
        v = np.concatenate([np.array([1.0, -1.0])] + [-a for a in vals[y]])
        model.row(f"taxableIncome[{y}]", c, v * k, 0.0, 0.0)
        if carry:
            model.row(f"taxDue[{y}]", [X[y], P[y], U[y]], np.array([1.0, -rho, rho]) * k, 0.0, math.inf)
            opening = L0 * k if y == 0 else 0.0
            st_c, st_v = [S[y], U[y], N[y]], [1.0, 1.0, -1.0]
            use_c, use_v = [U[y]], [1.0]
            if y > 0:
                st_c.append(S[y - 1]); st_v.append(-1.0)
                use_c.append(S[y - 1]); use_v.append(-1.0)
            model.row(f"lossStock[{y}]", st_c, np.array(st_v) * k, opening, opening)
            model.row(f"lossUseStock[{y}]", use_c, np.array(use_v) * k, -math.inf, opening)
            model.row(f"lossUseProfit[{y}]", [U[y], P[y]], np.array([1.0, -lam]) * k, -math.inf, 0.0)
        else:
            model.row(f"taxDue[{y}]", [X[y], P[y]], np.array([1.0, -rho]) * k, 0.0, math.inf)
        model.cash_term(pay[y], "incomeTax", X[y], -1.0)
    return X


def add_covenant_rows(model, prob, cash, Q, X, Y):
    """covenantMinCash[m]: cash[m] >= minCash; covenantDebtToEbitda[m] (months where debt may be owed):
    debt_m - k * 12/n_m * sum_{q=m-n_m+1..m} EBITDA_q <= 0, n_m = min(m+1, 12),
    debt_m = Q[m] + sum_k (o_k(m) - q_k(m)) x[k] + sum_n [e_n <= m < mu_n] y[n]."""
    fin = prob.get("financing", {})
    cov = fin.get("covenants") or {}
    M = len(prob["months"])
    if cov.get("minCashUsd") is not None:
        for m in range(M):
            model.row(f"covenantMinCash[{m}]", [cash[m]], [CASH_ROW_SCALE], cov["minCashUsd"] * CASH_ROW_SCALE, math.inf)
    k = cov.get("maxDebtToTrailingEbitda")
    if k is None:
        return
    for m in range(M):
        cols, vals = [], []
        if Q is not None:
            cols.append(np.array([Q[m]])); vals.append(np.array([1.0]))
        for loan, x in zip(fin.get("termLoans", []), X):
            o, q = loan_schedule(loan, m)
            if o - q > 0:
                cols.append(np.array([x])); vals.append(np.array([o - q]))
        for note, y in zip(fin.get("convertibleNotes", []), Y):
            if note["issueIndex"] <= m < note["maturityIndex"]:
                cols.append(np.array([y])); vals.append(np.array([1.0]))
        if not cols:
            continue
        n = min(m + 1, 12)
        for q in range(m - n + 1, m + 1):
            for term, c, v in model.cash[q]:
                if term in EBITDA_TERMS:
                    cols.append(c); vals.append(-k * 12.0 / n * np.broadcast_to(v, c.shape))
        model.row(f"covenantDebtToEbitda[{m}]", np.concatenate(cols), np.concatenate(vals) * CASH_ROW_SCALE, -math.inf, 0.0)


def add_cash_rows(model, prob):
    """CashRows.addBalance. cash[m] >= -creditLine (free without one);
    cashBalance[m]: 1e-6 (cash[m] - cash[m-1] - CF_m) = 1e-6 S_0 [m = 0]."""
    M = len(prob["months"])
    floor = -math.inf if prob.get("cashFloorUsd") is None else prob["cashFloorUsd"]
    cash = model.vars([f"cash[{m}]" for m in range(M)], floor, math.inf)
    for m in range(M):
        cols, vals = [np.array([cash[m]])], [np.array([1.0])]
        if m > 0:
            cols.append(np.array([cash[m - 1]])); vals.append(np.array([-1.0]))
        for _, c, v in model.cash[m]:
            cols.append(c); vals.append(-np.broadcast_to(v, c.shape))
        rhs = prob.get("startingCashUsd", 0.0) * CASH_ROW_SCALE if m == 0 else 0.0
        model.row(f"cashBalance[{m}]", np.concatenate(cols), np.concatenate(vals) * CASH_ROW_SCALE, rhs, rhs)
    return cash


def set_npv_objective(model, prob, sold):
    """NpvObjective.setPlan: max sum_m (delta_m CF_m^end + delta0_m CF_m^start) - delta_{M-1} P_{M-1} sum_m T[m]."""
    r = prob["discountRate"]
    M = len(prob["months"])
    c = np.zeros(len(model.lb))
    for m in range(M):
        for term, cols, coefs in model.cash[m]:
            if term in CASH_ONLY_TERMS:
                continue
            d = start_discount(r, m) if term in START_OF_MONTH_TERMS else discount(r, m)
            np.add.at(c, cols, d * np.broadcast_to(coefs, cols.shape))
    if sold is not None:
        c[sold] -= discount(r, M - 1) * prob["months"][M - 1]["btcPriceUsd"]
    return c


def add_terminal_value(model, prob, c, kept, contracted, gpu=None):
    """PLANS.md, Terminal value: added to the objective vector c (not to any month's cash), each part discounted from the end
    of its month n >= M-1 by delta_n. Every method but NONE: + sigma_i,M-1 K[i,M-1] (the ASICs kept, at salvage).
    CONTRACTED: + sum over contracted cohorts and months n >= M in their term of (1 - phi) c_q(n) - rho_q (E_n + V_n) - F_n, a
    month beyond the horizon taking the energy and hours of month M - P + (n - M) mod P, P = min(12, M).
    EXIT_MULTIPLE: + mu EBITDA_12; PERPETUITY: + EBITDA_12 (1 + g)/(r - g), at n = M-1, where EBITDA_12 = 12/|W| x (the AI
    revenue, energy and opex terms of the last min(12, M) months, with contracted MW in their term at their accrued c_q)."""
    tv = prob.get("terminalValue") or {"method": "NONE"}
    method = tv["method"]
    if method == "NONE":
        return
    r, M = prob["discountRate"], len(prob["months"])
    last = M - 1
    for i, f in enumerate(prob["fleets"]):
        index = asic_price_index(prob, f.get("priceElasticity", 0.0))
        c[kept[i][last]] += discount(r, last) * f["salvageUsdPerMw"] * index[last] * hashrate_factor(f, last)
    if method == "CONTRACTED":
        # GPUs still in a hall at the end at their book value; a hall completed after the horizon: the GPU capex paid, at cost
        for j, o in enumerate(prob["options"]):
            if gpu is None or gpu[j] is None:
                continue
            life = o["gpuLife"]
            at_start = o.get("capexTiming", "AT_START") == "AT_START"
            for k, (cols, gens) in enumerate(gpu[j]):
                e, end, price = gens[-1]
                if e > M - 1:
                    paid = sum(capex_share(at_start, int(o["leadTimeMonths"]), k, m) for m in range(M))
                    c[cols[-1]] += discount(r, last) * paid * price
                elif end > M - 1:
                    c[cols[-1]] += discount(r, last) * book_share(life, M - e) * price
        P = min(12, M)
        for j, o in enumerate(prob["options"]):
            if contracted[j] is None:
                continue
            k_ = o["contract"]
            T, L, phi = int(k_["termMonths"]), int(o["leadTimeMonths"]), k_.get("prepaymentShare", 0.0)
            ramp = k_.get("rampShareByMonth") or []
            for k in range(M):
                for n in range(max(M, k + L), k + L + T):
                    q = n - k - L
                    like = prob["months"][M - P + (n - M) % P]
                    H = len(like["priceUsdPerMwh"])
                    energy = 0.0 if o.get("tenantPaysPower", False) else o.get("pue", 1.0) * float(np.sum(like["priceUsdPerMwh"]))
                    running = energy + H * o.get("variableOpexUsdPerMwh", 0.0)
                    rho = ramp[q] if q < len(ramp) else 1.0
                    value = ((1.0 - phi) * contract_revenue(o, q, month_hours(prob, n)) - rho * running
                             - o.get("fixedOpexUsdPerMwYear", 0.0) * H / 8760.0)
                    c[contracted[j][k]] += discount(r, n) * value
        return
    factor = tv["exitMultipleOfEbitda"] if method == "EXIT_MULTIPLE" else (1 + tv["perpetuityGrowthPerYear"]) / (r - tv["perpetuityGrowthPerYear"])
    first = max(0, M - 12)
    w = factor * 12.0 / (M - first) * discount(r, last)
    for m in range(first, M):
        for term, cols, coefs in model.cash[m]:
            if term in ("aiRevenue", "aiEnergy", "aiOpex"):
                np.add.at(c, cols, w * np.broadcast_to(coefs, cols.shape))
        for j, o in enumerate(prob["options"]):
            if contracted[j] is None:
                continue
            L = int(o["leadTimeMonths"])
            for k in range(0, m - L + 1):
                q = m - k - L
                if q < int(o["contract"]["termMonths"]):
                    c[contracted[j][k]] += w * contract_revenue(o, q, len(prob["months"][m]["priceUsdPerMwh"]))


# ---------------------------------------------------------------------------------------------------- solve

def build(prob):
    fixed = prob.get("fixed")
    for o in prob["options"]:
        if o.get("blockMw", 0.0) > 0 and (fixed is None or fixed.get("aiStartsMw") is None):
            # hall blocks (PLANS.md, issue 15) make the plan a MILP; not formulated here yet: refuse rather than answer the LP
            raise SystemExit(f"plan_highs.py: option {o['name']} has blockMw (a MILP); not cross-checked yet")
    model = Model(len(prob["months"]))
    kept, retired, bought = add_fleet_stock_rows(model, prob, fixed)
    add_asic_cash(model, prob, kept, retired, bought)
    dispatch = add_fleet_dispatch_rows(model, prob, kept)
    add_dispatch_cash(model, prob, dispatch)
    start, reserved, online = add_ai_build_rows(model, prob, fixed)
    contracted, spot_online = add_ai_contract_rows(model, prob, start, fixed)
    add_ai_cash(model, prob, start, online, spot_online)
    add_ai_contract_cash(model, prob, start, contracted)
    gpu = add_gpu_life_rows(model, prob, start, online)
    add_interconnect_rows(model, prob, dispatch, reserved)
    add_ai_limit_rows(model, prob, start, reserved, online)
    sold = add_treasury_rows(model, prob, fixed)
    add_treasury_cash(model, prob, sold)
    Q = add_revolving_credit_rows(model, prob)
    X = add_term_debt_rows(model, prob)
    Y = add_convertible_note_rows(model, prob)
    tax_x = add_tax_rows(model, prob)
    cash = add_cash_rows(model, prob)
    add_covenant_rows(model, prob, cash, Q, X, Y)
    c = set_npv_objective(model, prob, sold)
    add_terminal_value(model, prob, c, kept, contracted, gpu)
    return model, c, {"retired": retired, "bought": bought, "start": start, "sold": sold, "contracted": contracted, "loans": X,
                      "notes": Y, "revolver": Q, "tax": tax_x}


def build_portfolio(prob):
    """PLANS.md, Portfolios. prob["portfolio"]: {"sites": [site problems as the plan's], "startingCashUsd", "cashFloorUsd",
    "treasuryBtc", "capexBudgetUsdByYear", "crewMwPerMonth"}. Each site's rows as its own plan (no treasury, no cash rows);
    every site's cash terms land in the same months, so the one cash balance is consolidated. Shared rows:
    treasuryLimit: sum_m T[m] <= N (prices of the first site's months);
    capexBudget[y]: sum_s sum_{m in 12y..12y+11} (asicPurchase + aiCapex paid in m, as positive USD) <= B_y, x 1e-6;
    conversionCrews[m]: sum_s sum_j S[s,j,m] <= crews;
    cashBalance[m]: 1e-6 (cash[m] - cash[m-1] - sum_s CF_m^s - P_m T[m]) = 1e-6 S_0 [m = 0], cash[m] >= floor."""
    pf = prob["portfolio"]
    cal = pf["sites"][0]
    M = len(cal["months"])
    model = Model(M)
    starts, handles = [], []
    # ASIC relocation (PLANS.md): X[r,m] >= 0 MW leaving site a's fleet i at the start of month m, running at site b's fleet j
    # from month m + d (X[r,m] = 0 when m + d >= M); +X in asicBalance[a,i,m], -X in asicBalance[b,j,m+d]; cash of b in
    # month m: -kappa_r X[r,m] (from the month's end).
    moves = [dict() for _ in pf["sites"]]
    receiving = [set() for _ in pf["sites"]]
    moved = []
    for r in pf.get("relocations") or []:
        a, i, b, j, d = r["fromSite"], r["fromFleet"], r["toSite"], r["toFleet"], r["downtimeMonths"]
        X = model.vars([f"asicMoved[{a},{i},{b},{m}]" for m in range(M)], 0.0, [math.inf if m + d < M else 0.0 for m in range(M)])
        for m in range(M):
            moves[a].setdefault((i, m), []).append((X[m], 1.0))
            if m + d < M:
                moves[b].setdefault((j, m + d), []).append((X[m], -1.0))
        receiving[b].add(j)
        moved.append((r, X))
    for s_, sp_ in enumerate(pf["sites"]):
        kept, retired, bought = add_fleet_stock_rows(model, sp_, None, moves[s_], receiving[s_])
        add_asic_cash(model, sp_, kept, retired, bought)
        dispatch = add_fleet_dispatch_rows(model, sp_, kept)
        add_dispatch_cash(model, sp_, dispatch)
        start, reserved, online = add_ai_build_rows(model, sp_, None)
        contracted, spot_online = add_ai_contract_rows(model, sp_, start, None)
        add_ai_cash(model, sp_, start, online, spot_online)
        add_ai_contract_cash(model, sp_, start, contracted)
        add_gpu_life_rows(model, sp_, start, online)
        add_interconnect_rows(model, sp_, dispatch, reserved)
        add_ai_limit_rows(model, sp_, start, reserved, online)
        starts.append(start)
        handles.append({"start": start, "retired": retired})
    for r, X in moved:
        for m in range(M):
            model.cash_term(m, "asicRelocation", X[m], -r["costUsdPerMw"])
    shared = {"months": cal["months"], "treasuryBtc": pf.get("treasuryBtc", 0.0), "discountRate": cal["discountRate"],
              "startingCashUsd": pf.get("startingCashUsd", 0.0), "cashFloorUsd": pf.get("cashFloorUsd")}
    sold = add_treasury_rows(model, shared, None)
    add_treasury_cash(model, shared, sold)
    for y, budget in enumerate(pf.get("capexBudgetUsdByYear") or []):
        cols, vals = [], []
        for m in range(12 * y, min(12 * y + 12, M)):
            for term, c_, v in model.cash[m]:
                if term in ("asicPurchase", "aiCapex"):
                    cols.append(c_); vals.append(-np.broadcast_to(v, c_.shape))
        if cols:
            model.row(f"capexBudget[{y}]", np.concatenate(cols), np.concatenate(vals) * CASH_ROW_SCALE, -math.inf, budget * CASH_ROW_SCALE)
    if pf.get("crewMwPerMonth") is not None:
        for m in range(M):
            cols = [S[m] for start in starts for S in start]
            if cols:
                model.row(f"conversionCrews[{m}]", cols, [1.0] * len(cols), -math.inf, pf["crewMwPerMonth"])
    add_cash_rows(model, shared)
    c = set_npv_objective(model, shared, sold)
    return model, c, handles, sold, moved


def main_portfolio(prob):
    model, c, handles, sold, moved = build_portfolio(prob)
    res = solve(model, c)
    out = {"status": {0: "OPTIMAL", 2: "INFEASIBLE", 3: "UNBOUNDED"}.get(res.status, "ERROR:" + str(res.message)),
           "variables": len(model.lb), "constraints": len(model.row_lo)}
    if res.status == 0:
        x = res.x
        out["objective"] = float(-res.fun)
        out["sites"] = [{"aiStartedMw": {o["name"]: x[h["start"][j]].tolist() for j, o in enumerate(sp_["options"])}}
                        for sp_, h in zip(prob["portfolio"]["sites"], handles)]
        out["treasurySoldBtc"] = [0.0] * len(model.cash) if sold is None else x[sold].tolist()
        out["movedMw"] = [x[X].tolist() for _, X in moved]
    print(json.dumps(out))


def solve(model, c):
    n = len(model.lb)
    A = sp.csr_matrix((np.concatenate(model.row_v), (np.concatenate(model.row_i), np.concatenate(model.row_j))),
                      shape=(len(model.row_lo), n))
    lo, hi = np.asarray(model.row_lo), np.asarray(model.row_hi)
    eq = lo == hi
    le = ~eq & np.isfinite(hi)
    ge = ~eq & np.isfinite(lo)
    A_ub = sp.vstack([A[le], -A[ge]]).tocsr()
    b_ub = np.concatenate([hi[le], -lo[ge]])
    bounds = list(zip([None if math.isinf(v) else v for v in model.lb], [None if math.isinf(v) else v for v in model.ub]))
    return linprog(-c, A_ub=A_ub if A_ub.shape[0] else None, b_ub=b_ub if A_ub.shape[0] else None,
                   A_eq=A[eq] if eq.any() else None, b_eq=lo[eq] if eq.any() else None, bounds=bounds, method="highs-ipm")


def main(path):
    prob = json.load(open(path))
    if "portfolio" in prob:
        return main_portfolio(prob)
    t0 = time.perf_counter()
    model, c, handles = build(prob)
    t1 = time.perf_counter()
    res = solve(model, c)
    t2 = time.perf_counter()
    out = {"status": {0: "OPTIMAL", 2: "INFEASIBLE", 3: "UNBOUNDED"}.get(res.status, "ERROR:" + str(res.message)),
           "buildSeconds": t1 - t0, "solveSeconds": t2 - t1, "variables": len(model.lb), "constraints": len(model.row_lo)}
    if res.status == 0:
        x = res.x
        out["objective"] = float(-res.fun)
        out["aiStartedMw"] = {o["name"]: x[handles["start"][j]].tolist() for j, o in enumerate(prob["options"])}
        out["asicRetiredMw"] = {f["name"]: x[handles["retired"][i]].tolist() for i, f in enumerate(prob["fleets"])}
        out["asicBoughtMw"] = {f["name"]: x[handles["bought"][i]].tolist()
                               for i, f in enumerate(prob["fleets"]) if handles["bought"][i] is not None}
        out["aiContractedMw"] = {o["name"]: x[handles["contracted"][j]].tolist()
                                 for j, o in enumerate(prob["options"]) if handles["contracted"][j] is not None}
        sold = handles["sold"]
        out["treasurySoldBtc"] = [0.0] * len(prob["months"]) if sold is None else x[sold].tolist()
        by_term = {}
        for m, terms in enumerate(model.cash):
            for term, cols, coefs in terms:
                by_term.setdefault(term, [0.0] * len(model.cash))[m] += float(np.dot(np.broadcast_to(coefs, cols.shape), x[cols]))
        out["cashFlowByTermUsd"] = by_term
        # the NPV's flows (debt principal moves cash only)
        out["cashFlowUsd"] = [sum(v[m] for t, v in by_term.items() if t not in CASH_ONLY_TERMS) for m in range(len(model.cash))]
        fin = prob.get("financing", {})
        out["termLoanDrawnUsd"] = {l["name"]: float(x[i]) for l, i in zip(fin.get("termLoans", []), handles["loans"])}
        out["convertibleIssuedUsd"] = {n["name"]: float(x[i]) for n, i in zip(fin.get("convertibleNotes", []), handles["notes"])}
        if handles["tax"] is not None:
            out["incomeTaxUsd"] = x[handles["tax"]].tolist()
        if handles["revolver"] is not None:
            out["revolverBalanceUsd"] = x[handles["revolver"]].tolist()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
