"""The HTML report's Python-built pieces match the template loops they replace, and the fast context lookup
gives exactly sentence_context's answers."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.reports.context import ArticleContext, sentence_context
from factcheck_app.reports.html_fragments import SourceItems, facet_chips
from factcheck_app.reports.templating import html_environment

# The loops report.html.j2 held before the pieces moved to Python: the reference for the same bytes.
REFERENCE = """{% for f in facets %}<li class="chip"><i>{{ f.kind }}</i> {{ f | facet_label }}</li>{% endfor %}
|{% for s in sources %}
      <li><span class="stance stance-{{ s.stance }}">{{ s.stance }}</span>
        <span class="source-title">{% if s.url | http_url %}<a href="{{ s.url }}">{{ s.title }}</a>{% else %}{{ s.title }}{% endif %}</span>
        <div class="source-meta">{{ s | source_meta }}
        {%- if s.archive_url %} · {% if s.archive_url | http_url %}<a href="{{ s.archive_url }}">archived copy</a>{% else %}archived copy: {{ s.archive_url }}{% endif %}{% endif %}
        {%- if s.url and not (s.url | http_url) %} · {{ s.url }}{% endif %}
        {%- for d in s.documents %} · document {{ d.name }}, SHA-256 {{ d.sha256 }}{% endfor %}</div>
        {% if s.excerpt %}<p class="excerpt">“{{ s.excerpt }}”</p>{% endif %}
      </li>
      {% endfor %}
"""

HOSTILE = '<script>alert("x")</script> & \'q\''


def _source(**fields) -> dict:
    base = {"evidence_id": "e1", "source_id": "s1", "stance": "supports", "title": "Budget 2024",
            "publisher": "Treasury", "author": None, "kind": "dataset", "reliability": "high",
            "published": "2024-01-01", "accessed": None, "url": "https://t.example.org/b",
            "archive_url": None, "excerpt": "Spend rose.", "locator": "p. 4", "note": None,
            "added_by": "me", "added_at": "2024-01-02", "documents": []}
    return {**base, **fields}


def test_fragments_match_the_template_loops_they_replace():
    facets = [{"kind": "quantity", "text": "1.2 billion", "value": "1200000000", "unit": "USD", "speaker": None,
               "vague": True}, {"kind": HOSTILE, "text": HOSTILE, "value": None, "unit": None,
                                "speaker": HOSTILE, "vague": False}]
    sources = [
        _source(),
        _source(url="javascript:alert(1)", archive_url="ftp://a.example.org", excerpt=None, locator=None),
        _source(title=HOSTILE, publisher=None, author=HOSTILE, published=None, kind=None, stance=HOSTILE,
                url=None, archive_url="https://archive.example.org/x?a=1&b=<2>", excerpt=HOSTILE, locator=HOSTILE),
        _source(documents=[{"name": HOSTILE, "sha256": "ab" * 32, "media_type": "application/pdf", "size": 9}]),
        _source(),  # the same source cited again comes from the cache
    ]
    expected = html_environment().from_string(REFERENCE).render(facets=facets, sources=sources)
    items = SourceItems()
    assert f"{facet_chips(facets)}|{items(sources)}" == expected  # trim_blocks drops the newline
    assert "<script>" not in str(items(sources)) and "&lt;script&gt;" in str(items(sources))


TEXT = st.text(alphabet=st.sampled_from(list("ab .!?…\"”’)\n\t") + ["\xa0", "\u2028"]), max_size=90)


@settings(max_examples=300, deadline=None)
@given(body=TEXT, reach=st.integers(1, 25), spans=st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)),
                                                          max_size=12))
def test_article_context_gives_sentence_context_answers(body, reach, spans):
    context = ArticleContext(body, reach)
    for a, b in spans:
        start, end = sorted((min(a, len(body)), min(b, len(body))))
        assert context.around(start, end) == sentence_context(body, start, end, reach)
