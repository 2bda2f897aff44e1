"""render-list as an editor: the list's own text between the markers, with only what changed.

A maintainer's list holds prose, badges, non-paper tables and ``<details>`` blocks between
its paper items, and each section writes its papers in its own shape (linked titles, link
words, ``2023-05`` dates). Regenerating the region would lose all that, so the region is
re-read with the list reader and edited in place:

- an item whose entry still says what the item says keeps its bytes;
- an item whose values changed (a resolved title's case, year or venue, a link) gets only
  those values replaced inside its own text; a value whose text cannot be found is left;
- an item whose paper left the catalog is removed;
- a paper the region lacks is written by cloning a sibling item of its category (same
  cells, link words, emphasis), at the place the section's date order implies, or in a
  new section modelled on the previous category's;
- rows read from shared lines (several papers in one paragraph) are left as written;
- a key anchor is added only to items a fresh import would give another key.

Items are matched to entries the way ``import-markdown`` matches rows (key anchor, then
title or shared identifier), so re-importing the edited list keeps entries and keys.

The rooms: ``items`` finds the paper items of the region and the entries they show,
``values`` says what an item should show, ``patch`` edits one item's text (and adds a key
anchor), ``insert`` writes the items of papers the region lacks, and ``region`` runs the edit
and keeps re-imports keyed as before.
"""
