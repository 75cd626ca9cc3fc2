"""The page of one method: header facts, network box, summary, related methods, cite block."""

from __future__ import annotations

import json
import re
from collections.abc import Collection

import markdown

from ..bib import format_entry
from ..citation import citation
from ..model import Catalog, Paper
from ..urls import UrlError, parse_url
from . import paths
from .leaderboard import results_section
from .lineage import neighbourhood
from .links import ext_link, link, rel
from .metadata import highwire_tags, page_json_ld
from .pagefront import page_front
from .sanitize import fence
from .search_meta import method_search_meta
from .summary import Finding, embed, render_summary
from .text import md, outside_code
from .wording import author_list, author_short, long_date, plain_citation, venue_label

RELATED_SAME_TASK = 8
"""How many other methods of the same task a method page lists (nearest in time)."""


def neutralize_html(markdown: str) -> str:
    """Make raw HTML and attribute lists in contributor Markdown show as text.

    `<` and `&` become entities and braces are escaped, so neither raw HTML (md_in_html)
    nor `{: ...}` attribute lists (attr_list) can apply to contributed text; code spans and
    blocks are left untouched.
    """
    return outside_code(
        markdown,
        lambda part: part.replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}"),
    )


def json_for_script(data: object) -> str:
    """JSON that is safe inside an HTML `<script>` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_meta(catalog: Catalog, paper: Paper, site_url: str) -> list[list[str]]:
    """Highwire Press `citation_*` tags for reference managers, as name/content pairs."""
    return highwire_tags(citation(paper), paper.posted.strftime("%Y/%m/%d") if paper.posted else "")


def json_ld(catalog: Catalog, paper: Paper, site_url: str = "") -> dict[str, object]:
    """The schema.org description of the page: a `WebPage` about the paper's `ScholarlyArticle`."""
    page_url = site_url.rstrip("/") + "/" + paths.page_url(paths.method(paper)) if site_url else ""
    return page_json_ld(paper, citation(paper), page_url)


def _front_matter(catalog: Catalog, paper: Paper) -> str:
    venue = paper.joined.venue
    description = f"{paper.title}. {author_short(paper.authors, paper.entry.et_al)}, {venue_label(venue, paper.year)}."
    tags = [t.name for t in paper.joined.tags]
    # The tags plugin lists the page under its tags; the page shows them once, in the facts card.
    return page_front(paper.name, description, tags=tags, hide=["tags"])


def search_facts(catalog: Catalog, paper: Paper) -> str:
    """The line a search result shows under the method's name: `CVPR 2021 · Image Super-Resolution`."""
    venue = paper.joined.venue
    where = venue_label(venue, paper.year)
    if venue.kind == "preprint" and paper.year:
        where += f", {paper.year}"
    task = paper.joined.task
    return f"{where} · {task.name}"


def method_head(catalog: Catalog, paper: Paper, site_url: str = "") -> dict[str, object]:
    """What the page template puts in `<head>`: citation meta tags, JSON-LD and search metadata."""
    return {
        "kind": "method",
        "head_meta": head_meta(catalog, paper, site_url),
        "jsonld": json_for_script(json_ld(catalog, paper, site_url)),
        "search_facts": search_facts(catalog, paper),
        "key_idea": paper.key_idea,
        "search_meta": method_search_meta(paper),
    }


def _links(paper: Paper) -> list[str]:
    links = []
    if paper.doi:
        links.append(ext_link("Paper (DOI)", f"https://doi.org/{paper.doi}"))
    elif paper.entry.get("url"):
        links.append(ext_link("Paper", paper.entry.get("url")))
    if paper.arxiv:
        links.append(ext_link(f"arXiv:{paper.arxiv}", f"https://arxiv.org/abs/{paper.arxiv}"))
        links.append(ext_link("PDF", f"https://arxiv.org/pdf/{paper.arxiv}"))
    for code in paper.code:
        detail = ", ".join(x for x in (code.framework, "official" if code.official else "unofficial") if x)
        links.append(ext_link("Code", code.url) + f" ({md(detail)})")
    if paper.project:
        links.append(ext_link("Project page", paper.project))
    return links


FACTS_WEIGHT = 2
"""Pagefind weight of the facts card (authors, venue, task): above summary text, below titles."""


def _fact(label: str, value: str, wide: bool = False) -> str:
    """One label/value pair of the facts card; `wide` pairs span the card's full width."""
    css = "inr-fact inr-fact-wide" if wide else "inr-fact"
    return f'<div class="{css}" markdown>\n<dt>{label}</dt>\n<dd markdown="span">{value}</dd>\n</div>'


