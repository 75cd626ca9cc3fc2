"""MkDocs event glue for the INR survey.

Load and validate papers/, add generated files, expand markers. All logic lives in the
`inrsurvey` package; this file only adapts it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from inrsurvey.model import Catalog
from inrsurvey.problems import preview, strict_message
from inrsurvey.render.html import secure_external_links
from inrsurvey.render.markers import MarkerError, expand_markers
from inrsurvey.render.sanitize import clean_html
from inrsurvey.render.search_meta import search_group
from inrsurvey.search import SEARCH_DIR, StreamingIndex
from inrsurvey.site import GeneratedFile, SiteOptions, plan_preview
from inrsurvey.validate import check

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.inrsurvey")


@dataclass
class _State:
    catalog: Catalog | None = None
    planned: list[GeneratedFile] = field(default_factory=list)
    generated: set[str] = field(default_factory=set)
    context: dict[str, object] = field(default_factory=dict)
    search: StreamingIndex | None = None


_state = _State()


def _papers_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "papers"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate papers/; log each problem as a warning (so --strict fails); plan the pages."""
    global _state
    if _state.search is not None:
        _state.search.close()
    _state = _State()
    result = check(_papers_dir(config))
    for problem in result.problems:
        log.warning(str(problem))
    if result.problems and config.strict:
        raise PluginError(strict_message(result.problems))
    view = preview(result.catalog, result.problems, result.failed)
    _state.catalog = view.catalog
    options = SiteOptions(site_url=config.site_url or "", site_name=config.site_name)
    _state.planned = plan_preview(view, options)
    config.extra["inr_problems"] = len(result.problems)
    config.extra["inr_left_out"] = len(view.left_out)
    tags = config.plugins.get("material/tags")
    if tags is not None:
        from material.plugins.tags.structure.tag import Tag

        tags.config.tags_allowed = {Tag(t.name) for t in view.catalog.taxonomy.tags}
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add every generated page and download as a virtual file."""
    existing = {file.src_uri for file in files}
    for planned in _state.planned:
        if planned.uri in existing:
            raise PluginError(f"docs/{planned.uri} is generated from papers/; remove the hand-written file")
        # Generated pages are reached through the overview pages, not the nav: no "not in nav" notice each.
        file = File.generated(config, planned.uri, content=planned.content, inclusion=InclusionLevel.NOT_IN_NAV)
        if planned.source:
            file.edit_uri = "../" + planned.source  # relative to the configured edit_uri (docs/)
        files.append(file)
        _state.generated.add(planned.uri)
        if planned.context:
            _state.context[planned.uri] = planned.context
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand `<!-- inrsurvey:... -->` markers in hand-written pages."""
    if page.file.src_uri in _state.generated or _state.catalog is None:
        return markdown
    try:
        return expand_markers(markdown, _state.catalog, page.file.src_uri)
    except MarkerError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from error


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Pass every page that shows data from papers/ through the allow-list sanitizer."""
    if page.file.src_uri.startswith("reference/"):
        return html
    return clean_html(html)


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Give the page template its extra data (citation metadata of method pages) and search group."""
    inr = _state.context.get(page.file.src_uri)
    context["inr"] = inr  # type: ignore[typeddict-unknown-key]
    generated = page.file.src_uri in _state.generated
    kind = str(inr.get("kind")) if isinstance(inr, dict) else None
    context["inr_search_group"] = search_group(page.file.src_uri, generated=generated, kind=kind)  # type: ignore[typeddict-unknown-key]
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Start the search index, which takes pages as they are rendered."""
    if _state.search is not None:
        _state.search.close()
    try:
        _state.search = StreamingIndex(language=config.theme.get("language") or "en")
    except Exception as error:
        raise PluginError(f"the search index could not start: {error}") from error
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Open every link to another host with rel="noopener"; send searchable pages to the index."""
    output = secure_external_links(output)
    search = page.meta.get("search") or {}
    if _state.search is not None and not (isinstance(search, dict) and search.get("exclude")):
        _state.search.add("/" + page.url, output)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the search index beside the pages."""
    if _state.search is None:
        return
    index, _state.search = _state.search, None
    try:
        count = index.finish(Path(config.site_dir) / SEARCH_DIR)
    except RuntimeError as error:
        raise PluginError(f"the search index could not be built: {error}") from error
    log.info(f"search index: {count} pages")


def on_build_error(*, error: Exception) -> None:
    """Stop the search index after a failed build."""
    if _state.search is not None:
        _state.search.close()
        _state.search = None


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from templates alone (404.html)."""
    return secure_external_links(output_content) if template_name.endswith(".html") else output_content


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Rebuild on changes to papers/ and to the package, with the package's current code.

    MkDocs loads this hook file once per process, and the modules it imports stay
    loaded; before each rebuild the package is forgotten and this file run again in
    place, so an edit to the package shows without a restart.
    """
    hooks_dir = str(Path(__file__).resolve().parent)
    server.watch(str(_papers_dir(config)))
    server.watch(str(Path(hooks_dir) / "inrsurvey"))
    hook = sys.modules[__name__]

    def rebuild() -> None:
        for name in [m for m in sys.modules if m == "inrsurvey" or m.startswith("inrsurvey.")]:
            del sys.modules[name]
        sys.path.insert(0, hooks_dir)
        try:
            assert hook.__spec__ is not None and hook.__spec__.loader is not None
            hook.__spec__.loader.exec_module(hook)
        finally:
            sys.path.remove(hooks_dir)
        builder()

    server.builder = rebuild
    return server
