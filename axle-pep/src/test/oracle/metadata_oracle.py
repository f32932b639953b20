"""Expected answers of pypa/packaging 26.3 for axle-pep's metadata tests.

Usage (with packaging 26.3 importable):
    python metadata_oracle.py > ../resources/dev/axle/pep/metadata-oracle.json

Runs inputs written for axle, and generated ones (fixed seeds), through packaging's
parse_email, Metadata.from_email,
Metadata.from_raw(validate=False).description_content_type and
canonicalize_license_expression, and records the answers. Bytes inputs are carried as
Latin-1 text. Messages that embed Python set order (which varies between runs) are
rewritten to one fixed order.
"""
import itertools
import json
import random

CONTENT_TYPES = ["text/plain","TEXT/PLAIN","text/x-rst","text/markdown","text/plain; charset=UTF-8","text/x-rst; charset=UTF-8",
"text/markdown; charset=UTF-8; variant=GFM","text/markdown; charset=UTF-8; variant=CommonMark","text/markdown; variant=GFM","text/markdown; variant=CommonMark",
"application/json","text/plain; charset=ascii","text/plain; charset=utf-8","text/markdown; variant=gfm","text/markdown; variant=commonmark",
"text/plain; x*", "text/plain;", "text/plain; charset", "text/plain; charset=", "text/plain; charset=\"utf-8\"", "text/plain ; charset = utf-8",
"text / plain", "text/plain (comment)", "(c) text/plain", "text/plain; charset=utf-8; charset=ascii", "text/markdown; variant=\"GFM\"",
"text/markdown; variant*=utf-8''GFM", "text/plain; charset*=utf-8''ascii", "text", "", " ", "text/", "/plain", "text/plain/x", "text/plain x",
"text/plain; foo", "text/plain; =x", "text/plain; a=b c", "text/plain;;charset=ascii", "Text/Markdown; Charset=UTF-8; Variant=GFM",
"text/markdown; VARIANT=GFM", "text/plain\n more", "text/plain; charset=utf-8\x00", "text/plain; charset=\"ut\\\"f\"", "text/plain; charset*0=ut; charset*1=f-8",
"text/x-rst; charset=UTF-8; x=\"", "text/markdown; variant=", "text/markdownx", "xtext/plain", "text/plain2", "text/plain; charset=utf8", "tExt/pLain; charset=utf-8",
"text/plain; x*=a", "text/plain; x*0*=a", "text/plain;x*=utf-8'en'%41", "text/plain; x*=''", "text/plain; x*='", "text/plain; charset*=''UTF-8", "text/plain; charset*=bogus''UTF-8",
"text/plain; charset*=utf-8'en'%e2%82", "text/plain; charset*=utf-8'en'%ff", "text/plain; charset*=us-ascii''%ff", "text/plain; charset*=utf-8''%", "text/plain; \u00e9=1", "text/pl\u00e9in", "text/plain; charset=\u00e9",
"text/plain\n", "text/plain\r\n", "text/plain\n\n", "text/plain\x0b", "text/plain\x0bx", "text/plain; charset=UTF-8\n", "(a;b) text/plain", "text/plain (a;b)", "text/plain (a/b)", "text/plain(x)", "text/(x)plain",
"text/plain (unterminated", "text/plain; charset=(c)UTF-8", "text/plain; charset=UTF-8 (c)", "text/plain; (c)charset=UTF-8", "text/plain; charset=\"UTF-8", "text/plain; charset*=\"utf-8''abc\"",
"text/markdown; variant*=\"''GFM\"", "text/markdown; variant*1*=\"GFM\"", "text/markdown; variant*=\"GFM\"", "text/markdown; variant*0=G; variant*1=FM", "text/markdown; variant*1=FM; variant*0=G",
"text/markdown; variant*0=G; variant*2=FM", "text/markdown; variant*0*=''G; variant*1*=FM", "text/markdown; variant*00=GFM", "text/markdown; variant*01=GFM", "text/plain; x*\u00b2=a", "text/plain; x*1\u00b2=a",
"text/plain; Charset=ascii; charset=utf-8", "text/plain; charset=utf-8; Charset=ascii", "text/plain; a=1;", "text/plain; a=1 ;", "text/plain; a=1; ", "text/plain ;", "text/plain; ;", "text/plain;  ", "text/plain; (c)",
"text/plain; a=\"b\" c", "text/plain; a=b; c", "text/plain; a=b; .c", "text/plain; a.b=c", "text/plain; a=\"b;c\"", "text/plain; a=b\"c", "text/plain; a<b=c", "text/plain; [a]=b", "text/plain; a=b=c", "text/plain; a==b",
"text/plain; a=?", "text/plain; a=/", "text/plain; a=@", "text/plain; a=\"\"", "text/markdown; variant=\"\"", "text/plain; charset=\"\"", "text/plain; a=\"\\\\\"", "text/plain; a*=\"x\"", "text/plain; a*=x'y'z", "text/plain; a*=x'y'z'w",
"text/plain; a*=x'", "text/plain; a*=x'y", "text/plain; a*='y'z", "text/plain; a*=''", "text/plain; a*=x''%41%42", "text/plain; a*=x' y'z", "text/plain; a*=x'y' z", "text/plain; a=x'y'z", "text/plain; a*1=x'y'z", "text/plain; a*0=x'y'z",
"text/plain; a*=utf-8''%C3%A9", "text/markdown; variant*=utf-8''%47FM", "text/markdown; variant*=latin1''%47FM", "text/markdown; variant*=ascii''GFM", "text/plain; charset*=utf-8''UTF%2D8", "text/plain; charset*=utf-8''UTF-8 ",
"text/plain; charset*=utf-8''UTF-8 x", "text/plain; charset=UTF-8; charset*=utf-8''ascii", "text/plain; charset*0=U; charset*1=TF-8", "text/plain; charset*1=TF-8; charset*0=U", "text/plain; charset*0=U; charset*0=X",
"text/plain; charset*0*=utf-8''U; charset*1*=TF-8", "text/plain; charset*0*=utf-8''U; charset*1=TF%2D8", "text/plain; a*0=x; a=y", "text/plain; a=y; a*0=x", "text/plain; a*1=x", "text/plain; a*1*=x",
"text\\/plain", "text/pl\\ain", "\"text\"/plain", "text/\"plain\"", "text /plain", "text/ plain", " text/plain", "text/plain ", "\ttext/plain", "text/plain\t; charset=utf-8", "text/plain;charset=utf-8",
"text/plain; charset=\tutf-8", "text/plain; charset= utf-8", "text/plain; charset =utf-8", "text/plain; a\x01=b", "text/plain; a=b\x01", "text/plain; a=\"b\x01\"", "text/plain (\x01)", "text/plain; a=b (\x7f)", "te\x01xt/plain",
"text/pla\x01in; x", "text/plain; a=\"b", "text/plain; a=(b", "text/plain; a=b; c=\"d", "text/plain; a=b (c", "text/plain; ((((a))))", "text/plain; a=\"=?utf-8?q?x?=\"", "text/plain; =?utf-8?q?x?=", "text/plain; a=b;;c=d", "text/plain;;",
"text/plain; a", "text/plain; a; b", "text/plain; a;b=c; d", "text/plain; \"a\"=b", "text/plain; a=\"b\"; a=\"c\"", "text/plain; a*=\"''b\"; x", "text/plain; a*=\"b'c\"", "text/plain; a*0*=\"b'c\"", "text/plain; a*1*=\"bc\"", "text/plain; a*1*=\"b c\"",
"text/plain; a*1*=\"\"", "text/plain; a*=\"\"", "text/plain; a*=\" ''b\"", "text/plain; a*=\"'b\"", "text/plain; a*=\"'\"", "text/plain; a*=\"''\"", "text/plain; a*=\"x''\"", "text/plain; a*=\"x'\"", "text/plain; a*=\"x'l'v\" trail",
"text/plain; a*=\"x'l'v\"; b=c", "text/plain; a*=\"''v w\"", "text/plain; a*=\"''v\\\"w\"", "text/plain; a*=x'l'\"v\"", "text/plain; a*=x'l' v", "text/plain; a*= x'l'v", "text/plain; a *=x", "text/plain; a* =x", "text/plain; a*0 *=x", "text/plain; a*x=y",
"text/plain; a**=x", "text/plain; a*0**=x", "text/plain; a*0x=y", "text/markdown; variant=CommonMark; variant=GFM", "text/markdown; variant=Commonmark", "text/markdown; charset=utf-8; variant=GFM ", "text/x-rst; variant=foo", "text/plain; variant=foo",
"multipart/mixed; boundary=x", "text/markdown;variant=GFM;charset=UTF-8", "text/markdown ; variant = GFM", "TEXT/MARKDOWN; VARIANT=CommonMark; CHARSET=utf-8", "text/x-rst; charset=UTF-8; charset=UTF-8",
"text/plain; a=b\u00e9", "text/plain; a=\"\u00e9\"", "text/pl\u00e9in; x=y", "t\u00e9xt/plain", "text/plain\u00a0", "text/plain\u2028", "text/plain \u00a0; a=b", "text/plain; a=\u00a0b", "\u00a0text/plain",
]
LICENSE_EXPRESSIONS = ["", " ", "mit", "MIT+", "mit+ with classpath-exception-2.0", "licenseref-", "LicenseRef-a+", "LicenseRef-A or licenseref-a", "LicenseRef-\u212a", "mit with", "mit with mit", "(mit) with classpath-exception-2.0",
 "mit with classpath-exception-2.0 with classpath-exception-2.0", "mit and with", "with", "mit (", "( mit", "mit ) (", "mit()", "()", "(())", "((mit))", "mit or (apache-2.0)", "mit\tor\napache-2.0", "mit\u00a0or apache-2.0", "unknown or (", "foo or mit", "mit or foo", "mit\u2028or mit", "gpl-2.0+", "GPL-2.0-with-classpath-exception", "mit or and mit", "not mit", "mit not", "lambda", "mit or lambda",
 "mit with foo", "MIT WITH LicenseRef-x", "licenseref-x with classpath-exception-2.0", "mit with classpath-exception-2.0+", "(mit with classpath-exception-2.0)", "mit with (classpath-exception-2.0)", "0BSD", "mit,", "mit, apache-2.0", "AGPL-1.0", "agpl-1.0+",
 "MIT", "BSD-3-Clause", "Bsd-3-clause", "MIT AND (Apache-2.0 OR BSD-2-Clause)", "mit and (apache-2.0 or bsd-2-clause)", "MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)", "GPL-3.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause",
 "LicenseRef-Special-License OR CC0-1.0 OR Unlicense", "mIt", " mIt ", "mit or apache-2.0", "mit and apache-2.0", "gpl-2.0-or-later with bison-exception-2.2", "mit or apache-2.0 and (bsd-3-clause or mpl-2.0)", "mit and (apache-2.0+ or mpl-2.0+)",
 "mit  and  ( apache-2.0+  or  mpl-2.0+ )", "LicenseRef-Public-Domain", "licenseref-public-domain", "licenseref-proprietary", "LicenseRef-Proprietary", "LicenseRef-Beerware-4.2", "licenseref-beerware-4.2",
 "(LicenseRef-Special-License OR LicenseRef-OtherLicense) OR Unlicense", "(LicenseRef-Special-License OR licenseref-OtherLicense) OR unlicense", "Use-it-after-midnight", "LicenseRef-License with spaces", "LicenseRef-License_with_underscores",
 "or", "and", "mit or", "mit and", "or mit", "and mit", "with mit", "(mit", "mit)", ") mit", "mit or or apache-2.0", "mit or apache-2.0 (bsd-3-clause and MPL-2.0)", "Apache-2.0 OR 2-BSD-Clause", "( ) or mit", "mit and ( )", "( ) or mit and ( )",
 "( ) with ( ) or mit", "mit with ( ) with ( ) or mit", "MIT AND MIT", "(MIT)AND(Apache-2.0)", "MIT OR(Apache-2.0)", "MIT+ or LicenseRef-x.y", "LicenseRef-x.y-z", "LicenseRef-x/y", "LicenseRef-", "LICENSEREF-ABC", "mit with LicenseRef-x", "mit with classpath-exception-2.0 or gpl-2.0",
 "(mit with classpath-exception-2.0) and (apache-2.0)", "((mit or apache-2.0) and (bsd-2-clause))", "mit or (apache-2.0 and (bsd-2-clause or (mpl-2.0)))", "MIT\u00a0", "\u00a0", "(", ")", ")(", "(mit))", "((mit)", "MIT OR", "AND", "WITH", "mit with+",
 "GPL-2.0-with-GCC-exception", "eCos-2.0", "ECOS-2.0", "wxwindows", "bzip2-1.0.5", "nokia-qt-exception-1.1", "mit with nokia-qt-exception-1.1", "\u0130", "mit or \u0130", "LicenseRef-\u0130",
]
H = "Metadata-Version: {mv}\nName: {name}\nVersion: {ver}\n"
def md(mv="2.6", name="packaging", ver="2023.0.0", extra="", body=None):
    s = H.format(mv=mv, name=name, ver=ver) + extra
    if body is not None: s += "\n" + body
    return s
