#!/usr/bin/env python3
"""Writes benches/many-levers.ron: the built-in plan to 2060, made driven (energy, COD and NH3-N
per unit of GDP, garbage per person) with 13 levers uncertain (growth rates, intensity changes
and two elasticities). It is the case of issue 23's speed aims, read by `cargo bench` and by
benches/mc_numpy.py --many.
    python3 tools/make-many-levers.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
text = (ROOT / "saves" / "hanyang-2021-plan.ron").read_text(encoding="utf-8")

text = text.replace('name: "汉阳区生态文明建设示范区规划 2022–2028"', 'name: "十三个不确定参数 13 uncertain levers"', 1)
text = text.replace("horizon: 2028,", "horizon: 2060,", 1)


def series_block(key):
    start = text.index(f'key: "{key}"')
    return start, text.index("source:", start)


def driven(key, driver, intensity, unit, change):
    global text
    start, end = series_block(key)
    i = text.index("rule: ", start)
    assert i < end
    # The rule ends at the line holding only "),", before the source.
    j = text.index("source:", i)
    rule = (
        f"rule: Driven(\n                driver: \"{driver}\",\n                intensity: {intensity!r},\n"
        f"                intensity_unit: \"{unit}\",\n                change: {change!r},\n            ),\n            "
    )
    text = text[:i] + rule + text[j:]


def base(key):
    start, end = series_block(key)
    m = re.search(r"base: ([0-9.e+-]+),", text[start:end])
    return float(m.group(1))


gdp = base("gdp")  # 亿元
population = base("population")  # 万人
# Intensities that give the base year's value: 万 tce / 亿元 is tce/万元; t / 亿元; t / 万人.
driven("energy", "gdp", base("energy") / gdp, "tce/万元", -0.03)
driven("cod", "gdp", base("cod") / gdp, "t/a/亿元", -0.02)
driven("nh3n", "gdp", base("nh3n") / gdp, "t/a/亿元", -0.02)
driven("msw", "population", base("msw") / population, "t/a/万人", 0.01)


def normal(mean, sd):
    return f"Normal(mean: {mean!r}, sd: {sd!r}, min: {mean - 4 * sd!r}, max: {mean + 4 * sd!r})"


LEVERS = [
    ("gdp", normal(0.075, 0.01)),
    ("population", normal(0.05, 0.01)),
    ("water_industrial", normal(-0.0104, 0.01)),
    ("water_domestic", normal(0.0, 0.01)),
    ("energy", normal(-0.03, 0.01)),
    ("cod", normal(-0.02, 0.01)),
    ("nh3n", normal(-0.02, 0.01)),
    ("msw", normal(0.01, 0.01)),
    ("so2", "Uniform(min: 0.04, max: 0.1)"),
    ("nox", "Uniform(min: 0.04, max: 0.1)"),
    ("dust", "Triangular(min: 0.03, mode: 0.06, max: 0.09)"),
    ("gdp_secondary", normal(1.0, 0.1)),
    ("gdp_tertiary", normal(1.0, 0.1)),
]
items = ",\n".join(f"        (series: \"{k}\", distribution: {d})" for k, d in LEVERS)
assert "uncertainty:" not in text
end = text.rstrip().rindex(")")
text = text[:end].rstrip() + f"\n    uncertainty: [\n{items},\n    ],\n)\n"
(ROOT / "benches" / "many-levers.ron").write_text(text, encoding="utf-8")
