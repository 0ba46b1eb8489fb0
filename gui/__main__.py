"""`python -m gui`: the same entry point as the `pizhu` command (and the frozen bundle)."""

from gui.app import main

raise SystemExit(main())
