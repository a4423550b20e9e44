"""Real calendar programs import the file without error: calcurse and khal.

Both are Debian packages that `.ci/run` installs (`apt-get install calcurse khal`); where
they cannot be installed, these tests skip and say so. Each runs on its own data folder
and configuration in a temporary folder, never the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.calendar.ics_vault import calendar_of, events
from tests.conftest import WriteVault

SAMPLE = Path(__file__).parent.parent.parent / "sample_vault"
TIMEOUT = 60

LEAP = {  # a 29 February birthday, a two-day event, an alarm: what clients may trip on
    ".mdnet.toml": '[calendar]\nalarm = "08:30"\n',
    "People/Leap Day.md": "---\ntype: contact\nbirthday: 1992-02-29\n---\n",
    "Events/Conf.md": "---\ntype: event\ndate: 2026-12-05\nend: 2026-12-06\nstatus: planned\n---\n",
}


def need(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not installed (apt-get install {program}; .ci/run does)")
    return found


def run(command: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    env["XDG_DATA_HOME"] = str(home / "data")
    return subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, env=env, stdin=subprocess.DEVNULL
    )


@pytest.fixture(params=["sample", "leap"])
def ics(request: pytest.FixtureRequest, make_vault: WriteVault, tmp_path: Path) -> Path:
    """A calendar file: the sample vault's, or the tricky one's."""
    root = SAMPLE if request.param == "sample" else make_vault(LEAP)
    path = tmp_path / "network.ics"
    path.write_bytes(calendar_of(root))
    return path


def test_calcurse_imports_every_event(ics: Path, tmp_path: Path) -> None:
    calcurse = need("calcurse")
    data = tmp_path / "calcurse"
    done = run([calcurse, "-D", str(data), "-i", str(ics)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    count = len(events(ics.read_bytes()))
    assert f"0 apps / {count} events / 0 todos / 0 skipped" in done.stdout, done.stdout
    assert (data / "apts").read_text(encoding="utf-8").count("\n") == count


def test_calcurse_puts_a_29_february_birthday_on_the_28th(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    calcurse = need("calcurse")
    ics = tmp_path / "leap.ics"
    ics.write_bytes(calendar_of(make_vault(LEAP)))
    data = str(tmp_path / "calcurse")
    assert run([calcurse, "-D", data, "-i", str(ics)], tmp_path).returncode == 0
    for start, shown in (("02/27/2027", "02/28/27"), ("02/28/2028", "02/29/28")):
        query = [calcurse, "-D", data, "-Q", "--from", start, "--days", "3"]
        done = run(query, tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"{shown}:\n * Leap Day's birthday" in done.stdout, done.stdout


KHAL_CONFIG = """\
[calendars]
[[network]]
path = {calendar}
[sqlite]
path = {database}
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


def khal_setup(tmp_path: Path) -> tuple[str, Path]:
    khal = need("khal")
    folder = tmp_path / "khal"
    (folder / "network").mkdir(parents=True)
    config = folder / "config"
    config.write_text(
        KHAL_CONFIG.format(calendar=folder / "network", database=folder / "khal.db"),
        encoding="utf-8",
    )
    return khal, config


def khal_day(khal: str, config: Path, start: str, shown: str, where: Path) -> list[str]:
    """What ``khal list`` shows from ``start`` for three days, from the day ``shown`` on."""
    done = run([khal, "-c", str(config), "list", start, "3d"], where)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.endswith(shown)) :]


def test_khal_imports_every_event(ics: Path, tmp_path: Path) -> None:
    khal, config = khal_setup(tmp_path)
    done = run([khal, "-c", str(config), "import", "--batch", str(ics)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    stored = sorted(path.name for path in (config.parent / "network").iterdir())
    assert stored == sorted(f"{event['UID']}.ics" for event in events(ics.read_bytes()))


def test_khal_shows_a_29_february_birthday_on_the_28th(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    khal, config = khal_setup(tmp_path)
    ics = tmp_path / "leap.ics"
    ics.write_bytes(calendar_of(make_vault(LEAP)))
    assert run([khal, "-c", str(config), "import", "--batch", str(ics)], tmp_path).returncode == 0
    for start, shown in (("2027-02-27", "2027-02-28"), ("2028-02-28", "2028-02-29")):
        lines = khal_day(khal, config, start, shown, tmp_path)
        assert "Leap Day's birthday" in lines[1], lines
        assert sum("Leap Day's birthday" in line for line in lines) == 1