def _facts(catalog: Catalog, paper: Paper, uri: str) -> str:
    """The facts card: who, where, which task and the links first; the rest behind "More facts" on phones.

    Both parts are definition lists laid out as grids of label/value pairs. The second sits in
    a `<details>` element that the stylesheet keeps open on wide screens, so on a phone the
    summary starts on the first screen.
    """
    venue = paper.joined.venue
    field, task = paper.joined.field, paper.joined.task
    where = link(venue_label(venue, paper.year), uri, paths.venue(venue, paper.year))
    if venue.kind != "preprint":
        where += f" · {md(venue.name)} ({venue.kind})"
    tasks = paper.joined.tasks
    task_links = [
        link(t.name, uri, paths.task(t)) + (" (primary)" if len(tasks) > 1 and t == task else "") for t in tasks
    ]
    main = [
        _fact("Authors", md(author_list(paper.authors, paper.entry.et_al)), wide=True),
        _fact("Published in", where, wide=True),
        _fact("Tasks" if len(tasks) > 1 else "Task", " · ".join(task_links), wide=True),
    ]
    links = _links(paper)
    if links:
        main.append(_fact("Links", " · ".join(links), wide=True))
    more, names = [], []
    if paper.year:
        more.append(_fact("Year", link(str(paper.year), uri, paths.year(paper.year))))
        names.append("year")
    if paper.posted:
        posted = link(long_date(paper.posted), uri, paths.year(paper.posted.year))
        more.append(_fact("First posted", f"{posted} on arXiv"))
        names.append("first posting")
    more.append(_fact("Field", link(field.name, uri, paths.field(field))))
    names.append("field")
    reps = paper.joined.representations
    if reps:
        label = "Representation" if len(reps) == 1 else "Representation (hybrid)"
        more.append(_fact(label, " + ".join(link(r.name, uri, paths.representation(r)) for r in reps)))
        names.append("representation")
    if paper.aliases:
        more.append(_fact("Also known as", md(", ".join(paper.aliases))))
        names.append("other names")
    tags = list(paper.joined.tags)
    if tags:
        more.append(_fact("Tags", " · ".join(link(t.name, uri, paths.tag(t)) for t in tags), wide=True))
        names.append("tags")
    return (
        f'<div class="inr-facts" data-pagefind-weight="{FACTS_WEIGHT}" markdown>\n'
        f'<dl class="inr-facts-list" markdown>\n' + "\n".join(main) + "\n</dl>\n"
        '<details class="inr-facts-more" markdown>\n'
        f"<summary>More facts: {', '.join(names)}</summary>\n"
        f'<dl class="inr-facts-list" markdown>\n' + "\n".join(more) + "\n</dl>\n</details>\n</div>\n"
    )


def _actions(paper: Paper, uri: str) -> str:
    """The citing actions under the title: copy the BibTeX, go to it, download it.

    "Copy BibTeX" is a link to the cite block that the site's script turns into a button of
    the same size (without the script it still leads to the entry).
    """
    download = rel(uri, paths.bib(paper.key))
    return (
        '<div class="inr-method-actions" data-pagefind-ignore="all" markdown>\n\n'
        f"{_copy_bibtex()} "
        '[Cite :material-arrow-down:](#cite){: .md-button title="The BibTeX entry and a plain-text citation" } '
        f"[:material-download: .bib]({download}){{: .md-button download title='Download the BibTeX file' }}\n"
        "{: .inr-cite-actions }\n\n"
        "</div>\n"
    )


def _copy_bibtex() -> str:
    """The "Copy BibTeX" control (a link to the entry until the script makes it a button)."""
    return "[:material-content-copy: Copy BibTeX](#cite){: .md-button .md-button--primary .inr-copy-bib }"


def source_label(url: str) -> str:
    """A short readable label for a source URL: `arXiv 2003.08934`, `DOI 10.1/x`, or host and path."""
    try:
        parts = parse_url(url)
    except UrlError:
        return "link"
    host = parts.site
    path = parts.path.strip("/")
    if host == "arxiv.org" and path.startswith("abs/"):
        return f"arXiv {path[4:]}"
    if host == "doi.org" and path:
        return f"DOI {path}"
    if host in ("github.com", "gitlab.com") and path:
        return f"{host}/{'/'.join(path.split('/')[:2])}"
    return host


def _sources(paper: Paper) -> str:
    """The pages the facts and summary were checked against, and the original survey's label."""
    if not paper.sources and not paper.survey:
        return ""
    lines = [f"- {ext_link(source_label(url), url)}" for url in paper.sources]
    note = ""
    if paper.survey:
        survey = paper.survey
        note = (
            f"\nThe original survey listed this method as {md(survey.label)} "
            f"({md(survey.field)} · {md(survey.task)}).\n"
        )
    return (
        '<div class="inr-sources" data-pagefind-ignore="all" markdown>\n\n'
        "## Sources\n\nFacts and summary checked against:\n\n" + "\n".join(lines) + "\n" + note + "\n</div>\n"
    )


def _key_idea(paper: Paper) -> str:
    return f"**Key idea.** {md(paper.key_idea)}\n{{: .inr-key-idea }}\n" if paper.key_idea else ""


