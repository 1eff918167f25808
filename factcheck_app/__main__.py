"""`python -m factcheck_app`: the same entry point as the `factcheck` command."""
import sys

from factcheck_app.cli import main

sys.exit(main())
