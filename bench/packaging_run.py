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
    # The markers that evaluate without error in this environment (see Inputs.markers()).
    every = [s for group in ("pep508", "pep345_legacy_dotted", "setuptools_legacy") for s in m["valid"][group]]
    results = m["oracle_evaluate_valid_markers"]["results"]["linux_cpython312"]
    markers = [s for s, r in zip(every, results) if not isinstance(r, dict)]
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
    # Each version against one far away in the list and against its neighbour.
    pairs = [(parsed[i], parsed[(i * 7919) % n]) for i in range(n)] + [(parsed[i], parsed[(i + 1) % n]) for i in range(n)]
    measure("version_compare", len(pairs), lambda: [a < b for a, b in pairs])
    measure("specifier_set_parse", len(specifiers), lambda: [SpecifierSet(s) for s in specifiers])
    sets = [SpecifierSet(s) for s in specifiers]
    measure("specifier_set_contains", len(sets), lambda: [sets[i].contains(parsed[i % n]) for i in range(len(sets))])
    compiled = [Marker(s) for s in markers]

    measure("marker_evaluate", len(compiled), lambda: [m.evaluate(env) for m in compiled])
    measure("requirement_parse", len(dependencies), lambda: [Requirement(s) for s in dependencies])


if __name__ == "__main__":
    main()
