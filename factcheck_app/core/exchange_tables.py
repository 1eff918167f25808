"""The tables that travel between libraries, each with its key, the keys it refers to and how it merges.

An exchange is driven by this registry alone: the store keeps a version per row of every
table listed (triggers made from these entries), the change file carries their rows, and
the merge applies each table's declared rule. A new table that should travel between
checkers is one entry here.

Merge kinds:

- ``rows``: matched by key; the newer version of a row wins (last writer, by the version
  stamp the row carries from the library that changed it), a removal travels as a removal,
  except that a removal of a row something still names (``keeps``, ``in_use_by``) or whose
  whole stays (``part_of``) is cancelled: the row is kept, under a kept stamp (core/exchange_stamps.py).
  Rows that are only ever added (evidence, verdict history, rating scales, aliases) merge as
  unions this way.
- ``same_as``: rows matched by key and, beside it, by a natural key (an article's content
  hash, a source's DOI or address, a claim's span in its article): two rows with the same
  natural key are one; the smaller key is kept and every removal is recorded as an alias.

The verdict row itself never travels: it is rebuilt from the merged verdict history (see
ops/merge.py), which is how two changes to one verdict are both kept and seen as a conflict.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

#: A row as plain column -> value data.
Row = dict


@dataclass(frozen=True)
class ExchangeTable:
    """How one table travels: its key column(s), references to other tables, and its natural key.

    A key of several columns (e.g. ("claim_id", "position")) travels as the JSON array of their
    values, as SQLite's json_array() writes it. Natural keys (joining two rows found to be one)
    are for tables with a one-column key.
    """

    name: str
    key: str | tuple[str, ...] = "id"
    #: column -> table whose key it holds (re-pointed when that row is joined with another).
    refs: dict[str, str] = field(default_factory=dict)
    #: column -> table whose row it keeps alive: the library refuses to remove a row still named
    #: there (a cited source, a scale in use), so a removal from elsewhere gives way, and a change
    #: file carries the named rows along with the rows that name them.
    keeps: dict[str, str] = field(default_factory=dict)
    #: column -> table whose row a change file carries along with this row (the colleague may have removed
    #: it and needs it to show this row), without keeping it from removal (a verdict change names its scale).
    carries: dict[str, str] = field(default_factory=dict)
    #: Tables that do not travel (rebuilt by the merge from rows that do) -> column naming this table's key:
    #: a row they name is in use, as the library itself checks before a removal (the verdict on a scale).
    #: A removal from elsewhere of a row in use is cancelled; it is decided once those tables are rebuilt.
    in_use_by: dict[str, str] = field(default_factory=dict)
    #: column -> table whose row may be absent (a document whose file did not come along): the link is
    #: kept where that row exists, left empty where it does not, and an empty link from elsewhere
    #: never clears one made here. It follows joins like a reference.
    soft_refs: dict[str, str] = field(default_factory=dict)
    #: column -> table whose row this row is part of (a document's pages): it goes only with that row
    #: (its removal gives way while the row stays) and comes back with it (a change file carries it along).
    part_of: dict[str, str] = field(default_factory=dict)
    #: Columns that stay in the library that made them (a local row number the search index uses).
    local_columns: tuple[str, ...] = ()
    #: Returns the row's natural key (None: the row has none); rows sharing one are the same row.
    natural: Callable[[Row], object] | None = None
    #: Columns the store looks natural keys up by (an index should exist on them).
    natural_columns: tuple[str, ...] = ()
    #: A short plural noun for summaries ("articles", "claims").
    label: str = ""

    def __post_init__(self) -> None:
        if self.natural is not None and not isinstance(self.key, str):
            raise ValueError(f"{self.name}: a natural key needs a one-column key")

    @property
    def key_columns(self) -> tuple[str, ...]:
        """Return the key's columns."""
        return (self.key,) if isinstance(self.key, str) else tuple(self.key)

    def key_of(self, row: Row) -> str:
        """Return a row's key as the text versions are recorded under."""
        if isinstance(self.key, str):
            return row[self.key]
        return json.dumps([row[c] for c in self.key], ensure_ascii=False, separators=(",", ":"))

    def key_values(self, key: str) -> dict:
        """Return column -> value for a recorded key (the inverse of key_of)."""
        if isinstance(self.key, str):
            return {self.key: key}
        return dict(zip(self.key, json.loads(key)))

    @property
    def kind(self) -> str:
        """Return 'same_as' when rows are also matched by a natural key, else 'rows'."""
        return "same_as" if self.natural else "rows"


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def source_doi(url: str | None) -> str | None:
    """Return the DOI named in a source's address (doi.org link or a bare 10.xxxx/... path), lower-cased."""
    if not url:
        return None
    found = _DOI.search(url)
    return found.group(1).rstrip(".,;)").lower() if found else None


