#!/usr/bin/env bash
# Runs one workload on pypa/packaging 26.3 and on axle, one after the other in the same run,
# and prints both with the speed-up. The inputs are real PyPI strings from ../shared/corpora
# (see Inputs.java); each side reports its best ns per item over ~3 s of repeated passes.
#
#   bench/compare-packaging.sh            # AXLE_BENCH_SECONDS=N to change the pass time
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpora=${AXLE_CORPORA:-$root/../shared/corpora}
seconds=${AXLE_BENCH_SECONDS:-3}
. "$root/bin/lib/jdk.sh"
java_home=$(axle_find_jdk)

venv="$root/bench/target/packaging-26.3"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "packaging==26.3" > "$venv/install.log" 2>&1 || { cat "$venv/install.log"; exit 1; }
fi
if [ ! -f "$root/bench/target/benchmarks.jar" ]; then
  "$root/mvnw" -q -B -pl bench -am package -DskipTests
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
AXLE_BENCH_SECONDS=$seconds "$venv/bin/python" "$root/bench/packaging_run.py" "$corpora" > "$out/packaging.tsv"
"$java_home/bin/java" -Daxle.corpora="$corpora" -Daxle.bench.seconds="$seconds" \
  -cp "$root/bench/target/benchmarks.jar" dev.axle.bench.WholeRun > "$out/axle.tsv"

head -n 1 "$out/packaging.tsv"
head -n 1 "$out/axle.tsv"
printf '%-24s %8s %14s %14s %10s\n' operation items "packaging ns" "axle ns" speed-up
join -t "$(printf '\t')" <(grep -v '^#' "$out/packaging.tsv" | sort) <(grep -v '^#' "$out/axle.tsv" | sort) |
  awk -F '\t' '{ printf "%-24s %8d %14.1f %14.1f %9.1fx\n", $1, $2, $3, $5, $3 / $5 }'
