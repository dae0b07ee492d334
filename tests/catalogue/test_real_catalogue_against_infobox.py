"""The real catalogue (data/resources.yaml) against the Infobox it was transcribed from.

The seed is a verbatim copy of the PDF-to-text dump of the Infobox (tests/fixtures/seed_infobox.txt).
Expected values below were read from that seed by hand; where possible the test derives them from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Catalogue, Resource
from infobox.cli import main
from tests.support.paths import REPO as ROOT
from tests.support.sitebuild import build_site

CATALOGUE_FILE = ROOT / "data" / "resources.yaml"
SEED_FILE = ROOT / "tests" / "fixtures" / "seed_infobox.txt"

KWALITEITSKADER_PDF = (
    "https://vng.nl/sites/default/files/2019-11/"
    "20191121_definitief_kwaliteitskader_werken_aan_veiligheid_voor_lokale_wijkteams_en_gemeenten.pdf"
)
NO_TOOLS = "Voor deze kwaliteitsstandaard zijn geen tools/instrumenten opgenomen."


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE_FILE)


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_urls(seed: str) -> set[str]:
    # "#_blank" is an artefact of the PDF's link annotations, not part of the address.
    return {url.removesuffix("#_blank") for url in re.findall(r"https?://\S+", seed)}


def squash(text: str) -> str:
    """Compare texts across the PDF's line breaks and hyphenation: drop whitespace, hyphens, artefacts."""
    return re.sub(r"[\s\-\u00ad\ufffd]", "", text).casefold()


def link_urls(catalogue: Catalogue) -> set[str]:
    return {link.url for resource in imported(catalogue) for link in resource.links}


def imported(catalogue: Catalogue) -> list[Resource]:
    """The entries transcribed from the Infobox: the seed checks run on these, so new entries are free."""
    return [r for r in catalogue.resources if r.from_infobox]


# --- URLs -------------------------------------------------------------------------------------------


def test_seed_has_72_distinct_urls(seed_urls):
    assert len(seed_urls) == 72


def test_every_seed_url_is_in_the_catalogue(catalogue, seed_urls):
    missing = seed_urls - link_urls(catalogue) - {catalogue.source.url}
    assert not missing, sorted(missing)


def test_no_link_outside_the_seed(catalogue, seed_urls):
    unknown = link_urls(catalogue) - seed_urls
    assert not unknown, sorted(unknown)


def test_source_is_the_kwaliteitskader_pdf(catalogue, seed_urls):
    assert catalogue.source.url == KWALITEITSKADER_PDF
    assert KWALITEITSKADER_PDF in seed_urls
    # The Kwaliteitskader is the source, not a resource.
    assert KWALITEITSKADER_PDF not in link_urls(catalogue)


def test_each_url_belongs_to_one_resource(catalogue):
    # A page listed under several sub-items is one resource with several references, not a copy.
    shared = {url: [r.id for r in owners] for url, owners in catalogue.urls().items() if len(owners) > 1}
    assert not shared


def test_urls_kept_exactly(catalogue):
    urls = link_urls(catalogue)
    assert "https://www.integraalwerkenindewijk.nl/zelfevaluatietool-sociaal-domein-–-toegang-en-samenhang-hulp" in urls
    assert any("utm_source=regiesociaaldomein.nl&utm_medium=redirect&utm_campaign=redirect" in u for u in urls)
    assert not any("#_blank" in u for u in urls)


# --- Standards --------------------------------------------------------------------------------------

EXPECTED_LETTERS = {
    "1": "",
    "2": "",
    "3": "ABCDE",
    "4": "",
    "5": "",
    "6": "ABCDE",
    "7": "ABC",
    "8": "ABCDEFGHIJ",
    "9": "",
    "10": "ABCDEFG",
}


def test_standards_and_their_letters(catalogue):
    assert [s.id for s in catalogue.standards] == list(EXPECTED_LETTERS)
    for standard in catalogue.standards:
        assert "".join(item.letter for item in standard.items) == EXPECTED_LETTERS[standard.id], standard.id
        assert standard.title.strip()
        assert standard.text.strip()
        for item in standard.items:
            assert item.text.strip(), item.ref


