"""jieba's dictionary, for the engine and the repair, without jieba's start-up cost.

The engine needs two tables from jieba: the word frequencies of
`jieba.initialize()` (every word, and each of its prefixes at frequency 0) and
the default POS tags of `jieba.posseg`. Importing jieba and jieba.posseg and
loading their caches took ~1.3 s, most of an extraction worker's cold start.
Both tables are kept in one marshal file in the user's cache folder
(platformdirs; $PIZHU_CACHE_DIR overrides), made by jieba itself the first
time and read in ~0.35 s after that. The file's name holds the dictionary's
checksum and the Python version, so a changed dictionary or interpreter makes
a new one. The folder is the user's own, not the shared temporary folder:
marshal data is trusted when it is read.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
import zlib
from pathlib import Path

Lexicon = tuple[dict[str, int], dict[str, str]]


def dict_bytes() -> bytes:
    """jieba's dict.txt, found without importing jieba (its import alone is slow)."""
    from importlib import resources, util

    spec = util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    if not path.exists():  # a frozen bundle: go through the package
        return resources.files("jieba").joinpath("dict.txt").read_bytes()
    return path.read_bytes()


def cache_path(cache_dir: str | os.PathLike | None = None) -> Path:
    data = dict_bytes()
    name = (f"pizhu-jieba-lexicon-py{sys.version_info[0]}{sys.version_info[1]}"
            f"-{len(data)}-{zlib.crc32(data):08x}.marshal")
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / name


def default_cache_dir() -> Path:
    if os.environ.get("PIZHU_CACHE_DIR"):
        return Path(os.environ["PIZHU_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("Pizhu", appauthor=False))


def lexicon(cache_dir: str | os.PathLike | None = None) -> Lexicon:
    """(word frequencies, default POS tags), from the cache when it is there and whole."""
    path = cache_path(cache_dir)
    try:
        freq, tags = marshal.loads(path.read_bytes())  # marshal.load(file) reads item by item: 3× slower
        if _whole(freq, tags):
            return freq, tags
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent, or damaged: made again below
    freq, tags = from_jieba()
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f"{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as f:
            marshal.dump((freq, tags), f)
        os.replace(partial, path)  # two workers starting together both write; one wins whole
    except OSError:  # a folder that cannot be written: the engine runs, only slower to start
        if partial:
            Path(partial).unlink(missing_ok=True)
    return freq, tags


def _whole(freq, tags) -> bool:
    """Two non-empty tables of the right kinds (a damaged file that still loads is not)."""
    return (isinstance(freq, dict) and isinstance(tags, dict) and len(freq) > 100_000
            and isinstance(freq.get("的"), int) and isinstance(tags.get("的"), str))


def from_jieba() -> Lexicon:
    """The two tables as jieba itself loads them (its own cache used)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
