"""Version stamps: a kept stamp sorts right after its removal, and two versions combine the same in any order."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck_app.core.exchange_stamps import KEPT, combine, content_order, content_stamp, kept_stamp

A, B = "2024-05-01T09:30:00.100Z aaaa", "2024-05-01T09:30:00.200Z bbbb"
LATER = "2024-05-01T09:30:00.201Z aaaa"

plain = st.builds(lambda ms, lib: f"2024-05-01T09:30:00.{ms:03d}Z {lib}", st.integers(0, 999), st.sampled_from(["aaaa", "bbbb", "cccc"]))


def _kept(removal: str, content: str) -> str:
    """Return a stamp as a merge makes one: content kept against a removal made after it."""
    return kept_stamp(removal, content) if content_stamp(content) <= removal else removal


# A removal is always stamped afresh by the library that made it (ops/merge.py takes a kept
# stamp's removal part from a tombstone's or a removed row's version, both plain), so only the
# content kept may itself have been kept before.
stamps = st.recursive(plain, lambda inner: st.builds(_kept, plain, inner), max_leaves=4)


def test_a_kept_stamp_sorts_after_its_removal_and_before_any_later_change():
    kept = kept_stamp(B, A)
    assert B < kept < LATER
    assert content_stamp(kept) == A and content_stamp(A) == A


def test_combining_keeps_the_newest_content_under_the_latest_removal():
    edited = "2024-05-01T09:30:00.150Z aaaa"  # an edit the keeping library had not seen, made before the removal
    kept = kept_stamp(B, A)
    assert combine(kept, edited) == combine(edited, kept) == kept_stamp(B, edited)
    assert content_order(edited, kept) == 1
    assert combine(kept, LATER) == LATER  # a change after the removal wins as it always did
    assert combine(A, B) == B


def test_content_is_taken_from_one_kept_stamp_not_nested():
    twice = kept_stamp(LATER, kept_stamp(B, A))
    assert twice == f"{LATER}{KEPT}{A}"


@given(stamps, stamps, stamps)
def test_combining_is_order_free_and_settles(a, b, c):
    assert combine(a, b) == combine(b, a)
    assert combine(a, a) == a
    assert combine(combine(a, b), c) == combine(a, combine(b, c))
    assert combine(a, b) >= max(a, b)
    assert content_stamp(combine(a, b)) == max(content_stamp(a), content_stamp(b))
