"""Check every catalogue link and report what to fix. See `python scripts/check_links.py --help`."""

import sys

from infobox.linkcheck.job import main

if __name__ == "__main__":
    sys.exit(main())
