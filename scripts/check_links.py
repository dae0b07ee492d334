"""Check every catalogue link and report what to fix. See `python scripts/check_links.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from infobox.linkcheck.job import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
