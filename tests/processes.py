"""The project in a fresh interpreter, as a person, gunicorn or a deploy starts it."""

import os
import subprocess
import sys

from paths import ROOT

# The suite's own settings come from these variables: a fresh process gets only those a test gives it.
OWN_PREFIXES = ("DJANGO_", "DIGEST_")


def fresh_python(*args, **env):
    """Run Python in the project folder with none of the suite's DJANGO_/DIGEST_ variables,
    only those given; the finished process, its output captured as text."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith(OWN_PREFIXES)}
    command = [sys.executable, *map(str, args)]
    return subprocess.run(command, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def manage(*args, **env):
    """Run manage.py in a fresh interpreter with only these DJANGO_/DIGEST_ variables."""
    return fresh_python("manage.py", *args, **env)