# Documented corrections of text-extraction artefacts (see the comments in the YAML).
CORRECTED = {"8G": ("(o.a. LVB", "90.a. LVB")}


def test_standard_and_item_texts_are_the_seeds(catalogue, seed):
    squashed_seed = squash(seed)
    for standard in catalogue.standards:
        assert squash(standard.text) in squashed_seed, standard.id
        for item in standard.items:
            text = item.text
            if item.ref in CORRECTED:
                text = text.replace(*CORRECTED[item.ref])
            assert squash(text) in squashed_seed, item.ref


def test_spot_check_texts(catalogue):
    assert catalogue.standard("3").text == "Zorg ervoor dat alle professionals in de lokale (wijk)teams:"
    assert catalogue.standard("3").items[0].text.startswith("In staat zijn te werken met de Meldcode")
    assert "veiligheidsbeoordeling" in catalogue.standard("6").items[2].text  # "veiligheidsbe-oordeling"
    assert catalogue.standard("1").note.startswith("Visie gefaseerde ketenzorg ‘Eerst samenwerken voor veiligheid")
    assert catalogue.standard("1").note.endswith("GGD GHOR Nederland, mei 2016")


EXPECTED_SEE_ALSO = {
    "5": ("6C",),  # the "Zie ook kwaliteitstandaard 6c." on the shared page of 4 and 5
    "6B": ("1",),
    "8A": ("6C",),
    "8C": ("3D",),
    "8E": ("6D",),
    "8I": ("6D",),
    "8J": ("6D",),
}


