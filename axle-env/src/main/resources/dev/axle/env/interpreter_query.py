# Describes the Python interpreter that runs it, as one JSON object on stdout, for
# axle's dev.axle.env.InterpreterQuery. Run as `python -I -c <this text>`.
#
# The whole file must compile on Python 2.7 (no f-strings, no print keywords, no
# annotations): older interpreters are refused, and to say so with their version the
# script has to get as far as the check below.
import sys


def full_version(info):
    # As packaging writes implementation_version: 3.13.0c1 for a release candidate.
    text = "%d.%d.%d" % (info[0], info[1], info[2])
    if info[3] != "final":
        text += info[3][0] + str(info[4])
    return text


if sys.version_info < (3, 7):
    import json
    sys.stdout.write(json.dumps({"result": "unsupported", "version": full_version(sys.version_info)}))
    sys.exit(0)

import json
import os
import platform
import site
import struct
import sysconfig

MARK = "@AXLE_ROOT@"
IN_VENV = sys.prefix != sys.base_prefix


def config_flag(name):
    value = sysconfig.get_config_var(name)
    return None if value is None else bool(value)


def markers():
    # PEP 508's variables, computed as packaging's default_environment() does.
    impl = sys.implementation
    return {
        "implementation_name": impl.name,
        "implementation_version": full_version(impl.version),
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    }


def elf_interpreter(path):
    # The PT_INTERP program header of an ELF file: the dynamic loader it names.
    try:
        with open(path, "rb") as f:
            ident = f.read(16)
            if ident[:4] != b"\x7fELF":
                return None
            bits64 = ident[4] == 2
            order = "<" if ident[5] == 1 else ">"
            if bits64:
                f.seek(32)
                phoff = struct.unpack(order + "Q", f.read(8))[0]
                f.seek(54)
            else:
                f.seek(28)
                phoff = struct.unpack(order + "I", f.read(4))[0]
                f.seek(42)
            phentsize, phnum = struct.unpack(order + "HH", f.read(4))
            for i in range(phnum):
                f.seek(phoff + i * phentsize)
                header = f.read(phentsize)
                if struct.unpack(order + "I", header[:4])[0] != 3:
                    continue
                if bits64:
                    offset, size = struct.unpack(order + "Q", header[8:16])[0], struct.unpack(order + "Q", header[32:40])[0]
                else:
                    offset, size = struct.unpack(order + "I", header[4:8])[0], struct.unpack(order + "I", header[16:20])[0]
                f.seek(offset)
                return f.read(size).rstrip(b"\0").decode("ascii", "replace")
    except (OSError, struct.error, ValueError):
        return None
    return None


