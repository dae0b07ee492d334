"""catalogue.xlsx read back as a spreadsheet reads it (openpyxl): Dutch headers, the CSV's rows, the catalogue's
values, hyperlinks only for http/https/mailto, hostile text kept text, the same bytes every time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Link
from infobox.catalogue.vocabulary import THEMES
from infobox.cli import main
from infobox.exports.open_data import CSV_COLUMNS
from infobox.exports.xlsx import catalogue_to_xlsx, columns
from tests.support.paths import REPO

CATALOGUES = [
    REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml",
    REPO / "data" / "resources.yaml",
]
# The catalogue's editorial field names, as the Dutch headers of the columns they fill.
EDITORIAL_HEADERS = {
    "type": "Soort",
    "audience": "Doelgroep",
    "themes": "Thema's",
    "organisation_groups": "Organisatie",
}
HOSTILE = ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def read(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return workbook(data)["Hulpmiddelen"]


def records(sheet) -> list[dict[str, openpyxl.cell.Cell]]:
    rows = list(sheet.iter_rows())
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def text(cell) -> str:
    return "" if cell is None or cell.value is None else cell.value


def hyperlink(cell) -> str | None:
    """The address a click on the cell opens (openpyxl keeps an external link's #fragment apart)."""
    if cell.hyperlink is None:
        return None
    link = cell.hyperlink
    return link.target + (f"#{link.location}" if link.location else "")


def expected_mark(resource, standard: str) -> str:
    """Read from the references as the Kwaliteitskader writes them: "3" is the whole standard, "3B" a sub-item."""
    if standard in resource.standards:
        return "hele standaard"
    return "; ".join(
        ref for ref in resource.standards if ref[: len(standard)] == standard and ref[len(standard) :].isalpha()
    )


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_one_row_per_resource_with_its_standards_themes_and_links_in_columns_of_their_own(path):
    catalogue = load_catalogue(path)
    rows = records(read(catalogue_to_xlsx(catalogue)))
    assert len(rows) == len(catalogue.resources)
    for row, resource in zip(rows, catalogue.resources, strict=True):
        assert text(row["Titel"]) == resource.title
        assert text(row["Kenmerk"]) == resource.id
        assert text(row["Beschrijving"]) == resource.description
        assert text(row["Soort"]) == resource.type
        assert text(row["Organisatie"]).split("; ") == list(resource.organisation_groups)
        assert text(row["Organisatie volgens de Infobox"]).split("; ") == list(resource.organisations)
        assert text(row["Doelgroep"]) == "; ".join(resource.audience)
        for standard in catalogue.standards:
            assert text(row.get(f"Standaard {standard.id}")) == expected_mark(resource, standard.id)
        for key, label in THEMES.items():
            header = next((h for h in row if h and h.endswith(f": {label}")), None)
            assert text(row.get(header)) == ("ja" if key in resource.themes else ""), (resource.id, label)
        link_cells = [cell for header, cell in row.items() if header.startswith("Link ")]
        assert [text(c) for c in link_cells if c.value] == [link.url for link in resource.links]
        assert [hyperlink(c) for c in link_cells if c.value] == [link.url for link in resource.links]
        editorial = [EDITORIAL_HEADERS[f] for f in resource.editorial]
        editorial += ["Organisatie"] if resource.grouped_editorially else []
        assert text(row.get("Gekozen door de redactie")) == "; ".join(editorial)


def test_the_real_catalogue_reads_as_67_resources_with_usable_filters_and_no_empty_column():
    catalogue = load_catalogue(CATALOGUES[1])
    book = workbook(catalogue_to_xlsx(catalogue))
    sheet = book["Hulpmiddelen"]
    assert sheet.max_row - 1 == len(catalogue.resources) == 67
    assert sheet.freeze_panes == "B2"  # the header and the titles stay in view
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    for column in sheet.iter_cols(min_row=1):
        header, values = column[0].value, [cell.value for cell in column[1:] if cell.value not in (None, "")]
        assert values, f"column {header!r} is empty on every row"
        if header.startswith(("Geweld: ", "Hulp: ")):
            assert set(values) == {"ja"}, header  # a filter offers one value, not combinations
        if header.startswith("Standaard "):
            assert all(len(v.split("; ")) <= 5 for v in values) and len(set(values)) <= 8, (header, set(values))
    headers = [cell.value for cell in sheet[1]]
    # The Infobox's transcriptions share one provenance and no review date yet: said once, not on 67 rows.
    assert "Herkomst" not in headers and "Gecontroleerd op" not in headers and "Standaard 5" not in headers
    about = {row[0]: row[1] for row in book["Over dit bestand"].iter_rows(values_only=True)}
    assert about["Kolom Herkomst"] == "weggelaten, want bij elk hulpmiddel 'infobox'"
    assert about["Kolom Standaard 5"] == "weggelaten, want bij geen enkel hulpmiddel ingevuld"
    assert about["Standaard 3"] == catalogue.standards[2].title
    links = records(book["Links"])
    assert [(text(r["Kenmerk"]), text(r["Adres"]), text(r["Linktekst"])) for r in links] == [
        (r.id, link.url, link.label) for r in catalogue.resources for link in r.links
    ]


def test_every_sheet_is_ready_to_print_and_long_text_wraps():
    book = workbook(catalogue_to_xlsx(load_catalogue(CATALOGUES[1])))
    for name in ("Hulpmiddelen", "Links"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == "$1:$1"  # the header on every printed page
        # One page wide (Excel's default width 1 is left out of the file), as many pages long as it takes.
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        assert all(cell.font.b for cell in sheet[1])
        widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
        # Headers wrap, so each word of a header and the filter button fit, on as many lines as the row holds.
        assert all(width >= max(map(len, h.split())) + 2 for h, width in widths.items()), widths
        assert all(cell.alignment.wrap_text for cell in sheet[1])
        lines = max(-(-len(h) // int(width - 2)) for h, width in widths.items())
        assert (sheet.row_dimensions[1].height or 15) >= 12 * lines  # 15 points: the default height
    rows = records(book["Hulpmiddelen"])
    assert all(row["Beschrijving"].alignment.wrap_text for row in rows)
    assert all(row["Titel"].alignment.wrap_text for row in rows)
    assert book["Hulpmiddelen"].column_dimensions["A"].width >= 40


def test_every_csv_column_has_a_place_in_the_workbook_and_the_open_data_page_pairs_them():
    catalogue = load_catalogue(CATALOGUES[1])
    assert {column.field for column in columns(catalogue)} | {"link_label"} == set(CSV_COLUMNS)
    page = (REPO / "docs" / "open-data.md").read_text(encoding="utf-8")
    pairs = re.findall(r"^\| ([^|`]+?) \| `(\w+)` \|$", page, flags=re.MULTILINE)
    assert {field for _, field in pairs} == set(CSV_COLUMNS)
    headers = {column.header for column in columns(catalogue)}  # also those a catalogue may leave out
    for described, _ in pairs:
        sheet, _, name = described.partition(": ")
        if sheet == "Links":
            assert name in ("Adres", "Linktekst"), described
        else:
            assert sheet == "Hulpmiddelen", described
            assert name in headers or any(h.startswith(name.rstrip("…")) for h in headers if name.endswith("…")), name


def hostile_catalogue():
    """The minimal catalogue with formula text in every text column and links a spreadsheet must not open.
    Built on the model: the loader already refuses the non-web links, and the writer must not rely on that."""
    catalogue = load_catalogue(CATALOGUES[0])
    first, second = catalogue.resources
    first = dataclasses.replace(
        first,
        title=HOSTILE[0],
        description=HOSTILE[1],
        organisations=(HOSTILE[2],),
        organisation_groups=(HOSTILE[2],),
        reviewed=dt.date(1899, 12, 31),  # before Excel's first date: kept as text, not shown as another date
        links=(
            Link(url="https://example.org/a b", label=HOSTILE[3]),
            Link(url="javascript:alert(1)", label="script"),
            Link(url="mailto:info@example.org", label="mail"),
            Link(url="file:///etc/passwd", label="bestand"),
            Link(url="data:text/html,<b>x</b>", label="data"),
            Link(url='=HYPERLINK("http://evil")', label="formule"),
            Link(url="HTTPS://EXAMPLE.ORG/", label="hoofdletters"),
        ),
    )
    return dataclasses.replace(catalogue, resources=(first, second))


def test_formula_text_stays_text_and_only_web_and_mail_links_are_clickable():
    data = catalogue_to_xlsx(hostile_catalogue())
    rows = records(read(data))
    first = rows[0]
    link_rows = records(workbook(data)["Links"])
    cells = [first["Titel"], first["Beschrijving"], first["Organisatie"], link_rows[0]["Linktekst"]]
    assert [cell.value for cell in cells] == HOSTILE  # the text itself, without an apostrophe added
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
    assert not first["Soort"].quotePrefix  # only text a spreadsheet would run gets the prefix
    assert first["Gecontroleerd op"].value == "1899-12-31"
    assert rows[-1]["Gecontroleerd op"].value == dt.datetime(2019, 1, 1)  # the second resource's date stays a date
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheets = [
            package.read(name).decode("utf-8") for name in package.namelist() if name.startswith("xl/worksheets/sheet")
        ]
    assert len(sheets) == 3 and not any("<f>" in xml or "<f " in xml for xml in sheets)  # not a single formula
    links = {text(row["Adres"]): hyperlink(row["Adres"]) for row in link_rows if text(row["Kenmerk"]) == "kindcheck"}
    in_row = {text(c): hyperlink(c) for h, c in first.items() if h.startswith("Link ") and c.value}
    assert in_row == links
    assert links == {
        "https://example.org/a b": "https://example.org/a%20b",
        "javascript:alert(1)": None,
        "mailto:info@example.org": "mailto:info@example.org",
        "file:///etc/passwd": None,
        "data:text/html,<b>x</b>": None,
        '=HYPERLINK("http://evil")': None,
        "HTTPS://EXAMPLE.ORG/": None,
    }


def test_the_same_catalogue_gives_the_same_bytes():
    catalogue = load_catalogue(CATALOGUES[1])
    first = catalogue_to_xlsx(catalogue)
    assert catalogue_to_xlsx(load_catalogue(CATALOGUES[1])) == first
    properties = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert properties.created == dt.datetime.combine(catalogue.content_date, dt.time())
    # Another catalogue, other bytes: the file says what it holds.
    assert catalogue_to_xlsx(hostile_catalogue()) != catalogue_to_xlsx(load_catalogue(CATALOGUES[0]))


def test_export_command_writes_the_workbook(tmp_path, capsys):
    out = tmp_path / "catalogue.xlsx"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "infobox",
            "export",
            "--format",
            "xlsx",
            "--out",
            str(out),
            "--catalogue",
            str(CATALOGUES[0]),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == catalogue_to_xlsx(load_catalogue(CATALOGUES[0]))
    assert main(["export", "--format", "xlsx", "--catalogue", str(CATALOGUES[0])]) == 2
    assert capsys.readouterr().err == "een xlsx-bestand kan niet naar het scherm: geef --out BESTAND.xlsx\n"
