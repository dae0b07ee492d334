"""Where things are in the repository, for tests and benchmarks."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEST_FIXTURES = REPO / "tests" / "fixtures"
SITE_FIXTURES = REPO / "tests" / "site" / "fixtures"
