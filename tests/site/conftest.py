"""Real MkDocs builds for the site tests: the repository's mkdocs.yml, built in-process into tmp dirs.

Builds are made once per test run (one per catalogue/status combination, shared by the xdist workers through
`once_per_run`) to keep the suite fast; tests only read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.sitebuild import FIXTURE, REAL_SITE, REPORTED_URL, build_real_site, build_site


@pytest.fixture(scope="session")
def real_site(once_per_run) -> Path:
    return once_per_run(REAL_SITE, build_real_site)


@pytest.fixture(scope="session")
def hostile_catalogue(tmp_path_factory) -> Path:
    """The fixture catalogue with markup and Markdown in its text, which must reach readers as text."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace(
        "description: De Kindcheck is onderdeel van stap 1 van de meldcode.",
        "description: 'De Kindcheck <script>alert(1)</script> [klik](javascript:alert(2)) **vet**.'",
    )
    text = text.replace("title: Kindcheck\n", "title: 'Kindcheck <b>vet</b> & co'\n")
    # A spreadsheet would run this as a formula if /catalogue.csv wrote it as it stands.
    text = text.replace(
        "description: Deze handreiking van Movisie helpt je als beleidsambtenaar op weg.",
        'description: \'=HYPERLINK("https://example.org","klik")\'',
    )
    path = tmp_path_factory.mktemp("catalogue") / "resources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def status_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("status") / "link-history.json"
    links = {
        REPORTED_URL: {"status": "broken", "report": True, "http_status": 404, "checked_at": "2026-11-20T03:00:00Z"},
        "https://www.augeo.nl/kindcheck": {"status": "ok", "checked_at": "2026-11-20T03:00:00Z"},
        "https://www.inkoopsociaaldomein.nl": {"status": "moved", "checked_at": "2026-11-20T03:00:00Z"},
    }
    path.write_text(json.dumps({"version": 1, "checked_at": "2026-11-20T03:00:00Z", "links": links}))
    return path


@pytest.fixture(scope="session")
def fixture_site(once_per_run, hostile_catalogue, status_file) -> Path:
    return once_per_run("fixture-site", lambda site: build_site(site, hostile_catalogue, status_file))


@pytest.fixture(scope="session")
def unchecked_site(once_per_run) -> Path:
    return once_per_run("unchecked-site", lambda site: build_site(site, FIXTURE, None))
