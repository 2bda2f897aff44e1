"""The resolve stage: metadata for catalog entries from scholarly services.

``run`` resolves a catalog (``delbib resolve``), ``sources`` holds one module per service,
``match`` decides whether a found record is the listed paper, ``reference`` records what was
checked by hand, and ``add`` puts a paper into the catalog through the same routes. It imports
the catalog and the ground modules (docs/architecture.md).
"""
