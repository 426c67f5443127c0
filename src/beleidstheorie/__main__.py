"""``python -m beleidstheorie``: the command line, as the ``beleidstheorie`` console script."""

from beleidstheorie.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="beleidstheorie")
