"""The `pizhu` entry point: a subcommand goes to core.cli, anything else starts the GUI.

`pizhu import …`, `pizhu --help` and the like are handed to core.cli.main
before PySide6 is imported, so the command line starts fast and needs no
display. `pizhu` alone opens the default database in the user data folder
(on the first run it is created, the bundled seed articles are imported and
extraction starts in the background); `pizhu PATH.db` opens that database.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

# Qt's own command-line options (they take a value where marked) and ours.
QT_OPTIONS = {"-platform": True, "-platformpluginpath": True, "-platformtheme": True,
              "-plugin": True, "-qwindowgeometry": True, "-qwindowtitle": True,
              "-qwindowicon": True, "-style": True, "-stylesheet": True, "-display": True,
              "-reverse": False, "-widgetcount": False, "-session": True}
GUI_OPTIONS = {"--self-test"}


def is_cli(argv: list[str]) -> bool:
    """True when argv (without the program name) is for the command line."""
    if not argv:
        return False
    from core.cli import COMMANDS

    first = argv[0]
    if first in COMMANDS:
        return True
    return first.startswith("-") and first.split("=")[0] not in set(QT_OPTIONS) | GUI_OPTIONS


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if is_cli(argv):
        from core.cli import main as cli_main

        return cli_main(argv)
    if "--self-test" in argv:
        from gui.self_test import main as self_test

        return self_test()
    return run_gui(argv)


def split_args(argv: list[str]) -> tuple[list[str], str | None]:
    """(Qt options, database path or None) from the GUI's argv."""
    qt, path, args = [], None, iter(argv)
    for arg in args:
        if arg in QT_OPTIONS:
            qt.append(arg)
            if QT_OPTIONS[arg]:
                qt.append(next(args, ""))
        elif arg.startswith("-"):
            qt.append(arg)
        elif path is None:
            path = arg
    return qt, path


def default_database() -> Path:
    from gui.settings import default_database

    return Path(default_database())


def run_gui(argv: list[str]) -> int:
    qt_args, path = split_args(argv)
    app = make_application([sys.argv[0], *qt_args])
    annotator = annotator_name()
    db_path = Path(path) if path else default_database()
    first_run = not db_path.exists() and path is None
    if first_run:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        seed_database(db_path)
    from gui.files import open_window

    window = open_window(db_path, annotator)
    if window is None:
        return 1
    window.open_initial()
    _key_hint(window)
    if first_run:
        window.background.extract(window.session.store.article_ids())
    return app.exec()


def make_application(args: list[str]):
    from PySide6.QtWidgets import QApplication

    from core import __version__
    from gui.settings import APPLICATION, ORGANIZATION, settings

    app = QApplication.instance() or QApplication(args)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Pizhu 批注")
    app.setApplicationVersion(__version__)
    from gui import fonts, i18n

    fonts.install_fallback_font(app)
    i18n.install_translator(app, settings.get("language"))
    try:
        from gui.about import app_icon

        app.setWindowIcon(app_icon())
    except ImportError:  # the icon is a nicety
        pass
    return app


def annotator_name() -> str:
    from gui.first_run import ask_annotator

    return ask_annotator()


def seed_database(db_path: Path) -> list[int]:
    """Create the database and import the bundled seed articles (a second or so)."""
    from importlib import resources

    from core.ingest import import_paths
    from core.store import Store

    seeds = resources.files("seeds")
    with resources.as_file(seeds) as folder, Store(db_path) as store:
        files = sorted(str(p) for p in Path(folder).glob("*.txt"))
        return import_paths(store, files).added


def _key_hint(window) -> None:
    from gui.first_run import show_key_hint

    show_key_hint(window.reader)


if __name__ == "__main__":
    raise SystemExit(main())