def see_also_by_ref(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    found = {s.id: s.see_also for s in catalogue.standards if s.see_also}
    found.update({i.ref: i.see_also for s in catalogue.standards for i in s.items if i.see_also})
    return found


def test_see_also_references(catalogue, seed):
    assert see_also_by_ref(catalogue) == EXPECTED_SEE_ALSO
    # As many references as the seed prints "Zie ook kwaliteits(s)tandaard …".
    printed = re.findall(r"Zie ook kwaliteits?standaard (\d+[a-j]?)", seed)
    assert sorted(p.upper() for p in printed) == sorted(r for refs in EXPECTED_SEE_ALSO.values() for r in refs)


def test_no_tools_notes(catalogue, seed):
    with_note = [i.ref for s in catalogue.standards for i in s.items if i.note]
    assert with_note == ["8G", "8H"]
    assert all(catalogue.standard("8").items[ord(x) - ord("A")].note == NO_TOOLS for x in "GH")
    assert squash(seed).count(squash(NO_TOOLS)) == len(with_note)


def test_no_reference_left_empty(catalogue):
    """Every sub-item (or standard without sub-items) has resources, a see_also, or a note."""
    for standard in catalogue.standards:
        targets = standard.items or (standard,)
        for target in targets:
            ref = getattr(target, "ref", standard.id)
            found = catalogue.resources_for(ref) or catalogue.resources_for(standard.id)
            assert found or target.see_also or target.note, ref


# --- Resources --------------------------------------------------------------------------------------


def test_every_standard_reference_is_valid(catalogue):
    valid = set(catalogue.references())
    for resource in catalogue.resources:
        assert resource.standards, resource.id
        assert set(resource.standards) <= valid, resource.id


def test_only_seed_blocks_without_url_have_no_links(catalogue):
    linkless = {r.id for r in catalogue.resources if not r.links}
    assert linkless == {
        "model-samen-werken-aan-veiligheid-en-herstel",
        "handreiking-kinderen-in-de-meldcode",  # 3D bullet, no URL in the dump
        "academie-praten-met-kinderen",  # 3D bullet, no URL in the dump
    }


def test_links_have_labels(catalogue):
    for resource in catalogue.resources:
        for link in resource.links:
            assert link.label.strip(), (resource.id, link.url)


# Review dates were separated from provenance on this day; an earlier `reviewed` is not a check by a person
# (the old `2021-01-25` came from a linked file's name).
CHECKS_START = dt.date(2026, 11, 29)


def test_no_check_date_nobody_made(catalogue):
    assert "niet vóór 25 januari 2021" in catalogue.source.edition  # the Infobox itself is undated
    for resource in catalogue.resources:
        assert resource.reviewed is None or resource.reviewed >= CHECKS_START, resource.id


def test_organisations_spelled_one_way(catalogue):
    spellings: dict[str, set[str]] = {}
    for resource in catalogue.resources:
        for name in resource.organisations:
            spellings.setdefault(squash(name), set()).add(name)
    assert all(len(names) == 1 for names in spellings.values()), spellings


def test_groups_are_seed_headings(catalogue, seed):
    squashed_seed = squash(seed)
    groups = {heading for r in catalogue.resources for _, heading in r.groups}
    assert len(groups) >= 10
    for group in groups:
        assert squash(group) in squashed_seed, group


def test_descriptions_free_of_pdf_hyphenation(catalogue):
    # "gemeen- ten" is a broken word; "sociaal- en", "inkoop- danwel" are real hyphens.
    broken = re.compile(r"[a-zà-ÿ]- (?!en |of |danwel )[a-zà-ÿ]")
    for resource in catalogue.resources:
        assert not broken.search(resource.description), resource.id
        assert "\ufffd" not in resource.description and "\t" not in resource.description, resource.id
    for standard in catalogue.standards:
        for text in (standard.text, *(i.text for i in standard.items)):
            assert not broken.search(text), standard.id


def refs_and_urls(catalogue: Catalogue, resource_id: str) -> tuple[tuple[str, ...], list[str]]:
    resource = catalogue.resource(resource_id)
    return resource.standards, [link.url for link in resource.links]


def test_spot_check_kindcheck(catalogue):
    assert refs_and_urls(catalogue, "kindcheck") == (("3A",), ["https://www.augeo.nl/nl-nl/kindcheck"])
    assert catalogue.resource("kindcheck").organisations == ("Augeo",)


def test_spot_check_baeten_model(catalogue):
    model = catalogue.resource("model-samen-werken-aan-veiligheid-en-herstel")
    assert model.links == ()
    assert model.type == "model"
    assert model.organisations == ("Paul Baeten",)
    # "Hiervoor …" after 10G applies to the whole standard: shown once, at standard 10.
    assert model.standards == ("10",)


def test_spot_check_multi_link_blocks(catalogue):
    _, meldcode = refs_and_urls(catalogue, "informatie-werken-met-meldcode")
    assert meldcode == [
        "https://www.nji.nl/Werken-met-de-meldcode",
        "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode",
        "https://www.meldcode.nu",
    ]
    refs, visie = refs_and_urls(catalogue, "visie-gefaseerde-ketenzorg")
    assert refs == ("1",)
    assert visie[0] == "https://www.youtube.com/watch?v=C6uEmcWXT08"
    assert len(visie) == 3 and all(u.startswith("https://vng.nl/") for u in visie[1:])


@pytest.mark.parametrize(
    ("resource_id", "refs", "url"),
    [
        ("skj-scholing-en-opleidingen", ("3B", "3D", "3E", "6E", "8B"), "https://skjeugd.nl/scholing/opleidingen/"),
        ("movisie-huiselijk-en-seksueel-geweld", ("3B", "7B"), "https://www.movisie.nl/huiselijk-seksueel-geweld"),
        ("methodiek-relatiewijs", ("3B", "7B"), "https://www.movisie.nl/publicatie/relatiewijs"),
        ("1gezin1plan1regisseur", ("6A", "8B"), "https://www.1gezin1plan1regisseur.nl"),
        ("multifocus", ("6A", "7A"), "https://www.movisie.nl/interventie/multifocus"),
        ("signs-of-safety", ("7A", "8B"), "https://www.nji.nl/Signs-of-Safety"),
        ("teamkim-voorlichting", ("3D", "6E"), "https://www.team-kim.nl/voorlichting/"),
        (
            "nji-veiligheid-en-risicos-inschatten",
            ("6C", "8A"),
            "https://www.nji.nl/nl/Download-NJi/Publicatie-NJi/Veiligheid-en-risicos-inschatten-wat-helpt.pdf",
        ),
        (
            "nji-signaleren-van-kindermishandeling",
            ("3B", "6C"),
            "https://www.nji.nl/nl/Kennis/Dossier/Kindermishandeling/Signaleren-van-kindermishandeling",
        ),
    ],
)
def test_recurring_resources_are_one_entry(catalogue, resource_id, refs, url):
    assert refs_and_urls(catalogue, resource_id) == (refs, [url])


@pytest.mark.parametrize(
    ("url", "resource_id", "refs"),
    [
        # Decisions on ambiguous layout, see the comments in the YAML.
        (
            "https://indd.adobe.com/view/c5aaf1e8-e90a-497a-9329-bba62173a634",
            "handreiking-regie-aanpak-kindermishandeling",
            ("1",),
        ),
        ("https://www.wildekastanje.nl", "wilde-kastanje-trainingen", ("3C",)),
        (
            "https://vng.nl/sites/default/files/publicaties/2018/"
            "geweld-hoort-nergens-thuis-aanpak-huiselijk-geweld-en-kindermishandeling_1.pdf",
            "programmaplan-geweld-hoort-nergens-thuis",
            ("3E",),
        ),
        (
            "http://online-publicaties.nl/toetsingskadervolwassenensociaaldomein/"
            "ToezichtkaderStelseltoezichtVolwassenenSociaalDomein.pdf",
            "toezichtkader-sociaal-domein",
            ("4",),
        ),
        ("https://www.inkoopsociaaldomein.nl", "inkoop-sociaal-domein", ("9",)),
        ("https://signalenkaart.nl", "signalenkaart-kadera", ("3B",)),
    ],
)
def test_url_attached_to_its_block(catalogue, url, resource_id, refs):
    (owner,) = catalogue.urls()[url]
    assert (owner.id, owner.standards) == (resource_id, refs)


def test_split_bullets_keep_their_organisation(catalogue):
    group = [r for r in catalogue.resources if r.group_for("3B") == "Signaleren van geweld"]
    organisations = {name for r in group for name in r.organisations}
    assert {"NJi", "Kadera", "Movisie", "SKJ", "Augeo Academy", "Fier"} <= organisations
    assert len(group) == 7  # the seven bullets of the block


def test_yaml_grouped_per_standard_in_reading_order():
    headings = re.findall(r"^  # --- Kwaliteitsstandaard (\d+) ---$", CATALOGUE_FILE.read_text(encoding="utf-8"), re.M)
    assert headings == [str(n) for n in range(1, 11)]


# --- Fidelity of the imported entries (issue 12) -----------------------------------------------------
# These checks run only on entries with `provenance: infobox`, so an entry a maintainer adds (with its
# own URL, organisation and check date) passes them; a changed imported entry does not.

# Organisations the seed names in other words than the entry's text (each documented in the YAML).
ORGANISATION_SPELLINGS = {
    "Programma Zorg voor de Jeugd": "programma Zorg van de Jeugd",
    "Verwey-Jonker": "Verweij Jonker",
    "Landelijk Kenniscentrum LVB": "Landelijke Kenniscentrum LVB",
    "TeamKim": "gegeven door TeamKim",
    "Programma Geweld hoort nergens thuis": "programmaplan van Geweld hoort nergens thuis",
}


def yaml_block(resource_id: str) -> str:
    """The YAML text of one resource, with the comment lines directly above it."""
    text = CATALOGUE_FILE.read_text(encoding="utf-8")
    start = text.index(f"  - id: {resource_id}\n")
    end = text.find("\n  - id: ", start + 1)
    before = text[:start].rstrip("\n").split("\n")
    comments = []
    while before and before[-1].lstrip().startswith("#"):
        comments.insert(0, before.pop())
    return "\n".join(comments) + "\n" + text[start : end if end > 0 else None]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:])\s+", text) if s]


