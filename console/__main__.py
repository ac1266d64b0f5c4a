import sys

from memberdesk.console.cli import main

sys.exit(main())
