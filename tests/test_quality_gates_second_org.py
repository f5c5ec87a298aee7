"""The project's full quality gates (axe in every palette, privacy, links, JavaScript, vnu,
keyboard) on a second organisation's site: tests/fixtures/taalhuis-oost, not the demo.

Every gate of test_quality_gates.py runs again here with the fixtures overridden for this
module, so a gate that passes only because of the demo's content would fail here.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_quality_gates import *  # noqa: F403 - the same gates, collected again with this module's fixtures

import sitekit
from conftest import ROOT, build_ok
from generator.build import load_portal
from generator.portal import Portal

OOST = ROOT / "tests" / "fixtures" / "taalhuis-oost"
SUB_PATH = "/oefenportaal/"  # this organisation's own Pages sub-path (its site_url), not the demo's


@pytest.fixture(scope="module", autouse=True)
def own_sub_path() -> Iterator[None]:
    """Serve and judge links under this organisation's sub-path; restored for other modules."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sitekit, "SUB_PATH", SUB_PATH)
        patch.setattr(sitekit._SubPathHandler, "prefix", SUB_PATH)
        yield


@pytest.fixture(scope="module")
def built_site(own_sub_path: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ok(OOST, tmp_path_factory.mktemp("oost-gates") / "site", "--no-pdf")


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with sitekit.serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def demo_portal() -> Portal:
    """Named like conftest's fixture so the imported gates use this organisation's portal."""
    return load_portal(OOST)