def fidelity_problems(catalogue: Catalogue, seed: str, yaml_of=yaml_block) -> list[str]:
    """Every way an imported entry says more than, or other than, the Infobox."""
    squashed_seed = squash(seed)
    seed_urls = {url.removesuffix("#_blank") for url in re.findall(r"https?://\S+", seed)}
    problems = []
    for r in imported(catalogue):
        printed = [link.infobox_url or link.url for link in r.links]  # a moved link keeps the Infobox's address
        problems += [f"{r.id}: {url} is not in the Infobox" for url in printed if url not in seed_urls]
        changed = [s for s in sentences(r.description) if squash(s) not in squashed_seed]
        if changed and "#" not in yaml_of(r.id):
            problems.append(f"{r.id}: text differs from the Infobox without a comment: {changed}")
        domains = {urlsplit(url).hostname.removeprefix("www.") for url in printed}
        for name in r.organisations:
            named = squash(ORGANISATION_SPELLINGS.get(name, name)) in squashed_seed
            in_text = squash(name) in squash(r.description) or name in ORGANISATION_SPELLINGS
            if not (name in domains or (named and in_text)):
                problems.append(f"{r.id}: {name!r} is neither named in its Infobox text nor its website")
        stated = {"type": [r.type], "audience": list(r.audience)}
        for field_name, values in stated.items():
            literal = all(v.casefold() in r.description.casefold() for v in values)
            if values and literal == (field_name in r.editorial):
                problems.append(f"{r.id}: {field_name} {values} marked {'editorial' if not literal else 'Infobox'}")
    return problems


