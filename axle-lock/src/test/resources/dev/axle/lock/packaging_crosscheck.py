"""Answers for PackagingCrossCheckTest from packaging itself.

Reads a JSON list of cases {"file": path, "targets": [{"environment", "tags", "extras",
"groups"}]} from argv[1] and prints, as JSON, for each case: "OK" or the error's class and
text, and for a valid document the selection for each target.
"""
import json
import sys
import tomllib

from packaging.pylock import Pylock, PylockUnsupportedVersionError, PylockValidationError
from packaging.tags import Tag


def describe(dist):
    kind = type(dist).__name__
    if kind in ("PackageWheel", "PackageSdist"):
        return f"{kind}:{dist.filename}"
    if kind == "PackageVcs":
        return f"{kind}:{dist.commit_id}"
    return f"{kind}:{dist.path or dist.url}"


def main():
    cases = json.load(open(sys.argv[1]))
    out = []
    for case in cases:
        with open(case["file"], "rb") as f:
            try:
                lock = Pylock.from_dict(tomllib.load(f))
            except PylockUnsupportedVersionError as e:
                out.append({"validity": f"unsupported: {e}"})
                continue
            except PylockValidationError as e:
                out.append({"validity": f"invalid: {e}"})
                continue
            except tomllib.TOMLDecodeError as e:
                out.append({"validity": f"toml: {e}"})
                continue
        selections = []
        for t in case["targets"]:
            try:
                chosen = lock.select(
                    environment=t["environment"],
                    tags=[Tag(*tag.split("-")) for tag in t["tags"]],
                    extras=t["extras"],
                    dependency_groups=t["groups"],
                )
                selections.append([f"{p.name} {describe(d)}" for p, d in chosen])
            except Exception as e:  # the message is what is compared
                selections.append(f"{type(e).__name__}: {e}")
        out.append({"validity": "OK", "selections": selections})
    json.dump(out, sys.stdout)


main()
