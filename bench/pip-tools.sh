# shellcheck shell=bash disable=SC2154,SC2034 # uses and sets the sourcing script's variables
# Shared by install.sh and resolve.sh: makes (once per interpreter) the venv $tools with the
# pip under test and packaging for the report scripts, from the first local index. Needs
# $python, $tools, $out, the array indexes and a fail function; sets pip_version and
# python_version.
bench_pip_tools() {
  if [ "$(cat "$tools/made-with" 2>/dev/null)" != "$python" ]; then
    rm -rf "$tools"
    "$python" -m venv "$tools"
    PIP_CONFIG_FILE=/dev/null "$tools/bin/python" -m pip --isolated install -q --disable-pip-version-check \
      --index-url "file://${indexes[0]}" --upgrade pip packaging >"$out/tools.log" 2>&1 ||
      { cat "$out/tools.log"; fail "could not install pip and packaging from ${indexes[0]} into $tools"; }
    echo "$python" >"$tools/made-with"
  fi
  pip_version=$("$tools/bin/python" -m pip --version | cut -d' ' -f2)
  python_version=$("$python" -c 'import sys; print(sys.version.split()[0])')
}