def test_imported_entries_say_what_the_infobox_says(catalogue, seed):
    assert fidelity_problems(catalogue, seed) == []


def test_a_changed_imported_entry_is_caught(catalogue, seed):
    kindcheck = catalogue.resource("kindcheck")
    changed = dataclasses.replace(kindcheck, description=kindcheck.description + " Altijd gratis.")
    other_org = dataclasses.replace(kindcheck, organisations=("Movisie",))
    for resource in (changed, other_org):
        edited = dataclasses.replace(catalogue, resources=(resource,))
        assert fidelity_problems(edited, seed, yaml_of=lambda _id: "  - id: kindcheck"), resource


def test_organisations_as_the_seed_names_them(catalogue, seed):
    # Seed: "Het Toezicht Sociaal Domein en het programma Integraal Werken in de Wijk hebben deze …"
    line = re.search(r"Het Toezicht Sociaal Domein en het programma Integraal\s+Werken in de Wijk", seed)
    assert line
    assert catalogue.resource("zelfevaluatietool-sociaal-domein").organisations == (
        "Toezicht Sociaal Domein",
        "Programma Integraal Werken in de Wijk",
    )
    assert re.search(r"Augeo Academy\s+en Fier", seed)
    assert catalogue.resource("online-cursus-huwelijksdwang").organisations == ("Augeo Academy", "Fier")
    assert re.search(r"animatie van Veilig Thuis en Augeo", seed)
    assert {"Veilig Thuis", "Augeo"} <= set(catalogue.resource("visie-gefaseerde-ketenzorg").organisations)
    assert catalogue.resource("informatie-werken-met-meldcode").organisations == ("NJi", "Rijksoverheid")
    # "Deze websites bevatten informatie over de aanpak van ouderenmishandeling …" names nobody.
    assert re.search(r"Deze websites bevatten informatie over de aanpak\s+van ouderenmishandeling", seed)
    movisie_site = catalogue.resource("movisie-ouderenmishandeling")
    assert "Movisie" not in movisie_site.organisations and "Movisie" not in movisie_site.description


