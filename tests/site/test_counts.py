"""Counts from the catalogue (issue 20): every number the site states about the catalogue comes from the
data. A catalogue of three standards builds a site that says "drie" and never "tien", with three standard
pages in the navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from infobox.site.dutch import number_word
from tests.support.sitebuild import FIXTURE, build_site

KEPT = {"1", "2", "3"}


def kept(ref: str) -> bool:
    return re.match(r"\d+", ref).group() in KEPT


@pytest.fixture(scope="session")
def three_standard_site(tmp_path_factory, once_per_run) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["standards"] = [s for s in data["standards"] if s["id"] in KEPT]
    for entry in [*data["standards"], *(i for s in data["standards"] for i in s.get("items", []))]:
        see_also = [ref for ref in entry.pop("see_also", []) if kept(ref)]
        if see_also:
            entry["see_also"] = see_also
    resources = []
    for resource in data["resources"]:
        resource["standards"] = [ref for ref in resource["standards"] if kept(ref)]
        if resource["standards"]:
            resources.append(resource)
    data["resources"] = resources
    catalogue = tmp_path_factory.mktemp("three") / "resources.yaml"
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return once_per_run("three-standard-site", lambda site: build_site(site, catalogue, None))


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))


def test_a_three_standard_catalogue_never_says_ten(three_standard_site):
    saying_ten = [
        str(page.relative_to(three_standard_site))
        for page in sorted(three_standard_site.rglob("*.html"))
        if re.search(r"\btien\b", visible_text(page.read_text(encoding="utf-8")), re.I)
    ]
    assert not saying_ten
    for page in ["index.html", "kwaliteitsstandaarden/index.html"]:
        text = " ".join(visible_text((three_standard_site / page).read_text(encoding="utf-8")).split())
        assert "De drie kwaliteitsstandaarden" in text, page


def test_the_navigation_lists_the_catalogues_standards(three_standard_site):
    html = (three_standard_site / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="kwaliteitsstandaarden/(\d+)/"', html))
    assert linked == KEPT
    assert not (three_standard_site / "kwaliteitsstandaarden" / "4").exists()


@pytest.mark.parametrize("n, word", [(0, "nul"), (1, "een"), (3, "drie"), (10, "tien"), (20, "twintig"), (67, "67")])
def test_counts_are_written_as_dutch_readers_expect(n, word):
    assert number_word(n) == word
