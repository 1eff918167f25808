"""The built-in sample library: team-written articles from resources/samples, with sources (one keeping a
team-made PDF of council minutes), evidence (one quoting that PDF's page) and verdicts."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from factcheck_app.ops import documents, evidence, importing, settings, sources, verdicts
from factcheck_app.store import claims
from factcheck_app.store import documents as docs_store
from factcheck_app.store.library import open_library


def sample_files():
    """Return the resources/samples folder (a Traversable)."""
    return resources.files("factcheck_app.resources") / "samples"


def build_sample_library(path: Path) -> str:
    """Create the sample library at ``path`` (a new file); return a one-line summary of what it holds."""
    spec = json.loads((sample_files() / "sample_library.json").read_text(encoding="utf-8"))
    with open_library(path) as lib:
        db = lib.db
        settings.set_setting(lib, "organisation", spec["organisation"]["name"])
        settings.set_setting(lib, "organisation-url", spec["organisation"]["url"])
        article_ids = []
        for item in spec["articles"]:
            data = (sample_files() / item["file"]).read_bytes()
            extracted = importing.prepare(data, name=item["file"])
            extracted.url = extracted.url or item.get("url")
            article_ids.append(importing.store_article(lib, extracted, source_name=item["file"]).value.article_id)
        source_ids = {}
        for src in spec["sources"]:
            fields = {k: v for k, v in src.items() if k not in ("key", "title", "documents")}
            source_ids[src["key"]] = sources.add_source(lib, src["title"], **fields).value
            for name in src.get("documents", ()):
                with resources.as_file(sample_files() / name) as document:
                    documents.attach_documents(lib, source_ids[src["key"]], [document])

        def claim_for(needle: str) -> str:
            for article_id in article_ids:
                found = claims.find_claim_containing(db, article_id, needle)
                if found:
                    return found
            raise LookupError(f"the sample has no claim containing {needle!r}")

        for ev in spec["evidence"]:
            if ev.get("document_page"):
                # Quoted from the source's document: the page is checked and kept, the viewer reopens it there.
                (kept,) = docs_store.documents_of_source(db, source_ids[ev["source"]])
                documents.quote_document(lib, claim_for(ev["claim_contains"]), kept["id"], ev["document_page"],
                                         ev["excerpt"], ev["stance"], by="A. Checker")
                continue
            evidence.add_evidence(lib, claim_for(ev["claim_contains"]), source_ids[ev["source"]], ev["stance"],
                                  excerpt=ev.get("excerpt"), locator=ev.get("locator"), by="A. Checker")
        for v in spec["verdicts"]:
            claim_id = claim_for(v["claim_contains"])
            verdicts.set_verdict(lib, claim_id, v["rating"], scale=v["scale"], rationale=v["rationale"],
                                 by=v["checker"])
            if v.get("reviewer"):
                verdicts.review_verdict(lib, claim_id, by=v["reviewer"])
        n_claims = len(claims.list_claims(db))
    return (f"{len(article_ids)} articles, {n_claims} claims, {len(source_ids)} sources, "
            f"{len(spec['evidence'])} evidence rows, {len(spec['verdicts'])} verdicts")
