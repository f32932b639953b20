#!/usr/bin/env bash
# Times `axle install` resolving (and installing) real requirement sets against `pip install`,
# both reading the same loopback HTTP index of real wheels with PEP 658 metadata files, in the
# same run (issue 4, "Benchmarks"; results in docs/benchmarks.md, "Resolution (issue 4)").
#
#   bench/resolve.sh
#
# Needs the local package indexes these machines carry (PEP 503 folders whose pages link
# ../../files/<wheel>: /opt/pypi/simple and /opt/pypi-more/simple, `pip config list` names
# them), CPython 3.11 (their binary wheels are cp311: pyenv's by default) and hyperfine.
# Fails, saying so, when one is missing: this is a benchmark of one kind of machine.
#
#   AXLE_BENCH_PYTHON   interpreter for the venvs (default: newest ~/.pyenv/versions/3.11.*)
#   AXLE_BENCH_INDEX    simple index folders, space-separated
#                       (default: /opt/pypi/simple /opt/pypi-more/simple)
#   AXLE_BENCH_RUNS     runs of each resolution case (default: 10)
#   AXLE_BENCH_ROUNDS   runs of each install case (default: 3)
#   AXLE_BENCH_AXLE     the axle launcher to time (default: bin/axle)
#   AXLE_BENCH_KEEP=1   keep the venvs and caches in bench/target/resolve/work
#
# What it does:
# 1. Makes bench/target/install/tools (as bench/install.sh does): a venv with the newest pip
#    and packaging from the index; that pip is the one measured.
# 2. Once, bench/make-index.py makes bench/target/resolve/index: one PEP 503 tree of every
#    wheel of the indexes (symbolic links), each link with #sha256= and
#    data-dist-info-metadata/data-core-metadata="sha256=...", and <wheel>.metadata files
#    extracted from the wheels. bench/serve-index.py serves it on a free loopback port
#    (http.server's handler, threaded, HTTP/1.1 keep-alive, TCP_NODELAY, PyPI's Cache-Control
#    headers: pages max-age=600, files max-age=365000000; see its top).
# 3. For each requirement set (SETS below: jupyter, and all the sets together), a prepare
#    run resolves with both tools into the warm caches, checks that both pick the same
#    names and versions (pip's --report against axle's " + name==version" lines; a mismatch
#    is printed loudly and the run goes on), and installs once with both to fill the warm
#    caches with wheels.
# 4. Resolution only, one hyperfine run per set, AXLE_BENCH_RUNS runs each, into a fresh empty
#    venv (python -m venv --without-pip; pip targets it with --python):
#      pip warm / axle warm    the caches filled in step 3
#      pip cold / axle cold    a fresh empty --cache-dir before each run
# 5. Resolve and install, one hyperfine run per set, AXLE_BENCH_ROUNDS runs each, each into a
#    fresh venv, cold (fresh caches) and warm (step 3's); pip with --no-compile, as axle does
#    not byte-compile by default. Then `pip freeze` of the last pip and axle venvs must match.
#    What the runs print goes to bench/target/resolve/install-<set>.out (both tools run with
#    --quiet, so it holds only errors): a failed run stops hyperfine, and that file says why.
# 6. Writes bench/target/resolve/summary.md (bench/resolve-report.py): mean ± σ, ratios
#    axle/pip against the issue's goals, commands, versions.
# Old venvs and caches are moved aside, not deleted, until the end (bench/install.sh says why).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=SCRIPTDIR/pip-tools.sh
. "$root/bench/pip-tools.sh"

fail() {
  echo "bench/resolve.sh: $*" >&2
  exit 1
}
loud() {
  printf '\n!!!!!!!! %s\n\n' "$*" | tee -a "$out/checks.txt" >&2
}

bench_sets
sets=(jupyter all)

# --- inputs --------------------------------------------------------------------------
index=${AXLE_BENCH_INDEX:-/opt/pypi/simple /opt/pypi-more/simple}
runs=${AXLE_BENCH_RUNS:-10}
rounds=${AXLE_BENCH_ROUNDS:-3}
axle=${AXLE_BENCH_AXLE:-$root/bin/axle}
read -r -a indexes <<<"$index"
bench_inputs
"$axle" install --help 2>&1 | grep -q -- '--dry-run' || fail "$axle install has no --dry-run"

