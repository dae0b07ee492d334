"""The two static-site generators the browser tests run the site's checks on (fixtures in conftest.py)."""

import pytest

GENERATORS = ("mkdocs", "zensical")

# Runs a test (or, as `pytestmark`, a module) on the MkDocs build and on the Zensical build of mkdocs.yml.
on_both_builds = pytest.mark.parametrize("built_site", GENERATORS, indirect=True)
