"""osmosis for pip, pipx and uv: the wheel holds osmosis's own image (the launcher, the jar and a Java runtime
trimmed with jlink), so nothing else needs Java. The console command `osmosis` replaces this Python process with
the image's launcher: no Python stays in between, signals and the exit code are the launcher's own."""
import os
import sys

IMAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "image")


def main():
    launcher = os.path.join(IMAGE, "bin", "osmosis")
    if not os.path.isfile(launcher):
        sys.stderr.write("osmosis: %s is missing; reinstall the osmosis-dbt package\n" % launcher)
        return 2
    # an installer that drops the executable bits still leaves a shell script sh can read
    argv = [launcher] if os.access(launcher, os.X_OK) else ["/bin/sh", launcher]
    os.execv(argv[0], argv + sys.argv[1:])
