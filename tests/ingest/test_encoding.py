import codecs

import pytest

from factcheck_app.ingest import IngestError, read_article
from factcheck_app.ingest.encoding import decode_bytes, normalise_text, sniff_binary

TEXT = "“Café crème” costs 3 €, said José.\n\nThe second paragraph is here."


def test_utf8():
    assert read_article(TEXT.encode("utf-8"), "a.txt").body == TEXT


def test_utf8_with_bom_drops_the_bom():
    article = read_article(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert article.body == TEXT
    assert not article.body.startswith("\ufeff")


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(encoding, bom):
    assert read_article(bom + TEXT.encode(encoding), "a.txt").body == TEXT


def test_utf16_without_bom_is_recognised_by_its_nul_pattern():
    assert read_article(TEXT.encode("utf-16-le"), "a.txt").body == TEXT


def test_cp1252_curly_quotes():
    data = TEXT.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data
    assert read_article(data, "a.txt").body == TEXT


def test_latin1():
    text = "Café crème costs 3 francs, said José. Ça va.\n\nThe second paragraph über alles."
    assert read_article(text.encode("latin-1"), "a.txt").body == text


def test_cyrillic_code_page_is_not_forced_to_cp1252():
    text = "Привет, как дела? Это русский текст про новости.\n\nВторой абзац."
    assert read_article(text.encode("cp1251"), "a.txt").body == text


def test_stray_bytes_in_utf8_are_replaced_with_a_warning():
    data = "Headline here\n\nValid “quote” then".encode() + b" a bad byte \x81 here"
    article = read_article(data, "a.txt")
    assert "\ufffd" in article.body and "“quote”" in article.body
    assert any("replaced" in warning for warning in article.warnings)


def test_undecodable_bytes_never_raise():
    text, _ = decode_bytes(bytes(range(0x80, 0x100)) * 3 + b" plain words")
    assert "plain words" in text


def test_newlines_are_normalised_and_controls_removed():
    text, _ = normalise_text("\ufeffOne\r\nTwo\rThree\x00\x07 four\tfive\x85")
    assert text == "One\nTwo\nThree four\tfive"


def test_lone_surrogates_are_replaced():
    text, warnings = normalise_text("bad \ud800 char")
    assert text == "bad \ufffd char" and warnings


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a"])
def test_binary_signatures(head):
    assert sniff_binary(head + b"rest") is not None
    with pytest.raises(IngestError, match="looks like"):
        read_article(head + b"some text after the header", "a.txt")


def test_nul_bytes_mean_binary():
    with pytest.raises(IngestError, match="binary"):
        read_article(b"abc\x00\x01\x02\x03\xff\xfe\x00\x00\x10 def" * 10, "a.txt")


def test_a_page_declaring_utf8_keeps_utf8_and_counts_the_replaced_bytes():
    # An ASCII page with two stray bytes: a code-page guess turned its title into "Bad ├(".
    data = b'<html><head><meta charset="utf-8"><title>Bad \xc3( title</title></head><body><h1>Bad \xc3( title</h1>' \
           b'<p>The council said the works would cost $4 million and finish in May, a spokesman told us.</p>' \
           b'<p>\xff Residents asked for a public meeting before any work begins on the bridge.</p></body></html>'
    article = read_article(data, "page.html")
    assert article.title == "Bad \ufffd( title"
    assert any(w.startswith("3 bytes were not valid UTF-8") for w in article.warnings)


def test_an_encoded_surrogate_in_a_text_file_stays_utf8():
    # Mostly ASCII with one encoded surrogate (ED A0 80): a detector read the file as Cyrillic.
    data = b"Harbour bridge reopens\n\n\xe2\x80\x9cWe kept our promise,\xe2\x80\x9d the mayor said \xed\xa0\x80 on Friday."
    text, warnings = decode_bytes(data)
    assert text.startswith("Harbour bridge reopens") and "“We kept our promise,”" in text
    assert "\ufffd\ufffd\ufffd" in text and warnings == [warnings[0]] and warnings[0].startswith("3 bytes")
    ascii_only = b"Harbour bridge reopens\n\nThe mayor said \xed\xa0\x80 on Friday that the works were done."
    text, warnings = decode_bytes(ascii_only)
    assert text == "Harbour bridge reopens\n\nThe mayor said \ufffd\ufffd\ufffd on Friday that the works were done."
    assert warnings[0].startswith("3 bytes were not valid UTF-8")


def test_a_declared_legacy_encoding_is_used_when_the_bytes_are_not_utf8():
    data = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>' \
           '<body><p>“Crème brûlée” costs 3 €, said José.</p></body></html>'
    text, warnings = decode_bytes(data.encode("cp1252"))
    assert "“Crème brûlée” costs 3 €" in text and not warnings
