#!/usr/bin/env python3
"""Regenerates the example variants in saves/ from the built-in scenario.

Run after `cargo run -- default > saves/hanyang-2021-plan.ron` whenever the format changes:
    python3 tools/make-variants.py
Each variant changes only the metadata, the horizon and a few growth rates; tests load them all.
It also writes hanyang-workspace.ron: the plan and the same variants as children that store only
their changes.
"""
import pathlib
import re

SAVES = pathlib.Path(__file__).resolve().parent.parent / "saves"
BASE = (SAVES / "hanyang-2021-plan.ron").read_text(encoding="utf-8")


# COD and NH3-N growth in the high-growth variant are uncertain: normal around the lever, so the
# what-if view shows bands that follow its sliders.
UNCERTAIN_HIGH = (
    '[(series: "cod", distribution: Normal(mean: 0.09, sd: 0.015, min: 0.04, max: 0.14)), '
    '(series: "nh3n", distribution: Normal(mean: 0.09, sd: 0.015, min: 0.04, max: 0.14))]'
)


def variant(file_name, name, notes, horizon, rates, uncertainty=None):
    text = BASE.replace('name: "汉阳区生态文明建设示范区规划 2022–2028"', f'name: "{name}"', 1)
    # The plan's notes (in both languages) give way to the variant's (a plain string: read as
    # the same in both).
    text = re.sub(
        r'notes: \(\s*zh: "内置情景[^"]*",\s*en: "Built-in default\.[^"]*",?\s*\)',
        f'notes: "{notes}"',
        text,
        count=1,
    )
    text = text.replace("horizon: 2028,", f"horizon: {horizon},", 1)
    for key, rate in rates:
        start = text.index(f'key: "{key}"')
        i = text.index("rate: ", start)
        j = text.index(",", i)
        text = text[:i] + f"rate: {rate}" + text[j:]
        # The series' note says what the scenario assumes: the plan's note would now contradict
        # the rule (the chapter states each series' basis from it).
        k = text.index("source: ", start) + len("source: ")
        if text[k] == '"':
            end = text.index('"', k + 1) + 1
        else:
            depth, end = 0, k
            while True:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
                if depth == 0:
                    break
        percent = f"{float(rate) * 100:g} %"
        note = f'(zh: "本情景假设：年均增长 {percent}", en: "this scenario assumes {percent} a year")'
        text = text[:k] + note + text[end:]
    if uncertainty:
        end = text.rstrip().rindex(")")
        text = text[:end] + f"    uncertainty: {uncertainty},\n" + text[end:]
    (SAVES / file_name).write_text(text, encoding="utf-8")


variant(
    "hanyang-low-growth.ron",
    "汉阳区规划 · 低增长情景 Low growth",
    "Variant of the Hanyang plan: GDP grows 5.5 %/yr instead of 7.5 %, population 3 %/yr instead of 5 %, "
    "energy 5.5 %/yr, COD and NH3-N 5 %/yr. Other series as in the plan. Projected to 2035.",
    2035,
    [("gdp", "0.055"), ("population", "0.03"), ("energy", "0.055"), ("cod", "0.05"), ("nh3n", "0.05")],
)
variant(
    "hanyang-high-growth.ron",
    "汉阳区规划 · 高增长情景 High growth",
    "Variant of the Hanyang plan: GDP grows 9 %/yr, energy 9 %/yr, COD and NH3-N 9 %/yr (uncertain: normal, "
    "sd 1.5 points, within 4–14 %). Other series as in the plan. Projected to 2060 to show when water capacity "
    "is reached.",
    2060,
    [("gdp", "0.09"), ("energy", "0.09"), ("cod", "0.09"), ("nh3n", "0.09")],
    UNCERTAIN_HIGH,
)
variant(
    "hanyang-green-transition.ron",
    "汉阳区规划 · 绿色转型情景 Green transition",
    "Variant of the Hanyang plan: energy consumption grows 5.1 %/yr instead of 7.54 %, which brings energy per "
    "10 000 yuan of GDP to 0.1352 tce, within the 0.136 target, by 2028. Other series as in the plan.",
    2028,
    [("energy", "0.051")],
)


def indent(text, spaces):
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.rstrip("\n").split("\n")).lstrip()


def changes(horizon, rates, uncertainty=None):
    lines = []
    if horizon is not None:
        lines.append(f"                horizon: {horizon},")
    if rates:
        lines.append("                series: [")
        for key, rate in rates:
            lines.append(f'                    (key: "{key}", rule: Growth(rate: {rate})),')
        lines.append("                ],")
    if uncertainty:
        lines.append(f"                uncertainty: {uncertainty},")
    return "\n".join(lines)


def member(name, parent, horizon, rates, uncertainty=None):
    return f"""        (
            name: "{name}",
            parent: "{parent}",
            scenario: Changes((
{changes(horizon, rates, uncertainty)}
            )),
        ),"""


PLAN = "汉阳区规划 Hanyang plan"
HIGH = "高增长 High growth"
VERSION = re.search(r"format_version: (\d+),", BASE).group(1)
workspace = f"""(
    format_version: {VERSION},
    workspace: [
        (
            name: "{PLAN}",
            parent: None,
            scenario: Full({indent(BASE, 12)}),
        ),
{member("低增长 Low growth", PLAN, 2035, [("gdp", "0.055"), ("population", "0.03"), ("energy", "0.055"), ("cod", "0.05"), ("nh3n", "0.05")])}
{member(HIGH, PLAN, 2060, [("gdp", "0.09"), ("energy", "0.09"), ("cod", "0.09"), ("nh3n", "0.09")], UNCERTAIN_HIGH)}
{member("高增长·治污 High growth, cleaner water", HIGH, None, [("cod", "0.06"), ("nh3n", "0.06")])}
{member("绿色转型 Green transition", PLAN, None, [("energy", "0.051")])}
    ],
)
"""
(SAVES / "hanyang-workspace.ron").write_text(workspace, encoding="utf-8")

# Rewrite every file in the canonical layout ecoplan saves in (`ecoplan format`).
import subprocess

for path in sorted(SAVES.glob("*.ron")):
    canonical = subprocess.run(
        ["cargo", "run", "-q", "--bin", "ecoplan", "--", "format", str(path)], check=True, capture_output=True, text=True
    ).stdout
    path.write_text(canonical, encoding="utf-8")
