#!/usr/bin/env bash
# Times installing one PEP 751 lock file into a fresh venv: `axle sync pylock.toml` against
# `pip install -r pylock.toml` (pip 26), side by side, cold and warm (issue 5, "Benchmark";
# results in docs/benchmarks.md, "Syncing a lock file (issue 5)").
#
#   bench/sync.sh
#
# Needs what bench/resolve.sh needs (the local package indexes, CPython 3.11, hyperfine) and
# shares its loopback index (bench/target/resolve/index, made once by bench/make-index.py).
#
#   AXLE_BENCH_PYTHON   interpreter for the venvs (default: newest ~/.pyenv/versions/3.11.*)
#   AXLE_BENCH_INDEX    simple index folders, space-separated (default: /opt/pypi/simple /opt/pypi-more/simple)
#   AXLE_BENCH_ROUNDS   runs of each case (default: 3)
#   AXLE_BENCH_SETS     requirement sets to lock, space-separated names of SETS below (default: all)
#   AXLE_BENCH_AXLE     the axle launcher to time (default: bin/axle)
#
# What it does:
# 1. Serves the index as bench/resolve.sh does, and makes pip's venv (bench/pip-tools.sh).
# 2. For each set, `axle lock` writes bench/target/sync/<set>/pylock.toml for the benchmark
#    interpreter from the served index (URLs on loopback, sha256 of every file).
# 3. Fills the warm caches: pip and axle each install the lock once.
# 4. hyperfine, AXLE_BENCH_ROUNDS runs each, each into a fresh `python -m venv --without-pip` venv:
#      pip cold / axle cold    a fresh empty --cache-dir before each run
#      pip warm / axle warm    the caches of step 3
#    pip with --no-compile (axle does not byte-compile unless asked) and --no-index (a
#    pylock.toml names each file's URL; pip installs exactly the lock's packages).
#    And, in the same hyperfine run, the floor of a cold sync on this machine: Info-ZIP's
#    `unzip`, two at a time (one per core), unpacking the lock's wheels for this interpreter
#    (those `axle download --no-deps` picks from the lock's pins) into a fresh folder, with
#    no hashing, no index and no venv at all.
# 5. Checks that `pip freeze --all` of the last pip and axle venvs are equal, and writes
#    bench/target/sync/summary.md (bench/resolve-report.py).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=SCRIPTDIR/pip-tools.sh
. "$root/bench/pip-tools.sh"

fail() {
  echo "bench/sync.sh: $*" >&2
  exit 1
}
loud() {
  printf '\n!!!!!!!! %s\n\n' "$*" | tee -a "$out/checks.txt" >&2
}

bench_sets
read -r -a sets <<<"${AXLE_BENCH_SETS:-jupyter all}"
read -r -a indexes <<<"${AXLE_BENCH_INDEX:-/opt/pypi/simple /opt/pypi-more/simple}"
rounds=${AXLE_BENCH_ROUNDS:-3}
axle=${AXLE_BENCH_AXLE:-$root/bin/axle}
bench_inputs
index_dir=$root/bench/target/resolve/index
out=$root/bench/target/sync
work=$out/work
tools=$root/bench/target/install/tools
bench_work_folder
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$work"
  date +%s >"$deleted_at"
}
trap cleanup EXIT

bench_pip_tools
if [ ! -d "$index_dir" ]; then
  "$tools/bin/python" bench/make-index.py "$index_dir" "${indexes[@]}"
fi
bench_serve_index "$index_dir"

aside() { echo "{ [ ! -e $1 ] || mv $1 $work/trash/\$(date +%s%N); }"; }
fresh() { echo "$(aside "$1") && mkdir $1"; }
new_venv() { echo "$(aside "$1") && $python -m venv --without-pip $1"; }
pip="env PIP_CONFIG_FILE=/dev/null $tools/bin/python -m pip --isolated --disable-pip-version-check"
pip_sync() { echo "$pip --python $1/bin/python install --quiet --no-compile --no-index --cache-dir $2 -r $3"; }
axle_sync() { echo "$axle sync --python $1 --quiet --cache-dir $2 $3"; }
facts() { printf '%s\t%s\n' "$1" "$2" >>"$out/facts.tsv"; }
pip_warm=$work/pip-warm axle_warm=$work/axle-warm
pip_cold=$work/pip-cold axle_cold=$work/axle-cold
mkdir -p "$pip_warm" "$axle_warm"

