"""Zotero sync: push the catalog into a Zotero library through the Web API v3, and pull a
report of what changed there. ``client`` talks HTTP, ``mapping`` turns canonical CSL items
into Zotero items, ``state`` remembers the last push, ``sync`` plans and writes
(``collections`` its collections), ``pull`` reports."""
