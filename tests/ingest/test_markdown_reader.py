from factcheck_app.ingest import read_article
from factcheck_app.ingest.markdown_reader import read_markdown

DOC = """# Council approves **new** budget for 2024

The council voted on *Monday, January 8, 2024* to approve a [budget](https://city.example/budget) of $310 million.
![chart of spending](https://city.example/chart.png)

## Where the money goes

- Schools get `42%`
- Roads get 18%

```
total = 310_000_000
```

<script>alert("markdown script")</script>
"""


def test_markdown_is_rendered_to_readable_text():
    article = read_article(DOC.encode(), "budget.md")
    assert article.title == "Council approves new budget for 2024"
    assert article.body.startswith("Council approves new budget for 2024\n\n")
    assert "approve a budget of $310 million." in article.body
    assert "Where the money goes" in article.body
    assert "Schools get 42%\nRoads get 18%" in article.body
    assert "total = 310_000_000" in article.body
    for markup in ("#", "**", "*Monday", "](", "![", "chart of spending", "https://", "markdown script", "```"):
        assert markup not in article.body


def test_front_matter_gives_title_and_date():
    doc = read_markdown("---\ntitle: 'Flood defences tested'\ndate: 2022-11-30\nauthor: Sam Roe\n---\nBody text here.\n")
    assert (doc.title, doc.published, doc.author) == ("Flood defences tested", "2022-11-30", "Sam Roe")
    assert doc.text == "Body text here."


def test_markdown_suffix_variant():
    assert read_article("# Title line here\n\nBody.", "notes.markdown").title == "Title line here"
