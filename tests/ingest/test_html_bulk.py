"""Scripts, styles, comments and data pictures are cut out in one pass, whatever the page does."""
from __future__ import annotations

from factcheck_app.ingest.html_bulk import json_ld_blocks, without_bulk, without_data_addresses


def test_elements_and_comments_go_and_text_stays():
    page = ('<p>One</p><SCRIPT type="x">var a = "</p>";</script><p>Two</p><!-- <p>hidden</p> -->'
            '<style>p{}</style><svg><text>drawn</text></svg><p>Three</p>')
    assert without_bulk(page).split() == ["<p>One</p>", "<p>Two</p>", "<p>Three</p>"]


def test_an_element_left_open_runs_to_the_end():
    assert without_bulk("<p>Kept</p><script>never closed <p>gone</p>").strip() == "<p>Kept</p>"


def test_data_addresses_are_emptied_short_ones_kept():
    page = '<img src="data:image/png;base64,' + "A" * 300 + '"><a href="data:x">x</a>'
    assert without_data_addresses(page) == '<img src=""><a href="data:x">x</a>'


def test_json_ld_blocks_anywhere():
    page = '<script>var a;</script><script type="application/ld+json">{"a": 1}</script><p>x</p>'
    assert json_ld_blocks(page) == ['{"a": 1}']


def test_hostile_pages_are_cut_cleanly():
    # Tens of thousands of unclosed openings or quotes (a lazy regular expression rescans the
    # page from each one; these scans read it once; the import benchmark times real pages).
    assert without_bulk("<p>x</p>" + "<script" * 50_000).strip() == "<p>x</p>"
    assert without_bulk("<p>x</p>" + "<!--" * 50_000).strip() == "<p>x</p>"
    assert without_data_addresses('"data:' * 50_000) == '"data:' * 50_000
    assert json_ld_blocks("<script" * 50_000) == []