def libc():
    try:
        text = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, OSError, ValueError):
        text = None
    if text and text.startswith("glibc "):
        return {"name": "glibc", "version": text.split(" ", 1)[1]}
    loader = elf_interpreter(sys.executable)
    if loader and "musl" in loader:
        import subprocess
        try:
            run = subprocess.run([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        except OSError:
            return None
        for line in run.stderr.splitlines():
            if line.startswith("Version "):
                return {"name": "musl", "version": line.split(" ", 1)[1].strip()}
    return None


def mac_version():
    version = platform.mac_ver()[0]
    if version == "10.16":
        # An interpreter built against an old SDK is told 10.16 for any macOS 11+;
        # the real version shows when the compatibility shim is switched off.
        import subprocess
        env = dict(os.environ, SYSTEM_VERSION_COMPAT="0")
        version = subprocess.check_output(
            [sys.executable, "-sS", "-c", "import platform; print(platform.mac_ver()[0])"],
            env=env, universal_newlines=True).strip()
    return version


def tag_inputs():
    return {
        "sysconfig_platform": sysconfig.get_platform(),
        "pointer_bits": 8 * struct.calcsize("P"),
        "maxsize_64bit": sys.maxsize > 2 ** 32,
        "libc": libc() if sys.platform.startswith("linux") else None,
        "mac_version": mac_version() if sys.platform == "darwin" else None,
        "mac_arch": platform.mac_ver()[2] if sys.platform == "darwin" else None,
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "py_debug": config_flag("Py_DEBUG") if config_flag("Py_DEBUG") is not None else hasattr(sys, "gettotalrefcount"),
        "gil_disabled": bool(config_flag("Py_GIL_DISABLED")),
        "with_pymalloc": config_flag("WITH_PYMALLOC") is not False,
        "wide_unicode": sys.maxunicode == 0x10FFFF,
    }


def has_scheme(name):
    return name in sysconfig.get_scheme_names()


def prefix_scheme_name():
    if hasattr(sysconfig, "get_preferred_scheme"):
        name = sysconfig.get_preferred_scheme("prefix")
    else:
        name = os.name + "_prefix" if has_scheme(os.name + "_prefix") else os.name
    # A macOS framework build's own scheme points into the framework; a venv or a
    # custom prefix wants the plain layout.
    return "posix_prefix" if name == "osx_framework_library" else name


def user_scheme_name():
    if hasattr(sysconfig, "get_preferred_scheme"):
        return sysconfig.get_preferred_scheme("user")
    if sys.platform == "darwin" and getattr(sys, "_framework", None) and has_scheme("osx_framework_user"):
        return "osx_framework_user"
    return os.name + "_user"


def install_paths(scheme, variables=None):
    paths = sysconfig.get_paths(scheme, vars=variables or {})
    return {
        "purelib": paths["purelib"],
        "platlib": paths["platlib"],
        "scripts": paths["scripts"],
        "headers": paths.get("include", ""),
        "data": paths["data"],
    }


def venv_headers(base):
    # Where pip puts headers in a virtual environment: the scheme's include folder is
    # the base interpreter's, which a venv must not write to.
    return os.path.join(base, "include", "site", "python%d.%d" % sys.version_info[:2])


def layout(scheme, venv):
    # The scheme's paths with every base variable replaced by MARK, so that the
    # reader can re-root them at any folder (pip --prefix, a new venv).
    keys = ("base", "platbase", "installed_base", "installed_platbase", "prefix", "exec_prefix")
    paths = install_paths(scheme, dict((k, MARK) for k in keys))
    if venv:
        paths["headers"] = venv_headers(MARK)
    return paths


def pyvenv_cfg():
    for folder in (os.path.dirname(sys.executable), os.path.dirname(os.path.dirname(sys.executable))):
        path = os.path.join(folder, "pyvenv.cfg")
        if os.path.isfile(path):
            values = {}
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    key, sep, value = line.partition("=")
                    if sep:
                        values[key.strip().lower()] = value.strip()
            return values
    return {}


def base_executable():
    base = getattr(sys, "_base_executable", None)
    if not IN_VENV:
        return base or sys.executable
    # Before 3.11 a POSIX venv reports its own executable here; find it in `home`.
    if base and not os.path.abspath(base).startswith(os.path.join(os.path.abspath(sys.prefix), "")):
        return base
    home = pyvenv_cfg().get("home")
    if home:
        names = [os.path.basename(sys.executable), "python%d.%d" % sys.version_info[:2],
                 "python%d" % sys.version_info[0], "python"]
        for name in names:
            candidate = os.path.join(home, name)
            if os.path.isfile(candidate):
                return candidate
    return base or sys.executable


def externally_managed(stdlib):
    # PEP 668: the marker file counts only outside virtual environments.
    path = os.path.join(stdlib, "EXTERNALLY-MANAGED")
    if IN_VENV or not os.path.isfile(path):
        return None
    import configparser
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
        section = parser["externally-managed"]
    except (configparser.Error, KeyError, UnicodeDecodeError):
        return ""
    import locale
    try:
        lang = locale.getlocale(locale.LC_MESSAGES)[0]
    except (AttributeError, ValueError):
        lang = None
    for key in ("Error-" + lang, "Error-" + lang.split("_")[0]) if lang else ():
        if key in section:
            return section[key]
    return section.get("Error", "")


def user_site_enabled():
    # Decided as site.py decides for an ordinary run; this run's -I turned it off.
    if IN_VENV and pyvenv_cfg().get("include-system-site-packages", "false").lower() != "true":
        return False
    if os.environ.get("PYTHONNOUSERSITE"):
        return False
    if hasattr(os, "getuid") and (os.getuid() != os.geteuid() or os.getgid() != os.getegid()):
        return False
    return True


def site_directories():
    # The site-packages folders on sys.path, in import order (the user site is absent: -I).
    known = set(os.path.normcase(os.path.abspath(p)) for p in site.getsitepackages())
    out = []
    for entry in sys.path:
        normal = os.path.normcase(os.path.abspath(entry)) if entry else None
        if normal in known and entry not in out:
            out.append(os.path.abspath(entry))
    return out


def main():
    prefix_scheme = prefix_scheme_name()
    scheme = install_paths(prefix_scheme)
    if IN_VENV:
        scheme["headers"] = venv_headers(sys.prefix)
    user_scheme = user_scheme_name()
    venv_scheme = "venv" if has_scheme("venv") else "nt" if os.name == "nt" else "posix_prefix"
    stdlib = sysconfig.get_path("stdlib")
    answer = {
        "result": "ok",
        "version": full_version(sys.version_info),
        "implementation_name": sys.implementation.name,
        "markers": markers(),
        "tags": tag_inputs(),
        "executable": sys.executable,
        "prefix": sys.prefix,
        "base_prefix": sys.base_prefix,
        "base_executable": base_executable(),
        "scheme_name": prefix_scheme,
        "scheme": scheme,
        "prefix_layout": layout(prefix_scheme, IN_VENV),
        "venv_layout": layout(venv_scheme, True),
        "user_scheme_name": user_scheme,
        "user_scheme": install_paths(user_scheme),
        "user_base": site.getuserbase(),
        "user_site_enabled": user_site_enabled(),
        "site_directories": site_directories(),
        "stdlib": stdlib,
        "cache_tag": sys.implementation.cache_tag,
        "externally_managed": externally_managed(stdlib),
    }
    sys.stdout.write(json.dumps(answer))


main()
