"""catalogue.xlsx: the open data for people, a workbook to filter, count and print in (Dutch) Excel.

catalogue.csv stays the file for programs (one row per resource and link, stable English columns); this
workbook is laid out for a person with a spreadsheet:
- "Hulpmiddelen": one row per resource, so counts and filters count resources. Each standard has a column
  of its own with a mark (the sub-items, or "hele standaard"), each theme a column marked "ja" (headed by
  its facet, "Geweld: …" or "Hulp: …") and each link a column, so a filter chooses one value instead of
  combinations. A column that would be empty on every row, or an optional one that says the same on every
  row (the provenance of an Infobox transcription), is left out; "Over dit bestand" says what it held.
- "Links": one row per link with its label, for the full list of addresses.
- "Over dit bestand": the source, its date, the standards' titles and what the editors chose.
Headers are frozen and filterable, long text wraps, pages print landscape with the header on every page.
Every text is written as typed text, never as a formula; a text a spreadsheet would run as a formula when
typed (infobox/exports/formulas.py) also gets Excel's quote-prefix style, so editing the cell keeps it
text. Links are real hyperlinks for http, https and mailto only. The same catalogue gives the same bytes:
XlsxWriter dates the zip entries 1980-01-01 in memory mode, and the document's date is the catalogue's.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from infobox.catalogue.model import Catalogue, Resource, standard_of
from infobox.catalogue.vocabulary import THEME_KINDS
from infobox.exports.formulas import looks_like_formula
from infobox.exports.open_data import editorial_fields

SHEET_NAME = "Hulpmiddelen"
LINKS_SHEET = "Links"
ABOUT_SHEET = "Over dit bestand"
LINK_STARTS = ("https://", "http://", "mailto:")  # only these become clickable; anything else stays text
# Excel's limits: the longest hyperlink it opens, and the number of hyperlinks one sheet may hold.
MAX_URL_LENGTH = 2079
MAX_HYPERLINKS = 65_530
# A catalogue without any date a person gave it still gets a fixed document date: the zip entries' own.
NO_CONTENT_DATE = dt.datetime(1980, 1, 1)
FILTER_BUTTON_WIDTH = 3  # characters the autofilter's drop-down button covers in the header cell
HEADER_LINE_HEIGHT = 15  # points per line of a wrapped header
FIRST_EXCEL_DATE = dt.date(1900, 3, 1)  # Excel has no dates before 1900; readers disagree on its first two months
LIST_SEPARATOR = "; "  # not ", ": theme labels ("Beleid, regie en samenwerking") hold commas
WHOLE_STANDARD = "hele standaard"
WRAP_FROM = 30  # columns at least this wide wrap their text; narrower ones hold short values
THEME_MARK = "ja"
FACET_PREFIX = {"vorm": "Geweld", "hulp": "Hulp"}  # short, so a theme's column stays narrow

Value = str | dt.date | None


@dataclass(frozen=True)
class Column:
    header: str  # Dutch, what readers see
    field: str  # the catalogue.csv column whose data it holds (several columns may share one)
    width: int  # in characters
    value: Callable[[Resource], Value]
    # When the column is left out: never ("always"), when empty on every row ("filled"), or when the same
    # on every row ("varied": a value every resource shares is said once, in "Over dit bestand").
    keep: str = "filled"


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def standard_mark(resource: Resource, standard: str) -> str:
    """What the column of `standard` says for a resource: its sub-items there, "hele standaard", or ""."""
    refs = [ref for ref in resource.standards if standard_of(ref) == standard]
    if standard in refs:
        return WHOLE_STANDARD
    return _joined(refs)


def _standard_column(standard: str) -> Column:
    return Column(f"Standaard {standard}", "standards", 12, lambda r: standard_mark(r, standard))


def _theme_column(facet: str, key: str, label: str) -> Column:
    return Column(f"{FACET_PREFIX[facet]}: {label}", "themes", 14, lambda r: THEME_MARK if key in r.themes else "")


def _link_column(index: int) -> Column:
    return Column(f"Link {index + 1}", "link_url", 45, lambda r: r.links[index].url if index < len(r.links) else "")


def columns(catalogue: Catalogue) -> tuple[Column, ...]:
    """The columns of the "Hulpmiddelen" sheet for this catalogue, before empty or constant ones are left out."""
    most_links = max((len(r.links) for r in catalogue.resources), default=0)
    return (
        Column("Titel", "title", 40, lambda r: r.title, keep="always"),
        Column("Organisatie", "organisation_group", 24, lambda r: _joined(r.organisation_groups)),
        Column("Soort", "type", 16, lambda r: r.type),
        Column("Doelgroep", "audience", 22, lambda r: _joined(r.audience)),
        *(_standard_column(standard.id) for standard in catalogue.standards),
        *(_theme_column(facet, key, label) for facet, _, labels in THEME_KINDS for key, label in labels.items()),
        Column("Beschrijving", "description", 60, lambda r: r.description),
        *(_link_column(index) for index in range(most_links)),
        Column("Organisatie volgens de Infobox", "organisation", 24, lambda r: _joined(r.organisations)),
        Column("Gecontroleerd op", "reviewed", 12, lambda r: r.reviewed),
        Column("Toegevoegd op", "added", 12, lambda r: r.added),
        Column("Herkomst", "provenance", 10, lambda r: r.provenance, keep="varied"),
        Column("Gekozen door de redactie", "editorial", 30, lambda r: _editorial(r)),
        Column("Kenmerk", "resource_id", 28, lambda r: r.id, keep="always"),
    )


def says_something(column: Column, resources: Sequence[Resource]) -> bool:
    """Whether a column earns its place (see `Column.keep`)."""
    if column.keep == "always":
        return True
    values = {column.value(resource) or None for resource in resources}
    return len(values) > 1 if column.keep == "varied" else values != {None}


def _editorial(resource: Resource) -> str:
    names = {
        "type": "Soort",
        "audience": "Doelgroep",
        "themes": "Thema's",
        "organisation_groups": "Organisatie",
    }
    return _joined([names.get(name, name) for name in editorial_fields(resource)])


def is_linkable(url: str) -> bool:
    """Whether a cell's URL becomes a hyperlink: an allowed scheme (exactly, lower case) and a length Excel opens."""
    return url.startswith(LINK_STARTS) and len(url) <= MAX_URL_LENGTH