def normal_address(url: str | None) -> str | None:
    """Return a web address in one spelling: scheme and host lower-cased, no 'www.', fragment or trailing slash."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip().casefold()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, parts.query, ""))


def source_identity(row: Row) -> str | None:
    """Return what makes two sources the same: the DOI when the address names one, else the address."""
    doi = source_doi(row.get("url"))
    if doi:
        return "doi:" + doi
    address = normal_address(row.get("url"))
    return "url:" + address if address else None


def _claim_span(row: Row) -> tuple:
    return (row["article_id"], row["start_offset"], row["end_offset"])


def _facet_identity(row: Row) -> tuple:
    return (row["claim_id"], row["kind"], row["start_offset"], row["end_offset"], row["text"])


def _evidence_identity(row: Row) -> tuple:
    return (row["claim_id"], row["source_id"], row["stance"], row.get("excerpt") or "", row.get("locator") or "")


#: Every table that travels, parents before children (the order rows are applied in).
EXCHANGE_TABLES: list[ExchangeTable] = [
    # A scale is in use while a verdict uses it (its history may name it after it went, as in one library).
    ExchangeTable("rating_scales", key="name", in_use_by={"verdicts": "scale"}, label="rating scales"),
    ExchangeTable("articles", natural=lambda r: r["content_hash"], natural_columns=("content_hash",), label="articles"),
    ExchangeTable("sources", natural=source_identity, label="sources"),
    # Documents are one per file (its SHA-256); their bytes travel beside the rows (ops/change_file.py).
    ExchangeTable("documents", natural=lambda r: r["sha256"], natural_columns=("sha256",), label="documents"),
    ExchangeTable(
        "source_documents", key=("source_id", "document_id"), refs={"source_id": "sources", "document_id": "documents"},
        keeps={"source_id": "sources", "document_id": "documents"}, label="document attachments",
    ),
    ExchangeTable(
        "document_pages", key=("document_id", "page"), refs={"document_id": "documents"},
        part_of={"document_id": "documents"}, local_columns=("id",), label="document pages",
    ),
    ExchangeTable(
        "claims", refs={"article_id": "articles"}, natural=_claim_span,
        natural_columns=("article_id", "start_offset", "end_offset"), label="claims",
    ),
    ExchangeTable(
        "facets", refs={"claim_id": "claims"}, natural=_facet_identity,
        natural_columns=("claim_id", "kind", "start_offset", "end_offset", "text"), label="facets",
    ),
    ExchangeTable(
        "evidence", refs={"claim_id": "claims", "source_id": "sources"},
        soft_refs={"document_id": "documents"}, keeps={"source_id": "sources", "document_id": "documents"},
        natural=_evidence_identity,
        natural_columns=("claim_id", "source_id", "stance"), label="evidence",
    ),
    ExchangeTable("verdict_history", refs={"claim_id": "claims"}, carries={"scale": "rating_scales"},
                  label="verdict changes"),
    # Published fact-checks: a check's id is made from its review address, claim and organisation,
    # so the same check read on two machines is one row; collections are one per name.
    ExchangeTable("check_collections", natural=lambda r: r["name"], natural_columns=("name",),
                  label="published-check collections"),
    ExchangeTable("published_checks", refs={"collection_id": "check_collections"}, label="published checks"),
    # Publishing details (claimant, appearances, claim as reviewed, review address) belong to a claim.
    ExchangeTable("claim_publishing", key="claim_id", refs={"claim_id": "claims"}, label="publishing details"),
    ExchangeTable("claim_appearances", key=("claim_id", "position"), refs={"claim_id": "claims"},
                  label="claim appearances"),
]


def parts_of(name: str) -> list[tuple[ExchangeTable, str]]:
    """Return (table, column) for every table whose rows are parts of rows of ``name``."""
    return [(t, column) for t in EXCHANGE_TABLES for column, whole in t.part_of.items() if whole == name]


def exchange_table(name: str) -> ExchangeTable:
    """Return the registry entry of ``name``; raise KeyError when the table does not travel."""
    for table in EXCHANGE_TABLES:
        if table.name == name:
            return table
    raise KeyError(name)
