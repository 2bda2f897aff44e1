"""The export stage: the catalog's canonical items written as bibliography files and a site.

``run`` writes and checks the export tree (``delbib export``), ``formats`` holds one writer
per format, ``latex`` encodes text for BibTeX, ``citations`` reads the keys a LaTeX document
cites, ``survey`` writes a LaTeX survey and ``site`` a static web site. It imports the lists,
catalog and ground stages, never resolve (docs/architecture.md).
"""
