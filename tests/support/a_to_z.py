"""What the A–Z list on /hulpmiddelen/ shows, for the filter tests: the visible cards and the count line."""

from __future__ import annotations

COUNT = "#ib-filter-count"


def visible_cards(page) -> list[str]:
    """Ids of the cards the filters leave visible, sorted."""
    return sorted(
        page.eval_on_selector_all(
            "#ib-resource-list .ib-card:not([hidden]) .ib-card__title", "els => els.map(e => e.id)"
        )
    )


def found(n: int) -> str:
    """The announced count line for `n` resources."""
    return f"{n} hulpmiddel{'' if n == 1 else 'en'} gevonden"
