"""The UI language: Chinese (Simplified) on a Chinese system, English otherwise.

Strings in widgets go through Qt's translation system (`self.tr(...)` or
`QCoreApplication.translate(context, ...)`); their Chinese lives in
resources/i18n/pizhu_zh_CN.ts, the one source to edit (Qt Linguist or by hand).

`install_translator(app, language)` loads, in this order:

* resources/i18n/pizhu_zh_CN.qm when it exists and is newer than the .ts — it
  is built, never committed, by ``python -m gui.i18n`` (runs PySide6's
  ``lrelease``; the bundle build does this);
* otherwise the .ts itself through `TsTranslator`, a QTranslator that reads the
  XML, so a source checkout speaks Chinese with no build step.

Qt's own translations (standard dialog buttons) are added when PySide6 ships
them. To refresh the .ts after changing strings::

    .venv/bin/pyside6-lupdate gui/*.py -ts resources/i18n/pizhu_zh_CN.ts
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("auto", "zh_CN", "en")
_installed: list[QTranslator] = []

# Words that come from data, marked so lupdate lists them in the .ts file.
TERMS = (
    QT_TRANSLATE_NOOP("Status", "suggested"),
    QT_TRANSLATE_NOOP("Status", "accepted"),
    QT_TRANSLATE_NOOP("Status", "rejected"),
    QT_TRANSLATE_NOOP("Status", "manual"),
    QT_TRANSLATE_NOOP("FactType", "investment"),
    QT_TRANSLATE_NOOP("FactType", "position"),
    QT_TRANSLATE_NOOP("FactType", "metric"),
    QT_TRANSLATE_NOOP("FactType", "event"),
    QT_TRANSLATE_NOOP("Slot", "investor"),
    QT_TRANSLATE_NOOP("Slot", "amount"),
    QT_TRANSLATE_NOOP("Slot", "project"),
    QT_TRANSLATE_NOOP("Slot", "date"),
    QT_TRANSLATE_NOOP("Slot", "person"),
    QT_TRANSLATE_NOOP("Slot", "title"),
    QT_TRANSLATE_NOOP("Slot", "org"),
    QT_TRANSLATE_NOOP("Slot", "indicator"),
    QT_TRANSLATE_NOOP("Slot", "value"),
    QT_TRANSLATE_NOOP("Slot", "subject"),
    QT_TRANSLATE_NOOP("Slot", "period"),
    QT_TRANSLATE_NOOP("Slot", "action"),
    QT_TRANSLATE_NOOP("Slot", "place"),
)


def status_text(status) -> str:
    return QCoreApplication.translate("Status", str(status))


def fact_type_text(fact_type) -> str:
    return QCoreApplication.translate("FactType", str(fact_type))


def slot_text(role: str) -> str:
    return QCoreApplication.translate("Slot", role)


def ts_path(language: str = "zh_CN") -> Path:
    return Path(str(resources.files("resources").joinpath("i18n", f"pizhu_{language}.ts")))


def resolve_language(language: str) -> str:
    """"auto" becomes zh_CN on a Chinese system locale, en otherwise."""
    if language in ("zh_CN", "en"):
        return language
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class TsTranslator(QTranslator):
    """Translations read straight from a Qt Linguist .ts file (no .qm needed)."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                self._add(name, message)

    def _add(self, context: str, message: ET.Element) -> None:
        node = message.find("translation")
        if node is None or node.get("type") in ("obsolete", "vanished", "unfinished"):
            return
        forms = [f.text or "" for f in node.iter("numerusform")]
        text = forms[0] if forms else (node.text or "")
        if text:
            key = (context, message.findtext("source", ""), message.findtext("comment", ""))
            self._table[key] = text

    def translate(self, context, source_text, disambiguation=None, n=-1):
        found = self._table.get((context, source_text, disambiguation or ""))
        return found  # None lets Qt fall back to the source text

    def isEmpty(self) -> bool:
        return not self._table

    def language(self) -> str:
        return "zh_CN"


def _qm_is_current(ts: Path) -> Path | None:
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    return None


def _app_translator(language: str) -> QTranslator | None:
    ts = ts_path(language)
    if not ts.exists():
        return None
    qm = _qm_is_current(ts)
    if qm:
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    return TsTranslator(ts)


def _qt_translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def install_translator(app: QCoreApplication, language: str = "auto") -> str:
    """Switch the UI language ("auto", "zh_CN" or "en"); returns the one in use.

    Widgets made afterwards speak it; open ones keep their text until rebuilt.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    resolved = resolve_language(language)
    if resolved != "en":
        for translator in (_qt_translator(resolved), _app_translator(resolved)):
            if translator is not None and app.installTranslator(translator):
                _installed.append(translator)
    return resolved


def _lrelease() -> list[str]:
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6

    return [str(Path(PySide6.__file__).parent / "lrelease")]


def build(quiet: bool = False) -> list[Path]:
    """Compile every .ts under resources/i18n/ to a .qm beside it (for the bundle)."""
    built = []
    for ts in sorted(ts_path().parent.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        args = [*_lrelease(), *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)]
        subprocess.run(args, check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(path)
    sys.exit(0)
