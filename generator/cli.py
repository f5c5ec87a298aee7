"""Command line: ``python -m generator check|build|serve|new|export|schema``.

Content errors are printed as ``file:line:col: message — hint`` lines and exit with 1;
an editor never sees a Python traceback for a mistake in YAML.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from generator.errors import ContentErrors, UserError, annotations_wanted, print_findings
from generator.messages import LANG_ENV, LANGUAGES, language, translate

# Nouns of the `check` summary: English singular and plural, Dutch singular and plural.
_NOUNS = {
    "page": ("page", "pages", "pagina", "pagina's"),
    "module": ("module", "modules", "module", "modules"),
    "theme": ("theme", "themes", "thema", "thema's"),
    "chapter": ("chapter", "chapters", "hoofdstuk", "hoofdstukken"),
    "method": ("method", "methods", "methode", "methodes"),
    "quiz": ("quiz", "quizzes", "quiz", "quizzen"),
    "handout": ("handout", "handouts", "handout", "handouts"),
    "warning": ("warning", "warnings", "waarschuwing", "waarschuwingen"),
}


def check_summary(counts: dict[str, int], lang: str) -> str:
    """`check`'s last line: "OK: 1 pagina uit 1 module, 2 thema's, …" (a count and its noun agree)."""
    def n(noun: str) -> str:
        en_one, en_many, nl_one, nl_many = _NOUNS[noun]
        one, many = (en_one, en_many) if lang == "en" else (nl_one, nl_many)
        return f"{counts[noun]} {one if counts[noun] == 1 else many}"

    source, inside = ("from", "in") if lang == "en" else ("uit", "in")
    warned = f"; {n('warning')}." if counts["warning"] else "."
    return (f"OK: {n('page')} {source} {n('module')}, {n('theme')}, {n('chapter')} {inside} {n('method')}, "
            f"{n('quiz')}, {n('handout')}{warned}")


def _check(args: argparse.Namespace) -> int:
    from generator.build import load_portal
    from generator.handouts import render_handouts
    from generator.pages import render_pages

    portal = load_portal(args.portal)
    rendered = render_pages(portal)
    # Handout HTML too (not the PDFs, which take seconds each): a template error in a handout
    # shows in `check`, not only in the build.
    handouts = render_handouts(portal)
    for handout in handouts:
        handout.print_html  # noqa: B018  (the print version is rendered when asked for)
    print_findings(portal.warnings, args.lang)
    print(check_summary({
        "page": len(rendered.pages), "module": len(portal.modules), "theme": len(portal.themes),
        "chapter": sum(len(m.chapters) for m in portal.methods), "method": len(portal.methods),
        "quiz": len(portal.quizzes), "handout": len(handouts), "warning": len(portal.warnings),
    }, language(args.lang)))
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.mkdocs_plugin.run import build_site

    return build_site(args.portal, site_dir=args.site_dir, handouts=not args.no_pdf)


def _serve(args: argparse.Namespace) -> int:
    from generator.mkdocs_plugin.run import serve_site

    return serve_site(args.portal, dev_addr=args.dev_addr)


def _new(args: argparse.Namespace) -> int:
    from generator.scaffold import scaffold

    created = scaffold(Path(args.dir), empty=args.leeg, source=args.bron)
    if language(args.lang) == "en":
        print(f"Created a new portal repository in {args.dir} ({len(created)} files). Next: read "
              f"{args.dir}/README.md; edit content/site.yml, then run `make site` there.")
    else:
        print(f"Nieuw portaal gemaakt in {args.dir} ({len(created)} bestanden). Lees eerst {args.dir}/README.md; "
              "pas content/site.yml aan en typ daar `make site`.")
    return 0


