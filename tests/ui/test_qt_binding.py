"""The Qt binding itself: PySide6-Essentials 6.12.0 dropped a reference to None on every void call,
which aborts a long-running app; pyproject pins it out and this test keeps it out."""
import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_references_to_none(qapp):
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 10
