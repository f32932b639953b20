"""Compares two Python environments' file trees, to check two installers did the same work.

    python3 bench/tree-diff.py [--content] [--pycache] [--limit N] A B

Compares every path under A with the same path under B: its kind (file, folder, link), its
permission bits, a link's target, and a file's size (with --content, its bytes). Exits 0
when the trees agree, 1 with a list of the differences when not.

What may differ between installers and is not compared:
- __pycache__ folders and .pyc files (with --pycache, their paths are compared, since two
  compilations of one file differ in size only by chance of the source's mtime field);
- in *.dist-info: INSTALLER, RECORD and direct_url.json, which name the tool and hash its
  own launchers; in the environment root, axle's lock file .axle-lock;
- the body of script launchers generated from entry points (console_scripts, gui_scripts),
  whose text is each tool's own; their presence and modes are compared.
A small file whose size differs is read, and compared again with each tree's own root path,
then its folder name, replaced by placeholders, so that shebangs, pyvenv.cfg and activation
scripts naming the environment's own folder or prompt do not count as differences.
"""

import argparse
import configparser
import hashlib
import os
import stat
import sys

TOOL_FILES = {"INSTALLER", "RECORD", "direct_url.json"}
ROOT_TOOL_FILES = {".axle-lock"}  # axle's lock file in the environment root
SMALL = 1 << 20  # files this size or smaller are compared with the root path neutralised


def entries(root, pycache):
    """relative path -> os.stat_result (not following links) for everything under root."""
    found = {}
    for folder, dirs, files in os.walk(root):
        if not pycache:
            dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in dirs + files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if not pycache and name.endswith(".pyc"):
                continue
            if os.path.basename(folder).endswith(".dist-info") and name in TOOL_FILES:
                continue
            if rel in ROOT_TOOL_FILES:
                continue
            found[rel] = os.lstat(path)
    return found


def launchers(root, found):
    """Relative paths of the script launchers the entry points under root call for."""
    names = set()
    for rel in found:
        if os.path.basename(os.path.dirname(rel)).endswith(".dist-info") and rel.endswith("/entry_points.txt"):
            parser = configparser.ConfigParser(delimiters=("=",), interpolation=None, strict=False)
            parser.optionxform = str
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                parser.read_file(f)
            for section in ("console_scripts", "gui_scripts"):
                if parser.has_section(section):
                    names.update(name.strip() for name in parser.options(section))
    return {rel for rel in found if os.path.dirname(rel) == "bin" and os.path.basename(rel) in names}


def digest(path, root):
    """sha256 of the file, with its tree's root path and name replaced when the file is small."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        if os.path.getsize(path) <= SMALL:
            text = f.read().replace(os.fsencode(root), b"<root>")
            h.update(text.replace(os.fsencode(os.path.basename(root)), b"<name>"))
        else:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def kind(st):
    return "link" if stat.S_ISLNK(st.st_mode) else "folder" if stat.S_ISDIR(st.st_mode) else "file"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--content", action="store_true", help="compare every file's bytes, not just sizes")
    parser.add_argument("--pycache", action="store_true", help="compare the paths of __pycache__ and .pyc files")
    parser.add_argument("--limit", type=int, default=30, help="differences to print per kind")
    args = parser.parse_args()
    a, b = os.path.realpath(args.a), os.path.realpath(args.b)
    for root in (a, b):
        if not os.path.isdir(root):
            raise SystemExit(f"{root}: not a folder")

    in_a, in_b = entries(a, args.pycache), entries(b, args.pycache)
    generated = launchers(a, in_a) & launchers(b, in_b)
    differences = {"only in A": sorted(set(in_a) - set(in_b)), "only in B": sorted(set(in_b) - set(in_a)),
                   "kind": [], "mode": [], "link target": [], "size": [], "content": []}
    compared_bytes = 0
    for rel in sorted(set(in_a) & set(in_b)):
        sa, sb = in_a[rel], in_b[rel]
        if kind(sa) != kind(sb):
            differences["kind"].append(f"{rel}: {kind(sa)} / {kind(sb)}")
            continue
        if kind(sa) != "link" and stat.S_IMODE(sa.st_mode) != stat.S_IMODE(sb.st_mode):
            differences["mode"].append(f"{rel}: {stat.S_IMODE(sa.st_mode):o} / {stat.S_IMODE(sb.st_mode):o}")
        if kind(sa) == "link":
            ta, tb = os.readlink(os.path.join(a, rel)), os.readlink(os.path.join(b, rel))
            if ta.replace(a, "<root>") != tb.replace(b, "<root>"):
                differences["link target"].append(f"{rel}: {ta} / {tb}")
        elif kind(sa) == "file" and rel not in generated and not rel.endswith(".pyc"):
            compared_bytes += sa.st_size
            if sa.st_size == sb.st_size and not args.content:
                continue
            small = max(sa.st_size, sb.st_size) <= SMALL
            if (sa.st_size == sb.st_size or small) and digest(os.path.join(a, rel), a) == digest(os.path.join(b, rel), b):
                continue
            what = "size" if sa.st_size != sb.st_size else "content"
            differences[what].append(f"{rel}: {sa.st_size} / {sb.st_size} bytes")

    count = sum(len(found) for found in differences.values())
    summary = (f"{len(in_a)} / {len(in_b)} entries, {compared_bytes} bytes of files compared by"
               f" {'content' if args.content else 'size'}, {len(generated)} entry-point launchers by mode only")
    if not count:
        print(f"equal: {summary}")
        return
    print(f"A: {a}\nB: {b}\n{count} differences ({summary})")
    for what, found in differences.items():
        for line in found[: args.limit]:
            print(f"  {what}: {line}")
        if len(found) > args.limit:
            print(f"  {what}: ... and {len(found) - args.limit} more")
    sys.exit(1)


if __name__ == "__main__":
    main()