def _toets(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from generator.build import load_portal
    from generator.gates import check_site
    from generator.site_config import site_url

    site = Path(args.site_dir) if args.site_dir else Path(args.portal) / "site"
    if not (site / "index.html").is_file():
        raise UserError(f"{site} has no built site; run `python -m generator build` first")
    sub_path = urlsplit(site_url(load_portal(args.portal)) or "/").path
    problems = check_site(site, sub_path)
    for problem in problems:
        print(problem, file=sys.stderr)
    pages = sum(1 for _ in site.rglob("*.html"))
    if language(args.lang) == "en":
        print(f"Quality gates: {pages} pages, {len(problems)} problem(s) (links, privacy, language, headings).")
    else:
        print(f"Kwaliteitscontrole: {pages} pagina's, {len(problems)} probleem/problemen "
              "(links, privacy, taal, koppen).")
    return 1 if problems else 0


def _export(args: argparse.Namespace) -> int:
    from generator.build import load_portal
    from generator.export import export_portal

    written = export_portal(load_portal(args.portal), Path(args.portal), Path(args.dir))
    print(f"Exported {written} files to {args.dir}; build them with any MkDocs-compatible engine "
          f"(e.g. `mkdocs build -f {args.dir}/mkdocs.yml`).")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import json_schemas

    schemas = json_schemas(language(args.lang))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas.items():
            (out / f"{name}.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n",
                                                     encoding="utf-8")
        print(f"Wrote {len(schemas)} JSON Schemas to {out}.")
    else:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    # The installed command (pyproject's [project.scripts]); `python -m generator` runs the same.
    parser = argparse.ArgumentParser(prog="taalcoach-portaal",
                                     description="Build a taalcoach portal from YAML sources.")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=f"language of messages: nl (default) or en; or set {LANG_ENV}=en")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if name not in ("new", "schema"):  # toets reads site.yml for the site's sub-path
            p.add_argument("--portal", default=".", help="portal folder with mkdocs.yml, content/ and quizzes/ "
                                                        "(default: current folder)")
        return p

    command("check", _check, "validate the content and render all pages and handouts, without building the site")
    build = command("build", _build, "build the site (and PDF handouts) with MkDocs --strict")
    build.add_argument("--site-dir", default=None, help="output folder (default: site/ in the portal folder)")
    build.add_argument("--no-pdf", action="store_true", help="skip PDF handouts (faster)")
    build.add_argument("--strict", action="store_true",
                       help="fail on any MkDocs warning (always on; accepted so CI scripts can say so)")
    serve = command("serve", _serve, "preview the portal with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address:port to serve on")
    new = command("new", _new, "create a complete repository for an organisation's own portal")
    new.add_argument("dir", help="folder to create (must not contain content yet)")
    new.add_argument("--leeg", "--empty", dest="leeg", action="store_true",
                     help="start from one marked example of each kind instead of the default content")
    new.add_argument("--bron", "--source", dest="bron", default=None,
                     help="where pip finds the pinned generator (a folder or page of wheels; "
                          "default: $TAALCOACH_BRON or this project's release page)")
    toets = command("toets", _toets, "quality gates on the built site: links, privacy, language, headings")
    toets.add_argument("--site-dir", default=None, help="built site (default: site/ in the portal folder)")
    export = command("export", _export, "write the generated pages and a standalone mkdocs.yml to a folder")
    export.add_argument("dir", help="output folder")
    schema = command("schema", _schema, "print (or write) JSON Schemas for editor autocompletion")
    schema.add_argument("--out", default=None, help="write one <kind>.schema.json per source kind here")
    return parser


class Terminated(BaseException):
    """SIGTERM as an exception, so cleanup (finally blocks) runs as for Ctrl-C."""


def _terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one clean stop, even if sent twice
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    previous_lang = os.environ.get(LANG_ENV)
    if args.lang:  # the MkDocs plugin reads the language from the environment
        os.environ[LANG_ENV] = args.lang
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(translate("stopped (Ctrl-C); the site was not changed", args.lang), file=sys.stderr)
        return 130
    except Terminated:
        print(translate("stopped (SIGTERM); the site was not changed", args.lang), file=sys.stderr)
        return 143
    except ContentErrors as exc:
        if annotations_wanted():
            for finding in exc.errors + exc.warnings:
                print(finding.annotation(args.lang), file=sys.stderr)
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"{'error' if language(args.lang) == 'en' else 'fout'}: {translate(str(exc), args.lang)}",
              file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        # main() also runs in-process (tests, other tools): --lang must not outlive the call,
        # or every later command and subprocess would speak English.
        if previous_lang is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = previous_lang
