#!/usr/bin/env python
"""Same as the ``inkoopkracht`` console script."""

from inkoopkracht.cli import main

if __name__ == "__main__":
    main()
