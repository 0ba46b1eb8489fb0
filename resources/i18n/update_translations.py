"""Refresh resources/i18n/pizhu_zh_CN.ts from the strings in gui/*.py.

    .venv/bin/python tools/update_translations.py

Runs PySide6's lupdate (keeping existing translations, dropping vanished
ones), then mirrors contexts that lupdate names after a variable rather than
the class PySide looks up at run time (`window.tr(...)` in a helper function
is looked up as "MainWindow"). New strings are left "unfinished": translate
them in Qt Linguist (`pyside6-linguist`) or by hand; tests/gui/test_i18n.py
fails while any is unfinished.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pizhu_zh_CN.ts"
MIRRORS = {"window": "MainWindow"}  # lupdate's context -> the run-time context


def lupdate() -> None:
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run([tool, "-locations", "none", "-no-obsolete", "-target-language", "zh_CN",
                    *sources, "-ts", str(TS.relative_to(ROOT))], cwd=ROOT, check=True)


def context(root: ET.Element, name: str) -> ET.Element:
    found = next((c for c in root.iter("context") if c.findtext("name") == name), None)
    if found is None:
        found = ET.SubElement(root, "context")
        ET.SubElement(found, "name").text = name
    return found


def mirror(root: ET.Element) -> None:
    for source_name, target_name in MIRRORS.items():
        source = next((c for c in root.iter("context") if c.findtext("name") == source_name), None)
        if source is None:
            continue
        target = context(root, target_name)
        have = {m.findtext("source"): m for m in target.iter("message")}
        for message in source.iter("message"):
            old = have.get(message.findtext("source"))
            if old is not None:
                target.remove(old)
            target.append(copy.deepcopy(message))


def main() -> int:
    lupdate()
    tree = ET.parse(TS)
    mirror(tree.getroot())
    ET.indent(tree, space="    ")
    with TS.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8")
        out.write(b"\n")
    todo = [m.findtext("source") for m in tree.getroot().iter("message")
            if m.find("translation").get("type") == "unfinished"]
    print(f"{TS.relative_to(ROOT)}: {len(todo)} unfinished" + "".join(f"\n  {t}" for t in todo))
    return 0


if __name__ == "__main__":
    sys.exit(main())