E = []
def add(t, b=False): E.append({"text": t, "bytes": b})
for t in ["Name: foo", "Name:foo", "Name:\tfoo  ", "Name: foo\r\nVersion: 1\r\n\r\nbody\r\n", "Name: a\n b\n\tc\nVersion: 1",
 " cont\nName: x", "From nobody\nName: x", "Name: x\nFrom y\n\nbody", "Name: x\nFrom y\nVersion: 1\n", "Name x\nVersion: 1", "Name : x", ":x\nName: y",
 "Name: x\n\n", "Name: x\n\n\n", "Name: x\nbody here\nmore", "Description: hi\n\nbody", "Description: hi\n\n", "Description: \n\n", "Keywords: a, b\nKeywords: c",
 "Keywords: ", "Project-URL: a\nProject-URL: a", "Import-Name:", "Import-Name: \nImport-Name: x", "Import-Namespace:", "Name: x\rVersion: 1\r\rbody",
 "Name: \xe9", "X-Foo: 1\nx-foo: 2", "Name: a\n \nVersion: 1", "Name: a\n\x0cVersion: 1", "Name: a\x0bb", "Name: a\u2028b", "Name: a\x85b\nVersion: 2",
 "Summary: a\nSummary: a\n\nbody", "Name: x\n\n\nbody\n", "Name: x\n \n\nbody", "\nName: x", "Name: x\nFrom y", "From x", "Name: x\n Cont\n\n", "", "\n", "\n\n", "body only",
 "description: 1\ndescription: 2", "description: 1\n\n2", "description: 1\ndescription: 2\n\n3", "AUTHOR: Tarek Ziad\u00e9\nWhatever: Else", "hello", "description: hello",
 "Name: a\r\n b\r\n\r\n", "Name: a\rVersion: 1", "Name: a\r\rbody\r", "Name:\n", "Name:", "Name:  \t ", "Name: x\n\tcont\n more", "Na\x7fme: x", "N~!me: x", "Name:: x", "Name: x\n:y\n cont\nVersion: 1",
 "From x\nFrom y\nName: z", "Name: z\nFrom y\nFrom x\n\nb", "Project-URL: \nProject-URL: ,", "Project-URL: A, B\nproject-url: a, c", "project-url: A,B,C", "Keywords: a,,b, ,c", "Keywords:a ,b\t,\u00a0c\u00a0",
 "Dynamic: Keywords\nDynamic: Home-Page", "Platform: a\nplatform: b\nPLATFORM: c", "Name: x\nname: y",
]:
    add(t)
