"""Prints bench/install.sh's results as markdown: times per case, axle/pip ratios, the set.

    python bench/install-report.py bench/target/install

Reads round-N.json (hyperfine, one run of every case per round), wheels.tsv
(bench/select-wheels.py) and facts.tsv (name, value lines written by install.sh).
"""

import glob
import json
import os
import statistics
import sys

# case -> (the pip case it is measured against, goal as a fraction of pip's time)
AGAINST = {
    "axle cold": ("pip", 0.25),
    "axle warm": ("pip", 0.08),
    "axle compile": ("pip compile", None),
}


def rounds(folder):
    """One {case: seconds} per round, in round order."""
    found = []
    paths = glob.glob(os.path.join(folder, "round-*.json"))
    for path in sorted(paths, key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0])):
        with open(path) as f:
            found.append({r["command"]: r["times"][0] for r in json.load(f)["results"]})
    return found


def mb(n):
    return f"{int(n) / 1e6:,.0f} MB"


def main():
    folder = sys.argv[1]
    timed = rounds(folder)
    if not timed:
        raise SystemExit(f"{folder}: no round-*.json")
    with open(os.path.join(folder, "facts.tsv")) as f:
        facts = dict(line.rstrip("\n").split("\t", 1) for line in f)
    with open(os.path.join(folder, "wheels.tsv")) as f:
        wheels = [line.rstrip("\n").split("\t") for line in f]

    cases = list(timed[0])
    order = ["pip", "axle cold", "axle warm", "pip compile", "axle compile"]
    cases.sort(key=lambda c: order.index(c) if c in order else len(order))
    print(f"### Install, {len(timed)} round{'s' if len(timed) > 1 else ''} ({facts['date']})\n")
    print("| case | mean ± σ | min … max | axle / pip (per round) | goal |")
    print("|---|---:|---:|---:|---:|")
    for case in cases:
        times = [r[case] for r in timed]
        sigma = f"{statistics.stdev(times):.2f} s" if len(times) > 1 else "—"
        ratio = goal = ""
        if case in AGAINST:
            base, target = AGAINST[case]
            per_round = [r[case] / r[base] for r in timed]
            mean_ratio = statistics.mean(times) / statistics.mean(r[base] for r in timed)
            ratio = f"{mean_ratio:.3f}x of {base} ({min(per_round):.3f} … {max(per_round):.3f})"
            if target is not None:
                goal = f"≤ {target}x: {'met' if mean_ratio <= target else 'not met'}"
        print(f"| {case} | {statistics.mean(times):.2f} s ± {sigma} | {min(times):.2f} … {max(times):.2f} s"
              f" | {ratio} | {goal} |")

    size = sum(int(w[3]) for w in wheels)
    unpacked = sum(int(w[4]) for w in wheels)
    if len(wheels) < 100 or unpacked < 400_000_000:
        print("\n**Not a result**: fewer than the 100 wheels and 400 MB the issue asks for.")
    largest = sorted(wheels, key=lambda w: -int(w[4]))[:5]
    print(f"\nWheels: {len(wheels)} ({mb(size)} of wheel files, {mb(unpacked)} uncompressed) from"
          f" {facts['index']}; largest uncompressed: "
          + ", ".join(f"{w[1]} {w[2]} ({mb(w[4])})" for w in largest)
          + f". The list: {os.path.join(folder, 'wheels.tsv')}.\n")
    print("Installed, site-packages after the last round (du: disk usage / apparent size):\n")
    for case in cases:
        disk, apparent = facts[f"installed {case}"].split()
        print(f"- {case}: {mb(disk)} / {mb(apparent)}")
    print()
    for name in ("python", "pip", "axle", "hyperfine", "machine"):
        print(f"- {name}: {facts[name]}")
    print("\nCommands (each round, every case after a fresh `python -m venv --without-pip <venv>`;"
          " the cold cases also after emptying the cache):\n")
    print("```")
    for case in cases:
        print(f"{case}: {facts['command ' + case]}")
    print("```")


if __name__ == "__main__":
    main()
