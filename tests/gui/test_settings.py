"""Settings: declared once with type and default, typed round trips, isolated files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QByteArray  # noqa: E402

from gui.settings import DECLARED, Settings, default_labels  # noqa: E402


@pytest.fixture
def fresh(tmp_path):
    return Settings(tmp_path / "pizhu.ini")


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_every_setting_reads_its_default_with_its_type(fresh, name):
    value = fresh.get(name)
    assert value == DECLARED[name].default
    assert isinstance(value, DECLARED[name].type)


@pytest.mark.parametrize("name, value", [
    ("annotator", "王志强"), ("language", "zh_CN"), ("snap_to_words", True), ("font_size", 21),
    ("recent_databases", ["/a/一.db", "/b.db"]), ("recent_databases", ["/only.db"]),
    ("label_keys", {"PERSON": "Q"}), ("window_geometry", QByteArray(b"\x01\x00\xff")),
])
def test_values_survive_a_new_settings_object(tmp_path, name, value):
    Settings(tmp_path / "pizhu.ini").set(name, value)
    assert Settings(tmp_path / "pizhu.ini").get(name) == value


def test_unknown_name_fails_loudly(fresh):
    with pytest.raises(KeyError):
        fresh.get("font_sise")


def test_changed_names_the_setting(qtbot, fresh):
    with qtbot.waitSignal(fresh.changed) as blocker:
        fresh.set("font_size", 12)
    assert blocker.args == ["font_size"]


def test_label_keys_merge_overrides_with_the_shipped_defaults(fresh):
    fresh.set("label_keys", {"ORG": "O", "NOT_A_LABEL": "Z"})
    keys = fresh.label_keys()
    assert keys["ORG"] == "O" and keys["PERSON"] == "1" and "NOT_A_LABEL" not in keys
    assert [i.name for i in fresh.labels()] == [i.name for i in default_labels()]


def test_recent_databases_are_unique_newest_first_and_bounded(fresh):
    for n in range(12):
        fresh.add_recent_database(f"/db/{n}.db")
    fresh.add_recent_database("/db/5.db")
    recent = fresh.get("recent_databases")
    assert recent[0] == "/db/5.db" and len(recent) == 10 and len(set(recent)) == 10
    assert fresh.get("last_database") == "/db/5.db"


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path):
    (tmp_path / "pizhu.ini").write_text("[reader]\nfont_size=huge\n", "utf-8")
    assert Settings(tmp_path / "pizhu.ini").get("font_size") == 15


def test_config_dir_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PIZHU_CONFIG_DIR", str(tmp_path))
    assert Settings().file_name() == str(tmp_path / "pizhu.ini")
