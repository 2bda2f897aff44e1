"""delbib: a curated catalog of research papers -> BibTeX, CSL-JSON and RIS, per category."""

__version__ = "0.1.0"
