"""HTML articles: main text by trafilatura, metadata from the page, a stdlib fallback.

Nothing is fetched: trafilatura only ever sees the string we decoded (never a URL), and
scripts, iframes, images and meta refreshes are dropped, not followed.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from factcheck_app.ingest import reader_names
from factcheck_app.ingest.author_names import clean_author
from factcheck_app.ingest.dates import iso_date_prefix
from factcheck_app.ingest.html_bulk import without_bulk, without_data_addresses
from factcheck_app.ingest.html_metadata import HtmlMetadata, read_html_metadata
from factcheck_app.ingest.html_sniff import looks_like_html  # noqa: F401 - part of this module's API
from factcheck_app.ingest.html_text import html_to_text
from factcheck_app.ingest.outlet_names import clean_site_name

#: Above this many characters a page is read in trafilatura's fast mode (see ``_trafilatura_text``).
LARGE_PAGE_CHARS = 2_000_000
#: The most markup handed to the main-text reader (after ``slim_html``), keeping a 20 MB page in bounds.
MAX_READER_CHARS = 2_000_000

# Photo captions and credits describe a picture, not the story: they never reach the body.
# Nor does the standfirst, the summary under the headline that the story itself goes on to
# tell ("sub-head", "dek", itemprop="description").
_STANDFIRST_CLASSES = ("sub-head", "subhead", "sub-headline", "subheadline", "dek", "standfirst", "article-dek")
_PRUNED = ["//figcaption",
           "//*[self::h2 or self::p or self::div][@itemprop='description' or "
           + " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in _STANDFIRST_CLASSES)
           + "]"]
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def slim_html(html: str) -> str:
    """Return a large page without scripts, styles, drawings, comments and inline data addresses,
    none of which is article text (metadata has been read from the whole page already)."""
    return without_data_addresses(without_bulk(html))


@dataclass
class HtmlArticle:
    """An HTML page read into paragraphs (blank-line separated) and its metadata."""

    text: str
    metadata: HtmlMetadata
    warnings: list[str] = field(default_factory=list)
    reader: str = reader_names.HTML_MAIN_TEXT


def _trafilatura_text(html: str):
    """Return trafilatura's Document for the page, or None. Imported here: it is slow to import.

    A very large page is read in trafilatura's fast mode, without its second opinion from
    other algorithms (each a copy of the whole tree) and without its metadata search (the
    page's own metadata is read apart): that keeps a 20 MB page within time and memory.
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    large = len(html) > LARGE_PAGE_CHARS
    return trafilatura.bare_extraction(
        html,
        url=None,
        fast=large,
        with_metadata=not large,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params=set_date_params(extensive=False),
        prune_xpath=_PRUNED,
    )


# Section labels that pages put before or after a headline ("Opinion | ...", "... | Editorial").
_SECTION = (r"opinion|editorial|analysis|commentary|perspective|column|letters?(?:\s+to\s+the\s+editor)?|review|"
            r"explainer|fact[\s-]?check|exclusive|live|breaking(?:\s+news)?|watch|video|podcast")
_SECTION_PREFIX = re.compile(rf"^(?:{_SECTION})\s*(?:\||:|[-–—]\s)\s*", re.IGNORECASE)
_SECTION_SUFFIX = re.compile(rf"\s*(?:\||[-–—]\s)\s*(?:{_SECTION})$", re.IGNORECASE)


def _strip_site_suffix(title: str | None, outlet: str | None) -> str | None:
    """Drop " | The Outlet" and section labels ("Opinion | ", " | Editorial") from a headline."""
    if not title:
        return title
    bare = _SECTION_SUFFIX.sub("", _SECTION_PREFIX.sub("", title)).strip()
    title = bare or title
    if not outlet:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and tail.strip().lower() in (outlet.lower(), outlet.lower().removeprefix("the ")):
            return head.strip()
    return title


def _log_to_file(message: str, *args: object, exc_info: bool = False) -> None:
    """Put a reader problem in the app's log file (the checker gets a note on the article instead
    of a traceback). Imported here: plain-text imports never need it."""
    from factcheck_app.problem_log import log, setup_logging

    setup_logging()
    log.getChild("ingest").warning(message, *args, exc_info=exc_info)


def load_main_text_reader():
    """Return trafilatura's ``bare_extraction``; raise ImportError when it cannot be loaded.

    A broken install (trafilatura needs ``lxml_html_clean``, which old pip versions did
    not pull in through lxml's extra) shows up here, and the caller says so to the checker.
    """
    import trafilatura

    return trafilatura.bare_extraction


READER_MISSING = ("The main-text reader could not be loaded ({error}): all visible text of the page was kept, "
                  "so menus, links and other page clutter may appear as claims. Reinstalling the app fixes this.")
READER_FAILED = ("The main text could not be told apart from the rest of the page: all visible text was kept, "
                 "so menus, links and other page clutter may appear as claims.")


def read_html(html: str) -> HtmlArticle:
    """Return the page's main text and metadata; on extraction trouble, all its visible text, with a warning.

    ``HtmlArticle.reader`` says which of the two produced the text.
    """
    warnings: list[str] = []
    try:
        metadata = read_html_metadata(html)
    except Exception:  # metadata is a bonus: a page without it still has a story
        metadata = HtmlMetadata()
    text = ""
    document = None
    try:
        load_main_text_reader()
    except ImportError as exc:
        _log_to_file("main-text reader unavailable: %s", exc)
        warnings.append(READER_MISSING.format(error=f"{type(exc).__name__}: {exc}".split("\n")[0]))
    else:
        page = html
        if len(page) > LARGE_PAGE_CHARS:
            page = slim_html(page)
        if len(page) > MAX_READER_CHARS:
            cut = page.rfind("<", 0, MAX_READER_CHARS)
            warnings.append(f"This page holds {len(page) / 1e6:.0f} million characters of markup besides scripts and "
                            f"styles, more than any article: only the first {MAX_READER_CHARS / 1e6:.0f} million were read.")
            page = page[: cut if cut > 0 else MAX_READER_CHARS]
        try:
            document = _trafilatura_text(page)
        except Exception:  # RecursionError on deep trees, lxml errors on broken ones: fall back below
            _log_to_file("main-text reader failed on a page", exc_info=True)
            document = None
    if document is not None:
        text = document.text or ""
        metadata.title = metadata.title or document.title
        metadata.outlet = metadata.outlet or clean_site_name(document.sitename)
        metadata.author = metadata.author or clean_author(document.author, metadata.outlet, *metadata.site_names,
                                                          document.sitename)
        if not metadata.published and document.date:
            metadata.published = iso_date_prefix(document.date)
    reader = reader_names.HTML_MAIN_TEXT
    if text.strip():
        # trafilatura ends each block with one newline; the app separates paragraphs by a blank line.
        text = re.sub(r"[ \t]*\n+[ \t]*", "\n\n", text.strip())
    else:
        reader = reader_names.HTML_FALLBACK
        text = html_to_text(html)
        if text and not warnings:
            warnings.append(READER_FAILED)
    metadata.title = _strip_site_suffix(metadata.title, metadata.outlet)
    if metadata.rejected_urls:
        shown = metadata.rejected_urls[0] if len(metadata.rejected_urls[0]) <= 60 else metadata.rejected_urls[0][:59] + "…"
        left = "another address it gives was used" if metadata.url else "the article's address was left empty"
        warnings.append(f"The page gives its address as '{shown}', which is not a web address (http:// or https://): {left}.")
    return HtmlArticle(text, metadata, warnings, reader)
