"""Thin MkDocs plugin: load the portal, feed its pages in memory, set the nav, add assets.

Every real decision lives in the engine-agnostic core (build, pages, site_config).
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import kinds, offline, site_config
from generator.build import load_portal
from generator.errors import ContentErrors, print_findings
from generator.handouts import offers_pdfs, render_handouts
from generator.handouts import site_files as handout_site_files
from generator.handouts.pdf import CACHE_DIR, PdfReport, prune, render_pdfs
from generator.mkdocs_plugin import page_cache, parallel
from generator.mkdocs_plugin.collector import BuildCollector
from generator.mkdocs_plugin.config import TaalcoachConfig
from generator.mkdocs_plugin.converter import Converter
from generator.mkdocs_plugin.minify import strip_blank_lines
from generator.mkdocs_plugin.nav_html import FastNav, FastTabs, FastToc
from generator.mkdocs_plugin.theme_words import ThemeWords
from generator.pages import RenderedSite, nav_paths, render_pages
from generator.portal import Portal
from generator.sanitize import clean_html
from generator.search import SCRIPTS as SEARCH_SCRIPTS
from generator.search import STYLES as SEARCH_STYLES
from generator.search import search_files

log = logging.getLogger("mkdocs.plugins.taalcoach")

WATCHED = ("content", "quizzes")


class TaalcoachPlugin(BasePlugin[TaalcoachConfig]):
    def __init__(self) -> None:
        self.portal: Portal | None = None
        self.rendered: RenderedSite | None = None
        self.root = Path(".")
        self.command = "build"
        self.pdf_report: PdfReport | None = None  # of the last build; tests and benchmarks read it
        self.pdfs = True  # this build makes and links PDF handouts (set in on_config)
        self.shown_root: str | None = None  # the portal folder as typed on the command line
        self.page_cache: page_cache.PageCache | None = None  # of the current build
        self.workers: parallel.PageWorkers | None = None  # processes building a share of the pages
        self.collector = BuildCollector()  # the garbage collector's settings during `build`
        self.converter: Converter | None = None  # this process's Markdown converter (converter.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.page_cache = None  # `serve` builds again with the same plugin object
        self.workers = None
        self.converter = None  # mkdocs.yml (its Markdown extensions) may have changed
        self.root = (Path(config.config_file_path or ".").parent / self.config.portal_dir).resolve()
        try:
            # Paths in messages relative to the folder the user runs the command in.
            self.portal = load_portal(self.root, shown_root=self.shown_root or _relative_or_absolute(self.root))
        except ContentErrors as exc:
            raise PluginError(exc.report()) from None
        if self.command == "build" or self.command == "serve":
            # Rule warnings go to stderr, not to MkDocs' log: --strict turns log warnings into failure.
            print_findings(self.portal.warnings)
        # PDFs: on unless site.yml, the plugin option or --no-pdf switches them off; `serve`
        # shows the print versions only, so editing content never waits for WeasyPrint.
        self.pdfs = offers_pdfs(self.portal, self.config.handouts and self.command != "serve")
        self.rendered = render_pages(self.portal, self.pdfs)
        for path in self.rendered.skipped:
            log.info("docs/%s is hand-written and replaces the generated page", path)
        # The theme prints these unescaped: Text fields become Markup (escaped once, and left
        # alone by the theme's own '| e'), so a '<' or '"' in site.yml stays text on every page.
        config.site_name = kinds.text_html(self.portal.site.title)
        config.site_description = config.site_description or kinds.text_html(self.portal.site.description)
        config.site_url = site_config.site_url(self.portal) or config.site_url
        if not self.portal.site.features.editor_links:
            # The repository widget and the edit pencil are for editors: off unless site.yml
            # switches them on (features.editor_links), even when mkdocs.yml names a repo_url.
            config.repo_url = None
            config.edit_uri = None
        elif "content.action.edit" not in config.theme["features"]:
            config.theme["features"].append("content.action.edit")  # the pencil: one switch is enough
        if self.portal.site.features.editor_links and not config.repo_url and self.portal.site.repo_url:
            config.repo_url = self.portal.site.repo_url
            config.repo_name = kinds.text_html(site_config.repo_name(config.repo_url))
            docs = Path(config.docs_dir).resolve()
            docs_rel = docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else "docs"
            config.edit_uri = f"edit/{self.portal.site.repo_branch}/{docs_rel}/"
        config.copyright = config.copyright or kinds.text_html(site_config.copyright_line(self.portal))
        config.nav = self.rendered.nav
        config.theme["font"] = False  # privacy: never load Google Fonts
        if self.portal.site.organisation.logo:  # a picture in docs/ (checked by load_portal)
            config.theme["logo"] = self.portal.site.organisation.logo
        config.extra["generator"] = False  # no English "Made with Material for MkDocs" footer line
        config.extra["tc_labels"] = site_config.theme_labels(self.portal)  # the Dutch 404 page
        overrides = str(site_config.OVERRIDES_DIR)
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(0, overrides)  # before Material's own templates
        config.theme["language"] = "nl"
        for name, options in site_config.MARKDOWN_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
        for name in site_config.CSS:
            config.extra_css.append(f"{site_config.ASSET_DIR}/{name}")
        for name in site_config.JS:
            config.extra_javascript.append(f"{site_config.ASSET_DIR}/{name}")
        if self.config.search:
            self._use_own_search(config)
        return config

    def _use_own_search(self, config: MkDocsConfig) -> None:
        """The portal's Dutch search (generator/search) replaces Material's: Material's worker
        downloads the whole index on every first page view and does not stem queries like the
        index. Its plugin is switched off when an mkdocs.yml still lists it."""
        for name in ("material/search", "search"):
            plugin = config.plugins.get(name)
            if plugin is not None and getattr(plugin.config, "enabled", False):
                plugin.config.enabled = False
                log.info("Material's search plugin is off: the portal brings its own Dutch search")
        for script in SEARCH_SCRIPTS:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        for style in SEARCH_STYLES:
            if style not in config.extra_css:
                config.extra_css.append(style)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.rendered is not None
        listed = nav_paths(self.rendered.nav)
        for path, markdown in self.rendered.pages.items():
            # Pages of very large sections are reached from their index page, not the nav.
            inclusion = InclusionLevel.INCLUDED if path in listed else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
        for path, data in site_config.asset_files().items():
            files.append(File.generated(config, path, content=data))
        if self.config.search:
            self._add_search(files, config)
        self._add_handouts(files, config)
        return files

    def _add_search(self, files: Files, config: MkDocsConfig) -> None:
        """The search index and script, built from the portal's pages (not from MkDocs')."""
        assert self.portal is not None and self.rendered is not None
        made = search_files(self.portal, self.rendered, Path(config.docs_dir), config.use_directory_urls)
        for path, data in made.items():
            files.append(File.generated(config, path, content=data))

    def _add_handouts(self, files: Files, config: MkDocsConfig) -> None:
        """Handout HTML pages, and their PDFs (rendered or taken from the cache)."""
        assert self.portal is not None
        handouts = render_handouts(self.portal, directory_urls=config.use_directory_urls, pdfs=self.pdfs)
        for h in handouts:
            files.append(File.generated(config, h.html_path, content=h.web_html))
        for path, text in handout_site_files().items():
            files.append(File.generated(config, path, content=text))
        if not self.pdfs:
            return
        cache = self.root / CACHE_DIR
        self.pdf_report = render_pdfs(handouts, cache)
        log.info(self.pdf_report.summary())
        for pdf in self.pdf_report.files:
            files.append(File.generated(config, pdf.site_path, abs_src_path=str(pdf.cache_path)))
        prune(cache)

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        """With the nav known, workers can build their share of the pages (parallel.py)."""
        pages = len(files.documentation_pages(inclusion=InclusionLevel.is_included))
        if self.command == "build":
            self.collector.start()  # what lives all build long is set aside (collector.py)
        count = parallel.worker_count(config, pages, self.command)
        if count > 1:
            self.workers = parallel.PageWorkers()
            self.workers.start(count, config, files, nav, self._finish_cache)
            if not self.workers.in_worker:
                log.info("pages are built by %d processes", count)
        return nav

    def _finish_cache(self) -> tuple[int, int]:
        """In a worker, when its pages are written: its new cache entries saved, its counts."""
        if self.page_cache is None:
            return 0, 0
        self.page_cache.save()
        return self.page_cache.hits, self.page_cache.converted

    def _main_process_workers(self) -> parallel.PageWorkers | None:
        return self.workers if self.workers is not None and not self.workers.in_worker else None

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        """Pages a worker builds are passed over; pages whose Markdown did not change since an
        earlier build come from the cache."""
        workers = self._main_process_workers()
        if workers is not None and workers.install_elsewhere(page):
            return page
        if self.converter is None:
            self.converter = Converter(config)
        if self.config.page_cache:
            if self.page_cache is None:  # the file list is final once pages are read
                self.page_cache = page_cache.PageCache(self.root / page_cache.CACHE_FILE, config, files,
                                                       self.converter.render)
            self.page_cache.install(page)
        else:
            self.converter.install(page)
        return page

    def on_env(self, env, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        """The nav template prints the primary nav through the fast renderer (nav_html.py)."""
        if self.config.fast_nav:
            features = config.theme["features"]
            words = ThemeWords(env, config.theme["language"])
            toc_title = (config.mdx_configs.get("toc") or {}).get("title") or words("toc")
            env.globals.update(tc_nav=FastNav(features), tc_tabs=FastTabs(words("tabs")),
                               tc_toc=FastToc(toc_title), tc_theme_words=words)
        workers = self._main_process_workers()
        if workers is not None:
            workers.exchange(files)  # every page is converted: titles go to the workers
        return env

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        """Every page's HTML, generated or hand-written, reduced to the allowlist
        (generator.sanitize): Markdown fields may hold a little HTML, never script."""
        assert self.portal is not None
        return clean_html(html, self.portal.site.allowed_hosts)

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        """Generated pages: 'edit this page' opens the YAML file they are made from."""
        assert self.rendered is not None and self.portal is not None
        source = self.rendered.sources.get(page.file.src_uri)
        if source and config.repo_url:
            page.edit_url = site_config.edit_url(config.repo_url, self.portal.site.repo_branch, source)
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        """Smaller pages: Material's blank lines and indentation removed (see minify.py)."""
        workers = self._main_process_workers()
        if workers is not None and page.file.src_uri == workers.last_uri:
            self._join_workers()  # before MkDocs checks the anchors links point to
        return strip_blank_lines(output) if self.config.strip_blank_lines else output

    def _join_workers(self) -> None:
        workers = self._main_process_workers()
        if workers is None or not workers.workers:
            return
        finished = workers.join()
        for message in finished:
            if self.page_cache is not None:
                self.page_cache.hits += message.cache_hits
                self.page_cache.converted += message.converted
        warnings = sum(m.warnings for m in finished)
        if warnings:  # shown by the workers above; counted here, so --strict fails as it should
            log.warning("%d warning(s) while building pages in other processes (see above)", warnings)

    def on_build_error(self, *, error: Exception) -> None:
        self.stop_workers()
        self.collector.end()

    def stop_workers(self) -> None:
        """A failed or interrupted build leaves no worker writing into the site."""
        workers = self._main_process_workers()
        if workers is not None:
            workers.release()

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The page cache's count, and the offline copy: a zip of the finished site that works
        opened from disk."""
        try:
            self._finish_build(config)
        finally:
            self.collector.end()

    def _finish_build(self, config: MkDocsConfig) -> None:
        assert self.portal is not None
        self._join_workers()
        self.stop_workers()
        if self.page_cache is not None:
            self.page_cache.save()
            log.info(self.page_cache.summary())
        if self.command == "serve" or not self.portal.site.features.offline_copy:
            return
        copy = offline.publish(Path(config.site_dir), self.portal)
        log.info("offline copy: %s (%s, %d files)", copy.path.name, offline.human_size(copy.size), copy.files)

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        for name in WATCHED:
            folder = self.root / name
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _relative_or_absolute(path: Path) -> str:
    """``path`` relative to the current folder when it lies below it, else absolute."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
