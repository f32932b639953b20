#!/usr/bin/env bash
# Times `axle install` against `pip install` on the same few hundred real wheels, whole
# processes, in the same run (issue 3, "Benchmark"; results in docs/benchmarks.md).
#
#   bench/install.sh
#
# Needs the local package index these machines carry (a PEP 503 simple index at
# /opt/pypi/simple, files in /opt/pypi/files; `pip config list` names it), a CPython whose
# wheels it has (its binary wheels are all cp311, so CPython 3.11: pyenv's by default),
# and hyperfine. Fails, saying so, when the index or the interpreter is missing: this is a
# benchmark of one kind of machine, not a test.
#
#   AXLE_BENCH_PYTHON   interpreter for the venvs (default: newest ~/.pyenv/versions/3.11.*)
#   AXLE_BENCH_INDEX    simple index folder(s), space-separated (default: /opt/pypi/simple)
#   AXLE_BENCH_BUDGET   uncompressed bytes of wheels to install (default: 2000000000)
#   AXLE_BENCH_RUNS     rounds (default: 3)
#   AXLE_BENCH_KEEP=1   keep the venvs and caches (about 10 GB a round) in bench/target/install/work
#   AXLE_BENCH_AXLE     the axle launcher to time (default: bin/axle)
# A budget under 400 MB drops the issue's minimum set (100 wheels, 400 MB): a quick check
# of the script itself, whose summary says it is no result.
#
# What it does:
# 1. Makes bench/target/install/tools, a venv with the newest pip and packaging from the
#    index; that pip is the one measured (the interpreter's own may be years old).
# 2. bench/select-wheels.py picks the wheels: the newest compatible wheel of each project,
#    numpy, scipy and pandas (with the pure-Python wheels pandas imports) and then a fixed
#    pseudo-random sample of the rest, one wheel per project and no two installing the same
#    file, up to AXLE_BENCH_BUDGET bytes uncompressed. The list: bench/target/install/wheels.tsv.
# 3. Reads every wheel once, so that all runs read them from the page cache.
# 4. Runs each case once per round, the cases in a different order each round, with
#    hyperfine (--runs 1, --prepare makes a fresh `python -m venv --without-pip` venv and,
#    for the cold cases, an empty axle cache, then syncs; old venvs and caches are moved
#    aside, not deleted, until the end: see "No deletions" below); exports round-N.json and .md:
#      pip             pip install --no-deps --no-compile --no-index --no-cache-dir
#      axle cold       axle install --no-deps, empty cache
#      axle warm       axle install --no-deps, cache filled before the rounds
#      pip compile     pip install --no-deps --no-index --no-cache-dir (pip byte-compiles)
#      axle compile    axle install --no-deps --compile, empty cache
#    pip has no warm case: its cache holds HTTP responses and wheels it built from sdists,
#    neither of which a local wheel file goes through, so --no-cache-dir changes nothing.
#    The axle cases run only when `bin/axle install --help` shows the install command.
# 5. Checks the last round's venvs: each has one *.dist-info folder per wheel, named as in
#    pip's venv; axle's trees equal pip's (bench/tree-diff.py); numpy, scipy and pandas
#    import and compute from inside the venv. Records each site-packages' size (du).
#    One round takes about 1.5 minutes here for pip's two cases, plus axle's three.
# 6. Prints and writes bench/target/install/summary.md (bench/install-report.py): mean ± σ
#    per case, axle/pip ratios against the goals, the commands, the wheel set, versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=SCRIPTDIR/pip-tools.sh
. "$root/bench/pip-tools.sh"

fail() {
  echo "bench/install.sh: $*" >&2
  exit 1
}

# --- inputs --------------------------------------------------------------------------
index=${AXLE_BENCH_INDEX:-/opt/pypi/simple}
budget=${AXLE_BENCH_BUDGET:-2000000000}
minimum=(--min-count 100 --min-bytes 400000000)
[ "$budget" -ge 400000000 ] || minimum=(--min-count 1 --min-bytes 0)
axle=${AXLE_BENCH_AXLE:-$root/bin/axle}
runs=${AXLE_BENCH_RUNS:-3}
read -r -a indexes <<<"$index"
bench_inputs

