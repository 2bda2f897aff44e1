"""delbib: a curated catalog of research papers -> BibTeX, CSL-JSON and RIS, per category."""

from delbib._version import __version__

__all__ = ["__version__"]
