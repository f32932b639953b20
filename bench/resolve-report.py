"""Summarizes the hyperfine results of bench/resolve.sh (issue 4) and bench/sync.sh (issue 5)
as markdown: mean ± σ, min … max, and axle/pip ratios of the means against the issues' goals.

    python bench/resolve-report.py OUT SET...
"""

import json
import os
import sys

GOALS = {("resolve", "warm"): 0.25, ("resolve", "cold"): 0.25, ("install", "cold"): 0.3, ("install", "warm"): 0.1,
         ("sync", "cold"): 0.25, ("sync", "warm"): 0.08}
KINDS = {"resolve": "resolution only", "install": "resolve and install", "sync": "install a pylock.toml"}


def seconds(x):
    if x is None:
        return "-"
    return f"{x:.2f} s" if x >= 1 else f"{x * 1000:.0f} ms"


def main(out, sets):
    facts = {}
    with open(os.path.join(out, "facts.tsv"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            facts[key] = value
    print("| set | case | tool | mean ± σ | min … max | axle / pip | goal |")
    print("|---|---|---|---:|---:|---:|---:|")
    for kind in KINDS:
        for name in sets:
            path = os.path.join(out, f"{kind}-{name}.json")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                results = {r["command"]: r for r in json.load(f)["results"]}
            for cache in ("warm", "cold"):
                pip, axle = results[f"pip {cache}"], results[f"axle {cache}"]
                ratio = axle["mean"] / pip["mean"]
                goal = GOALS[(kind, cache)]
                verdict = f"≤ {goal}x: {'met' if ratio <= goal else 'not met'}"
                for tool, r in (("pip", pip), ("axle", axle)):
                    row = [name, f"{KINDS[kind]}, {cache}", tool,
                           f"{seconds(r['mean'])} ± {seconds(r['stddev'])}",
                           f"{seconds(r['min'])} … {seconds(r['max'])}",
                           f"{ratio:.2f}x" if tool == "axle" else "",
                           verdict if tool == "axle" else ""]
                    print("| " + " | ".join(row) + " |")
                floor = results.get("unzip floor")
                if floor is not None and cache == "cold":
                    # Only unpacking, as fast as Info-ZIP does it: a cold run can be no faster.
                    share = floor["mean"] / pip["mean"]
                    row = [name, f"{KINDS[kind]}, {cache}", "unzip only (floor)",
                           f"{seconds(floor['mean'])} ± {seconds(floor['stddev'])}",
                           f"{seconds(floor['min'])} … {seconds(floor['max'])}", f"{share:.2f}x",
                           f"floor {'above' if share > goal else 'below'} the goal"]
                    print("| " + " | ".join(row) + " |")
    print()
    for key, value in facts.items():
        print(f"- {key}: {value}")
    checks = os.path.join(out, "checks.txt")
    if os.path.exists(checks):
        print("\nChecks:\n")
        with open(checks, encoding="utf-8") as f:
            print(f.read().rstrip())


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
