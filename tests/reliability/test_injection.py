"""Injection: hostile titles, tags and search queries are data, never SQL or FTS syntax; file names never escape."""
from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.cli import main
from factcheck_app.reports.safe_write import sanitise_filename
from factcheck_app.store import open_library
from factcheck_app.store.articles import import_article, list_articles
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.ids import resolve
from factcheck_app.store.info import check_library, counts
from factcheck_app.store.search import fts_query, search, search_sources
from factcheck_app.store.sources import add_source, get_source, list_sources, update_source

from reliability_support import make_article

HOSTILE = [
    "Robert'); DROP TABLE sources;--",
    "' OR '1'='1",
    '"; DELETE FROM claims; --',
    "x\" OR 1=1 --",
    "100% _true_ \\ escape",
    "NEAR(a b) AND OR (",
    "title:secret",
    "sources_fts MATCH '*'",
    "null\x00byte inside",
    "emoji 🧪 and \u202eRTL\u202c",
    "'; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
]
FTS_SYNTAX = ["AND OR (", '"', "NEAR(", "*", "-", "col:", "title:", "(", ")", "^", "+", "NOT", "OR", "AND",
              '""', "a AND", "NEAR(a b, -1)", "{title}: x", "x*y*", "'", "\\", "%", "_", ":", "-x", "a NOT",
              "sources_fts", "rank", "bm25(", "\x00", "   ", ""]


