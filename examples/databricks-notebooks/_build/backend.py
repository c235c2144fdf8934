"""A small PEP 517 build backend for this example's pure-Python package.

It builds the wheel with the standard library alone, so that the bundle's artifact builds
offline with nothing but python3 and pip (setuptools needs the `wheel` package to build wheels,
which a plain python3 may lack). It reads the few fields it needs from pyproject.toml and packs
src/<name>/ with its dist-info, as setuptools would for this layout.
"""
import base64
import hashlib
import os
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11: the fields below are simple enough to read by hand
    tomllib = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _project():
    path = os.path.join(ROOT, "pyproject.toml")
    if tomllib is not None:
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        return doc["project"]
    project, section = {"scripts": {}}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                section = line.strip("[]")
            elif "=" in line and section in ("project", "project.scripts"):
                key, value = (x.strip() for x in line.split("=", 1))
                value = value.strip('"')
                if section == "project":
                    project[key] = value
                else:
                    project["scripts"][key] = value
    return project


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    name, version = project["name"], project["version"]
    dist_info = "%s-%s.dist-info" % (name, version)
    files = {}
    package_root = os.path.join(ROOT, "src")
    for folder, _, names in os.walk(os.path.join(package_root, name)):
        for n in sorted(names):
            if n.endswith(".py"):
                path = os.path.join(folder, n)
                with open(path, "rb") as f:
                    files[os.path.relpath(path, package_root).replace(os.sep, "/")] = f.read()
    files[dist_info + "/METADATA"] = (
        "Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nRequires-Python: %s\n"
        % (name, version, project.get("description", ""), project.get("requires-python", ""))
    ).encode()
    files[dist_info + "/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: in-tree backend\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n")
    scripts = project.get("scripts", {})
    if scripts:
        files[dist_info + "/entry_points.txt"] = ("[console_scripts]\n" + "".join(
            "%s = %s\n" % kv for kv in sorted(scripts.items()))).encode()
    wheel_name = "%s-%s-py3-none-any.whl" % (name, version)
    record = [_record_line(n, d) for n, d in files.items()] + [dist_info + "/RECORD,,"]
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for n, d in files.items():
            z.writestr(n, d)
        z.writestr(dist_info + "/RECORD", "\n".join(record) + "\n")
    return wheel_name
