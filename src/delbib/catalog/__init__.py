"""The catalog stage: the papers, their categories and resolved records, on disk and in memory.

``model`` loads and saves a catalog (``layout`` names its files), ``validate`` checks what the
later stages rely on, ``index`` caches what loading parsed, ``csl`` builds the canonical CSL
item of an entry (``item`` reads one), ``lint``, ``stats``, ``titleindex`` and ``rekey`` work on
a loaded catalog. It imports only the ground modules (docs/architecture.md).
"""
