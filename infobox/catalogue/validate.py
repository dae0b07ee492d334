"""Every rule the catalogue must satisfy, reported all at once with the line of the offending node.

The structural rules come from the JSON Schema (infobox/catalogue/schema.py); the rules a schema cannot express
(unique ids, references that exist, link hygiene, review age) are the small functions below.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from infobox.catalogue.file_types import file_hint, label_names
from infobox.catalogue.infobox_entries import INFOBOX_ENTRIES
from infobox.catalogue.places import describe
from infobox.catalogue.schema import REF, SCHEMA, URL
from infobox.catalogue.tips import Fix, with_lines
from infobox.catalogue.vocabulary import LINK_SCHEMES, TYPE_GROUPS
from infobox.catalogue.yaml_messages import INDENT_HINT
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem, quote, shorten

MISSING = "ontbreekt (verplicht veld)"
REVIEW_INTERVAL_YEARS = 2  # the Kwaliteitskader itself is reviewed every two years

_URL_PATTERN = re.compile(URL["pattern"])
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def schema_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    for error in _VALIDATOR.iter_errors(doc.data):
        if error.validator == "pattern" and error.schema is REF:
            continue  # references are checked against the catalogue itself, with a better message
        path = tuple(error.absolute_path)
        for field_path, message, hint in _explain(error, path):
            problems.append(Problem(doc.file, doc.line(field_path), describe(doc.data, field_path), message, hint))
    return problems


def _explain(error: jsonschema.ValidationError, path: tuple) -> Iterator[tuple[tuple, str, str]]:
    """Dutch sentences a non-programmer can act on: (path of the field, message, hint)."""
    kind, value, expected = error.validator, error.instance, error.validator_value
    if kind == "required":
        typos = {str(key) for key in value if key not in error.schema.get("properties", {})}
        for name in expected:
            # A misspelt field ("organization") is reported once, as unknown with a suggestion.
            if name not in value and not difflib.get_close_matches(name, typos, n=1, cutoff=0.6):
                yield (*path, name), MISSING, f"voeg een regel '{name}: …' toe aan dit blok"
        return
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in sorted(set(value) - set(known), key=str):
            close = difflib.get_close_matches(str(extra), known, n=1, cutoff=0.6)
            if close:
                yield (*path, extra), f"is geen bekend veld; bedoelt u '{close[0]}'?", ""
            else:
                yield (*path, extra), "is geen bekend veld", f"bekende velden hier: {', '.join(known)}"
        return
    yield (path, *_explain_value(error, path, kind, value, expected))


def _explain_value(error: jsonschema.ValidationError, path: tuple, kind: str, value: Any, expected: Any):
    if value is None:  # "type:" with nothing after it, or only a comment ("title: #1 ...")
        choices = f"kies uit: {', '.join(map(str, expected))}; " if kind == "enum" else "vul de waarde in; "
        return "heeft geen waarde", choices + "tekst na een # is commentaar: zet zulke tekst tussen aanhalingstekens"
    if kind == "enum":
        close = suggestions(value, expected)
        if close:
            return f"{quote(value)} is geen toegestane waarde; bedoelt u {' of '.join(map(repr, close))}?", ""
        return f"{quote(value)} is geen toegestane waarde; kies uit: {', '.join(map(str, expected))}", ""
    if kind == "type":
        wanted = {"string": "tekst", "array": "een lijst", "object": "een blok met velden"}.get(expected, expected)
        if wanted == "tekst" and not isinstance(value, (dict, list)):
            return (
                f"moet tekst zijn, niet {quote(value)}",
                f'zet de waarde tussen aanhalingstekens: "{shorten(str(value))}"'
                if isinstance(value, (int, float, bool))
                else "",
            )
        got = {dict: "een blok met velden", list: "een lijst", str: "tekst"}.get(type(value), quote(value))
        hint = "begin elk element van een lijst op een nieuwe regel met '- '" if wanted == "een lijst" else INDENT_HINT
        return f"moet {wanted} zijn, maar is {got}", hint
    if kind in ("minLength", "pattern") and path and path[-1] == "url":
        return (
            f"{quote(value)} is geen volledig webadres dat begint met http:// of https://",
            "kopieer het adres uit de adresbalk van de browser",
        )
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "is leeg", ""
    if kind == "pattern":
        return f"{quote(value)} heeft niet de juiste vorm", error.schema.get("description", "")
    if kind == "format":
        dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", str(value))
        example = f"{dutch[3]}-{int(dutch[2]):02}-{int(dutch[1]):02}" if dutch else "2025-06-01"
        return f"{quote(value)} is geen geldige datum", f"schrijf jaar-maand-dag (JJJJ-MM-DD), bijvoorbeeld {example}"
    if kind == "maxLength":
        return f"is te lang: {len(value)} tekens, hoogstens {expected}", "maak de tekst korter"
    if kind == "minItems":
        return "mag niet leeg zijn", ""
    if kind == "uniqueItems":
        return "bevat een waarde twee keer", "laat de dubbele waarde weg"
    return error.message, ""


def suggestions(value: Any, choices: list[Any]) -> list[str]:
    """The values of a closed list a maintainer probably meant: same word in other capitals, a near miss,
    or a word of the same type group ("e-learning" -> training, online cursus)."""
    word = str(value).strip().casefold()
    texts = [choice for choice in choices if isinstance(choice, str)]
    same = [choice for choice in texts if choice.casefold() == word]
    if same:
        return same
    close = difflib.get_close_matches(word, texts, n=2, cutoff=0.6)
    if close:
        return close
    for _label, members in TYPE_GROUPS.values():
        if word in members:
            return [choice for choice in texts if choice in members]
    return []


def semantic_problems(doc: YamlDocument) -> list[Problem]:
    """Rules across entries. Robust to structural errors, so they are reported in the same run."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return [
        Problem(doc.file, doc.line(path), describe(data, path), message, hint)
        for rule in _rules()
        for path, message, hint in rule(data)
    ]


