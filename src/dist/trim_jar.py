#!/usr/bin/env python3
"""Copies the fat jar leaving out sqlite-jdbc's native libraries for other platforms.

sqlite-jdbc carries its JNI library for some 30 operating systems and processors (13 MB of the 27 MB jar); an
image built for one platform needs one of them. sqlite-jdbc looks up org/sqlite/native/<OS>/<arch>/ for the
platform it runs on, so the entries of that folder are kept and every other folder under org/sqlite/native/ is
dropped. The rest of the jar is copied entry by entry, unchanged.

usage: trim_jar.py IN_JAR OUT_JAR SQLITE_OS SQLITE_ARCH   (e.g. Linux x86_64, Mac aarch64)
"""
import sys
import zipfile


def main(source, target, os_name, arch):
    keep = "org/sqlite/native/%s/%s/" % (os_name, arch)
    kept = 0
    with zipfile.ZipFile(source) as jar, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in jar.infolist():
            name = info.filename
            if name.startswith("org/sqlite/native/") and not keep.startswith(name) and not name.startswith(keep):
                continue
            kept += name.startswith(keep) and not name.endswith("/")
            out.writestr(info, jar.read(info), compress_type=info.compress_type)
    if not kept:
        sys.exit("trim_jar: %s has no sqlite native library under %s" % (source, keep))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(*sys.argv[1:])