out=$root/bench/target/resolve
work=$out/work
tools=$root/bench/target/install/tools
bench_work_folder
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  if [ "${AXLE_BENCH_KEEP:-}" = 1 ]; then
    echo "kept the venvs and caches in $work"
  else
    rm -rf "$work"
    date +%s >"$deleted_at"
  fi
}
trap cleanup EXIT

# --- the pip under test ----------------------------------------------------------------
bench_pip_tools
axle_version=$("$axle" --version 2>&1 | head -n 1)

# --- the index, served -------------------------------------------------------------------
if [ ! -d "$out/index" ]; then
  "$tools/bin/python" bench/make-index.py "$out/index" "${indexes[@]}"
fi
bench_serve_index "$out/index"
echo "serving $out/index at $url"

# --- commands ----------------------------------------------------------------------------
aside() { echo "{ [ ! -e $1 ] || mv $1 $work/trash/\$(date +%s%N); }"; } # instead of rm -rf
fresh() { echo "$(aside "$1") && mkdir $1"; }
new_venv() { echo "$(aside "$1") && $python -m venv --without-pip $1"; }
pip="env PIP_CONFIG_FILE=/dev/null $tools/bin/python -m pip --isolated --disable-pip-version-check"
pip_resolve() { # venv, cache
  echo "$pip --python $1/bin/python install --dry-run --report /dev/null --quiet --ignore-installed --index-url $url --cache-dir $2"
}
axle_resolve() { echo "$axle install --python $1 --dry-run --quiet --index-url $url --cache-dir $2"; }
pip_install() { echo "$pip --python $1/bin/python install --quiet --no-compile --index-url $url --cache-dir $2"; }
axle_install() { echo "$axle install --python $1 --quiet --index-url $url --cache-dir $2"; }
pip_warm=$work/pip-warm axle_warm=$work/axle-warm
pip_cold=$work/pip-cold axle_cold=$work/axle-cold
mkdir -p "$pip_warm" "$axle_warm"
facts() { printf '%s\t%s\n' "$1" "$2" >>"$out/facts.tsv"; }

# --- prepare: same resolution, warm caches ------------------------------------------------
for set in "${sets[@]}"; do
  read -r -d '' -a reqs <<<"${requirements[$set]}" || true
  echo "preparing $set: ${reqs[*]}"
  v=$work/venv-$set-prepare
  $python -m venv --without-pip "$v"
  $(pip_resolve "$v" "$pip_warm") --report "$out/pip-$set.json" "${reqs[@]}" >"$out/prepare-$set.log" 2>&1 ||
    { tail -n 20 "$out/prepare-$set.log"; fail "pip could not resolve $set"; }
  $(axle_resolve "$v" "$axle_warm" | sed 's/ --quiet//') "${reqs[@]}" >"$out/axle-$set.txt" 2>>"$out/prepare-$set.log" ||
    { tail -n 20 "$out/prepare-$set.log"; fail "axle could not resolve $set"; }
  "$tools/bin/python" -c '
import json, sys
from packaging.utils import canonicalize_name as c
pip = {c(i["metadata"]["name"]): i["metadata"]["version"] for i in json.load(open(sys.argv[1]))["install"]}
axle = {}
for line in open(sys.argv[2]):
    if line.startswith(" + "):
        name, _, version = line[3:].strip().partition("==")
        axle[c(name)] = version
for name in sorted(pip.keys() | axle.keys()):
    if pip.get(name) != axle.get(name):
        print("  %s: pip %s, axle %s" % (name, pip.get(name, "-"), axle.get(name, "-")))
print(len(pip), file=sys.stderr)
' "$out/pip-$set.json" "$out/axle-$set.txt" >"$out/diff-$set.txt" 2>"$out/count-$set.txt"
  count=$(cat "$out/count-$set.txt")
  facts "set $set" "$count packages: ${reqs[*]}"
  if [ -s "$out/diff-$set.txt" ]; then
    loud "MISMATCH: pip and axle resolve $set differently (pip | axle):"
    tee -a "$out/checks.txt" <"$out/diff-$set.txt"
  else
    echo "ok: $set: pip and axle resolve the same $count packages" | tee -a "$out/checks.txt"
  fi
  # Real installs fill the caches with wheels (axle's with unpacked wheels).
  $python -m venv --without-pip "$work/venv-$set-pip-fill"
  $(pip_install "$work/venv-$set-pip-fill" "$pip_warm") "${reqs[@]}" >>"$out/prepare-$set.log" 2>&1 ||
    fail "pip could not install $set (log: $out/prepare-$set.log)"
  $python -m venv --without-pip "$work/venv-$set-axle-fill"
  $(axle_install "$work/venv-$set-axle-fill" "$axle_warm") "${reqs[@]}" >>"$out/prepare-$set.log" 2>&1 ||
    fail "axle could not install $set (log: $out/prepare-$set.log)"