def about_lines(catalogue: Catalogue, left_out: Sequence[Column]) -> list[tuple[str, Value]]:
    """The "Over dit bestand" sheet as (label, text) rows: where the data comes from and how to read it."""
    source = catalogue.source
    date = catalogue.content_date
    lines = [
        ("Bron", f"{source.title} ({source.publisher}), editie {source.edition}"),
        ("Adres van de bron", source.url),
        ("Laatst bijgewerkt", date or "onbekend"),
        ("Hulpmiddelen", f"{len(catalogue.resources)} (blad {SHEET_NAME}: één regel per hulpmiddel)"),
        ("Links", f"{sum(len(r.links) for r in catalogue.resources)} (blad {LINKS_SHEET}: één regel per link)"),
        (
            "Kolommen Standaard …",
            f"de onderdelen van die standaard waarbij het hulpmiddel hoort, of '{WHOLE_STANDARD}'",
        ),
        (
            "Kolommen Geweld: … en Hulp: …",
            f"'{THEME_MARK}' bij elk thema van het hulpmiddel: de vorm van geweld en de soort hulp",
        ),
        (
            "Gekozen door de redactie",
            "de kolommen waarvan de redactie van deze site de waarde koos; die waarde staat niet in de Infobox",
        ),
    ]
    for column in left_out:
        values = {column.value(resource) for resource in catalogue.resources} - {None, ""}
        said = f"bij elk hulpmiddel '{next(iter(values))}'" if values else "bij geen enkel hulpmiddel ingevuld"
        lines.append((f"Kolom {column.header}", f"weggelaten, want {said}"))
    lines += [(f"Standaard {s.id}", s.title) for s in catalogue.standards]
    return lines


