"""The Qt binding itself: PySide6 6.12.0 under Python 3.11 loses a reference to
None on every void call, and a day of annotating aborts the interpreter
("none_dealloc"). pyproject.toml keeps that release out; this test catches it
or any like it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_and_bool_calls_keep_reference_counts(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        widget.setEnabled(True)  # returns None
        widget.isEnabled()  # returns True
    # Other threads may move the counts a little; a leak moves them by thousands.
    assert sys.getrefcount(None) - none_before > -500
    assert sys.getrefcount(True) - true_before > -500
