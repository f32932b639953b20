# Byte-compiles the files named on standard input the way pip does (py_compile with the
# interpreter's optimization level and default invalidation mode, which honours
# SOURCE_DATE_EPOCH). Input: NUL-terminated pairs of source path and .pyc path. Output: one
# line per pair, in order: '<index>\tok' or '<index>\terror\t<message>'. A file that does not
# compile (a Python 2 file in a Python 3 wheel) is reported and the rest go on, as with pip.
# Runs on Python 2.7 and every Python 3; no double quotes, so that it passes through -c.
import sys
import warnings
import py_compile

warnings.filterwarnings('ignore')

if sys.version_info[0] >= 3:
    import os
    data = sys.stdin.buffer.read()
    out = sys.stdout.buffer
    decode = os.fsdecode
else:
    data = sys.stdin.read()
    out = sys.stdout
    decode = lambda name: name

fields = data.split(b'\0')
for index in range(len(fields) // 2):
    source = decode(fields[2 * index])
    target = decode(fields[2 * index + 1])
    try:
        py_compile.compile(source, cfile=target, doraise=True)
        line = '%d\tok\n' % index
    except Exception as error:
        message = ' '.join(str(error).split())
        line = '%d\terror\t%s\n' % (index, message)
    if not isinstance(line, bytes):
        line = line.encode('utf-8', 'replace')
    out.write(line)
    out.flush()