out=$root/bench/target/install
work=$out/work
tools=$out/tools
mkdir -p "$out"
rm -f "$out"/round-*.json "$out"/round-*.md "$out/checks.txt" "$out/facts.tsv"
# No deletions between timed runs. This machine's ext4 runs without a journal, and in that
# mode ext4 will not reuse an inode within a minute of its deletion (five while its inode
# table block is dirty): it reads and skips every recently deleted inode on each mkdir and
# create (ext4_find_inode_bit -> recently_deleted). After an `rm -rf` of a 57,000-file venv
# that made each file creation several times dearer for whichever tool ran next, with the
# cost depending on when the previous round happened to finish. So the prepare steps move
# old venvs and caches into $work/trash, the trash is deleted only at the end, and a
# previous run's leftovers are deleted here; the rounds start a minute after the last deletion.
deleted_at=$out/deleted-at
if [ -e "$work" ]; then
  rm -rf "$work"
  date +%s >"$deleted_at"
fi
mkdir -p "$work/trash"
free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
need_kb=$(((runs * 10 + 4) * 1024 * 1024))
[ "$free_kb" -ge "$need_kb" ] ||
  fail "needs about $((need_kb / 1024 / 1024)) GB free in $work for $runs rounds (it keeps every round's venvs until the end); has $((free_kb / 1024 / 1024)) GB"
cleanup() {
  if [ "${AXLE_BENCH_KEEP:-}" = 1 ]; then
    echo "kept the venvs and caches in $work"
  else
    rm -rf "$work"
    date +%s >"$deleted_at"
  fi
}
trap cleanup EXIT

# --- the pip under test, and packaging for the scripts ------------------------------------
bench_pip_tools

# --- the wheels -----------------------------------------------------------------------
echo "choosing wheels for CPython $python_version from ${indexes[*]}"
"$tools/bin/python" bench/select-wheels.py --budget-bytes "$budget" "${minimum[@]}" \
  --require numpy --require scipy --require pandas --require python-dateutil --require six \
  "${indexes[@]}" >"$out/wheels.tsv" 2>"$out/selection.log" || { cat "$out/selection.log"; fail "no wheel set"; }
tail -n 1 "$out/selection.log"
mapfile -t wheels < <(cut -f1 "$out/wheels.tsv")
cat "${wheels[@]}" >/dev/null

# --- the cases ------------------------------------------------------------------------
venv() { echo "$work/venv-$1"; }
aside() { echo "{ [ ! -e $1 ] || mv $1 $work/trash/\$(date +%s%N); }"; } # instead of rm -rf (above)
new_venv() { echo "$(aside "$(venv "$1")") && $python -m venv --without-pip $(venv "$1")"; }
pip_install="env PIP_CONFIG_FILE=/dev/null $tools/bin/python -m pip --isolated --disable-pip-version-check"
pip_install+=" --python VENV/bin/python install --no-deps --no-index --no-cache-dir"
axle_install="$axle install --python VENV --no-deps"
names=() prepares=() commands=() templates=()
key() { echo "${1// /-}"; } # a case's name as the name of its venv
add_case() { # name, prepare, command template (VENV stands for the case's venv)
  names+=("$1")
  # sync: the previous case's writes are flushed before, not during, the next timed run.
  prepares+=("$2 && sync")
  templates+=("$3")
  commands+=("${3//VENV/$(venv "$(key "$1")")} ${wheels[*]}")
}
add_case pip "$(new_venv pip)" "$pip_install --no-compile"
add_case "pip compile" "$(new_venv pip-compile)" "$pip_install"

# Not the exit code alone: without an install command, `axle install --help` prints the
# top-level help and succeeds.
if axle_help=$("$axle" install --help 2>&1) && grep -q '^Usage: axle install' <<<"$axle_help"; then
  axle_version=$("$axle" --version 2>&1 | head -n 1)
  cold=$work/cache-cold warm=$work/cache-warm
  add_case "axle cold" "$(aside "$cold") && mkdir $cold && $(new_venv axle-cold)" "env AXLE_CACHE_DIR=$cold $axle_install"
  add_case "axle warm" "$(new_venv axle-warm)" "env AXLE_CACHE_DIR=$warm $axle_install"
  add_case "axle compile" "$(aside "$cold") && mkdir $cold && $(new_venv axle-compile)" "env AXLE_CACHE_DIR=$cold $axle_install --compile"
  echo "filling axle's warm cache"
  sh -c "$(new_venv fill) && env AXLE_CACHE_DIR=$warm ${axle_install//VENV/$(venv fill)} ${wheels[*]}" >"$out/fill.log" 2>&1 ||
    { tail -n 20 "$out/fill.log"; fail "axle install failed while filling the warm cache (log: $out/fill.log)"; }
  mv "$(venv fill)" "$work/trash/fill"
