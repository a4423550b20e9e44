"""The build steps pyproject.toml cannot say: the wheel's ``mdnet/templates/`` is copied
from the repository's top-level ``templates/`` (an editable install reads them there:
``mdnet.edits.new_note.packaged_templates``), and the compiled catalogs
``mdnet/locale/<language>/LC_MESSAGES/mdnet.mo`` are copied as they are (as package data,
setuptools takes each ``LC_MESSAGES`` folder for a package it was not told of, and warns)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).parent / "templates"
LOCALE = Path(__file__).parent / "mdnet" / "locale"


class BuildWithTemplates(build_py):
    """``build_py``, then the templates into the package being built."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's templates/ is read in place
        templates = sorted(TEMPLATES.glob("*.md"))
        if not templates:  # an sdist without them (MANIFEST.in includes them)
            raise SystemExit(f"no templates in {TEMPLATES}: mdnet new would have none")
        target = Path(self.build_lib) / "mdnet" / "templates"
        target.mkdir(parents=True, exist_ok=True)
        for template in templates:
            shutil.copyfile(template, target / template.name)
        for catalog in sorted(LOCALE.glob("*/LC_MESSAGES/*.mo")):
            copy = Path(self.build_lib) / "mdnet" / "locale" / catalog.relative_to(LOCALE)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(catalog, copy)


setup(cmdclass={"build_py": BuildWithTemplates})