def _rules() -> tuple:
    return (
        _unique_ids,
        _references_exist,
        _links_are_sound,
        _groups_name_own_standards,
        _from_the_infobox,
        _removed_stay_removed,
        _editorial_is_marked,
        _organisation_names_map_once,
    )


def _entries(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, entry) of the blocks in data[key], skipping whatever the schema already rejects."""
    items = data.get(key) if isinstance(data, dict) else None
    for i, entry in enumerate(items if isinstance(items, list) else []):
        if isinstance(entry, dict):
            yield i, entry


def _strings(entry: dict[str, Any], key: str) -> Iterator[tuple[int, str]]:
    items = entry.get(key)
    for k, value in enumerate(items if isinstance(items, list) else []):
        if isinstance(value, str):
            yield k, value


def _unique_ids(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    seen: set[str | None] = set()
    for i, standard in _entries(data, "standards"):
        if _text(standard, "id") in seen - {None}:
            yield ("standards", i, "id"), f"kwaliteitsstandaard {standard['id']} staat er twee keer in", ""
        seen.add(_text(standard, "id"))
        letters: set[str | None] = set()
        for j, item in _entries(standard, "items"):
            if _text(item, "letter") in letters - {None}:
                yield (("standards", i, "items", j, "letter"), f"onderdeel {item['letter']} staat er twee keer in", "")
            letters.add(_text(item, "letter"))
    ids: set[str | None] = set()
    for i, resource in _entries(data, "resources"):
        if _text(resource, "id") in ids - {None}:
            yield (
                ("resources", i, "id"),
                f"id {quote(resource['id'])} wordt al door een ander hulpmiddel gebruikt",
                "kies een andere, unieke id",
            )
        ids.add(_text(resource, "id"))


def _text(entry: dict[str, Any], key: str) -> str | None:
    """entry[key] when it is text (anything else is the schema's to report)."""
    value = entry.get(key)
    return value if isinstance(value, str) else None


def _existing(data: dict[str, Any]) -> dict[str, list[str]]:
    """Standard id -> the references to its sub-items ("3" -> ["3A", "3B"]), in catalogue order.

    An id written as a number (3 instead of "3") still counts: the schema reports it once."""
    return {
        str(standard["id"]): [
            f"{standard['id']}{item['letter']}"
            for _, item in _entries(standard, "items")
            if isinstance(item.get("letter"), str)
        ]
        for _, standard in _entries(data, "standards")
        if isinstance(standard.get("id"), (str, int))
    }


def reference_problem(ref: str, existing: dict[str, list[str]]) -> tuple[str, str] | None:
    """Why `ref` does not name a standard or sub-item of this catalogue, or None.

    A standard's number alone ("10") is fine even when it has sub-items: a resource that applies to the whole
    standard is shown once, at the standard."""
    standards = ", ".join(map(shorten, existing))
    match = re.fullmatch(r"\s*(\d+)\s*([A-Za-z]?)\s*", ref)
    if not match:
        return (
            f"{quote(ref)} is geen kwaliteitsstandaard of onderdeel",
            'schrijf een nummer ("9") of nummer plus letter ("3A")',
        )
    number, letter = match.groups()
    number = shorten(number)  # only a long number is cut; no standard has one
    canonical = number + letter.upper()
    if number not in existing:
        return f"kwaliteitsstandaard {number} bestaat niet", f"de catalogus heeft de kwaliteitsstandaarden {standards}"
    items = existing[number]
    if letter and canonical not in items:
        if not items:
            return f"kwaliteitsstandaard {number} heeft geen onderdelen", f'schrijf alleen het nummer: "{number}"'
        return (
            f"onderdeel {canonical} bestaat niet",
            f"kwaliteitsstandaard {number} heeft de onderdelen {', '.join(map(shorten, items))}",
        )
    if ref != canonical:
        wrong = "moet met een hoofdletter" if letter.islower() else "bevat spaties"
        return f"{quote(ref)} {wrong}", f'schrijf "{canonical}"'
    return None


def _references_exist(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    existing = _existing(data)
    places = [(("standards", i), s) for i, s in _entries(data, "standards")]
    places += [
        (("standards", i, "items", j), item) for i, s in _entries(data, "standards") for j, item in _entries(s, "items")
    ]
    for path, entry in places:
        for k, ref in _strings(entry, "see_also"):
            problem = reference_problem(ref, existing)
            if problem:
                yield (*path, "see_also", k), *problem
    for i, resource in _entries(data, "resources"):
        for k, ref in _strings(resource, "standards"):
            problem = reference_problem(ref, existing)
            if problem:
                yield ("resources", i, "standards", k), *problem


def _links_are_sound(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    for i, resource in _entries(data, "resources"):
        seen: set[str] = set()
        for k, link in _entries(resource, "links"):
            path = ("resources", i, "links", k, "url")
            url = link.get("url")
            if not isinstance(url, str) or not _URL_PATTERN.match(url):
                continue  # the schema reports it
            if url in seen:
                yield path, "deze link staat al eerder bij dit hulpmiddel", "laat de tweede weg"
            seen.add(url)
            problem = url_problem(url)
            if problem:
                yield path, problem, ""


def _groups_name_own_standards(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """A block heading given per reference (`group: {"3B": …}`) must name one of the resource's own standards."""
    for i, resource in _entries(data, "resources"):
        group = resource.get("group")
        if isinstance(group, dict):
            own = [ref for _, ref in _strings(resource, "standards")]
            for ref in group:
                if ref not in own:
                    yield (
                        ("resources", i, "group", ref),
                        f"{quote(ref)} staat niet in `standards` van dit hulpmiddel",
                        f"kies uit {', '.join(own)}" if own else "",
                    )


def _removed_stay_removed(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """A removed id is not in use again (its old links would show the notice), and its way on exists."""
    current = {_text(resource, "id") for _, resource in _entries(data, "resources")} - {None}
    seen: set[str] = set()
    for i, removed in _entries(data, "removed"):
        ident, successor = _text(removed, "id"), _text(removed, "replaced_by")
        if ident in current:
            yield (
                ("removed", i, "id"),
                f"{quote(ident)} staat ook bij de hulpmiddelen; een verwijderd id komt niet terug",
                "haal het uit `removed`, of geef het hulpmiddel een nieuwe id",
            )
        elif ident in seen:
            yield ("removed", i, "id"), f"{quote(ident)} staat twee keer in `removed`", "laat één van de twee weg"
        if successor is not None and successor not in current:
            close = difflib.get_close_matches(successor, sorted(current), n=1, cutoff=0.6)
            hint = f"bedoelt u {close[0]!r}?" if close else "noem de id van een hulpmiddel dat in de catalogus staat"
            yield ("removed", i, "replaced_by"), f"er is geen hulpmiddel met id {quote(successor)}", hint
        seen.add(ident or "")


def _from_the_infobox(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """`provenance: infobox` only on entries of the Infobox (a copied block keeps it by accident)."""
    known_urls = {url for urls in INFOBOX_ENTRIES.values() for url in urls}
    drop = "laat de regel 'provenance: infobox' weg: die hoort alleen bij hulpmiddelen uit de Infobox"
    for i, resource in _entries(data, "resources"):
        if resource.get("provenance") != "infobox" or not isinstance(resource.get("id"), str):
            continue
        path = ("resources", i, "provenance")
        if resource["id"] not in INFOBOX_ENTRIES:
            yield path, f"zegt 'infobox', maar de Infobox heeft geen hulpmiddel met id {quote(resource['id'])}", drop
            continue
        for _, link in _entries(resource, "links"):
            printed = link.get("infobox_url", link.get("url"))  # a moved link keeps the Infobox's address
            if isinstance(printed, str) and printed not in known_urls:
                yield path, f"zegt 'infobox', maar de link {printed} staat niet in de Infobox", drop
                break


def date_problems(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Dates a person gave cannot be after today: the site shows them as when the content was checked."""
    data = doc.data if isinstance(doc.data, dict) else {}
    places: list[tuple] = [("source", "updated")]
    places += [("resources", i, key) for i, _ in _entries(data, "resources") for key in ("reviewed", "added")]
    places += [("removed", i, "date") for i, _ in _entries(data, "removed")]
    problems = []
    for path in places:
        value: Any = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else value[part] if isinstance(value, list) else None
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # the schema reports it
        if day and day > today:
            problems.append(
                Problem(
                    doc.file,
                    doc.line(path),
                    describe(data, path),
                    f"{value} ligt in de toekomst (vandaag is het {today.isoformat()})",
                    f"vul de datum in waarop het echt gebeurde, uiterlijk vandaag: {today.isoformat()}",
                )
            )
    return problems


_BLOCK_SCALAR = re.compile(r"^(?P<indent> *)(?:-\s+)?(?P<key>[\w-]+):\s+[>|][+-]?\s*(?:#.*)?$")
_WORD_COLON = re.compile(r"(?:^|\s)([\w-]+):(?=\s|$)")
_FIELD_LINE = re.compile(r"^(?P<indent> +)(?P<key>[\w-]+):(?:\s|$)")


def swallowed_fields(doc: YamlDocument) -> list[tuple[Problem, list[Fix]]]:
    """Fields written inside the text of a `description: >-` (indented too far), which YAML reads as text.

    With each, the edits that would put the field back; the loader shows the first that holds."""
    lines = doc.text.splitlines()
    fields = set(SCHEMA["properties"]["resources"]["items"]["properties"])
    found = []
    for i, resource in _entries(doc.data, "resources"):
        for key, value in resource.items():
            if not isinstance(value, str) or not fields.intersection(_WORD_COLON.findall(value)):
                continue  # most texts name no field; only then look at the lines
            start = doc.line(("resources", i, key))
            block = _BLOCK_SCALAR.match(lines[start - 1]) if isinstance(value, str) and start <= len(lines) else None
            if not block or block.group("key") != key:
                continue
            column = len(lines[start - 1]) - len(lines[start - 1].lstrip(" -"))
            end = start
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > column):
                end += 1
            while end > start and not lines[end - 1].strip():
                end -= 1
            for number in range(start + 1, end + 1):
                inside = _FIELD_LINE.match(lines[number - 1])
                if not inside or inside.group("key") not in fields:
                    continue
                name, text = inside.group("key"), lines[number - 1].strip()
                path = ("resources", i, name)
                problem = Problem(
                    doc.file,
                    number,
                    describe(doc.data, path),
                    f"staat in de tekst van '{key}', omdat de regel verder is ingesprongen dan '{key}:' "
                    f"({_indent(lines[number - 1])} spaties in plaats van {column})",
                )
                back = [" " * column + text]
                # The line in the middle of the text: moving it out keeps the text after it in the text.
                fixes = (
                    [
                        Fix(
                            f"zet de regel '{text}' onder de tekst van '{key}', {column} spaties ingesprongen",
                            with_lines(lines, number, [*lines[number:end], *back], end),
                            end,
                        )
                    ]
                    if number < end
                    else [
                        Fix(
                            f"zet '{name}:' {column} spaties in, even ver als '{key}:' op regel {start}",
                            with_lines(lines, number, back),
                            number,
                        )
                    ]
                )
                found.append((problem, fixes))
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# (parent list, child list, what a person calls an entry of each): fields that may land one level off.
_LEVELS = (("resources", "links", "het hulpmiddel", "de link"), ("standards", "items", "de standaard", "het onderdeel"))
_KEY_COLUMN = re.compile(r"^\s*(?:-\s+)?(?=[\w-]+:)")


def misplaced_fields(doc: YamlDocument) -> list[tuple[Problem, list[Fix], set[str]]]:
    """A field at its entry's level that belongs to the link (or sub-item) above it, or the other way round.

    YAML reads both as valid; the schema would say "is geen bekend veld" and "ontbreekt" on two lines. Here it
    is one problem, at the line as written, with the fields it explains (so those two are not repeated)."""
    lines = doc.text.splitlines()
    found = []
    for parents, children, parent_name, child_name in _LEVELS:
        schema = SCHEMA["properties"][parents]["items"]
        parent_keys = set(schema["properties"])
        child_schema = schema["properties"][children]["items"]
        child_keys = set(child_schema["properties"])
        for i, parent in _entries(doc.data, parents):
            kids = list(_entries(parent, children))
            for key in parent:
                if key in parent_keys or key not in child_keys:
                    continue
                line = doc.line((parents, i, key))
                lacking = [(k, kid) for k, kid in kids if key not in kid and doc.line((parents, i, children, k)) < line]
                if lacking:
                    k, kid = lacking[-1]
                    found.append(
                        _misplaced(
                            doc,
                            lines,
                            (parents, i, key),
                            (parents, i, children, k),
                            kid,
                            parent_name,
                            child_name,
                            up=True,
                        )
                    )
            for k, kid in kids:
                for key in kid:
                    if key in child_keys or key not in parent_keys or key in parent:
                        continue
                    found.append(
                        _misplaced(
                            doc,
                            lines,
                            (parents, i, children, k, key),
                            (parents, i),
                            parent,
                            child_name,
                            parent_name,
                            up=False,
                        )
                    )
    return found


def _misplaced(doc, lines, path, home, block, here, there, *, up: bool) -> tuple[Problem, list[Fix], set[str]]:
    """`path` is written in the block `here` but belongs to `home` (the block `there`)."""
    key, line = path[-1], doc.line(path)
    other = next(iter(block), None)
    other_line = doc.line((*home, other)) if other is not None else 0
    written = _KEY_COLUMN.match(lines[other_line - 1]) if 0 < other_line <= len(lines) else None
    explained = {describe(doc.data, path), describe(doc.data, (*home, key))}
    if not written or not 0 < line <= len(lines):  # e.g. a block in {…}: say what, without a tip
        return Problem(doc.file, line, describe(doc.data, path), f"'{key}:' hoort bij {there}"), [], explained
    column = written.end()
    message = (
        f"'{key}:' staat bij {here}, maar hoort bij {there}{' erboven' if up else ''}: "
        f"{_indent(lines[line - 1])} spaties in plaats van {column}"
    )
    fix = Fix(
        f"zet '{key}:' {column} spaties in, even ver als '{other}:' op regel {other_line}",
        with_lines(lines, line, [" " * column + lines[line - 1].lstrip(" ")]),
        line,
    )
    return Problem(doc.file, line, describe(doc.data, path), message), [fix], explained


def _editorial_is_marked(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """Themes are the editors' words, never the Infobox's: `editorial` must say so. An `added` date is the
    day the editors added a resource, so an entry transcribed from the Infobox cannot have one."""
    for i, resource in _entries(data, "resources"):
        editorial = resource.get("editorial")
        marked = editorial if isinstance(editorial, list) else []
        if resource.get("themes") and "themes" not in marked:
            yield (
                ("resources", i, "themes"),
                "thema's kiest de redactie; de Infobox noemt ze niet",
                "zet themes in `editorial`, bijvoorbeeld: editorial: [" + ", ".join([*marked, "themes"]) + "]",
            )
        if resource.get("added") and resource.get("provenance") == "infobox":
            yield (
                ("resources", i, "added"),
                "een hulpmiddel uit de Infobox heeft geen datum van toevoegen",
                "laat `added` weg, of laat `provenance: infobox` weg als het hulpmiddel nieuw is",
            )


def _organisation_names_map_once(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """Each name in `organisations:` belongs to one organisation, and a main name is nobody's other name."""
    names = {_text(o, "name") for _, o in _entries(data, "organisations")} - {None}
    seen: dict[str, str] = {}
    for i, group in _entries(data, "organisations"):
        for k, alias in _strings(group, "also"):
            path = ("organisations", i, "also", k)
            if alias in names:
                yield path, f"{quote(alias)} is zelf al de naam van een organisatie in deze lijst", "voeg de twee samen"
            elif alias in seen:
                yield path, f"{quote(alias)} hoort al bij {quote(seen[alias])}", "laat één van de twee weg"
            else:
                seen[alias] = str(group.get("name"))


def organisation_warnings(doc: YamlDocument) -> list[Problem]:
    """Names in `organisations:` that no resource uses (any more): harmless, but worth tidying."""
    used = {
        name.strip()
        for _, r in _entries(doc.data, "resources")
        for name in ([r["organisation"]] if isinstance(r["organisation"], str) else r["organisation"])
    }
    warnings = []
    for i, group in _entries(doc.data, "organisations"):
        for k, alias in _strings(group, "also"):
            if alias.strip() not in used:
                path = ("organisations", i, "also", k)
                warnings.append(
                    Problem(
                        doc.file,
                        doc.line(path),
                        describe(doc.data, path),
                        f"geen hulpmiddel heeft {quote(alias)} als organisatie",
                        "haal de naam uit de lijst",
                    )
                )
    return warnings


def url_problem(url: str) -> str | None:
    """Why a catalogue URL is unacceptable, or None. Non-ASCII paths are fine; browsers encode them."""
    if any(ch.isspace() for ch in url):
        return "bevat een spatie of regeleinde"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return f"{quote(url)} is geen geldig webadres"
    if parts.scheme not in LINK_SCHEMES:
        return f"{quote(url)}: alleen http:// en https:// zijn toegestaan"
    host = parts.hostname or ""
    if not host or "." not in host or host.startswith(".") or host.endswith("."):
        return f"{quote(url)} heeft geen geldige domeinnaam"
    return None


def review_warnings(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Entries whose content has not been checked for longer than the Kwaliteitskader's review cycle."""
    limit = review_limit(today)
    warnings = []
    for i, resource in enumerate(doc.data["resources"]):
        reviewed = resource.get("reviewed")
        if reviewed and dt.date.fromisoformat(reviewed) < limit:
            path = ("resources", i, "reviewed")
            warnings.append(
                Problem(
                    doc.file,
                    doc.line(path),
                    describe(doc.data, path),
                    f"laatst gecontroleerd op {reviewed}, meer dan "
                    f"{REVIEW_INTERVAL_YEARS} jaar geleden; controleer de inhoud en pas de datum aan",
                )
            )
    return warnings


def unchecked_summary(doc: YamlDocument) -> Problem | None:
    """One line for all entries no person has checked yet (no `reviewed`), instead of one line each."""
    unchecked = [r for r in doc.data["resources"] if not r.get("reviewed")]
    if not unchecked:
        return None
    imported = sum(1 for r in unchecked if r.get("provenance") == "infobox")
    return Problem(
        doc.file,
        doc.line(("resources",)),
        "resources",
        f"{len(unchecked)} hulpmiddelen zijn nog door niemand gecontroleerd ({imported} overgenomen uit de "
        "Infobox); zet na controle de datum in `reviewed` (lijst: pagina /beheer/ van de website)",
    )


def review_limit(today: dt.date) -> dt.date:
    """Entries last checked before this date are due for a new check."""
    return _years_before(today, REVIEW_INTERVAL_YEARS)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def label_warnings(doc: YamlDocument) -> list[Problem]:
    """Labels that name the file type the site already adds after them ("(PDF)")."""
    warnings = []
    for i, resource in _entries(doc.data, "resources"):
        for k, link in _entries(resource, "links"):
            hint = file_hint(link["url"])
            if label_names(link["label"], hint):
                path = ("resources", i, "links", k, "label")
                warnings.append(
                    Problem(
                        doc.file,
                        doc.line(path),
                        describe(doc.data, path),
                        f"{quote(link['label'])} noemt het bestandstype al; de site zet er zelf '({hint})' achter",
                        f"haal '{hint}' uit het label",
                    )
                )
    return warnings