def _fill_with_hostile_rows(library) -> list[str]:
    db = library.db
    result = import_article(db, make_article("Robert'); DROP TABLE articles;-- and 100% _real_"))
    ids = []
    for i, text in enumerate(HOSTILE):
        source_id = add_source(db, text, publisher=text, notes=text, tags=[text, "plain", f"t{i}"])
        add_evidence(db, result.claim_ids[i % len(result.claim_ids)], source_id, "supports", excerpt=text, note=text)
        ids.append(source_id)
    return ids


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory):
    """A library full of hostile values, shared by the tests that only read it."""
    lib = open_library(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    ids = _fill_with_hostile_rows(lib)
    yield lib, ids
    lib.close()


def _as_stored(text):
    """What the store keeps of a typed value: control characters (NUL...) dropped, ends trimmed."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text).strip()


def test_hostile_values_are_stored_and_read_back_verbatim(hostile_library):
    library, ids = hostile_library
    db = library.db
    for source_id, text in zip(ids, HOSTILE):
        row = get_source(db, source_id)
        assert row["title"] == _as_stored(text)
        assert row["notes"] == _as_stored(text)
        assert _as_stored(text) in row["tags"]
    assert counts(db)["sources"] == len(HOSTILE)
    assert counts(db)["articles"] == 1
    assert {row[1] for row in db.execute("PRAGMA database_list")} <= {"main", "temp"}  # nothing attached
    assert check_library(library) == []


@pytest.mark.parametrize("query", FTS_SYNTAX + HOSTILE)
def test_search_never_raises_on_what_a_checker_types(hostile_library, query):
    library, _ = hostile_library
    hits = search(library.db, query)
    assert isinstance(hits, list)
    assert isinstance(search_sources(library.db, query), list)
    assert counts(library.db)["sources"] == len(HOSTILE)


@pytest.mark.parametrize("query,expected", [("DROP TABLE", HOSTILE[0]), ("ATTACH DATABASE", HOSTILE[10]),
                                            ("title:secret", HOSTILE[6]), ("NEAR(a b)", HOSTILE[5])])
def test_operators_typed_by_a_checker_are_searched_as_words(hostile_library, query, expected):
    library, _ = hostile_library
    titles = [h["title"] for h in search(library.db, query, ("source",))]
    assert expected in titles


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_typed_text_is_a_valid_fts_query(query):
    fts = fts_query(query)
    if fts is None:
        assert search(_SHARED.db, query) == []
        return
    # Run the generated query raw: an FTS syntax error here would raise.
    _SHARED.db.execute("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?", [fts]).fetchone()
    assert isinstance(search(_SHARED.db, query), list)


def test_a_title_starting_with_nul_loses_the_nul_not_the_title(library):
    # SQLite's length() stops at a NUL, so a kept NUL would make the title look empty.
    source_id = add_source(library.db, "\x00hidden title")
    assert get_source(library.db, source_id)["title"] == "hidden title"
    with pytest.raises(ValidationError):
        add_source(library.db, "\x00\x01 ")


def test_like_wildcards_in_an_article_filter_are_literal(library):
    import_article(library.db, make_article("Prices rose 100% in a year"))
    import_article(library.db, make_article("Prices rose 1000 in a year", ["Another body sentence 42 here."]))
    assert [a["title"] for a in list_articles(library.db, "100%")] == ["Prices rose 100% in a year"]
    assert list_articles(library.db, "_%_rose") == []
    assert len(list_articles(library.db, "rose")) == 2


@pytest.mark.parametrize("prefix", ["' OR 1=1 --", "%", "_", "*", "1' UNION SELECT id FROM sources --", "", "..", "\x00"])
def test_a_hostile_id_prefix_is_not_found(hostile_library, prefix):
    library, _ = hostile_library
    with pytest.raises(NotFoundError):
        resolve(library.db, "sources", prefix)


def test_update_with_hostile_values_touches_one_row(library):
    ids = _fill_with_hostile_rows(library)
    update_source(library.db, ids[0], title="x' WHERE 1=1; --", tags="a', 'b")
    titles = [s["title"] for s in list_sources(library.db)]
    assert titles.count("x' WHERE 1=1; --") == 1
    assert len(titles) == len(HOSTILE)


@pytest.mark.parametrize("query", ["AND OR (", '"', "NEAR(", "*", "-", "col:", "' OR 1=1 --"])
def test_the_cli_search_answers_every_query(hostile_library, capsys, query):
    library, _ = hostile_library
    assert main(["search", query, "--store", str(library.path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("KIND")


def test_hostile_source_fields_through_the_cli(store_path, capsys):
    for text in HOSTILE[:4]:
        assert main(["source", "add", "--title", text, "--tag", text, "--notes", text, "--store", str(store_path)]) == 0
    capsys.readouterr()
    assert main(["source", "list", "--format", "json", "--store", str(store_path)]) == 0
    titles = {row["title"] for row in json.loads(capsys.readouterr().out)}
    assert titles == {t.strip() for t in HOSTILE[:4]}


class _Shared:
    db = None


_SHARED = _Shared()


@pytest.fixture(autouse=True, scope="module")
def _shared_library(tmp_path_factory):
    lib = open_library(tmp_path_factory.mktemp("fts") / "fts.sqlite")
    add_source(lib.db, "Kibar site report", notes="59 cruise missiles")
    _SHARED.db = lib.db
    yield
    lib.close()


# -- file names taken from content (report file names) ---------------------------------------------------

TRAVERSAL = ["../../etc/passwd", "..\\..\\windows\\system32", "/absolute/path", "C:\\x", "....//....//x", "..",
             ".", "", "con", "NUL", "a/b\\c", "\x00evil", "~/.ssh/id_rsa", "%2e%2e%2fetc", "\u2025/\u2024\u2024/x",
             "\uff0e\uff0e\uff0fetc", "name\n.html", "   ", "-rf", "." * 300]


def _assert_safe_stem(stem: str) -> None:
    assert stem
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert ".." not in stem
    assert not stem.startswith((".", "-", "~"))
    assert all(ch.isprintable() for ch in stem)
    assert os.path.basename(stem) == stem
    assert stem.lower() not in {"con", "nul", "prn", "aux"}


@pytest.mark.parametrize("title", TRAVERSAL)
def test_report_file_names_cannot_escape_the_chosen_folder(title, tmp_path):
    stem = sanitise_filename(title)
    _assert_safe_stem(stem)
    assert (tmp_path / f"{stem}.html").resolve().parent == tmp_path.resolve()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_report_file_names_from_any_title_are_safe(title):
    _assert_safe_stem(sanitise_filename(title))
