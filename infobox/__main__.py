import sys

from infobox.cli import main

sys.exit(main())
