"""Pizhu core: the Qt-free library for repair, storage, extraction and export."""

from importlib import metadata as _metadata


def _version() -> str:
    try:
        return _metadata.version("pizhu")
    except _metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        if pyproject.exists():
            found = re.search(r'^version = "([^"]+)"', pyproject.read_text("utf-8"), re.M)
            if found:
                return found.group(1)
        return "0.0.0"


__version__ = _version()
