"""`python -m factcheck_app`: the same entry point as the `factcheck` command."""
import multiprocessing
import sys

from factcheck_app.cli import main

if __name__ == "__main__":
    # A long article's extraction starts a second process ("spawn"): it imports this module
    # again, and in the packaged app it is this program started with multiprocessing's
    # arguments, which freeze_support turns into the worker instead of a second app.
    multiprocessing.freeze_support()
    sys.exit(main())