def _builds_on(catalog: Catalog, paper: Paper, uri: str) -> str:
    """What the method builds on, each with where its paper says so; or why it builds on none."""
    items = [
        f"- {link(catalog.by_slug[b.method].name, uri, paths.method(b.method))}: {md(b.where)}"
        for b in paper.builds_on
        if b.method in catalog.by_slug
    ]
    if items:
        text = "In its authors' words, it builds on:\n\n" + "\n".join(items)
    elif paper.builds_on_none:
        text = f"It builds on none of the survey's methods: {md(paper.builds_on_none)}"
    else:
        return ""
    return f'<div class="inr-builds-on" markdown>\n\n## Builds on\n\n{text}\n\n</div>\n'


def _network(paper: Paper) -> str:
    inputs = ", ".join(md(i) for i in paper.inputs)
    outputs = ", ".join(md(o) for o in paper.outputs)
    return f'<div class="inr-network" markdown>\n\n**Network** · takes {inputs} → predicts {outputs}\n\n</div>\n'


def _related(catalog: Catalog, paper: Paper, uri: str) -> str:
    def names(items: list[Paper]) -> str:
        return ", ".join(link(p.name, uri, paths.method(p)) for p in items)

    lines = []
    shown = list(catalog.nearest_in_task(paper, RELATED_SAME_TASK))
    if shown:
        peers = len(catalog.by_task.get(paper.task, ())) - 1
        more = f" ({link(f'all {peers}', uri, paths.task(paper.joined.task))})" if peers > len(shown) else ""
        lines.append(f"- **Same task:** {names(shown)}{more}")
    if not lines:
        return ""
    return (
        '<div class="inr-related" data-pagefind-ignore="all" markdown>\n\n'
        "## Related methods\n\n" + "\n".join(lines) + "\n\n</div>\n"
    )


def _cite(catalog: Catalog, paper: Paper, uri: str) -> str:
    bibtex = format_entry(paper.entry).rstrip("\n")
    download = rel(uri, paths.bib(paper.key))
    return (
        '<div class="inr-cite" data-pagefind-ignore="all" markdown>\n\n'
        "## Cite\n\n"
        f"{fence(bibtex, 'bibtex')}\n\n"
        f"{_copy_bibtex()} "
        f"[:material-download: Download {md(paper.key)}.bib]({download}){{: .md-button download }}\n"
        "{: .inr-cite-actions }\n\n"
        f"Plain text: {md(plain_citation(catalog, paper))}\n"
        "{: .inr-plain-citation }\n\n"
        "</div>\n"
    )


PAGE_EXTENSIONS = ("abbr", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.superfences")
"""The site's extensions that decide which element ids a method page has."""


def method_anchors(catalog: Catalog, slug: str) -> frozenset[str]:
    """The element ids of a method's page, as its links' `#...` parts can name them.

    Rendered without the summary, which carries no ids (it has no table of contents).
    """
    page = method_page(catalog, catalog.by_slug[slug], summary=False)
    html = markdown.markdown(page.split("\n---\n", 1)[1], extensions=list(PAGE_EXTENSIONS))
    return frozenset(re.findall(r'\bid="([^"]*)"', html))


def summary_of(catalog: Catalog, paper: Paper, slugs: Collection[str] | None = None) -> tuple[str, list[Finding]]:
    """The method's summary rendered on its own, its links resolved, and what was not published.

    Args:
        catalog: the catalog whose methods the summary may link.
        paper: the method.
        slugs: the methods links may name (default: the catalog's); methods that did not
            load are added by `check`, so links to them are not reported again, and their
            sections are not checked.
    """
    cache: dict[str, Collection[str]] = {}

    def anchors(slug: str) -> Collection[str]:
        if slug not in cache:
            cache[slug] = method_anchors(catalog, slug) if slug in catalog.by_slug else _Everything()
        return cache[slug]

    known = catalog.by_slug if slugs is None else slugs
    return render_summary(neutralize_html(paper.body.strip()), paper.slug, known, anchors)


class _Everything(frozenset[str]):
    """Every anchor: the sections of a method that did not load are not checked."""

    def __contains__(self, item: object) -> bool:
        return True


def method_page(catalog: Catalog, paper: Paper, summary: bool = True) -> str:
    """The Markdown (with front matter) of a method's page (`summary=False`: its frame only)."""
    uri = paths.method(paper)
    parts = [
        _front_matter(catalog, paper),
        f"# {md(paper.name)}\n",
        f"{md(paper.title)}\n{{: .inr-title }}\n",
        _actions(paper, uri),
        _facts(catalog, paper, uri),
        # The key idea leads the summary, then what the network maps: on a phone both come
        # right after the short facts card.
        "## Summary\n\n"
        + _key_idea(paper)
        + "\n"
        + _network(paper)
        + "\n"
        + (embed(summary_of(catalog, paper)[0]) if summary else ""),
        _builds_on(catalog, paper, uri),
        results_section(catalog, paper, uri),
        _sources(paper),
        neighbourhood(catalog, paper),
        _related(catalog, paper, uri),
        _cite(catalog, paper, uri),
    ]
    return "\n".join(p for p in parts if p)
