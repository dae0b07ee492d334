"""One rule for every CSV cell the project writes: a spreadsheet must never read it as a formula.

Excel and LibreOffice run a cell that begins with `=`, `+`, `-` or `@` as a formula (and a leading tab or
carriage return can hide such a start), so `=HYPERLINK(…)` in a title would become a live link or worse
("CSV injection"). A leading apostrophe makes the spreadsheet show the text as text. The zelfscan applies
the same rule in JavaScript (`neutraliseFormula` in docs/javascripts/zelfscan-core.js); both are tested on
the cases in tests/fixtures/csv_formula_cases.json. In catalogue.xlsx a cell is typed text, never a formula;
there the same cells get Excel's own "quote prefix" style instead of a visible apostrophe, so editing such a
cell in Excel keeps it text (infobox/exports/xlsx.py).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text`, typed or pasted into a cell, for a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralise_formula(text: str) -> str:
    """`text`, with an apostrophe in front when a spreadsheet would take it for a formula."""
    return f"'{text}" if looks_like_formula(text) else text