for t in [b"Author: Tarek Ziad\xc3\xa9", b"value: \xc0msterdam", b"\xc0msterdam", b"Name: a\nName: \xc0\n", b"Name: \xc0\nName: b\n", b"Name: x\n\nbody \xc3\xa9\n", b"Name: x\n\nbody \xff\n",
  b"N\xc3\xa9me: x\nVersion: 1", b"Description: \xff\n\nbody", b"Name: a\xe2\x80\xa8b", b"Name: a\xc2\x85b", b"hello", b"Classifier: a\nClassifier: \xff\n", b"Summary: \xed\xa0\x80", b"Summary: \xf0\x9f\x98\x80",
  b"Name: x\r\n\r\n\xc3\xa9\r\n", b"Description: \xc3\xa9\n\n\xc3\xa9", b"Description: \xc3\xa9\nDescription: \xff\n\n\xff"]:
    add(t.decode('latin-1'), True)
# validation
add(md())
add(md(mv="2.5"))
add("Hello: PyPA")
add("Name: packaging")
add("Project-URL: A, B\nProject-URL: A, C")
add(md(mv="1.3")); add(md(mv="2.0")); add(md(mv="")); add(md(mv=" 2.1")); add(md(mv="2.1 "))
for f in ["Metadata-Version", "Name", "Version"]:
    t = md(); add("\n".join(l for l in t.split("\n") if not l.startswith(f + ":")))