class _Writer:
    """One workbook's formats and the cell rules every sheet shares."""

    def __init__(self, workbook) -> None:
        self.workbook = workbook
        self.header = workbook.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.text = workbook.add_format({"valign": "top"})
        self.wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
        self.date = workbook.add_format({"num_format": "d-m-yyyy", "align": "left", "valign": "top"})
        self.kept_text = workbook.add_format({"quote_prefix": True, "valign": "top"})
        self.kept_wrapped = workbook.add_format({"quote_prefix": True, "valign": "top", "text_wrap": True})
        self.label = workbook.add_format({"bold": True, "valign": "top"})
        self.hyperlinks: dict[str, int] = {}  # per sheet: Excel's limit is a sheet's

    def sheet(self, name: str, headers: Sequence[tuple[str, int]], rows: int):
        """A sheet with a frozen, filterable header that prints landscape with that header on every page."""
        sheet = self.workbook.add_worksheet(name)
        lines = 1
        for col, (header, width) in enumerate(headers):
            # Headers wrap: a column is never narrower than a header's longest word and the filter button.
            width = max(width, max(len(word) for word in header.split()) + FILTER_BUTTON_WIDTH)
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, self.header)
            lines = max(lines, -(-len(header) // (width - FILTER_BUTTON_WIDTH)))
        sheet.set_row(0, HEADER_LINE_HEIGHT * lines)  # spreadsheets do not all fit a row to wrapped text
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, rows, len(headers) - 1)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.repeat_rows(0)
        sheet.fit_to_pages(1, 0)  # as wide as one page, as many pages long as it takes
        return sheet

    def cell(self, sheet, row: int, col: int, value: Value, *, wrap: bool = False, link: bool = False) -> None:
        if isinstance(value, dt.date) and value < FIRST_EXCEL_DATE:
            sheet.write_string(row, col, value.isoformat(), self.text)  # as the CSV writes it
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.date)
        elif not value:
            return  # an empty cell, as an empty CSV field
        elif link and is_linkable(value) and self.hyperlinks.get(sheet.name, 0) < MAX_HYPERLINKS:
            self.hyperlinks[sheet.name] = self.hyperlinks.get(sheet.name, 0) + 1
            sheet.write_url(row, col, value, self.wrapped if wrap else self.text, string=value)
        elif looks_like_formula(value):
            sheet.write_string(row, col, value, self.kept_wrapped if wrap else self.kept_text)
        else:
            # Excel holds at most 32,767 characters in a cell; XlsxWriter cuts a longer text there.
            sheet.write_string(row, col, value, self.wrapped if wrap else self.text)


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
    writer = _Writer(workbook)
    resources = catalogue.resources

    every_column = columns(catalogue)
    shown = [column for column in every_column if says_something(column, resources)]
    sheet = writer.sheet(SHEET_NAME, [(c.header, c.width) for c in shown], len(resources))
    for row, resource in enumerate(resources, start=1):
        for col, column in enumerate(shown):
            value = column.value(resource)
            writer.cell(sheet, row, col, value, wrap=column.width >= WRAP_FROM, link=column.field == "link_url")
    # "9" or "3B" is a reference, not a number: no "number stored as text" warnings.
    sheet.ignore_errors({"number_stored_as_text": f"A1:{xl_col_to_name(len(shown) - 1)}{len(resources) + 1}"})

    links = [(resource, link) for resource in resources for link in resource.links]
    link_sheet = writer.sheet(
        LINKS_SHEET, [("Titel", 40), ("Linktekst", 30), ("Adres", 60), ("Kenmerk", 28)], len(links)
    )
    for row, (resource, link) in enumerate(links, start=1):
        writer.cell(link_sheet, row, 0, resource.title, wrap=True)
        writer.cell(link_sheet, row, 1, link.label, wrap=True)
        writer.cell(link_sheet, row, 2, link.url, wrap=True, link=True)
        writer.cell(link_sheet, row, 3, resource.id)

    left_out = [column for column in every_column if not says_something(column, resources)]
    about = workbook.add_worksheet(ABOUT_SHEET)
    about.set_column(0, 0, 34)
    about.set_column(1, 1, 90)
    for row, (label, text) in enumerate(about_lines(catalogue, left_out)):
        about.write_string(row, 0, label, writer.label)
        writer.cell(about, row, 1, text, wrap=True)
    about.set_landscape()
    about.set_paper(9)
    workbook.close()
    return out.getvalue()