done

sync
wait=$((61 - ($(date +%s) - $(cat "$deleted_at" 2>/dev/null || echo 0))))
if [ "$wait" -gt 0 ]; then
  echo "waiting ${wait}s: a minute after the last deletion in this file system (bench/install.sh says why)"
  sleep "$wait"
fi

# --- resolution only ------------------------------------------------------------------------
for set in "${sets[@]}"; do
  read -r -d '' -a reqs <<<"${requirements[$set]}" || true
  v=$work/venv-$set-resolve
  $python -m venv --without-pip "$v"
  echo "resolution: $set"
  hyperfine --warmup 1 --runs "$runs" --style basic --export-json "$out/resolve-$set.json" \
    --prepare true -n "pip warm" "$(pip_resolve "$v" "$pip_warm") ${reqs[*]}" \
    --prepare true -n "axle warm" "$(axle_resolve "$v" "$axle_warm") ${reqs[*]}" \
    --prepare "$(fresh "$pip_cold")" -n "pip cold" "$(pip_resolve "$v" "$pip_cold") ${reqs[*]}" \
    --prepare "$(fresh "$axle_cold")" -n "axle cold" "$(axle_resolve "$v" "$axle_cold") ${reqs[*]}"
done
facts "command resolve pip" "$(pip_resolve '<venv>' '<cache>') <requirements>"
facts "command resolve axle" "$(axle_resolve '<venv>' '<cache>') <requirements>"

# --- resolve and install ------------------------------------------------------------------
for set in "${sets[@]}"; do
  read -r -d '' -a reqs <<<"${requirements[$set]}" || true
  echo "resolve and install: $set"
  # Pages cached more than 10 minutes ago are stale (serve-index.py): a resolution makes them fresh.
  $(pip_resolve "$work/venv-$set-prepare" "$pip_warm") "${reqs[@]}" >/dev/null 2>&1
  $(axle_resolve "$work/venv-$set-prepare" "$axle_warm") "${reqs[@]}" >/dev/null 2>&1
  p=$work/venv-$set-pip a=$work/venv-$set-axle
  hyperfine --runs "$rounds" --style basic --output "$out/install-$set.out" --export-json "$out/install-$set.json" \
    --prepare "$(new_venv "$p") && $(fresh "$pip_cold") && sync" -n "pip cold" "$(pip_install "$p" "$pip_cold") ${reqs[*]}" \
    --prepare "$(new_venv "$a") && $(fresh "$axle_cold") && sync" -n "axle cold" "$(axle_install "$a" "$axle_cold") ${reqs[*]}" \
    --prepare "$(new_venv "$p") && sync" -n "pip warm" "$(pip_install "$p" "$pip_warm") ${reqs[*]}" \
    --prepare "$(new_venv "$a") && sync" -n "axle warm" "$(axle_install "$a" "$axle_warm") ${reqs[*]}"
  if diff <($pip --python "$p/bin/python" freeze --all) <($pip --python "$a/bin/python" freeze --all) >>"$out/checks.txt"; then
    echo "ok: $set: pip freeze of pip's and axle's venvs are the same ($($pip --python "$a/bin/python" freeze --all | wc -l) lines)" | tee -a "$out/checks.txt"
  else
    loud "MISMATCH: pip freeze differs between pip's and axle's $set venvs (diff in $out/checks.txt)"
  fi
done
facts "command install pip" "$(pip_install '<venv>' '<cache>') <requirements>"
facts "command install axle" "$(axle_install '<venv>' '<cache>') <requirements>"

# --- summary ------------------------------------------------------------------------------
facts python "$python ($python_version)"
facts pip "$pip_version ($tools/bin/python -m pip)"
facts axle "$axle_version, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench' ':!docs' || echo ' with changes')"
facts hyperfine "$(hyperfine --version | cut -d' ' -f2)"
facts machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -r), $(df --output=fstype "$work" | tail -n 1) at $work, load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
facts index "$(find "$out/index/files" -name '*.whl' | wc -l) wheels of ${indexes[*]}, served at $url"
facts date "$(date -u +%Y-%m-%dT%H:%MZ)"
"$tools/bin/python" bench/resolve-report.py "$out" "${sets[@]}" | tee "$out/summary.md"
