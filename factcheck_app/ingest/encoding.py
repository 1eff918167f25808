"""Bytes to text: refuse binary files, detect the encoding, normalise what must be normalised.

Only newlines, a leading BOM, NULs and control characters are changed; everything else is
kept as the checker got it, because claim offsets point into the text we return.
"""
from __future__ import annotations

import codecs
import re

from factcheck_app.ingest.errors import IngestError

# Leading bytes of formats people drop on the app by mistake; checked before any decoding
# so a PDF never turns into a page of mojibake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"fLaC", "an audio file"),
    (b"wOFF", "a font file"),
)

# Longest first, so a UTF-32 BOM is not taken for a UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Latin-1 text in the wild is almost always Windows-1252 (curly quotes as 0x93/0x94), and
# cp1252 agrees with Latin-1 on every letter, so it stands for the whole family.
_WESTERN_NAMES = {"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii"}
_CHAOS_TOLERANCE = 0.01

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BINARY_CONTROL_RATIO = 0.05


def sniff_binary(data: bytes) -> str | None:
    """Return a description such as ``"a PDF document"`` when ``data`` is a known binary format."""
    head = data[:16]
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return what
    return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NULs sit (ASCII letters leave one per pair)."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    pairs = len(sample) // 2
    odd_nuls = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    even_nuls = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """Return the detector's encoding, preferring cp1252 when it reads the bytes as cleanly.

    On short texts the detector cannot tell Western from Central European code pages
    apart and often says cp1250 ("crčme"); for English news, cp1252 is the better bet
    whenever it is among the equally clean candidates.
    """
    import charset_normalizer  # only the non-UTF-8 path needs it

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding.lower() in _WESTERN_NAMES and match.chaos <= best.chaos + _CHAOS_TOLERANCE:
            try:
                data.decode("cp1252")
                return "cp1252"
            except UnicodeDecodeError:
                break
    return best.encoding


_ESCAPED = re.compile(r"[\udc80-\udcff]+")
# <meta charset="utf-8">, <meta http-equiv="Content-Type" content="text/html; charset=utf-8">, <?xml encoding="utf-8"?>
_DECLARED = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w:.-]{1,40})|<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w:.-]{1,40})""",
                       re.IGNORECASE)
_DECLARATION_WINDOW = 8192


def declared_encoding(data: bytes) -> str | None:
    """Return the encoding a page declares near its top (Python's name for it), or None."""
    match = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if not match:
        return None
    try:
        return codecs.lookup((match[1] or match[2]).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _utf8_shaped(escaped_runs: list[str]) -> bool:
    """Whether every invalid run looks like damaged UTF-8 (a lead byte and its continuation bytes,
    as an encoded surrogate or a cut sequence leaves) rather than a legacy code page's letters."""
    for run in escaped_runs:
        raw = bytes(ord(ch) - 0xDC00 for ch in run)
        if len(raw) < 2 or not 0xC0 <= raw[0] <= 0xF7 or any(not 0x80 <= b <= 0xBF for b in raw[1:]):
            return False
    return bool(escaped_runs)


def _lenient_utf8(data: bytes) -> tuple[str, int, bool]:
    """Return (UTF-8 text with U+FFFD for each invalid byte, how many bytes were replaced,
    whether the file reads as mostly UTF-8: damaged UTF-8, not a legacy code page)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    runs = _ESCAPED.findall(escaped)
    replaced = sum(map(len, runs))
    valid = sum(1 for ch in escaped if ord(ch) > 0x7F and not 0xDC80 <= ord(ch) <= 0xDCFF)
    mostly = (valid > 0 and replaced <= valid) or _utf8_shaped(runs)
    return _ESCAPED.sub(lambda run: "\ufffd" * len(run.group(0)), escaped), replaced, mostly


def _replaced_warning(replaced: int, encoding: str = "UTF-8") -> str:
    noun = "byte was" if replaced == 1 else "bytes were"
    return (f"{replaced} {noun} not valid {encoding} and replaced with \ufffd; check any quotation "
            "that shows \ufffd against the original.")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return ``data`` decoded to text (BOM dropped) and warnings about the decoding.

    Raises IngestError for binary files. Undecodable bytes never raise: they become U+FFFD
    and a warning says so.
    """
    what = sniff_binary(data)
    if what:
        raise IngestError(f"This file looks like {what}, not a text, HTML or Markdown article.")
    warnings: list[str] = []
    bom = _bom_encoding(data)
    if bom:
        encoding, skip = bom
        if encoding == "utf-8":
            text, replaced, _ = _lenient_utf8(data[skip:])
        else:
            text = data[skip:].decode(encoding, errors="replace")
            replaced = text.count("\ufffd") - data[skip:].decode(encoding, errors="ignore").count("\ufffd")
        if replaced:
            warnings.append(_replaced_warning(replaced, encoding.upper()))
        return text, warnings
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise IngestError("This file contains binary data (NUL bytes), not a text article.")
        return data.decode(encoding, errors="replace"), warnings
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    lenient, replaced, mostly = _lenient_utf8(data)
    if declared == "utf-8" or mostly:
        # A page that says UTF-8, or reads as UTF-8 but for a few bytes, is UTF-8: guessing
        # another code page would silently change every accented letter and curly quote.
        warnings.append(_replaced_warning(replaced))
        return lenient, warnings
    if declared:
        try:
            return data.decode(declared), warnings
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        encoding = _detect(data)
    except Exception:  # a detector bug must not cost the checker the article
        encoding = None
    if encoding:
        try:
            return data.decode(encoding), warnings
        except (UnicodeDecodeError, LookupError):
            pass
    warnings.append("The text encoding could not be recognised; unreadable bytes were replaced with \ufffd.")
    return data.decode("utf-8", errors="replace"), warnings


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with ``\\n`` newlines, no leading BOM and no NUL/control characters.

    Tabs and newlines stay; a form feed or vertical tab becomes a newline. Lone surrogates
    (possible only in a str handed to us) become U+FFFD, since they cannot be stored.
    """
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.lstrip("\ufeff")
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
        warnings.append("Some invalid characters were replaced with \ufffd.")
    return _CONTROL_CHARS.sub("", text), warnings


def looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters, i.e. a binary file we did not recognise."""
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls / len(sample) > _BINARY_CONTROL_RATIO
