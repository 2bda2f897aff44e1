"""The list stage: awesome lists in markdown, read into the catalog and written back from it.

``markdown`` parses a list, ``importer`` turns its rows into catalog entries. ``render`` writes
a list from the catalog: it edits the paper items of an existing list in place (``edit/``) or
generates the block afresh (``table``, over the rows ``arrange`` lays out; ``cells`` gives one
row's values).
It imports the catalog and the ground modules (docs/architecture.md).
"""
