"""catalogue.xlsx read back as a spreadsheet reads it (openpyxl): Dutch headers, the CSV's rows, the catalogue's
values, hyperlinks only for http/https/mailto, hostile text kept text, the same bytes every time."""

from __future__ import annotations

import csv
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
from infobox.exports.open_data import CSV_COLUMNS, catalogue_to_csv
from infobox.exports.xlsx import COLUMNS, catalogue_to_xlsx
from tests.support.paths import REPO

CATALOGUES = [
    REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml",
    REPO / "data" / "resources.yaml",
]
HEADERS = [
    "Titel",
    "Organisatie",
    "Soort",
    "Doelgroep",
    "Thema's",
    "Kwaliteitsstandaarden",
    "Beschrijving",
    "Link",
    "Linktekst",
    "Organisatie volgens de Infobox",
    "Gecontroleerd op",
    "Toegevoegd op",
    "Herkomst",
    "Gekozen door de redactie",
    "Kenmerk",
]
# The catalogue's editorial field names, as the Dutch headers of the columns they fill.
EDITORIAL_HEADERS = {
    "type": "Soort",
    "audience": "Doelgroep",
    "themes": "Thema's",
    "organisation_groups": "Organisatie",
}
HOSTILE = ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]


def read(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(data)).active


def records(sheet) -> list[dict[str, openpyxl.cell.Cell]]:
    rows = list(sheet.iter_rows())
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def text(cell) -> str:
    return "" if cell.value is None else cell.value


def hyperlink(cell) -> str | None:
    """The address a click on the cell opens (openpyxl keeps an external link's #fragment apart)."""
    if cell.hyperlink is None:
        return None
    link = cell.hyperlink
    return link.target + (f"#{link.location}" if link.location else "")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_the_workbook_holds_the_catalogue_under_dutch_headers(path):
    catalogue = load_catalogue(path)
    sheet = read(catalogue_to_xlsx(catalogue))
    assert [cell.value for cell in sheet[1]] == HEADERS
    rows = records(sheet)
    csv_rows = list(csv.DictReader(io.StringIO(catalogue_to_csv(catalogue))))
    assert [(text(r["Kenmerk"]), text(r["Link"])) for r in rows] == [
        (row["resource_id"], row["link_url"]) for row in csv_rows
    ]
    expected = [(r, link) for r in catalogue.resources for link in (r.links or (None,))]
    for row, (resource, link) in zip(rows, expected, strict=True):
        assert text(row["Titel"]) == resource.title
        assert text(row["Beschrijving"]) == resource.description
        assert text(row["Soort"]) == resource.type
        assert text(row["Organisatie"]).split("; ") == list(resource.organisation_groups)
        assert text(row["Organisatie volgens de Infobox"]).split("; ") == list(resource.organisations)
        assert text(row["Kwaliteitsstandaarden"]).split("; ") == list(resource.standards)
        assert text(row["Doelgroep"]) == "; ".join(resource.audience)
        assert text(row["Thema's"]) == "; ".join(THEMES[t] for t in resource.themes)
        assert text(row["Herkomst"]) == resource.provenance
        editorial = [EDITORIAL_HEADERS[f] for f in resource.editorial]
        editorial += ["Organisatie"] if resource.grouped_editorially else []
        assert text(row["Gekozen door de redactie"]) == "; ".join(editorial)
        assert text(row["Link"]) == (link.url if link else "")
        assert text(row["Linktekst"]) == (link.label if link else "")
        assert hyperlink(row["Link"]) == (link.url if link else None)
        for column, date in (("Gecontroleerd op", resource.reviewed), ("Toegevoegd op", resource.added)):
            assert row[column].value == (dt.datetime.combine(date, dt.time()) if date else None)
            assert row[column].is_date or not date
    assert sum(1 for row in rows for cell in row.values() if cell.hyperlink) == sum(
        len(r.links) for r in catalogue.resources
    )


def test_every_csv_column_has_an_xlsx_column_and_the_open_data_page_pairs_them():
    assert sorted(column.field for column in COLUMNS) == sorted(CSV_COLUMNS)
    page = (REPO / "docs" / "open-data.md").read_text(encoding="utf-8")
    pairs = re.findall(r"^\| ([^|`]+?) \| `(\w+)` \|$", page, flags=re.MULTILINE)
    assert pairs == [(column.header, column.field) for column in COLUMNS]
    assert [header for header, _ in pairs] == HEADERS


def test_the_header_is_frozen_filtered_and_columns_are_wide_enough():
    sheet = read(catalogue_to_xlsx(load_catalogue(CATALOGUES[1])))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:O{sheet.max_row}"
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert all(width >= len(header) + 2 for header, width in widths.items()), widths  # + the filter button
    assert widths["Beschrijving"] >= 50 and widths["Titel"] >= 40
    assert all(cell.font.b for cell in sheet[1])


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
    cells = [first["Titel"], first["Beschrijving"], first["Organisatie"], first["Linktekst"]]
    assert [cell.value for cell in cells] == HOSTILE  # the text itself, without an apostrophe added
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
    assert not first["Soort"].quotePrefix  # only text a spreadsheet would run gets the prefix
    assert first["Gecontroleerd op"].value == "1899-12-31"
    assert rows[-1]["Gecontroleerd op"].value == dt.datetime(2019, 1, 1)  # the second resource's date stays a date
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # not a single formula in the sheet
    links = {text(row["Link"]): hyperlink(row["Link"]) for row in rows if text(row["Kenmerk"]) == "kindcheck"}
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
