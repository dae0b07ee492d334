"""The small valid catalogue the maintainer-mistake tests edit, and how messages name its entries."""

from tests.support.paths import TEST_FIXTURES

FIXTURE = TEST_FIXTURES / "catalogues" / "valid-minimal.yaml"
VALID = FIXTURE.read_text(encoding="utf-8")

# How messages name a place: the resource by title and id, a standard by its number.
KINDCHECK = 'hulpmiddel "Kindcheck" (kindcheck)'
BAETEN = 'hulpmiddel "Samen werken aan Veiligheid en Herstel" (baeten-model)'
K0 = KINDCHECK + " › "
K1 = BAETEN + " › "
S0 = "kwaliteitsstandaard 1 › "
B3 = "onderdeel 3B › "
