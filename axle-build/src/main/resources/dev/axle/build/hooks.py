"""Calls one PEP 517 (or PEP 660) hook of a build backend for axle, in a process of its own.

    python hooks.py HOOK CONTROL_FOLDER

CONTROL_FOLDER/input.json holds {"backend": "module:object", "backend_path": [...],
"arguments": {...}}; the hook is called with those keyword arguments, in the current folder
(the project's). What it returns goes to CONTROL_FOLDER/output.json as {"return": value}; a
backend without an optional hook gives {"missing": true}; a failure gives {"error": text,
"traceback": text}. The backend's own output is this process's stdout and stderr.
"""

import importlib
import json
import os
import sys
import traceback

# Optional hooks, and what PEP 517 and PEP 660 say a frontend assumes when they are missing.
DEFAULTS = {
    "get_requires_for_build_sdist": [],
    "get_requires_for_build_wheel": [],
    "get_requires_for_build_editable": [],
}
OPTIONAL = {"prepare_metadata_for_build_wheel", "prepare_metadata_for_build_editable", "build_editable"}


class BackendUnavailable(Exception):
    pass


def load(spec, backend_path):
    """Imports the backend; from backend-path first when the project names one (an in-tree backend)."""
    paths = [os.path.abspath(p) for p in backend_path]
    sys.path[:0] = paths
    module_name, _, attribute = spec.partition(":")
    try:
        backend = importlib.import_module(module_name.strip())
    except ImportError as e:
        raise BackendUnavailable("cannot import the build backend %r: %s" % (module_name, e))
    if paths:
        # PEP 517: an in-tree backend must come from backend-path, not from elsewhere on sys.path.
        where = os.path.abspath(getattr(backend, "__file__", "") or "")
        if not any(os.path.commonpath([where, p]) == p for p in paths if where):
            raise BackendUnavailable("the build backend %r was loaded from %s, not from backend-path %s"
                                     % (module_name, where, backend_path))
    for name in filter(None, attribute.strip().split(".")):
        backend = getattr(backend, name)
    return backend


def main():
    hook, control = sys.argv[1], sys.argv[2]
    with open(os.path.join(control, "input.json"), encoding="utf-8") as f:
        given = json.load(f)
    try:
        backend = load(given["backend"], given.get("backend_path", []))
        function = getattr(backend, hook, None)
        if function is None:
            if hook in DEFAULTS:
                answer = {"return": DEFAULTS[hook]}
            elif hook in OPTIONAL:
                answer = {"missing": True}
            else:
                answer = {"error": "the build backend %s has no %s hook" % (given["backend"], hook)}
        else:
            answer = {"return": function(**given.get("arguments", {}))}
    except BackendUnavailable as e:
        answer = {"error": str(e), "unavailable": True}
    except BaseException as e:  # the backend's failure, whatever it is, is reported, not raised
        answer = {"error": "%s: %s" % (type(e).__name__, e), "traceback": traceback.format_exc()}
    with open(os.path.join(control, "output.json"), "w", encoding="utf-8") as f:
        json.dump(answer, f)


if __name__ == "__main__":
    main()
