"""The ``ipkpi`` command line: thin adapters over the core."""
