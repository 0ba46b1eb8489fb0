"""Bytes to text: encoding detection and refusal of what is not text.

UTF-8 (with or without BOM), UTF-16/32 (with or without BOM), GB18030/GBK and
Big5 are read; binary files (images, archives, executables) are refused with
a one-line reason before any decoding is tried.
"""

from __future__ import annotations

import codecs

from core.errors import UserError

MAX_TEXT_BYTES = 20 * 1024 * 1024  # one article file; a JSONL corpus may be larger

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"%PDF": "a PDF document",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3": "an SQLite database",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotText(UserError):
    """The bytes are not a text Pizhu can read; the message says why."""


def check_size(size: int, limit: int | None = MAX_TEXT_BYTES) -> None:
    """Refuse a file by its size alone, before anything reads it."""
    if limit is not None and size > limit:
        raise NotText(f"file is {size / 2**20:.1f} MB; the limit is {limit // 2**20} MB per article")


def check_not_binary(head: bytes) -> None:
    """Refuse images, archives and executables by their first bytes."""
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise NotText(f"binary file ({what}), not text")


def decode(data: bytes, *, limit: int | None = MAX_TEXT_BYTES) -> tuple[str, str]:
    """Return (text, encoding name) or raise NotText with a one-line reason."""
    if not data.strip():
        raise NotText("empty file")
    check_size(len(data), limit)
    check_not_binary(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name), name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, error = None, exc
    utf16 = _utf16_without_bom(data, valid_utf8=text is not None)
    if utf16 and not (text is None and b"\x00" not in data and _reads_better_as_chinese(data, utf16)):
        return _strict(data, utf16), utf16
    if text is not None:
        return _checked(text), "utf-8"
    if _mostly_utf8(data):
        raise NotText(f"invalid UTF-8 at byte {error.start} (the rest reads as UTF-8)")
    return _detect(data)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 with a few broken bytes is damaged UTF-8, not another encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return wide > 0 and broken <= max(2, wide // 20)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise NotText(f"invalid {encoding} at byte {exc.start}") from exc


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary read as text)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v\x00")
    if controls > max(8, len(sample) // 20):
        raise NotText("binary file (control bytes), not text")
    return text


def _utf16_without_bom(data: bytes, *, valid_utf8: bool) -> str | None:
    """UTF-16 with no BOM, recognised by what it decodes to: Han, ASCII and punctuation."""
    if len(data) < 4 or len(data) % 2 or (valid_utf8 and b"\x00" not in data):
        return None
    best, best_score = None, 0.9
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8192].decode(name, errors="strict")
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if _plausible(ch))
        if plausible / max(1, len(text)) > best_score:
            best, best_score = name, plausible / len(text)
    return best


def _plausible(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or ch in "\n\r\t"
            or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")


def _detect(data: bytes) -> tuple[str, str]:
    chinese = _chinese(data)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(
        data[:200_000], cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "euc_jp", "shift_jis"]
    ).best()
    if best is None:
        raise NotText("undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")
    encoding = best.encoding
    try:
        return _checked(data.decode(encoding)), encoding
    except UnicodeDecodeError as exc:
        raise NotText(f"undecodable bytes at {exc.start} (looks like {encoding})") from exc


def _chinese(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever reads as common Chinese characters; None if neither does.

    charset_normalizer alone reads a Big5 headline as Shift-JIS half-width kana and a
    two-character GB18030 file as Big5; the wrong codec gives rare characters instead.
    """
    scored = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        common = _common_share(text)
        if common is not None:
            scored.append((common, encoding, text))
    if not scored or max(scored)[0] < 0.5:
        return None
    _, encoding, text = max(scored)
    return _checked(text), encoding


def _reads_better_as_chinese(data: bytes, utf16: str) -> bool:
    """Han-only bytes with no NUL: UTF-16 only if it reads as commoner characters than GB/Big5."""
    other = _chinese(data)
    if other is None:
        return False
    return (_common_share(other[0]) or 0) > (_common_share(data.decode(utf16, "replace")) or 0)


def _common_share(text: str) -> float | None:
    """Share of the Han characters that are common ones; None when there is no Han at all."""
    from core.text import simplified_view

    han = "".join(ch for ch in text[:5000] if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return None
    return sum(map(_common, simplified_view(han))) / len(han)


def _common(ch: str) -> bool:
    """One of the 3755 most common characters (GB2312 level 1)."""
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False
