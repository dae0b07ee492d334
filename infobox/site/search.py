"""Dutch search in Material's built-in search: extend the theme's search worker and index at build time.

Material's search works offline and its UI is accessible, but it cannot stem Dutch: every query term
becomes a prefix query and lunr skips the stemmer for those (see search_worker_nl.js for the details).
The fix lives in a small script appended to the copied worker in the built site, so the theme's files,
its UI and its index format stay untouched, and a Material update that renames the worker still works.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from rjsmin import jsmin

from infobox.site.pages import A_TO_Z, url_path
from infobox.site.search_keywords import KeywordMaker
from infobox.synonyms import Synonyms

WORKER_GLOB = "assets/javascripts/workers/search*.min.js"
PATCH = Path(__file__).with_name("search_worker_nl.js")
MARKER = "/* infobox: Dutch stemming */"
INDEX = "search/search_index.json"
CATALOGUE = "catalogue.json"  # the open-data export the build writes: the cards' source, as readers get it
RESOURCE_PAGE = url_path(A_TO_Z)
# A resource's own search result: no "#", so Material shows it as a result of its own (title and text),
# not as one of many sections folded under the A-Z page. hulpmiddelen-filter.js turns it into #<id>.
RESOURCE_RESULT = RESOURCE_PAGE + "?hulpmiddel="
KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 1.0
EXTRA = "_extra_keywords"  # a resource entry's own hidden keywords, merged into KEYWORDS_FIELD


class SearchWorkerNotFound(RuntimeError):
    pass


def extend_search_worker(site_dir: str | Path) -> Path:
    """Append the Dutch stemming patch to the search worker in `site_dir`; return the worker's path.

    Idempotent: `mkdocs serve` may call it again on a worker it has already extended.
    """
    workers = sorted(Path(site_dir).glob(WORKER_GLOB))
    if len(workers) != 1:
        raise SearchWorkerNotFound(f"expected one Material search worker, found {[w.name for w in workers]}")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if MARKER not in code:
        # The worker ends with a sourceMappingURL comment; code after it still runs. Minified, because every
        # page starts the worker, so every reader downloads the patch.
        worker.write_text(f"{code}\n{MARKER}\n{jsmin(PATCH.read_text(encoding='utf-8'))}", encoding="utf-8")
    return worker


def extend_search_index(site_dir: str | Path, synonyms: Synonyms) -> Path:
    """Give each resource a result of its own and every entry its hidden keywords; return the index path.

    A card's entry is rebuilt from the catalogue export (title, organisations, type, description), so the
    result shows what identifies the resource and nothing of the card's buttons or lists. Idempotent.
    """
    site = Path(site_dir)
    path = site / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    if KEYWORDS_FIELD in index["config"]["fields"] or not (site / CATALOGUE).exists():
        # Already extended, or `mkdocs serve` showing the error page of an invalid catalogue: nothing to index.
        return path
    catalogue = json.loads((site / CATALOGUE).read_text(encoding="utf-8"))
    resources = {r["id"]: r for r in catalogue["resources"]}
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page == RESOURCE_PAGE and anchor in resources:
            doc.update(resource_entry(resources[anchor], catalogue["themes"]))
    maker = KeywordMaker((f"{doc['title']} {doc['text']}" for doc in index["docs"]), synonyms)
    for doc in index["docs"]:
        keywords = " ".join(filter(None, (maker.keywords(f"{doc['title']} {doc['text']}"), doc.pop(EXTRA, ""))))
        if keywords:
            doc[KEYWORDS_FIELD] = keywords
    index["config"]["fields"][KEYWORDS_FIELD] = {"boost": KEYWORDS_BOOST}
    index["config"]["infobox_resource_result"] = RESOURCE_RESULT
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def resource_entry(resource: dict, theme_labels: dict[str, str]) -> dict:
    """The search entry of one resource: its title, then "organisation · type", then its description.

    Its themes and the one name of each organisation (the editors' grouping: "movisie.nl" is found as
    "Movisie") become hidden keywords: found, never shown as the Infobox's words.
    """
    organisations = " en ".join(resource["organisations"])
    extra = [name for name in resource["organisation_groups"] if name not in resource["organisations"]]
    extra += [theme_labels[key] for key in resource["themes"]]
    return {
        "location": RESOURCE_RESULT + resource["id"],
        "title": html.escape(resource["title"]),
        "text": f"<p>{html.escape(organisations)} · {html.escape(resource['type'])}</p>"
        f" <p>{html.escape(resource['description'])}</p>",
        EXTRA: " ".join(extra).lower(),
    }
