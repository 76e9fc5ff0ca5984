"""The reference validator's own virtualenv: made once under var/, reused while its stamp
(the hash of the requirements) matches. A file lock keeps two test processes from building it
at the same time. Installing needs the PyPI registry once; running it needs no network."""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "validator-requirements.txt"
RUNNER = HERE / "run_validator.py"
VALIDATOR = "openbadges==1.1.2"


def _venv_dir() -> Path:
    return Path(settings.BASE_DIR) / "var" / "ob-validator"


def _stamp_value() -> str:
    return hashlib.sha256((VALIDATOR + "\n").encode() + REQUIREMENTS.read_bytes()).hexdigest()


def validator_python() -> Path:
    venv = _venv_dir()
    python = venv / "bin" / "python"
    stamp = venv / ".praxis-stamp"
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / "ob-validator.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists() and stamp.read_text() == _stamp_value() and python.exists():
            return python
        shutil.rmtree(venv, ignore_errors=True)
        base_python = shutil.which("python3.11") or sys.executable
        steps = [
            [base_python, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--quiet", "--no-deps", VALIDATOR],
            [str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)],
            [str(python), "-c", "import openbadges; openbadges.verify"],
        ]
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                raise RuntimeError(
                    f"Could not set up the Open Badges validator ({' '.join(step)}):\n"
                    f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
                )
        stamp.write_text(_stamp_value())
        return python


def run_validator(*inputs: str) -> dict[str, dict]:
    """Validate each input (a URL or a baked image path): ``{input: {"report", "blocked"}}``."""
    done = subprocess.run(
        [str(validator_python()), str(RUNNER), *inputs],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"The validator failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    results = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            results[item["input"]] = item
    return results
