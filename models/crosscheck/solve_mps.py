#!/usr/bin/env python3
"""Solve a free-format MPS file (as exported by OR-Tools' MPSolver.exportModelAsMpsFormat) with scipy's HiGHS.

An independent solver for GridPivot's benchmark LPs: same model, other code. Prints one JSON object:
  {"status", "objective", "readSeconds", "solveSeconds", "variables", "constraints"}
Usage: solve_mps.py model.mps
"""
import json
import math
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog


def read_mps(path):
    sense, section = 1.0, None
    obj_name, rows, row_type = None, {}, []
    cols, col_index = [], {}
    a_rows, a_cols, a_vals, cost = [], [], [], {}
    rhs, ranges, lower, upper = {}, {}, {}, {}
    offset = 0.0
    with open(path) as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("*"):
                continue
            if not line.startswith(" "):
                section = line.split()[0]
                continue
            tok = line.split()
            if section == "OBJSENSE":
                sense = -1.0 if tok[0].upper() in ("MAX", "MAXIMIZE") else 1.0
            elif section == "ROWS":
                if tok[0] == "N":
                    obj_name = obj_name or tok[1]
                else:
                    rows[tok[1]] = len(row_type)
                    row_type.append(tok[0])
            elif section == "COLUMNS":
                if "'MARKER'" in tok:
                    continue
                name = tok[0]
                if name not in col_index:
                    col_index[name] = len(cols)
                    cols.append(name)
                j = col_index[name]
                for k in range(1, len(tok) - 1, 2):
                    r, v = tok[k], float(tok[k + 1])
                    if r == obj_name:
                        cost[j] = cost.get(j, 0.0) + v
                    else:
                        a_rows.append(rows[r]); a_cols.append(j); a_vals.append(v)
            elif section == "RHS":
                for k in range(1, len(tok) - 1, 2):
                    r, v = tok[k], float(tok[k + 1])
                    if r == obj_name:
                        offset = -v
                    else:
                        rhs[rows[r]] = v
            elif section == "RANGES":
                for k in range(1, len(tok) - 1, 2):
                    ranges[rows[tok[k]]] = float(tok[k + 1])
            elif section == "BOUNDS":
                kind, name = tok[0], tok[2]
                j = col_index[name]
                v = float(tok[3]) if len(tok) > 3 else None
                if kind == "UP":
                    upper[j] = v
                    if v < 0 and j not in lower:
                        lower[j] = -math.inf
                elif kind == "LO":
                    lower[j] = v
                elif kind == "FX":
                    lower[j] = upper[j] = v
                elif kind == "FR":
                    lower[j], upper[j] = -math.inf, math.inf
                elif kind == "MI":
                    lower[j] = -math.inf
                elif kind == "PL":
                    upper[j] = math.inf
                else:
                    raise ValueError("bound type " + kind + " is not an LP bound")
    n, m = len(cols), len(row_type)
    c = np.zeros(n)
    for j, v in cost.items():
        c[j] = v
    lo_row = np.full(m, -np.inf)
    hi_row = np.full(m, np.inf)
    for i, t in enumerate(row_type):
        b = rhs.get(i, 0.0)
        r = ranges.get(i)
        if t == "L":
            hi_row[i] = b
            if r is not None:
                lo_row[i] = b - abs(r)
        elif t == "G":
            lo_row[i] = b
            if r is not None:
                hi_row[i] = b + abs(r)
        else:
            lo_row[i] = hi_row[i] = b
            if r is not None:
                if r > 0:
                    hi_row[i] = b + r
                else:
                    lo_row[i] = b + r
    A = sp.csr_matrix((a_vals, (a_rows, a_cols)), shape=(m, n))
    bounds = [(lower.get(j, 0.0), upper.get(j, math.inf)) for j in range(n)]
    return sense, c, offset, A, lo_row, hi_row, bounds


def main(path):
    t0 = time.perf_counter()
    sense, c, offset, A, lo, hi, bounds = read_mps(path)
    # linprog wants A_ub x <= b_ub and A_eq x = b_eq
    eq = np.isfinite(lo) & np.isfinite(hi) & (lo == hi)
    up = np.isfinite(hi) & ~eq
    dn = np.isfinite(lo) & ~eq
    A_ub = sp.vstack([A[up], -A[dn]]).tocsr()
    b_ub = np.concatenate([hi[up], -lo[dn]])
    kw = {}
    if eq.any():
        kw = {"A_eq": A[eq], "b_eq": lo[eq]}
    bnds = [(None if math.isinf(l) else l, None if math.isinf(u) else u) for l, u in bounds]
    t1 = time.perf_counter()
    res = linprog(sense * c, A_ub=A_ub if A_ub.shape[0] else None, b_ub=b_ub if A_ub.shape[0] else None,
                  bounds=bnds, method="highs", **kw)
    t2 = time.perf_counter()
    out = {"status": {0: "OPTIMAL", 2: "INFEASIBLE", 3: "UNBOUNDED"}.get(res.status, "ERROR:" + res.message),
           "readSeconds": t1 - t0, "solveSeconds": t2 - t1, "variables": A.shape[1], "constraints": A.shape[0]}
    if res.status == 0:
        out["objective"] = sense * res.fun + offset
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
