#!/usr/bin/env python3
"""The Monte Carlo of `ecoplan uncertainty` written as an analyst would in numpy, to set its speed
beside ecoplan's (BENCHMARKS.md, "fans of every series").

The same problem as the criterion benchmark `monte carlo/10 000 runs to 2060, fans of every
series`: the built-in Hanyang scenario projected to 2060 (17 series x 40 years), COD's growth
normal (0.07, sd 0.015, truncated to 0-0.15) and GDP's uniform (0.05-0.09), 10 000 draws, the
five percentiles of every series in every year and every capacity's exceedance probability.
Vectorised: every series for all draws at once (draws x years arrays), np.percentile per series.

Run: pip install numpy; python3 benches/mc_numpy.py [path/to/ecoplan]
It reads the scenario from `ecoplan default` (bases and rates) and prints the best of 7 runs.

With --many, the case of `monte carlo/13 levers, 10 000 runs to 2060, every fan and exceedance`
instead: benches/many-levers.ron (energy, COD and NH3-N driven by GDP, garbage by population,
13 levers uncertain: growth rates, intensity changes and two elasticities), read from the file.
    python3 benches/mc_numpy.py --many [path/to/ecoplan]
"""
import re
import subprocess
import sys
import time

import numpy as np

MANY = "--many" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a != "--many"]
ECOPLAN = ARGS[0] if ARGS else "target/release/ecoplan"
RUNS = 10_000
BASE_YEAR, HORIZON = 2021, 2060
YEARS = HORIZON - BASE_YEAR + 1

text = subprocess.run([ECOPLAN, "default"], check=True, capture_output=True, text=True).stdout
# The series alone: targets and project groups have keys too.
ron = text[text.index("    series: [") : text.index("    capacities: [")]


def series_block(key):
    start = ron.index(f'key: "{key}"')
    end = ron.find("key:", start + 5)
    return ron[start : end if end > 0 else len(ron)]


def number(block, field):
    return float(re.search(rf"{field}: (-?[0-9.e+-]+)", block).group(1))


KEYS = re.findall(r'\n        \(\n            key: "([a-z0-9_]+)"', ron)
assert len(KEYS) == 17, KEYS
bases = {k: number(series_block(k), "base") for k in KEYS}
rates = {
    k: number(series_block(k), "rate") for k in KEYS if "Growth(" in series_block(k).split("source")[0]
    and "GrowthAs" not in series_block(k)
}
capacities = [
    # (series, capacity in the series' unit t/a), as the built-in scenario has them.
    ("cod", 15314.61),
    ("nh3n", 1530.04),
    ("so2", 2.06e4),
    ("nox", 0.0),
    ("dust", 0.311e4),
]


def truncated_normal(rng, mean, sd, low, high, size):
    values = rng.normal(mean, sd, size)
    bad = (values < low) | (values > high)
    while bad.any():
        values[bad] = rng.normal(mean, sd, bad.sum())
        bad = (values < low) | (values > high)
    return values


def monte_carlo(seed=1):
    rng = np.random.default_rng(seed)
    t = np.arange(YEARS)[None, :]
    draws = {
        "cod": truncated_normal(rng, 0.07, 0.015, 0.0, 0.15, RUNS)[:, None],
        "gdp": rng.uniform(0.05, 0.09, RUNS)[:, None],
    }
    values = {}
    for key, rate in rates.items():
        r = draws.get(key, rate)
        values[key] = bases[key] * np.power(1.0 + r, t) * np.ones((RUNS, 1))
    gdp = values["gdp"]
    values["gdp_secondary"] = bases["gdp_secondary"] * gdp / gdp[:, :1]
    values["gdp_tertiary"] = bases["gdp_tertiary"] * gdp / gdp[:, :1]
    values["water_domestic"] = values["population"] * 102.0 * 1e-4
    values["water_ecological"] = bases["water_ecological"] * values["water_domestic"] / values["water_domestic"][:, :1]
    air = np.interp(np.arange(BASE_YEAR, HORIZON + 1), [BASE_YEAR, 2028], [bases["good_air_days"], 85.0])
    values["good_air_days"] = np.broadcast_to(air, (RUNS, YEARS))
    assert set(values) == set(KEYS), set(KEYS) - set(values)
    fans = {k: np.percentile(v, [5, 25, 50, 75, 95], axis=0) for k, v in values.items()}
    exceedance = {}
    for series, capacity in capacities:
        above = values[series] > capacity
        exceedance[series] = (above.mean(axis=0), np.maximum.accumulate(above, axis=1).mean(axis=0))
    return fans, exceedance


