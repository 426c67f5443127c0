"""The built wheel works on its own: installed into a fresh environment, outside the checkout.

The wheel is built from the checkout (``pip wheel --no-deps``; hatchling comes from PyPI
unless it is installed), installed without its dependencies into a new virtual environment
that sees this environment's packages through a ``.pth`` file (so no download beyond the
build backend), and run from an empty folder with no PYTHONPATH. The bundled datasets, the
ontology, the shapes, the starter and the page assets must all be package data for these
commands to succeed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The ``bin`` folder of a fresh venv with the wheel installed, and an environment to run it in."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", ROOT]
    if importlib.util.find_spec("hatchling") is not None:
        build.insert(5, "--no-build-isolation")
    _run(*build, cwd=tmp, env=env)
    (wheel,) = (tmp / "dist").glob("beleidstheorie-*.whl")
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp, env=env)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp, env=env
        ).stdout.strip()
    )
    # the dependencies, not beleidstheorie itself: a .pth line adds a folder without its .pth files,
    # so this environment's editable install of the checkout is not seen
    deps = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    (purelib / "zz_dependencies.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n", encoding="utf-8")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp,
        env=env,
    )
    return scripts, env


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    scripts, env = installed
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    where = _run(python, "-c", "import beleidstheorie; print(beleidstheorie.__file__)", cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(scripts.parent)


def test_the_installed_wheel_lists_and_scores_the_bundled_dataset(installed, tmp_path, invoke):
    scripts, env = installed
    listed = _run(scripts / "beleidstheorie", "datasets", cwd=tmp_path, env=env)
    assert listed.stdout == "intensiveringsaanpak\tIntensivering armoede- en schuldenaanpak\n"
    scored = _run(
        scripts / "beleidstheorie", "score", "intensiveringsaanpak", "--format", "json", cwd=tmp_path, env=env
    )
    here = invoke("score", "intensiveringsaanpak", "--format", "json")  # the checkout, in-process
    assert json.loads(scored.stdout) == json.loads(here.stdout)
    assert scored.stderr == (
        "Theorie: Intensivering armoede- en schuldenaanpak (meegeleverde dataset intensiveringsaanpak); "
        "meting: Evaluatie 2022 (tweede meting)\n"
    )


def test_the_installed_wheel_writes_a_starter_that_validates_scores_and_draws_a_page(installed, tmp_path):
    scripts, env = installed
    _run(scripts / "beleidstheorie", "init", "mijn-theorie", cwd=tmp_path, env=env)
    folder = tmp_path / "mijn-theorie"
    _run(scripts / "beleidstheorie", "validate", cwd=folder, env=env)
    _run(scripts / "beleidstheorie", "score", "-o", "scores.xlsx", cwd=folder, env=env)
    _run(scripts / "beleidstheorie", "interactive", "-o", "pagina.html", cwd=folder, env=env)
    assert (folder / "scores.xlsx").stat().st_size > 0
    page = (folder / "pagina.html").read_text(encoding="utf-8")
    assert "<script" in page
