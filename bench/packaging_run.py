"""The whole-run workload of bench/compare-packaging.sh, on pypa/packaging.

Runs the same operations on the same inputs as dev.axle.bench.WholeRun and prints one line
per operation: name, items per pass, best ns per item over several timed passes.
"""
import json
import os
import sys
import time

import packaging
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("AXLE_CORPORA", "../shared/corpora")
SECONDS = float(os.environ.get("AXLE_BENCH_SECONDS", "3"))


def load():
    with open(os.path.join(CORPORA, "resolvelib/python-index-strings.oracle.json")) as f:
        d = json.load(f)
    with open(os.path.join(CORPORA, "pypa-packaging/markers.json")) as f:
        m = json.load(f)
    versions = [x["input"] for x in d["versions"] if x["valid"]]
    specifiers = [x["specifier"] for x in d["dependency_strings"] if x["valid"]]
    dependencies = [x["input"] for x in d["dependency_strings"] if x["valid"]]
    markers = [s for group in m["valid"].values() if isinstance(group, list) for s in group]
    env = m["oracle_environments"]["linux_cpython312"]
    return versions, specifiers, dependencies, markers, env


def measure(name, items, run):
    """Best ns/item over passes repeated for SECONDS (after one warm-up pass)."""
    run()
    best = float("inf")
    deadline = time.perf_counter() + SECONDS
    while time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        run()
        best = min(best, (time.perf_counter_ns() - start) / items)
    print(f"{name}\t{items}\t{best:.1f}")


def main():
    versions, specifiers, dependencies, markers, env = load()
    print(f"# packaging {packaging.__version__}, Python {sys.version.split()[0]}")
    measure("version_parse", len(versions), lambda: [Version(v) for v in versions])
    parsed = [Version(v) for v in versions]
    n = len(parsed)
    measure("version_compare", 2 * n,
            lambda: [(parsed[i] < parsed[(i * 7919) % n], parsed[i] < parsed[(i + 1) % n]) for i in range(n)])
    measure("specifier_set_parse", len(specifiers), lambda: [SpecifierSet(s) for s in specifiers])
    sets = [SpecifierSet(s) for s in specifiers]
    measure("specifier_set_contains", len(sets), lambda: [sets[i].contains(parsed[i % n]) for i in range(len(sets))])
    compiled = [Marker(s) for s in markers]

    def evaluate_all():
        for m in compiled:
            try:
                m.evaluate(env)
            except Exception:  # undefined comparisons count as evaluated
                pass

    measure("marker_evaluate", len(compiled), evaluate_all)
    measure("requirement_parse", len(dependencies), lambda: [Requirement(s) for s in dependencies])


if __name__ == "__main__":
    main()
