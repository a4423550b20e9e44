"""`pip install .` (non-editable) ships the templates: the wheel holds mdnet/templates/.

The root templates/ folder is their source (setup.py copies it into the wheel as
``mdnet.templates``); an installed mdnet finds them inside the package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from mdnet.edits.new_note import TEMPLATE_NAMES

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_ships_the_templates_and_mdnet_new_uses_them(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("mdnet-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in TEMPLATE_NAMES:
            shipped = archive.read(f"mdnet/templates/{name}").decode("utf-8")
            assert shipped == (ROOT / "templates" / name).read_text(encoding="utf-8")
        archive.extractall(tmp_path / "site")
    assert "mdnet/cli/new.py" in names
    assert "mdnet/calendar/ics.py" in names
    vault = tmp_path / "vault"
    vault.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    command = [sys.executable, "-m", "mdnet", "new", "contact", "Jane Doe", "--today", "2026-11-26"]
    created = subprocess.run(command, cwd=vault, env=env, capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    code = "import mdnet.edits.new_note as c; print(c.packaged_templates())"
    where = subprocess.run([sys.executable, "-c", code], cwd=vault, env=env, capture_output=True)
    assert where.stdout.decode().strip() == str(tmp_path / "site" / "mdnet" / "templates")
    text = (vault / "People" / "Jane Doe.md").read_text(encoding="utf-8")
    assert "met: 2026-11-26" in text and "# Jane Doe" in text


def test_an_editable_install_is_a_plain_path_without_warnings(tmp_path: Path) -> None:
    """No import hook and no warning about templates/ mapped to a package: the checkout's
    templates/ is read in place (``packaged_templates``)."""
    command = [sys.executable, "-m", "pip", "install", "-v", "--no-deps", "-e", str(ROOT)]
    built = subprocess.run(
        [*command, "--target", str(tmp_path)], capture_output=True, text=True, cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr[-2000:]
    output = built.stdout + built.stderr
    assert "Editable install will be performed using .pth file" in output
    assert "meta path finder" not in output and "InformationOnly" not in output
    assert "mdnet.templates" not in output
    (pth,) = tmp_path.glob("__editable__.mdnet-*.pth")
    assert pth.read_text(encoding="utf-8").strip() == str(ROOT)
