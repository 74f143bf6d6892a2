"""`python -m kakaoaudit` runs the command line."""

import sys

from kakaoaudit.cli import main

if __name__ == "__main__":
    sys.exit(main())
