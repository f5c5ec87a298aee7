"""Ship the demo portal inside the wheel, so `python -m generator new DIR` works after a plain
`pip install` (not only from a source checkout). Everything else is in pyproject.toml."""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PORTAL_PARTS = ("mkdocs.yml", "content", "quizzes", "docs")  # same as generator/scaffold.py


class BuildPyWithDemoPortal(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "generator" / "default_portal"
        for part in PORTAL_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, target / part, dirs_exist_ok=True)
            elif source.exists():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / part)


setup(cmdclass={"build_py": BuildPyWithDemoPortal})
