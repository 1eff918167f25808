"""Every change to a library: one function per operation, one write transaction each.

An operation takes the open library and its arguments, does all its reads and writes
inside one ``store.transaction.write`` block, and returns an ``OpResult``: what changed
(``Changes``), the value it made (a new id, a row) and the inverse operation its undo
runs. The checking rules (named checkers, the second-person review, history and
corrections) live here, so the app and the command line cannot differ. No Qt.
"""
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import MissingPersonError, require_person

__all__ = ["Changes", "MissingPersonError", "OpResult", "require_person"]
