#!/usr/bin/env bash
# Times installing a set of projects that only sdists offer: `axle install` against
# `pip install`, both building each sdist's wheel with setuptools in an isolated environment
# filled from the same find-links folder, side by side in one hyperfine run (issue 7,
# "Benchmark"; results in docs/benchmarks.md, "Building from sdists (issue 7)").
#
#   bench/build.sh
#
#   AXLE_BENCH_PYTHON   interpreter for the venvs and builds (default: newest ~/.pyenv/versions/3.11.*,
#                       which bundles the setuptools wheel the builds use)
#   AXLE_BENCH_INDEX    the local index pip itself is installed from (as bench/resolve.sh)
#   AXLE_BENCH_ROUNDS   runs of each case (default: 3)
#   AXLE_BENCH_SDISTS   how many projects (default: 10)
#
# What it does:
# 1. A find-links folder with setuptools (the wheel CPython 3.11 bundles for ensurepip) and
#    wheel (Debian's python3-wheel-whl), and AXLE_BENCH_SDISTS sdists that `axle build --sdist`
#    makes of small setuptools projects (a package of 20 modules each, with an explicit
#    package list), so that no index is involved.
# 2. hyperfine, each run into a fresh venv: cold (fresh caches: every sdist built) and warm
#    (caches of one earlier install: pip reuses the wheels it cached, axle its kept builds).
#    pip with --no-compile, as axle does not byte-compile unless asked.
# 3. Checks that `pip freeze --all` of the last pip and axle venvs are equal.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=SCRIPTDIR/pip-tools.sh
. "$root/bench/pip-tools.sh"

fail() {
  echo "bench/build.sh: $*" >&2
  exit 1
}

read -r -a indexes <<<"${AXLE_BENCH_INDEX:-/opt/pypi/simple /opt/pypi-more/simple}"
rounds=${AXLE_BENCH_ROUNDS:-3}
count=${AXLE_BENCH_SDISTS:-10}
axle=$root/bin/axle
bench_inputs
out=$root/bench/target/build
work=$out/work
tools=$root/bench/target/install/tools
bench_work_folder
bench_pip_tools

links=$work/links
mkdir -p "$links"
bundled=$("$python" -c 'import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled"))')
cp "$bundled"/setuptools-*.whl "$links/" 2>/dev/null || fail "$python bundles no setuptools wheel (use a CPython 3.11 or older)"
cp /usr/share/python-wheels/wheel-*.whl "$links/" 2>/dev/null || fail "no wheel wheel in /usr/share/python-wheels (apt-get install python3-wheel-whl)"

names=()
for i in $(seq "$count"); do
  name=benchproj$i
  p=$work/projects/$name
  mkdir -p "$p/src/$name"
  cat >"$p/pyproject.toml" <<TOML
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "$name"
version = "1.0"
description = "Project $i of bench/build.sh"

[tool.setuptools]
packages = ["$name"]
package-dir = {"" = "src"}
TOML
  for m in $(seq 20); do echo "VALUE = $m" >"$p/src/$name/module$m.py"; done
  echo "" >"$p/src/$name/__init__.py"
  "$axle" build --quiet --sdist --python "$python" --no-index --find-links "$links" --cache-dir "$work/build-cache" \
    -o "$links" "$p" >/dev/null || fail "axle could not build the sdist of $name"
  names+=("$name")
done

aside() { echo "{ [ ! -e $1 ] || mv $1 $work/trash/\$(date +%s%N); }"; }
fresh() { echo "$(aside "$1") && mkdir $1"; }
new_venv() { echo "$(aside "$1") && $python -m venv --without-pip $1"; }
pip="env PIP_CONFIG_FILE=/dev/null $tools/bin/python -m pip --isolated --disable-pip-version-check"
pip_install() { echo "$pip --python $1/bin/python install --quiet --no-compile --no-index --find-links $links --cache-dir $2 ${names[*]}"; }
axle_install() { echo "$axle install --python $1 --quiet --no-index --find-links $links --cache-dir $2 ${names[*]}"; }
p=$work/venv-pip a=$work/venv-axle
$python -m venv --without-pip "$p-fill" && $python -m venv --without-pip "$a-fill"
$(pip_install "$p-fill" "$work/pip-warm") >"$out/fill.log" 2>&1 || { tail -n 20 "$out/fill.log"; fail "pip could not install the sdists"; }
$(axle_install "$a-fill" "$work/axle-warm") >>"$out/fill.log" 2>&1 || { tail -n 20 "$out/fill.log"; fail "axle could not install the sdists"; }

hyperfine --runs "$rounds" --style basic --export-json "$out/build.json" --export-markdown "$out/build.md" \
  --prepare "$(new_venv "$p") && $(fresh "$work/pip-cold")" -n "pip cold" "$(pip_install "$p" "$work/pip-cold")" \
  --prepare "$(new_venv "$a") && $(fresh "$work/axle-cold")" -n "axle cold" "$(axle_install "$a" "$work/axle-cold")" \
  --prepare "$(new_venv "$p")" -n "pip warm" "$(pip_install "$p" "$work/pip-warm")" \
  --prepare "$(new_venv "$a")" -n "axle warm" "$(axle_install "$a" "$work/axle-warm")"
if diff <($pip --python "$p/bin/python" freeze --all) <($pip --python "$a/bin/python" freeze --all); then
  echo "ok: pip freeze of pip's and axle's venvs are the same ($count projects)" | tee "$out/checks.txt"
else
  echo "MISMATCH: pip freeze differs" | tee "$out/checks.txt"
fi
{
  echo "- pip: $pip_version, python $python_version ($python)"
  echo "- axle: $("$axle" --version 2>&1 | head -n 1), commit $(git rev-parse --short HEAD)"
  echo "- machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(date -u +%Y-%m-%dT%H:%MZ)"
} >>"$out/build.md"
cat "$out/build.md"
rm -rf "$work"