def test_types_do_not_contradict_the_seed(catalogue, seed):
    assert "bieden deze geaccrediteerde cursus aan" in seed
    assert catalogue.resource("cursus-communiceren-over-geweld").type != "online cursus"
    assert "informatie over deze samenwerking ‘Handle with care’" in seed
    assert catalogue.resource("handle-with-care").type != "methodiek"


def test_trauma_aanpak_is_hyphenated_as_printed(catalogue, seed):
    assert re.search(r"over trauma- \naanpak van het programma", seed)  # a line break after a real hyphen
    description = catalogue.resource("traumascreening-en-aanpak").description
    assert "trauma-aanpak" in description and "traumaaanpak" not in description


def test_group_headings_only_under_the_standards_that_print_them(catalogue, seed):
    multifocus = catalogue.resource("multifocus")  # under 6A without heading, under 7A in "Interventies"
    assert (multifocus.group_for("6A"), multifocus.group_for("7A")) == ("", "Interventies")
    teamkim = catalogue.resource("teamkim-voorlichting")
    assert teamkim.group_for("6E") == "Sociale steun aan kinderen"
    assert re.search(r"Sociale steun aan kinderen\n", seed)
    for resource in catalogue.resources:
        for ref, _ in resource.groups:
            assert ref in resource.standards, resource.id


def test_editorial_titles_are_said_once_on_the_site():
    over = (ROOT / "docs" / "over.md").read_text(encoding="utf-8")
    assert "korte titels van de\nkwaliteitsstandaarden" in over and "door de redactie van deze site toegevoegd" in over


# --- A maintainer adds a resource the way BEHEER.md says (issue 14) ---------------------------------


def beheer_example() -> str:
    guide = (ROOT / "BEHEER.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(  - id: .*?)```", guide, re.S).group(1)
    return block.replace("id: toolkit-meldcode", "id: nieuw-hulpmiddel").replace(
        "https://www.rijksoverheid.nl/", "https://www.example.org/"
    )


@pytest.fixture(scope="module")
def extended_catalogue_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("beheer") / "resources.yaml"
    path.write_text(CATALOGUE_FILE.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + beheer_example(), "utf-8")
    return path


def test_new_resource_as_beheer_describes_passes_validate_and_fidelity(extended_catalogue_file, seed, capsys):
    assert main(["validate", str(extended_catalogue_file)]) == 0
    extended = load_catalogue(extended_catalogue_file)
    new = extended.resource("nieuw-hulpmiddel")
    assert new.reviewed is not None and not new.from_infobox
    assert fidelity_problems(extended, seed) == []


def test_new_resource_as_beheer_describes_builds(extended_catalogue_file, tmp_path):
    site = build_site(tmp_path / "site", extended_catalogue_file, None)
    overview = (site / "hulpmiddelen" / "index.html").read_text(encoding="utf-8")
    assert 'id="nieuw-hulpmiddel"' in overview
    assert "Gecontroleerd: november 2026" in overview


def test_validate_sums_up_unchecked_entries_in_one_line(catalogue, capsys):
    count = sum(1 for r in catalogue.resources if r.reviewed is None)
    assert main(["validate", "--details", str(CATALOGUE_FILE)]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("waarschuwing:")]
    unchecked = [line for line in warnings if "nog door niemand gecontroleerd" in line]
    assert len(unchecked) == 1 and f"{count} hulpmiddelen" in unchecked[0], warnings
    assert len(warnings) <= 1 + sum(1 for r in catalogue.resources if r.reviewed)  # no line per unchecked entry


def test_the_shipped_infobox_list_is_the_imported_entries_and_the_seed(catalogue, seed_urls):
    """`validate` tells a copied `provenance: infobox` from a real one by infobox/catalogue/infobox_entries.py; that
    list must be exactly the imported entries, with links the Infobox itself prints."""
    from infobox.catalogue.infobox_entries import INFOBOX_ENTRIES

    printed = {r.id: tuple(link.infobox_url or link.url for link in r.links) for r in imported(catalogue)}
    assert printed == INFOBOX_ENTRIES
    assert {url for urls in INFOBOX_ENTRIES.values() for url in urls} <= seed_urls
