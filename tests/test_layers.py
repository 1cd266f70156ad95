"""The apps import downward only (pyproject.toml's import-linter contract), and the
contract really catches an upward import."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(directory):
    return subprocess.run(  # noqa: S603 (our own lint-imports, fixed arguments)
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=directory,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(directory), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def copy_of_the_code(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_the_layers(tmp_path):
    result = lint(copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    code = copy_of_the_code(tmp_path)
    (code / "buurt" / "upward.py").write_text("from initiatieven.models import Team  # noqa\n")
    result = lint(code)
    assert result.returncode != 0
    assert "buurt.upward -> initiatieven.models" in result.stdout