add(md(ver="-----")); add(md(ver="")); add(md(name="")); add(md(name="-not-legal")); add(md(name="Hello_World")); add(md(name="a.b-c_d")); add(md(name="é"))
for mv in ["1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]:
    add(md(mv=mv, extra="Dynamic: Obsoletes-Dist\n"))
    add(md(mv=mv, extra="Supported-Platform: x\nDownload-URL: u\nClassifier: c\nRequires: r\nProvides: p\nObsoletes: o\n"))
    add(md(mv=mv, extra="Maintainer: m\nMaintainer-email: e\nRequires-Dist: x\nRequires-Python: >=3\nRequires-External: C\nProject-URL: a, b\nProvides-Dist: x\nObsoletes-Dist: y\n"))
    add(md(mv=mv, extra="Description-Content-Type: text/plain\nProvides-Extra: pdf\n"))
    add(md(mv=mv, extra="License-Expression: MIT\nLicense-File: LICENSE\n"))
    add(md(mv=mv, extra="Import-Name: x\nImport-Namespace: y\n"))
    add(md(mv=mv, extra="Import-Name:\n"))
add(md(extra="Summary: Hello\n    Again\n"))
add(md(extra="Dynamic: Keywords\nDynamic: NotReal\nDynamic: Author\n"))
for f in ["name", "version", "metadata-version", "Name", "dynamic", "description", "Description", "Requires-Dist", "\u212aeywords", "home_page", "license-file", "LICENSE-EXPRESSION"]:
    add(md(extra=f"Dynamic: {f}\n"))
add(md(extra="Provides-Extra: pdf\nProvides-Extra: -Not-Valid\nProvides-Extra: ok\n"))
add(md(extra="Provides-Extra: Dev_Tools\nProvides-Extra: test.all\nProvides-Extra: A--B\n"))
add(md(extra="License-Expression: mit or\n"))
add(md(extra="License-Expression: mit and (apache-2.0 or bsd-2-clause)\n"))
add(md(extra="License-File: ../LICENSE\nLicense-File: licenses/*\n"))
add(md(extra="Import-Name: not-valid\n")); add(md(extra="Import-Name: stuff;\n")); add(md(extra="Import-Name: stuff; extra\n")); add(md(extra="Import-Name: class\n"))
add(md(extra="Import-Name: packaging\nImport-Name: packaging.metadata\nImport-Name: _utils ; private\nImport-Name: _stuff;private\n"))
add(md(extra="Import-Namespace: a.class\n")); add(md(extra="Import-Name: a..b\n")); add(md(extra="Import-Name:  lead\n")); add(md(extra="Import-Name: x ;  private  \n")); add(md(extra="Import-Name: \u00e9t\u00e9\n"))
add(md(extra="Import-Name: x\nImport-Name:\n")); add(md(extra="Import-Name: x;private;private\n")); add(md(extra="Import-Name: _\n")); add(md(extra="Import-Name: x1.y_2\n")); add(md(extra="Import-Name: 1x\n")); add(md(extra="Import-Name: match\n"))
add(md(extra="Import-Name: True\n")); add(md(extra="Import-Name: a.\n")); add(md(extra="Import-Name: \u0661x\n")); add(md(extra="Import-Name: x\u0661\n")); add(md(extra="Import-Name: \u2118\n")); add(md(extra="Import-Name: x\u00b7\n"))
add(md(extra="Description-Content-Type: text/markdown; variant=gfm\nSummary: a\n b\nName: dup\nThisIsNotReal: x\nLicense-Expression: nope\n"))
add(md(extra="Description: header\n", body="body"))
add(md(extra="Project-URL: Bug Tracker, http://x\nProject-URL: Documentation, https://y\n"))
add(md(extra="Requires-Dist: pkginfo\nRequires-Dist: -not-real\n"))
add(md(extra="Requires-Python: NotReal\n"))
add(md(mv="2.1", extra="Dynamic: x\nLicense-Expression: bogus\nImport-Name: class\n"))
add(md(mv="bogus", extra="Dynamic: x\nLicense-Expression: bogus\nImport-Name: class\n"))


# Generated inputs (fixed seeds): random compositions of the tokens that matter to each
# parser, to compare many more cases than a hand-written list holds.
def generated_content_types(count, seed):
    rng = random.Random(seed)
    atoms = ["text", "/", "plain", "markdown", "x-rst", ";", " ", "\t", "charset", "variant", "=", "\"", "'",
             "*", "0", "1", "00", "%", "41", "utf-8", "UTF-8", "GFM", "CommonMark", "(", ")", "\\", "?", "=?",
             "?=", "q", ",", ".", "a", "\u00e9", "\x01", "\n", "@", "<", "[", "us-ascii", "''"]
    names = ["charset", "variant", "Charset", "VARIANT", "x", "charset*", "variant*", "charset*0", "charset*1",
             "variant*0*", "variant*1*", "charset*0*", "x*2", "variant*00", " charset", "charset ", "(c)charset",
             "variant*1"]
    values = ["utf-8", "UTF-8", "GFM", "CommonMark", "\"GFM\"", "\"utf-8\"", "utf-8''GFM", "''UTF-8",
              "utf-8'en'%47FM", "us-ascii''%55TF-8", "\"''GFM\"", "\"G\\\"FM\"", "G", "FM", "TF-8", "U", "%47",
              "latin-1''%E9", "utf-8''%C3%A9", "\"\"", "", " GFM", "GFM ", "GFM (c)", "x'y'z", "\"x'y'z\"",
              "=?utf-8?q?GFM?=", "\"=?utf-8?q?x?=\"", "a b", "a\"b", "'", "''", "utf-8'", "%ZZ", "GFM%"]
    out = []
    for i in range(count):
        if i % 2:
            s = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 14)))
        else:
            s = rng.choice(["text/markdown", "text/plain", "text/x-rst", "TEXT/Markdown", " text/markdown ",
                            "text/markdown (c)"])
            for _ in range(rng.randint(0, 4)):
                s += rng.choice([";", "; ", " ;", ";;"]) + rng.choice(names) + rng.choice(["=", " = "]) + rng.choice(values)
            if rng.random() < 0.2:
                s += rng.choice([";", " ", "; ", "*", "(", "\""])
        out.append(s)
    return out


