"""Rebuild resources/fonts/PizhuSansCJK-Regular.otf, the bundled fallback CJK font.

A subset of Noto Sans CJK SC Regular (SIL OFL 1.1) covering GB2312, Big5
level 1, every character of seeds/, ASCII, Latin-1 and CJK/full-width
punctuation, renamed so it never shadows an installed Noto. Needs the build
extra (fontTools) and the Noto CJK collection (Debian: fonts-noto-cjk):

    .venv/bin/pip install fonttools
    .venv/bin/python tools/subset_cjk_font.py [/path/to/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = ROOT / "resources" / "fonts" / "PizhuSansCJK-Regular.otf"
FAMILY = "Pizhu Sans CJK"
RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF),
          (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF))


def double_byte(codec: str, lead: range, trail: range) -> set[str]:
    chars = set()
    for a in lead:
        for b in trail:
            try:
                chars.update(bytes((a, b)).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


def characters() -> set[str]:
    chars = double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    chars |= double_byte("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    for path in (ROOT / "seeds").glob("*.txt"):
        chars.update(path.read_text("utf-8", errors="replace"))
    for low, high in RANGES:
        chars.update(map(chr, range(low, high + 1)))
    return {c for c in chars if c.isprintable() or c == "\u3000"}


def sc_face(path: Path) -> TTFont:
    for number in range(10):
        font = TTFont(path, fontNumber=number)
        if font["name"].getDebugName(1).endswith(" SC"):
            return font
    raise SystemExit(f"no SC face in {path}")


def rename(font: TTFont) -> None:
    names = {1: FAMILY, 3: f"{FAMILY} Regular (Noto Sans CJK SC subset)", 4: f"{FAMILY} Regular",
             6: "PizhuSansCJK-Regular", 16: FAMILY}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names or n.platformID == 3]
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]
    if "CFF " in font:
        font["CFF "].cff.fontNames = [names[6]]


def main(source: Path = SOURCE) -> None:
    font = sc_face(source)
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.layout_features = ["kern", "liga", "halt", "palt"]  # no locl/vert: fewer glyphs
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters())))
    subsetter.subset(font)
    rename(font)
    font.save(TARGET)
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
