import uuid
from datetime import datetime

from factcheck_app.core.ids import new_id, utc_now


def test_new_id_is_a_fresh_uuid4_text():
    a, b = new_id(), new_id()
    assert a != b
    assert uuid.UUID(a).version == 4


def test_utc_now_is_iso_with_timezone():
    stamp = datetime.fromisoformat(utc_now())
    assert stamp.utcoffset().total_seconds() == 0
    assert stamp.microsecond == 0

