#!/usr/bin/env python3
"""Builds the osmosis-dbt wheel around an osmosis image (bin/osmosis, lib/osmosis.jar, runtime/).

A wheel is a zip: the package (src/dist/python/osmosis_dbt plus the image under osmosis_dbt/image), and a
.dist-info folder with METADATA, WHEEL, entry_points.txt and RECORD (each file's sha256, urlsafe base64 without
padding, and size). Standard library only, so the build needs nothing from PyPI. Executable bits are kept in the
zip entries (pip and uv restore them: the launcher, java and jspawnhelper need them); symbolic links (jlink's
legal/ notices) are stored as the files they name, since a wheel cannot hold links.

The platform tag is read from the image rather than assumed: on Linux the newest GLIBC_2.x symbol version its
native libraries ask for decides it (manylinux2014 up to glibc 2.17, manylinux_2_NN above), so pip refuses the
wheel on a system whose C library is too old instead of installing a runtime that cannot start; on macOS it is
macosx_11_0_<arch>.

usage: wheel.py IMAGE_DIR VERSION OUT_DIR
"""
import base64
import hashlib
import os
import platform
import re
import stat
import sys
import zipfile

NAME = "osmosis-dbt"
PACKAGE = "osmosis_dbt"
SOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python", PACKAGE)
# zip entries get a fixed time so that two builds of the same image give the same wheel
EPOCH = (2020, 1, 1, 0, 0, 0)


def platform_tag(image):
    machine = platform.machine()
    if sys.platform == "darwin":
        # the JDKs that jlink these images target macOS 11 and later
        return "macosx_11_0_%s" % ("arm64" if machine in ("arm64", "aarch64") else machine)
    newest = (2, 17)
    pattern = re.compile(rb"GLIBC_2\.([0-9]+)")
    for folder, _, files in os.walk(image):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                data = f.read()
            if data[:4] != b"\x7fELF":
                continue
            for minor in pattern.findall(data):
                newest = max(newest, (2, int(minor)))
    if newest <= (2, 17):
        return "manylinux2014_%s" % machine
    return "manylinux_%d_%d_%s" % (newest + (machine,))


def metadata(version):
    return (
        "Metadata-Version: 2.1\n"
        "Name: %s\n"
        "Version: %s\n"
        "Summary: Documents dbt projects: inherits column docs down the DAG, asks an LLM for the rest, "
        "edits YAML in place. Self-contained: bundles its own Java runtime.\n"
        "Requires-Python: >=3.8\n"
        "Classifier: Environment :: Console\n"
        "Classifier: Operating System :: POSIX :: Linux\n"
        "\n"
        "osmosis documents dbt projects. This wheel holds the osmosis command with a trimmed Java runtime: "
        "no Java installation is needed. Run `osmosis --help`.\n" % (NAME, version)
    )


class Wheel:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
        self.records = []

    def add(self, arcname, data, mode=0o644):
        info = zipfile.ZipInfo(arcname, EPOCH)
        info.external_attr = (stat.S_IFREG | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.records.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))

    def add_tree(self, folder, prefix):
        for parent, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(parent, name)
                if name.endswith(".pyc") or "__pycache__" in path:
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                executable = os.stat(path).st_mode & 0o111
                arcname = prefix + "/" + os.path.relpath(path, folder).replace(os.sep, "/")
                self.add(arcname, data, 0o755 if executable else 0o644)

    def close(self, record_name):
        self.records.append(record_name + ",,")
        self.zip.writestr(zipfile.ZipInfo(record_name, EPOCH), "\n".join(self.records) + "\n")
        self.zip.close()


def main(image, version, out_dir):
    tag = platform_tag(image)
    dist_info = "%s-%s.dist-info" % (PACKAGE, version)
    path = os.path.join(out_dir, "%s-%s-py3-none-%s.whl" % (PACKAGE, version, tag))
    wheel = Wheel(path)
    wheel.add_tree(SOURCES, PACKAGE)
    wheel.add_tree(image, PACKAGE + "/image")
    wheel.add(dist_info + "/METADATA", metadata(version).encode())
    wheel.add(dist_info + "/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: osmosis src/dist/wheel.py\nRoot-Is-Purelib: false\nTag: py3-none-%s\n"
        % tag).encode())
    wheel.add(dist_info + "/entry_points.txt", b"[console_scripts]\nosmosis = osmosis_dbt:main\n")
    wheel.close(dist_info + "/RECORD")
    print(path)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(*sys.argv[1:])
