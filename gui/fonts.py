"""Chinese text renders on any machine: a bundled CJK font when the system has none.

`install_fallback_font(app)` runs once after the QApplication exists. When
the system offers a Simplified Chinese font it changes nothing and returns
that family; otherwise it registers resources/fonts/PizhuSansCJK-Regular.otf
(a Noto Sans CJK SC subset, SIL OFL, see resources/fonts/README.md) and adds
it as a substitute for the application font, so every widget falls back to
it for hanzi. `reader_font(size)` is the font for article text.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FONT_FILE = "PizhuSansCJK-Regular.otf"
BUNDLED_FAMILY = "Pizhu Sans CJK"
# Families known to hold good hanzi, preferred in this order when installed.
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
             "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei")
_state: dict[str, str] = {}


def system_cjk_families() -> list[str]:
    """Installed families that declare Simplified Chinese, minus our own bundle."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return [f for f in families if f != BUNDLED_FAMILY]


def load_bundled_font() -> str | None:
    """Register the bundled font with Qt; returns its family, None if it cannot load."""
    if "bundled" in _state:
        return _state["bundled"] or None
    data = resources.files("resources").joinpath("fonts", FONT_FILE).read_bytes()
    font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _state["bundled"] = families[0] if families else ""
    return families[0] if families else None


def install_fallback_font(app: QGuiApplication, *, force: bool = False) -> str:
    """The CJK family the app will use; loads the bundled one if none is installed.

    `force` loads the bundled font even when the system has one (tests, self-test).
    """
    installed = system_cjk_families()
    if installed and not force:
        family = next((f for f in PREFERRED if f in installed), installed[0])
    else:
        family = load_bundled_font() or ""
        if family:
            base = app.font().family()
            QFont.insertSubstitution(base, family)
    _state["family"] = family
    return family


def cjk_family() -> str:
    """The family chosen by install_fallback_font ("" before it ran)."""
    return _state.get("family", "")


def reader_font(point_size: int) -> QFont:
    """A readable font for article text: the CJK family first, the UI font behind it."""
    font = QFont(QGuiApplication.font())
    family = cjk_family()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSize(point_size)
    return font
