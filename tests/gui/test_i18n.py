"""Translations (Chinese from the .ts, with or without a compiled .qm) and the fallback font."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import xml.etree.ElementTree as ET  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QLocale  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics, QRawFont  # noqa: E402

from gui import fonts, i18n  # noqa: E402


@pytest.fixture
def english_after(qapp):
    yield qapp
    i18n.install_translator(qapp, "en")


def _say(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def test_translator_switches_known_strings_to_chinese(english_after):
    assert i18n.install_translator(english_after, "zh_CN") == "zh_CN"
    assert _say("Inspector", "Facts") == "事实"
    assert _say("PreferencesDialog", "Preferences") == "首选项"
    assert _say("Status", "suggested") == "建议"
    assert i18n.install_translator(english_after, "en") == "en"
    assert _say("Inspector", "Facts") == "Facts"


def test_untranslated_text_falls_back_to_the_source(english_after):
    i18n.install_translator(english_after, "zh_CN")
    assert _say("Inspector", "no such string 42") == "no such string 42"


def test_auto_follows_the_system_locale(monkeypatch):
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.Chinese))
    assert i18n.resolve_language("auto") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.German))
    assert i18n.resolve_language("auto") == "en"


def test_ts_file_is_well_formed_and_translated():
    root = ET.parse(i18n.ts_path()).getroot()
    assert root.get("language") == "zh_CN"
    messages = list(root.iter("message"))
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished"]
    assert len(messages) > 100 and unfinished == []


def test_compiled_qm_says_the_same(tmp_path, english_after, monkeypatch):
    ts = tmp_path / "pizhu_zh_CN.ts"
    ts.write_bytes(i18n.ts_path().read_bytes())
    monkeypatch.setattr(i18n, "ts_path", lambda language="zh_CN": ts)
    try:
        assert i18n.build(quiet=True) == [ts.with_suffix(".qm")]
    except (OSError, FileNotFoundError):
        pytest.skip("no lrelease in this PySide6")
    i18n.install_translator(english_after, "zh_CN")
    assert not isinstance(i18n._installed[-1], i18n.TsTranslator)
    assert _say("Inspector", "Facts") == "事实"


def test_bundled_font_loads_and_has_glyphs(qapp):
    family = fonts.install_fallback_font(qapp, force=True)
    assert family == fonts.BUNDLED_FAMILY
    font = QFont(family)
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) for c in "批注經開區，《》")
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == family and raw.supportsCharacter("批")


def test_a_system_cjk_font_is_preferred(qapp, monkeypatch):
    monkeypatch.setattr(fonts, "system_cjk_families", lambda: ["Some CJK", "Noto Sans CJK SC"])
    assert fonts.install_fallback_font(qapp) == "Noto Sans CJK SC"
    assert fonts.reader_font(17).families()[0] == "Noto Sans CJK SC"
    assert fonts.reader_font(17).pointSize() == 17
