"""`python -m chezflora.entrypoints.cli` is the `chezflora` command."""

import sys

from chezflora.entrypoints.cli import main

sys.exit(main())
