"""Fixtures shared by the tests of the commands that edit the catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REAL_CATALOGUE = Path(__file__).resolve().parents[1] / "data" / "resources.yaml"


@pytest.fixture
def catalogue_copy(tmp_path) -> Path:
    """A copy of the real catalogue (with its schema file beside it, as in data/) to edit."""
    copy = tmp_path / "resources.yaml"
    shutil.copyfile(REAL_CATALOGUE, copy)
    shutil.copyfile(REAL_CATALOGUE.with_name("resources.schema.json"), tmp_path / "resources.schema.json")
    return copy
