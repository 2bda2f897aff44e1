"""The package version (its own module: the lowest modules read it, and setuptools too)."""

__version__ = "0.1.0"