def generated_license_expressions(count, seed):
    rng = random.Random(seed)
    atoms = ["mit", "MIT", "apache-2.0", "Apache-2.0+", "or", "OR", "and", "with", "WITH", "classpath-exception-2.0",
             "(", ")", " ", "  ", "\t", "LicenseRef-a", "licenseref-B.1", "licenseref-", "foo", "gpl-2.0+", "+",
             "\u00a0", "LicenseRef-x+"]
    return ["".join(rng.choice(atoms) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 9)))
            for _ in range(count)]


def generated_emails(count, seed):
    rng = random.Random(seed)
    lines = ["Metadata-Version: 2.4", "Metadata-Version: 2.1", "Metadata-Version: 1.0", "Name: foo", "Name: -x",
             "Version: 1.0", "Version: x", "Summary: s", "Summary: a\n b", "Description: d", "Dynamic: Summary",
             "Dynamic: name", "Provides-Extra: e", "Provides-Extra: _e", "Keywords: a, b", "Project-URL: a, b",
             "Project-URL: a, c", "License-Expression: mit", "License-Expression: mit or", "License-File: a/b",
             "License-File: ../a", "Requires-Dist: foo>=1", "Requires-Dist: foo[", "Requires-Python: >=3",
             "Requires-Python: x", "Import-Name: a.b", "Import-Name:", "Import-Name: class", "X-Other: 1", "From x",
             " continuation", ":bad", "", "body text", "Description-Content-Type: text/markdown",
             "Description-Content-Type: text/foo", "Classifier: c", "Platform: p", "name: bar", "Author: a\r",
             "Maintainer: m\n\tmore"]
    out = []
    for _ in range(count):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 10)))
        out.append({"text": text + ("\n" if rng.random() < 0.3 else ""), "bytes": False})
    return out


