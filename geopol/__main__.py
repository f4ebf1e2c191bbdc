import sys

from geopol.cli import main

sys.exit(main())