else
  axle_version="install not available"
  echo "bin/axle install --help shows no install command: axle install isn't available yet, timing pip only"
fi

# --- the rounds -----------------------------------------------------------------------
sync
wait=$((61 - ($(date +%s) - $(cat "$deleted_at" 2>/dev/null || echo 0))))
if [ "$wait" -gt 0 ]; then
  echo "waiting ${wait}s: a minute after the last deletion in this file system (see the top)"
  sleep "$wait"
fi
n=${#names[@]}
for ((round = 1; round <= runs; round++)); do
  args=()
  for ((k = 0; k < n; k++)); do
    i=$(((k + round - 1) % n))
    args+=(--prepare "${prepares[i]}" -n "${names[i]}" "${commands[i]}")
  done
  echo "round $round of $runs"
  hyperfine --runs 1 --style basic --export-json "$out/round-$round.json" \
    --export-markdown "$out/round-$round.md" "${args[@]}"
done

# --- checks ---------------------------------------------------------------------------
site() { echo "$(venv "$1")/lib/python${python_version%.*}/site-packages"; }
dist_infos() { (cd "$(site "$1")" && ls -d -- *.dist-info) | sort; }
failed=0
check() { # message, command...
  local message=$1
  shift
  if "$@" >>"$out/checks.txt" 2>&1; then
    echo "ok: $message" | tee -a "$out/checks.txt"
  else
    echo "FAILED: $message (details: $out/checks.txt)" | tee -a "$out/checks.txt"
    failed=1
  fi
}
expected_count() { [ "$(dist_infos "$1" | wc -l)" -eq "${#wheels[@]}" ]; }
same_dist_infos() { diff <(dist_infos "$1") <(dist_infos "$2"); }
imports() {
  # -B: importing must not add __pycache__ to the tree just measured.
  "$(venv "$1")/bin/python" -B -c '
import sys, numpy, scipy.linalg, pandas
for module in (numpy, scipy, pandas):
    assert module.__file__.startswith(sys.prefix + "/"), module.__file__
assert abs(scipy.linalg.det(numpy.eye(3) * 2) - 8) < 1e-9
assert pandas.DataFrame({"a": [1, 2]})["a"].sum() == 3
print(sys.prefix, "numpy", numpy.__version__, "scipy", scipy.__version__, "pandas", pandas.__version__)'
}
facts() { printf '%s\t%s\n' "$1" "$2" >>"$out/facts.tsv"; }
for i in "${!names[@]}"; do
  key=$(key "${names[i]}")
  facts "installed ${names[i]}" "$(du -s --block-size=1 "$(site "$key")" | cut -f1) $(du -s --apparent-size --block-size=1 "$(site "$key")" | cut -f1)"
  check "${names[i]}: ${#wheels[@]} *.dist-info folders" expected_count "$key"
  case $key in
    pip) ;;
    *compile) check "${names[i]}: same *.dist-info folders as pip" same_dist_infos pip "$key"
      [ "$key" = pip-compile ] || check "${names[i]}: same tree as pip compile" \
        "$tools/bin/python" bench/tree-diff.py --pycache "$(venv pip-compile)" "$(venv "$key")" ;;
    *) check "${names[i]}: same *.dist-info folders as pip" same_dist_infos pip "$key"
      check "${names[i]}: same tree as pip" "$tools/bin/python" bench/tree-diff.py "$(venv pip)" "$(venv "$key")" ;;
  esac
  check "${names[i]}: numpy, scipy and pandas import and work" imports "$key"
done

# --- summary --------------------------------------------------------------------------
facts python "$python ($python_version)"
facts pip "$pip_version ($tools/bin/python -m pip)"
facts axle "$axle_version, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench' || echo ' with changes')"
facts hyperfine "$(hyperfine --version | cut -d' ' -f2)"
facts machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -r), $(df --output=fstype "$work" | tail -n 1) at $work, load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
facts index "${indexes[*]}"
facts date "$(date -u +%Y-%m-%dT%H:%MZ)"
for i in "${!names[@]}"; do
  facts "command ${names[i]}" "${templates[i]//VENV/<venv>} <wheels>"
done
"$tools/bin/python" bench/install-report.py "$out" | tee "$out/summary.md"
[ "$failed" = 0 ] || fail "some checks failed: $out/checks.txt"
