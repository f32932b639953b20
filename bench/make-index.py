"""Makes a PEP 503 simple index with PEP 658 metadata files out of local simple indexes.

    python bench/make-index.py OUT SIMPLE_DIR...

Each SIMPLE_DIR is a simple index folder whose project pages link wheels by relative paths
(the local index these machines carry: /opt/pypi/simple linking ../../files/<wheel>).
Writes OUT/simple/index.html, OUT/simple/<project>/index.html and OUT/files/, where each
wheel is a symbolic link to the original and <wheel>.metadata is the wheel's METADATA.
Links carry #sha256=, data-dist-info-metadata and data-core-metadata (PEP 714) with the
metadata file's sha256, so that pip and axle read metadata without downloading wheels.
Projects in several SIMPLE_DIRs get the union of their files (the first wins on a name).
Used by bench/resolve.sh; writes into OUT.tmp and renames it at the end.
"""

import hashlib
import html
import os
import re
import shutil
import sys
import zipfile
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def metadata_of(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n)]
        if len(names) != 1:
            raise ValueError(f"{wheel}: {len(names)} .dist-info/METADATA files")
        return archive.read(names[0])


def main(out, simple_dirs):
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "files"))
    projects = {}  # project folder name -> {filename: (path, sha256)}
    for simple in simple_dirs:
        for project in sorted(os.listdir(simple)):
            page = os.path.join(simple, project, "index.html")
            if not os.path.isfile(page):
                continue
            parser = Links()
            with open(page, encoding="utf-8") as f:
                parser.feed(f.read())
            files = projects.setdefault(project, {})
            for href in parser.hrefs:
                url, fragment = urldefrag(href)
                path = os.path.normpath(os.path.join(simple, project, unquote(url)))
                name = os.path.basename(path)
                if not name.endswith(".whl") or name in files or not os.path.isfile(path):
                    continue
                digest = fragment[len("sha256="):] if fragment.startswith("sha256=") else None
                files[name] = (path, digest)
    count = 0
    lines = ["<!DOCTYPE html><html><body>"]
    for project, files in sorted(projects.items()):
        if not files:
            continue
        lines.append(f'<a href="{html.escape(project)}/">{html.escape(project)}</a>')
        anchors = []
        for name, (path, digest) in sorted(files.items()):
            target = os.path.join(tmp, "files", name)
            os.symlink(os.path.abspath(path), target)
            if digest is None:
                with open(path, "rb") as f:
                    digest = hashlib.file_digest(f, "sha256").hexdigest()
            metadata = metadata_of(path)
            with open(target + ".metadata", "wb") as f:
                f.write(metadata)
            meta = "sha256=" + hashlib.sha256(metadata).hexdigest()
            anchors.append(
                f'<a href="../../files/{html.escape(name)}#sha256={digest}" '
                f'data-dist-info-metadata="{meta}" data-core-metadata="{meta}">{html.escape(name)}</a>'
            )
            count += 1
        os.makedirs(os.path.join(tmp, "simple", project))
        with open(os.path.join(tmp, "simple", project, "index.html"), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><html><body>\n" + "\n".join(anchors) + "\n</body></html>\n")
    lines.append("</body></html>")
    with open(os.path.join(tmp, "simple", "index.html"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.rename(tmp, out)
    print(f"{out}: {len(projects)} projects, {count} wheels with metadata files")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
