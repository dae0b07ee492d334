"""catalogue.xlsx: the open data for people, a workbook that opens in columns in (Dutch) Excel by double-click.

catalogue.csv stays the file for programs (its columns, English names and order are kept stable); this is the
same rows — one per resource and link — with Dutch headers, in an order for reading. The header row is frozen
and filterable, links are real hyperlinks (http, https and mailto only), dates are dates. Every text is
written as typed text, never as a formula; a text a spreadsheet would run as a formula when typed (see
infobox/exports/formulas.py) also gets Excel's quote-prefix style, so editing the cell keeps it text. The same
catalogue gives the same bytes: XlsxWriter dates the zip entries 1980-01-01 in memory mode, and the
document's own date is the catalogue's content date.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from infobox.catalogue.model import Catalogue, Link, Resource
from infobox.catalogue.vocabulary import THEMES
from infobox.exports.formulas import looks_like_formula
from infobox.exports.open_data import editorial_fields, links_or_none

SHEET_NAME = "Hulpmiddelen"
LINK_STARTS = ("https://", "http://", "mailto:")  # only these become clickable; anything else stays text
# Excel's limits: the longest hyperlink it opens, and the number of hyperlinks one sheet may hold.
MAX_URL_LENGTH = 2079
MAX_HYPERLINKS = 65_530
# A catalogue without any date a person gave it still gets a fixed document date: the zip entries' own.
NO_CONTENT_DATE = dt.datetime(1980, 1, 1)
FILTER_BUTTON_WIDTH = 3  # characters the autofilter's drop-down button covers in the header cell
FIRST_EXCEL_DATE = dt.date(1900, 3, 1)  # Excel has no dates before 1900; readers disagree on its first two months
LIST_SEPARATOR = "; "  # not ", ": theme labels ("Beleid, regie en samenwerking") hold commas

Value = str | dt.date | None


@dataclass(frozen=True)
class Column:
    header: str  # Dutch, what readers see
    field: str  # the catalogue.csv column it matches; editorial field names map to headers through it
    width: int  # in characters
    value: Callable[[Resource, Link | None], Value]


def _joined(values: tuple[str, ...]) -> str:
    return LIST_SEPARATOR.join(values)


COLUMNS: tuple[Column, ...] = (
    Column("Titel", "title", 45, lambda r, link: r.title),
    Column("Organisatie", "organisation_group", 28, lambda r, link: _joined(r.organisation_groups)),
    Column("Soort", "type", 14, lambda r, link: r.type),
    Column("Doelgroep", "audience", 22, lambda r, link: _joined(r.audience)),
    Column("Thema's", "themes", 40, lambda r, link: _joined(tuple(THEMES.get(t, t) for t in r.themes))),
    Column("Kwaliteitsstandaarden", "standards", 14, lambda r, link: _joined(r.standards)),
    Column("Beschrijving", "description", 60, lambda r, link: r.description),
    Column("Link", "link_url", 50, lambda r, link: link.url if link else ""),
    Column("Linktekst", "link_label", 30, lambda r, link: link.label if link else ""),
    Column("Organisatie volgens de Infobox", "organisation", 28, lambda r, link: _joined(r.organisations)),
    Column("Gecontroleerd op", "reviewed", 12, lambda r, link: r.reviewed),
    Column("Toegevoegd op", "added", 12, lambda r, link: r.added),
    Column("Herkomst", "provenance", 10, lambda r, link: r.provenance),
    Column("Gekozen door de redactie", "editorial", 30, lambda r, link: _editorial(r)),
    Column("Kenmerk", "resource_id", 30, lambda r, link: r.id),
)
# The catalogue's names of editorial fields (`editorial_fields`) as the headers of the columns they fill.
_HEADER_OF_FIELD = {
    **{column.field: column.header for column in COLUMNS},
    "organisation_groups": "Organisatie",
}


def _editorial(resource: Resource) -> str:
    return _joined(tuple(_HEADER_OF_FIELD.get(name, name) for name in editorial_fields(resource)))


def is_linkable(url: str) -> bool:
    """Whether a cell's URL becomes a hyperlink: an allowed scheme (exactly, lower case) and a length Excel opens."""
    return url.startswith(LINK_STARTS) and len(url) <= MAX_URL_LENGTH


def catalogue_to_xlsx(catalogue: Catalogue) -> bytes:
    """The workbook's bytes; the same catalogue always gives the same bytes."""
    # Imported here: validating, serving and every other command start without loading XlsxWriter.
    import xlsxwriter
    from xlsxwriter.utility import xl_col_to_name

    out = io.BytesIO()
    # Cells are only ever written with write_string/write_datetime/write_url, and these options make
    # sure nothing XlsxWriter does on its own turns a text into a formula, number or link.
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(out, options)
    content_date = catalogue.content_date
    workbook.set_properties(
        {
            "title": f"Hulpmiddelen — {catalogue.source.title}",
            "subject": "Open data van de Infobox Werken aan Veiligheid",
            "created": dt.datetime.combine(content_date, dt.time()) if content_date else NO_CONTENT_DATE,
        }
    )
    header = workbook.add_format({"bold": True, "bottom": 1})
    text_kept_text = workbook.add_format({"quote_prefix": True})
    date = workbook.add_format({"num_format": "d-m-yyyy", "align": "left"})
    sheet = workbook.add_worksheet(SHEET_NAME)

    for col, column in enumerate(COLUMNS):
        # Never narrower than the header and its filter button, so every header can be read.
        sheet.set_column(col, col, max(column.width, len(column.header) + FILTER_BUTTON_WIDTH))
        sheet.write_string(0, col, column.header, header)
    row = 0
    hyperlinks = 0
    for resource in catalogue.resources:
        for link in links_or_none(resource):
            row += 1
            for col, column in enumerate(COLUMNS):
                value = column.value(resource, link)
                if isinstance(value, dt.date) and value < FIRST_EXCEL_DATE:
                    sheet.write_string(row, col, value.isoformat())  # as the CSV writes it
                elif isinstance(value, dt.date):
                    sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date)
                elif not value:
                    continue  # an empty cell, as an empty CSV field
                elif column.field == "link_url" and is_linkable(value) and hyperlinks < MAX_HYPERLINKS:
                    hyperlinks += 1
                    sheet.write_url(row, col, value, string=value)
                else:
                    # Excel holds at most 32,767 characters in a cell; XlsxWriter cuts a longer text there.
                    sheet.write_string(row, col, value, text_kept_text if looks_like_formula(value) else None)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, row, len(COLUMNS) - 1)
    # "9" in Kwaliteitsstandaarden is a reference, not a number: no "number stored as text" warnings.
    sheet.ignore_errors({"number_stored_as_text": f"A1:{xl_col_to_name(len(COLUMNS) - 1)}{row + 1}"})
    workbook.close()
    return out.getvalue()
