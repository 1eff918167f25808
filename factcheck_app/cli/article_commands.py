"""`factcheck article edit|delete`: an article's details, and removing an article."""
from __future__ import annotations

import argparse

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_action, resolve_id

DETAILS = (("--title", "title"), ("--outlet", "outlet"), ("--author", "author"), ("--url", "url"),
           ("--published", "published"))


def register(sub: argparse._SubParsersAction) -> None:
    """Add the article sub-commands."""
    article = sub.add_parser("article", help="edit an article's details or delete it",
                             description="An article's details (title, outlet, author, address, published date).")
    group = article.add_subparsers(title="article commands", metavar="ACTION", required=True)
    p = add_action(group, "edit", cmd_article_edit, "change an article's title, outlet, author, address or date",
                   "Change an article's details; only the options given change ('' clears one). A new published "
                   "date works relative dates ('last week') out again. The text itself never changes.")
    p.add_argument("article", metavar="ARTICLE", help="article id or a prefix of at least 4 characters")
    for option, dest in DETAILS:
        p.add_argument(option, dest=dest, metavar="YYYY-MM-DD" if dest == "published" else "TEXT")
    p = add_action(group, "delete", cmd_article_delete,
                   "delete an article with its claims, evidence links and verdicts",
                   "Delete an article with its claims, evidence links, verdicts and their history; sources stay. "
                   "Cannot be undone: needs --yes.")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("--yes", action="store_true", help="confirm the deletion")


def cmd_article_edit(args: argparse.Namespace) -> int:
    """Change an article's details."""
    from factcheck_app.ops.articles import edit_article

    fields = {dest: getattr(args, dest) for _, dest in DETAILS if getattr(args, dest) is not None}
    if not fields:
        raise CommandError("say what to change, e.g. --url or --author")
    with open_store(args) as lib:
        row = edit_article(lib, resolve_id(lib, "articles", args.article), **fields).value
    print(f"{row['id'][:8]}  {row['title'] or '(untitled)'}")
    return 0


def cmd_article_delete(args: argparse.Namespace) -> int:
    """Delete an article after confirmation."""
    from factcheck_app.ops.articles import delete_article
    from factcheck_app.store.articles import claim_ids_of

    with open_store(args) as lib:
        article_id = resolve_id(lib, "articles", args.article)
        if not args.yes:
            n = len(claim_ids_of(lib.db, article_id))
            raise CommandError(f"deleting the article removes its {n} claims with their evidence links and "
                               "verdicts and cannot be undone; add --yes to confirm")
        row = delete_article(lib, article_id).value
    print(f"deleted {row['id'][:8]}  {row['title'] or '(untitled)'}")
    return 0