for set in "${sets[@]}"; do
  read -r -d '' -a reqs <<<"${requirements[$set]}" || true
  lock=$out/$set/pylock.toml
  mkdir -p "$out/$set"
  echo "locking $set"
  "$axle" lock --quiet --python "$python" --index-url "$url" --cache-dir "$work/lock-cache" -o "$lock" "${reqs[@]}" ||
    fail "axle could not lock $set"
  facts "set $set" "$(grep -c '^\[\[packages\]\]' "$lock") packages: ${reqs[*]}"
  v=$work/venv-$set-fill
  $python -m venv --without-pip "$v-pip" && $python -m venv --without-pip "$v-axle"
  $(pip_sync "$v-pip" "$pip_warm" "$lock") >"$out/fill-$set.log" 2>&1 || { tail -n 20 "$out/fill-$set.log"; fail "pip could not install $lock"; }
  $(axle_sync "$v-axle" "$axle_warm" "$lock") >>"$out/fill-$set.log" 2>&1 || { tail -n 20 "$out/fill-$set.log"; fail "axle could not sync $lock"; }
  # The floor's wheels: the lock's pins, one wheel each for this interpreter.
  mkdir -p "$work/floor-$set/wheels"
  "$axle" export --format requirements-txt "$lock" >"$work/floor-$set/requirements.txt"
  "$axle" download --quiet --no-deps --python "$python" --index-url "$url" --cache-dir "$work/lock-cache" \
    -d "$work/floor-$set/wheels" -r "$work/floor-$set/requirements.txt" >>"$out/fill-$set.log" 2>&1 ||
    { tail -n 20 "$out/fill-$set.log"; fail "axle could not download $set's wheels"; }
done
unzip_all() { # wheels folder, destination
  echo "find $1 -name '*.whl' -print0 | xargs -0 -P2 -I{} sh -c 'unzip -q -o \"\$1\" -d $2/\$(basename \"\$1\")' _ {}"
}

sync
wait=$((61 - ($(date +%s) - $(cat "$deleted_at" 2>/dev/null || echo 0))))
if [ "$wait" -gt 0 ]; then
  echo "waiting ${wait}s: a minute after the last deletion in this file system (bench/install.sh says why)"
  sleep "$wait"
fi

for set in "${sets[@]}"; do
  lock=$out/$set/pylock.toml
  p=$work/venv-$set-pip a=$work/venv-$set-axle
  echo "sync: $set"
  hyperfine --runs "$rounds" --style basic --export-json "$out/sync-$set.json" \
    --prepare "$(new_venv "$p") && $(fresh "$pip_cold") && sync" -n "pip cold" "$(pip_sync "$p" "$pip_cold" "$lock")" \
    --prepare "$(new_venv "$a") && $(fresh "$axle_cold") && sync" -n "axle cold" "$(axle_sync "$a" "$axle_cold" "$lock")" \
    --prepare "$(new_venv "$p") && sync" -n "pip warm" "$(pip_sync "$p" "$pip_warm" "$lock")" \
    --prepare "$(new_venv "$a") && sync" -n "axle warm" "$(axle_sync "$a" "$axle_warm" "$lock")" \
    --prepare "$(fresh "$work/floor-$set/out") && sync" -n "unzip floor" "$(unzip_all "$work/floor-$set/wheels" "$work/floor-$set/out")"
  if diff <($pip --python "$p/bin/python" freeze --all) <($pip --python "$a/bin/python" freeze --all) >>"$out/checks.txt"; then
    echo "ok: $set: pip freeze of pip's and axle's venvs are the same ($($pip --python "$a/bin/python" freeze --all | wc -l) lines)" | tee -a "$out/checks.txt"
  else
    loud "MISMATCH: pip freeze differs between pip's and axle's $set venvs (diff in $out/checks.txt)"
  fi
done
facts "command pip" "$(pip_sync '<venv>' '<cache>' '<set>/pylock.toml')"
facts "command axle" "$(axle_sync '<venv>' '<cache>' '<set>/pylock.toml')"
facts python "$python ($("$python" -c 'import platform; print(platform.python_version())'))"
facts pip "$("$tools/bin/python" -m pip --version | cut -d' ' -f2)"
facts axle "$("$axle" --version 2>&1 | head -n 1), commit $(git rev-parse --short HEAD)"
facts "command floor" "$(unzip_all '<wheels>' '<fresh folder>')"
facts unzip "$(unzip -v | head -n 1)"
facts hyperfine "$(hyperfine --version | cut -d' ' -f2)"
facts machine "$(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
facts date "$(date -u +%Y-%m-%dT%H:%MZ)"
"$tools/bin/python" bench/resolve-report.py "$out" "${sets[@]}" | tee "$out/summary.md"
