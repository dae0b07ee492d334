"""Resource cards kept out of Markdown's way in the MkDocs build.

A card is a raw HTML block: Python-Markdown passes it through as it is, but only after scanning it for where
the block ends and stashing it, and on the A-Z, print and standard pages the cards are nearly all of the page,
so that scan is most of Markdown's work there. So the build hands Markdown each generated page with every card
replaced by an empty slot, and puts the cards back into the HTML Markdown makes: the same page, byte for byte
(tested against a build of the same pages as files).
MkDocs learns a page's anchors while rendering it, to check links to them; the cards' anchors are added
to what it found (`anchor_ids`).
"""

from __future__ import annotations

import html
import re

# A card as _card.html.j2 writes it: cards never nest, and catalogue text in them is escaped, so the first
# "</article>" ends the card.
CARD = re.compile(r'<article class="ib-card".*?</article>', re.S)
_SLOT = '<article class="ib-card" data-ib-slot="{}"></article>'
SLOT = re.compile(r'<article class="ib-card" data-ib-slot="(\d+)"></article>')
# An id attribute in a card; text in a card is escaped (no '"' in it), so only the template's attributes match.
_ID = re.compile(r'\sid="([^"]*)"')


def set_aside(source: str) -> tuple[str, list[str]]:
    """The page's Markdown with each card replaced by a numbered slot, and the cards in slot order."""
    cards: list[str] = []

    def slot(match: re.Match) -> str:
        cards.append(match[0])
        return _SLOT.format(len(cards) - 1)

    return CARD.sub(slot, source), cards


def put_back(html: str, cards: list[str]) -> str:
    """The HTML with every slot filled by its card again."""
    return SLOT.sub(lambda match: cards[int(match[1])], html) if cards else html


def anchor_ids(cards: list[str]) -> set[str]:
    """The ids in the cards, as an HTML parser reads them (character references resolved)."""
    return {html.unescape(value) for card in cards for value in _ID.findall(card)}
