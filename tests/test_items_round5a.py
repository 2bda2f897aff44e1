"""Item shapes met in the fifth round of real lists (colon labels, venue headings, citations), each
shown on invented papers."""

from __future__ import annotations

from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_names_glued_to_titles_by_a_colon_are_the_lists_labels():
    """``**OWLH:Title(VENUE)**``: a name glued to its title (or set off by a fullwidth colon)
    is how the list labels its items, so the same list's ``**NAME: Title**`` is a label too;
    a title with a colon of its own keeps it."""
    items = [
        "- **OWLH:Owl Hashing for Night Retrieval(TIP)** [[PDF]](https://doi.org/10.1/a)",
        "- **NestQ：Quantized Nests for Owl Search(CVPR)** [[PDF]](https://doi.org/10.1/b)",
        "- **ROOST:Roost Codes for Cross-Owl Matching(MM)** [[PDF]](https://doi.org/10.1/c)",
        "- **Hoot-Net:Learning Hoots from Nothing(AAAI)** [[PDF]](https://doi.org/10.1/d)",
        "- **OWL++:Better Owl Embeddings with Hard Feathers:(Arxiv)** [[PDF]](https://doi.org/10.1/e)",
        "- **FeaTH: Owls to Oranges: A Scalable Feather Search(KDD)** [(PDF)](https://doi.org/10.1/f)",
        "- **TALON: Talon Graphs for Fast Owl Retrieval(TIP)** [(PDF)](https://doi.org/10.1/g)",
        "- **OwlViT:OwlViT: Vision Transformers for Owls(CVPR)** [[PDF]](https://doi.org/10.1/h)",
    ]
    assert titles(HEAD + "\n".join(items) + "\n") == [
        "Owl Hashing for Night Retrieval",
        "Quantized Nests for Owl Search",
        "Roost Codes for Cross-Owl Matching",
        "Learning Hoots from Nothing",
        "Better Owl Embeddings with Hard Feathers",
        "Owls to Oranges: A Scalable Feather Search",
        "Talon Graphs for Fast Owl Retrieval",
        "OwlViT: Vision Transformers for Owls",
    ]


def test_a_name_before_a_spaced_colon_is_the_titles_own():
    """``NAME: Title`` with a space is how titles name their method; one glued item in such a
    list is a slip of the keyboard, not a convention."""
    items = [
        "- [OwlNet: Owl Nets for Night Vision](https://arxiv.org/abs/2101.00011)",
        "- [HootGAN: Adversarial Hoots](https://arxiv.org/abs/2101.00012)",
        "- [NestFormer:Transformers for Nests](https://arxiv.org/abs/2101.00013)",
    ]
    assert titles(HEAD + "\n".join(items) + "\n") == [
        "OwlNet: Owl Nets for Night Vision",
        "HootGAN: Adversarial Hoots",
        "NestFormer:Transformers for Nests",
    ]


def test_a_heading_of_a_year_and_a_venue_dates_the_unlinked_papers_under_it():
    """``### 2016 OWLC``: a year and a venue (one the lexicon may not know) over items that
    link nothing: each is a paper of that venue and year; the places in parentheses after
    it are its authors' affiliations, not its title; slides and a demo beside an unlinked
    title are the talk's, and do not make the item a web page."""
    text = HEAD.replace("## Flight\n", "## Conference Papers\n") + (
        "### 2016 OWLC\n"
        "- Night Vision Accelerators for Owl Retinas. (Owl University, Hoot Labs)\n"
        "- **Going Quieter with Embedded Wings for Owl Flight.** \\[[Slides](http://owlc.org/s/1.pdf)\\]"
        "\\[[Demo](http://owlc.org/s/1.m4v)\\] (Owl Institute)\n"
        "  - *The first owl accelerator I have seen.*\n\n"
        "### 2017 DAC\n"
        "- Talon Pruning for Owl Networks.\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.venue, r.year) for r in rows] == [
        ("Night Vision Accelerators for Owl Retinas", "OWLC", 2016),
        ("Going Quieter with Embedded Wings for Owl Flight", "OWLC", 2016),
        ("Talon Pruning for Owl Networks", "DAC", 2017),
    ]


def test_an_arxiv_id_written_after_a_linked_title_is_the_papers_preprint():
    """``[Title](pdf). _arXiv preprint arXiv:2101.00021_.``: the id written out names the
    paper's preprint; a line of names and title with no link of its own (a note under an
    item) gets no link from it."""
    from delbib.identifiers import written_arxiv_ids

    assert written_arxiv_ids("arXiv preprint arXiv:2101.00021v2.") == ["2101.00021v2"]
    assert written_arxiv_ids("see arXiv: cs/0112017, and arXiv:2101.000211") == ["cs/0112017"]
    assert written_arxiv_ids("https://arxiv.org/abs/2101.00021 or 2101.00021") == []
    text = HEAD + (
        "- Stone, A. (2021). [Owl lexicons from graphs](https://owl.example.org/a.pdf). "
        "_arXiv preprint arXiv:2101.00021_.\n"
        "- Owls [[Paper]](https://owl.example.org/b.pdf)\n"
        "  - Ann Lee, Bo Chen, Owl Calls as Graph Signals, arXiv:2101.00022.\n"
    )
    links = [row.links for row in parse(text).rows]
    assert "https://arxiv.org/abs/2101.00021" in links[0]
    assert not any("2101.00022" in link for row in links for link in row)


def test_a_link_that_took_in_the_journal_after_the_title_gives_title_and_venue():
    """APA ``Names (2015). [Title. Journal](url), 49(2), 375-395.``: the sentence after the
    title is the journal when volume and pages follow the link, or when it opens with
    ``In`` (a proceedings); a second sentence with nothing of a venue after it is the
    title's own."""
    text = HEAD + (
        "- Stone, A., & Lee, B. (2015). [A parallel corpus: owl calls in 100 woods. "
        "Owl resources and evaluation](https://doi.org/10.1000/owl.a), 49(2), 375-395.\n"
        "- Moss, C. (2013). [Lexical choice for owl songs with labels. In Proceedings of the "
        "Second Workshop on Owls](https://doi.org/10.1000/owl.b) (pp. 102-108).\n"
        "- Chen, D. (2019). [Owls at night. A field guide for listeners]"
        "(https://doi.org/10.1000/owl.c).\n"
    )
    assert [(r.title, r.venue) for r in parse(text).rows] == [
        ("A parallel corpus: owl calls in 100 woods", "Owl resources and evaluation"),
        ("Lexical choice for owl songs with labels", "Proceedings of the Second Workshop on Owls"),
        ("Owls at night. A field guide for listeners", None),
    ]


def test_a_note_sentence_under_an_item_is_not_its_authors():
    """``- *Propose a dataflow called Owl Stationary, which reuses three levels.*`` under a
    paper is the lister's note: a sentence of mostly lower-case words that happens to hold
    two capitalised words before a comma names no one; a line of names still does."""
    text = HEAD.replace("## Flight\n", "### 2016 OWLC\n") + (
        "- **Owlriss: A Spatial Architecture for Owl Dataflow.** (Owl University)\n"
        "  - *Propose an efficient dataflow called Owl Stationary, which reuses three levels.*\n"
        "- **Talon Pruning for Owl Networks.** (Owl Institute)\n"
        "  - Ann Lee, Bo Chen, Carl Moss\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.authors) for r in rows] == [
        ("Owlriss: A Spatial Architecture for Owl Dataflow", None),
        ("Talon Pruning for Owl Networks", "Ann Lee, Bo Chen, Carl Moss"),
    ]