from packaging import metadata as m  # noqa: E402
from packaging.licenses import canonicalize_license_expression  # noqa: E402

FIXED_LISTS = {
    "text": "['text/plain', 'text/x-rst', 'text/markdown']",
    "variant": "['GFM', 'CommonMark']",
}


def fixed_order(message):
    for perm in itertools.permutations(["text/plain", "text/x-rst", "text/markdown"]):
        message = message.replace(str(list(perm)), FIXED_LISTS["text"])
    return message.replace("['CommonMark', 'GFM']", FIXED_LISTS["variant"])


def content_type(value):
    meta = m.Metadata.from_raw({"description_content_type": value}, validate=False)
    try:
        meta.description_content_type
        return {"input": value, "valid": True}
    except m.InvalidMetadata as e:
        return {"input": value, "valid": False, "message": fixed_order(str(e))}


def license_expression(value):
    try:
        return {"input": value, "canonical": canonicalize_license_expression(value)}
    except ValueError as e:
        return {"input": value, "error": str(e)}


def text_of(value):
    return value.decode("latin-1") if isinstance(value, bytes) else value


def email(case):
    data = case["text"].encode("latin-1") if case["bytes"] else case["text"]
    raw, unparsed = m.parse_email(data)
    out = {
        "text": case["text"],
        "bytes": case["bytes"],
        "raw": {m._RAW_TO_EMAIL_MAPPING[k]: v for k, v in raw.items()},
        "unparsed": {k: [text_of(x) for x in v] for k, v in unparsed.items()},
    }
    try:
        m.Metadata.from_email(data)
        out["problems"] = []
    except m.ExceptionGroup as group:
        out["summary"] = group.message
        # packaging reports in set order, which varies between runs: sort.
        out["problems"] = sorted([e.field, fixed_order(str(e))] for e in group.exceptions)
    return out


def write(sections, out):
    """One case per line, so that a regenerated file diffs readably."""
    out.write("{\n" + '"_about": ' + json.dumps(__doc__))
    for name, cases in sections.items():
        out.write(",\n" + json.dumps(name) + ": [\n")
        out.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
        out.write("\n]")
    out.write("\n}\n")


write(
    {
        "content_type": [content_type(c) for c in CONTENT_TYPES],
        "content_type_generated": [content_type(c) for c in generated_content_types(600, 1)],
        "license_expression": [license_expression(c) for c in LICENSE_EXPRESSIONS],
        "license_expression_generated": [license_expression(c) for c in generated_license_expressions(300, 2)],
        "email": [email(c) for c in E],
        "email_generated": [email(c) for c in generated_emails(200, 3)],
    },
    __import__("sys").stdout,
)
