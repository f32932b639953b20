"""Chooses the wheels for bench/install.sh from local PEP 503 simple indexes.

Run it with the interpreter the wheels are for, with `packaging` importable: compatibility is
that interpreter's own supported tags (packaging.tags.sys_tags), so a wheel is chosen only
where pip would accept it. For each project it keeps the newest version that has a
compatible wheel, and of that version the wheel whose best tag ranks highest.

The set is then drawn from those, one wheel per project: first the --require projects, then
the others in a fixed pseudo-random order (sha256 of the name, so the sample mixes small and
large wheels and favours no part of the alphabet), leaving out wheels over --max-wheel-bytes
uncompressed and wheels that would install a file another chosen wheel installs (pip and
axle would then disagree only on who wrote last), until the uncompressed total reaches
--budget-bytes. The same index and interpreter always give the same set.

    python select-wheels.py [options] SIMPLE_DIR... > wheels.tsv

Prints one tab-separated line per wheel (path, project, version, wheel bytes, uncompressed
bytes) sorted by project, and what it left out and a summary on stderr. Fails when an index
folder is missing, a required project has no compatible wheel, or the set has fewer than
--min-count wheels or --min-bytes uncompressed bytes.
"""

import argparse
import configparser
import hashlib
import html.parser
import os
import sys
import urllib.parse
import zipfile

from packaging.tags import sys_tags
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename


class Links(html.parser.HTMLParser):
    """The href of every anchor on a simple index page."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # PEP 592: a yanked file is never chosen for an unpinned install.
        if tag == "a" and "href" in attrs and "data-yanked" not in attrs:
            self.hrefs.append(attrs["href"])


def links(page):
    parser = Links()
    with open(page, encoding="utf-8") as f:
        parser.feed(f.read())
    return parser.hrefs


def wheels_on(simple):
    """(project, path) for every wheel file a local simple index links to."""
    for href in links(os.path.join(simple, "index.html")):
        page = os.path.join(simple, urllib.parse.unquote(href).rstrip("/"), "index.html")
        for file_href in links(page):
            url = urllib.parse.urlsplit(file_href)
            if url.scheme not in ("", "file"):
                raise SystemExit(f"{page}: links to {file_href}; only local files can be benchmarked")
            path = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(url.path)))
            if path.endswith(".whl"):
                yield canonicalize_name(href.rstrip("/")), path


def newest_compatible(simples):
    """project -> path of its newest compatible wheel, best-ranked tag among equal versions."""
    # Lower rank is better: sys_tags lists the interpreter's tags most specific first.
    rank = {tag: i for i, tag in enumerate(sys_tags())}
    best = {}  # project -> (version, -rank, path)
    for simple in simples:
        if not os.path.isfile(os.path.join(simple, "index.html")):
            raise SystemExit(f"{simple}/index.html: no simple index there; this benchmark needs"
                             " the local package index these machines carry (see bench/install.sh)")
        for project, path in wheels_on(simple):
            try:
                name, version, _, tags = parse_wheel_filename(os.path.basename(path))
            except InvalidWheelFilename as e:
                print(f"left out {path}: {e}", file=sys.stderr)
                continue
            if canonicalize_name(name) != project:
                print(f"left out {path}: listed under {project}", file=sys.stderr)
                continue
            ranks = [rank[t] for t in tags if t in rank]
            if ranks and (project not in best or (version, -min(ranks)) > best[project][:2]):
                best[project] = (version, -min(ranks), path)
    return {project: (version, path) for project, (version, _, path) in best.items()}


def installed_paths(z):
    """Where the wheel's files land, as (scheme, path) pairs, including script launchers."""
    paths = set()
    for info in z.infolist():
        if info.is_dir():
            continue
        top, _, rest = info.filename.partition("/")
        if top.endswith(".data") and rest:
            scheme, _, rest = rest.partition("/")
            paths.add(("site" if scheme in ("purelib", "platlib") else scheme, rest))
        else:
            paths.add(("site", info.filename))
        if top.endswith(".dist-info") and rest == "entry_points.txt":
            entry_points = configparser.ConfigParser(delimiters=("=",), interpolation=None, strict=False)
            entry_points.optionxform = str
            entry_points.read_string(z.read(info).decode("utf-8"))
            for section in ("console_scripts", "gui_scripts"):
                if entry_points.has_section(section):
                    paths.update(("scripts", name.strip()) for name in entry_points.options(section))
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("simple", nargs="+", help="folder of a local PEP 503 simple index")
    parser.add_argument("--require", action="append", default=[], help="project the set must include")
    parser.add_argument("--budget-bytes", type=int, default=2_000_000_000,
                        help="stop adding wheels once their uncompressed total reaches this")
    parser.add_argument("--max-wheel-bytes", type=int, default=150_000_000,
                        help="leave out wheels larger than this uncompressed, unless required")
    parser.add_argument("--min-count", type=int, default=100)
    parser.add_argument("--min-bytes", type=int, default=400_000_000)
    args = parser.parse_args()

    candidates = newest_compatible(args.simple)
    required = [canonicalize_name(name) for name in args.require]
    missing = [name for name in required if name not in candidates]
    if missing:
        raise SystemExit(f"no wheel for this interpreter on the index for: {', '.join(missing)}"
                         " (is this the interpreter the index has wheels for?)")
    others = sorted(set(candidates) - set(required), key=lambda n: hashlib.sha256(n.encode()).digest())

    owners = {}  # (scheme, path) -> project
    chosen = []
    total = 0
    for project in required + others:
        if total >= args.budget_bytes and project not in required:
            break
        version, path = candidates[project]
        with zipfile.ZipFile(path) as z:
            unpacked = sum(info.file_size for info in z.infolist())
            if unpacked > args.max_wheel_bytes and project not in required:
                print(f"left out {project} {version}: {unpacked} bytes uncompressed", file=sys.stderr)
                continue
            paths = installed_paths(z)
        shared = sorted(p for p in paths if p in owners)
        if shared:
            scheme, shared_path = shared[0]
            print(f"left out {project} {version}: {scheme} {shared_path} is also in {owners[shared[0]]}"
                  f" ({len(shared)} shared files)", file=sys.stderr)
            continue
        owners.update(dict.fromkeys(paths, project))
        chosen.append((project, version, path, os.path.getsize(path), unpacked))
        total += unpacked

    for project, version, path, size, unpacked in sorted(chosen):
        print(f"{path}\t{project}\t{version}\t{size}\t{unpacked}")
    wheel_bytes = sum(c[3] for c in chosen)
    print(f"{len(chosen)} of {len(candidates)} compatible projects: {wheel_bytes} wheel bytes,"
          f" {total} bytes uncompressed", file=sys.stderr)
    if len(chosen) < args.min_count or total < args.min_bytes:
        raise SystemExit(f"too few: need at least {args.min_count} wheels and {args.min_bytes}"
                         " bytes uncompressed")


if __name__ == "__main__":
    main()
