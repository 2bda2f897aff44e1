"""A person's own bibliography files: read (``readers``), imported into a catalog
(``importer``, ``delbib import-bib``), upgraded and checked against the services (``verify``,
``delbib upgrade`` and ``delbib check``). It sits above export, whose BibTeX writer ``upgrade``
uses (docs/architecture.md).
"""