def many_levers_model():
    """The series of benches/many-levers.ron as (key, rule, parameters), in the file's order
    (drivers come before what they drive), and its uncertain levers."""
    path = __import__("pathlib").Path(__file__).resolve().parent / "many-levers.ron"
    text = path.read_text(encoding="utf-8")
    block = text[text.index("    series: [") : text.index("    capacities: [")]
    model = []
    for m in re.finditer(r'\n        \(\n            key: "([a-z0-9_]+)"', block):
        body = block[m.end() : block.find("source:", m.end())]
        base = float(re.search(r"base: ([^,]*),", body).group(1))
        rule = re.search(r"rule: (\w+)\(", body).group(1)
        field = lambda name: re.search(rf"{name}: ([^,\n]*),", body).group(1).strip('"')
        if rule == "Growth":
            model.append((m.group(1), rule, base, {"rate": float(field("rate"))}))
        elif rule == "GrowthAs":
            model.append((m.group(1), rule, base, {"driver": field("driver"), "elasticity": float(field("elasticity"))}))
        elif rule == "Driven":
            # Driver unit x intensity unit to the series' unit: 万人 x m³/人 = 1e-4 亿 m³; the
            # others (亿元 x tce/万元 = 万 tce, 亿元 x t/a/亿元, 万人 x t/a/万人) are 1.
            factor = 1e-4 if field("intensity_unit") == "m³/人" else 1.0
            model.append((m.group(1), rule, base, {
                "driver": field("driver"), "intensity": float(field("intensity")),
                "change": float(field("change")), "factor": factor,
            }))
        elif rule == "Interp":
            points = [(int(y), float(v)) for y, v in re.findall(r"\((\d{4}), ([0-9.e+-]+)\)", body)]
            model.append((m.group(1), rule, base, {"points": points}))
        else:
            raise SystemExit(f"many-levers.ron: rule {rule} of {m.group(1)} is not in this script")
    levers = re.findall(r'\(series: "([a-z0-9_]+)", distribution: (\w+)\(([^)]*)\)\)', text)
    levers = [(k, kind, {n: float(v) for n, v in re.findall(r"(\w+): ([0-9.e+-]+)", args)}) for k, kind, args in levers]
    assert len(levers) == 13, levers
    return model, levers


def monte_carlo_many(model, levers, seed=1):
    rng = np.random.default_rng(seed)
    t = np.arange(YEARS)[None, :]
    draws = {}
    for key, kind, a in levers:
        if kind == "Normal":
            d = truncated_normal(rng, a["mean"], a["sd"], a["min"], a["max"], RUNS)
        elif kind == "Uniform":
            d = rng.uniform(a["min"], a["max"], RUNS)
        else:
            d = rng.triangular(a["min"], a["mode"], a["max"], RUNS)
        draws[key] = d[:, None]
    values = {}
    for key, rule, base, p in model:
        if rule == "Growth":
            values[key] = base * np.power(1.0 + draws.get(key, p["rate"]), t) * np.ones((RUNS, 1))
        elif rule == "GrowthAs":
            d = values[p["driver"]]
            values[key] = base * np.power(d / d[:, :1], draws.get(key, p["elasticity"]))
        elif rule == "Driven":
            change = draws.get(key, p["change"])
            values[key] = values[p["driver"]] * p["intensity"] * p["factor"] * np.power(1.0 + change, t)
        else:
            years, points = zip(*([(BASE_YEAR, base)] + p["points"]))
            course = np.interp(np.arange(BASE_YEAR, HORIZON + 1), years, points)
            values[key] = np.broadcast_to(course, (RUNS, YEARS))
    fans = {k: np.percentile(v, [5, 25, 50, 75, 95], axis=0) for k, v in values.items()}
    exceedance = {}
    for series, capacity in capacities:
        above = values[series] > capacity
        exceedance[series] = (above.mean(axis=0), np.maximum.accumulate(above, axis=1).mean(axis=0))
    return fans, exceedance


if MANY:
    MODEL, LEVERS = many_levers_model()
    KEYS = [key for key, *_ in MODEL]
    run = lambda: monte_carlo_many(MODEL, LEVERS)
else:
    run = monte_carlo
best = min(
    (lambda start: (run(), time.perf_counter() - start)[1])(time.perf_counter())
    for _ in range(7)
)
series_years = len(KEYS) * YEARS
print(f"numpy {np.__version__}: {RUNS} draws, {series_years} series-years: {best * 1e3:.1f} ms")
print(f"per series-year: {best / series_years * 1e6:.1f} µs")
