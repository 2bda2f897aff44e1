"""Link words: the text of a link that names a resource (``[[pdf]]``, ``[Project Page]``,
``[`[official code - caffe]`]``), never a title.

A link text is a link word when every word of it is known here (a kind word, a qualifier,
a venue or a year) and at least one says what the link leads to. "Segment Anything Model"
is a title: "Segment" is not a link word.
"""

from __future__ import annotations

import re

from .inline import strip_emoji

PAPER, CODE, PROJECT, VIDEO = "paper", "code", "project", "video"

# Word -> the kind of resource a link labelled with it leads to.
KIND_WORDS: dict[str, str] = {}
for _kind, _words in (
    (
        PAPER,
        "paper papers pdf arxiv link url openreview acl doi report abs html article preprint "
        "publication proceedings ieee acm springer pubmed biorxiv medrxiv ssrn semantic scholar "
        "researchgate sciencedirect full text anthology aclanthology xplore ieeexplore "
        "jstor wiley",
    ),
    (CODE, "code codes github repo repository gitlab source sourcecode implementation"),
    (VIDEO, "video videos youtube bilibili talk recording presentation pitch"),
    (
        PROJECT,
        "project homepage website page blog demo dataset data model models huggingface hf "
        "slides poster docs doc zhihu twitter tweet colab notebook weights checkpoint "
        "leaderboard benchmark bib bibtex citation supp supplementary suppl site news post "
        "documentation app spec "
        "webpage web medium reddit discord info information "
        "openreview api notes note summary",
    ),
):
    KIND_WORDS.update(dict.fromkeys(_words.split(), _kind))
KIND_WORDS["openreview"] = PAPER
# "[Projects Page]", "[Slides & Posters]", "[Demos]": a kind word in the plural names it too
KIND_WORDS.update({w + "s": k for w, k in list(KIND_WORDS.items()) if not w.endswith("s")})
# The same words in the other languages lists are written in: Chinese, Japanese, Korean,
# German, French, Spanish, Portuguese, Italian ("[[论文]]", "[[代码]]", "[Código]").
for _kind, _words in (
    (
        PAPER,
        "论文 论文链接 文章 原文 報告 论文地址 論文 논문 artikel aufsatz artículo articulo "
        "artigo articolo papier publicación publicação",
    ),
    (CODE, "代码 代碼 仓库 倉庫 源码 コード 코드 quellcode código codigo codice dépôt"),
    (VIDEO, "视频 視頻 動画 ビデオ 영상 비디오 vidéo vídeo vortrag"),
    (
        PROJECT,
        "项目 項目 主页 主頁 博客 数据集 数据 模型 演示 网站 网页 知乎 ブログ プロジェクト "
        "ホームページ 블로그 프로젝트 홈페이지 projekt projektseite projet proyecto projeto "
        "progetto webseite página pagina folien diapositives diapositivas 笔记 筆記 解读",
    ),
):
    KIND_WORDS.update(dict.fromkeys(_words.split(), _kind))

# Words that qualify a kind word ("official code - caffe", "Matlab Code", "Blog Post").
_QUALIFIER_WORDS = """official unofficial third party 3rd pytorch tensorflow tf caffe caffe2
    mxnet keras jax
    matlab torch theano chainer paddle paddlepaddle cuda c python cpp java julia r js
    additional more extra full main short long author authors author's our the a an of in on
    and or with by for to mat material materials version v1 v2 v3 page pages pitch post
    online live english chinese reading my official's reproduced reproduction reimplementation
    unoffical offical pretrained pre trained camera ready extended open access free white
    tech technical"""  # "[white paper]", "[tech report]"
QUALIFIERS = frozenset(_QUALIFIER_WORDS.split())
# Project words that lead to software, not to a paper's page: "[[docs]]", "[[app]]", "[[spec]]"
SOFTWARE_WORDS = frozenset({"docs", "doc", "documentation", "app", "spec", "api"})


def is_software_words(text: str) -> bool:
    """``[[docs]]``, ``[App]``: link text that names a tool's documentation or app."""
    found = words(text)
    return bool(found) and any(w in SOFTWARE_WORDS for w in found) and is_link_words(text)


_BLOG_HOSTS = ("blogspot.com", "medium.com", "substack.com", "wordpress.com", "ghost.io")
_BLOG_PATH = re.compile(r"/(?:blogs?|posts?|articles/\d{4})(?:/|$)", re.I)
# A company's engineering blog: "anthropic.com/engineering/building-owl-agents"
_ENGINEERING_POST = re.compile(r"/engineering/[a-z0-9]+(?:-[a-z0-9]+){2,}/?$", re.I)
# A post dated by its address: "owlsite.com/2013/01/14/owl-notes/", "site.org/science/2015/
# 12/01/owls.html" (a journal's "/content/early/2015/11/05/0306" has two segments before)
_DATED_POST = re.compile(r"^/(?:[^/]+/)?(?:19|20)\d\d/[01]\d/[0-3]\d/[^/]*[^\W\d_]", re.I)
# General news outlets and magazines; "news.site.org", ".../news/..." say news wherever they are
_NEWS_HOSTS = (
    "nytimes.com", "theguardian.com", "newyorker.com", "theatlantic.com", "washingtonpost.com",
    "wsj.com", "ft.com", "economist.com", "bbc.com", "bbc.co.uk", "reuters.com",
    "bloomberg.com", "cnn.com", "cnbc.com", "forbes.com", "wired.com", "theverge.com",
    "techcrunch.com", "vox.com", "axios.com", "time.com", "npr.org", "apnews.com",
    "technologyreview.com", "venturebeat.com", "arstechnica.com", "zdnet.com",
    "quantamagazine.org", "scientificamerican.com", "newscientist.com", "spectrum.ieee.org",
    "theconversation.com", "sciencedaily.com", "phys.org", "techxplore.com", "eos.org",
    "nautil.us", "businessinsider.com", "fastcompany.com", "engadget.com", "statnews.com",
)  # fmt: skip
_NEWS_PATH = re.compile(r"/(?:news|latest-news)/", re.I)
# The same outlets by the names a citation gives them ("Jo Lee, New York Times (Jan. 22 2020)")
_NEWS_NAMES = re.compile(
    r"(?:the\s+)?(?:new\s+york\s+times|n\.\s?y\.\s?times|nyt|guardian|new\s+yorker|atlantic|washington\s+post"
    r"|wall\s+street\s+journal|financial\s+times|economist|bbc(?:\s+news)?|reuters|bloomberg"
    r"|cnn|cnbc|forbes|wired|verge|techcrunch|vox|axios|time|npr|ap\s+news|propublica|slate"
    r"|politico|los\s+angeles\s+times|(?:mit\s+)?technology\s+review|quanta\s+magazine"
    r"|scientific\s+american|new\s+scientist|conversation|business\s+insider|fast\s+company"
    r"|venturebeat|ars\s+technica|medium)(?:\s*[:(].*)?",
    re.I,
)
# The magazine part of journals' sites: Nature's news, comment and features
# ("nature.com/articles/d41586-024-00001-x"), Science's news ("science.org/content/article/")
_JOURNAL_NEWS = (("nature.com", "/articles/d41586-"), ("science.org", "/content/article/"))
# Bookshops and book catalogues: a book, whatever its title
_BOOK_HOSTS = ("goodreads.com", "openlibrary.org", "worldcat.org", "bookshop.org")
_BOOK_PATH = re.compile(r"^/(?:(?:-/)?[a-z]{2}/)?(?:[^/]+/)?(?:dp|gp/product)/\w{10}", re.I)
# A publisher's or library's shelf of books: "ncbi.nlm.nih.gov/books/NBK21054/"
_BOOKS_SHELF = re.compile(r"^/(?:[a-z]+/)?books/", re.I)
# A publisher's page for one whole book, named by its ISBN: "springer.com/gp/book/978...",
# "link.springer.com/book/10.1007/978-3-..." (a "/chapter/" is a part that may be a paper)
_BOOK_PAGE = re.compile(r"/books?/(?:10\.\d{4,9}/)?97[89]-?\d", re.I)


def is_blog_url(href: str) -> bool:
    """A blog post's address (``medium.com/...``, ``x.blogspot.com/2016/...``,
    ``site.org/blog/slug``, ``lilianweng.github.io/posts/...``, ``site.com/2013/01/14/slug``):
    a post, not a paper."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold()
    return (
        host.endswith(_BLOG_HOSTS)
        or host.startswith("blog.")
        or any(h in host.split(".") for h in ("blog", "blogs"))
        or bool(_BLOG_PATH.search(parts.path))
        or bool(_ENGINEERING_POST.search(parts.path))
        or bool(_DATED_POST.match(parts.path))
        and not parts.path.casefold().endswith(".pdf")
    )


# Where software is documented: "owlkit.readthedocs.io/en/latest", "docs.owlkit.org"
_DOCS_HOSTS = ("readthedocs.io", "readthedocs.org", "gitbook.io")
_DOCS_PATH = re.compile(r"^/(?:docs?|documentation)(?:/|$)", re.I)


def is_docs_url(href: str) -> bool:
    """A tool's documentation (``x.readthedocs.io/...``, ``docs.owlkit.org``,
    ``owlkit.org/docs/``): software, not a paper (``docs.google.com`` holds documents)."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold().removeprefix("www.")
    return (
        host.endswith(_DOCS_HOSTS)
        or host.startswith("docs.")
        and host != "docs.google.com"
        or bool(_DOCS_PATH.match(parts.path))
        and not parts.path.casefold().endswith(".pdf")
    )


# Hosts of data sets, competitions and model weights: "kaggle.com/competitions/owl-2025",
# "huggingface.co/datasets/owls" (huggingface.co/papers/ mirrors arXiv)
_DATA_HOSTS = (
    "kaggle.com", "physionet.org", "archive.ics.uci.edu", "data.mendeley.com", "dataverse.org",
    "dataverse.harvard.edu", "datadryad.org", "pangaea.de", "codeocean.com",
    "cds.climate.copernicus.eu", "modelscope.cn",
)  # fmt: skip


def is_data_url(href: str) -> bool:
    """A data set's, a competition's, a model's or a demo's page on a host of such things
    (``kaggle.com/...``, ``huggingface.co/owl-lab/owl-7b``): data or weights, not a paper."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold().removeprefix("www.")
    if host == "huggingface.co":
        return not re.match(r"^/(?:papers|blog)(?:/|$)", parts.path, re.I) and parts.path != "/"
    return _on(host, _DATA_HOSTS)


# DOI prefixes of deposits that hold only code or data: Code Ocean capsules, Dryad,
# PANGAEA, Mendeley Data, Harvard Dataverse (Zenodo and figshare also hold preprints)
_DEPOSIT_DOI = re.compile(r"^doi:10\.(?:24433|5061|1594|17632|7910)/", re.I)


def is_deposit(found: list[str]) -> bool:
    """Identifiers that all name a code or data deposit (``doi:10.24433/CO.0832447.v1``):
    a capsule or a data set, not a paper."""
    return bool(found) and all(_DEPOSIT_DOI.match(i) for i in found)


def is_volume(found: list[str]) -> bool:
    """Identifiers that all name a whole proceedings volume (``acl-volume:W19-64``, no page
    in it): a workshop's proceedings, linked by its year, not a paper."""
    return bool(found) and all(re.fullmatch(r"acl-volume:[^#]+", i) for i in found)


_FRONT_PATHS = frozenset({"", "/", "/home", "/index.html", "/index.htm", "/index.php"})


def is_front_page(href: str) -> bool:
    """A site's front page (``commoncrawl.org``, ``owls.org/home``): the site itself, not one
    of its pages."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    return bool(parts.hostname) and not parts.query and parts.path.casefold() in _FRONT_PATHS


def is_news_url(href: str) -> bool:
    """A news article's address (``theguardian.com/...``, ``news.site.org/...``,
    ``site.org/news/...``): news, not a paper."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold().removeprefix("www.")
    return (
        _on(host, _NEWS_HOSTS)
        or host.startswith("news.")
        or bool(_NEWS_PATH.search(parts.path + "/"))
        or any(_on(host, (site,)) and parts.path.startswith(p) for site, p in _JOURNAL_NEWS)
    )


def is_news_venue(venue: str | None) -> bool:
    """``New York Times``, ``ProPublica``, ``Medium: Artificial Intelligence``: a citation
    placed in a newspaper, a magazine or a blog host is news or a post, not a paper."""
    return bool(venue) and bool(_NEWS_NAMES.fullmatch(venue.strip(" .,")))


def is_book_url(href: str) -> bool:
    """A bookshop's or catalogue's page for a book (``amazon.de/-/en/Title/dp/0141033576``,
    ``goodreads.com/book/show/...``, ``books.google.com/...``): a book, not a paper."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold().removeprefix("www.")
    amazon = host.split(".")[0] == "amazon" and bool(_BOOK_PATH.match(parts.path))
    google_books = host.startswith("books.google.") or (
        host == "play.google.com" and parts.path.startswith("/store/books/")
    )
    shelf = bool(_BOOKS_SHELF.match(parts.path) or _BOOK_PAGE.search(parts.path))
    return amazon or google_books or shelf or _on(host, _BOOK_HOSTS)


def _on(host: str, sites: tuple[str, ...]) -> bool:
    """The host is one of the sites or under one (``ft.com``, not ``microsoft.com``)."""
    return host in sites or host.endswith(tuple("." + site for site in sites))


# A person's page on a site of scholars: their papers, not one of them
_PROFILE_PATH = re.compile(
    r"^(?:orcid\.org/\d{4}-|dblp\.org/(?:pid|pers)/|(?:www\.)?semanticscholar\.org/author/"
    r"|(?:www\.)?researchgate\.net/profile/[^/]+/?$|(?:www\.)?openreview\.net/profile\b)",
    re.I,
)


def is_profile_url(href: str) -> bool:
    """A scholar's profile (``scholar.google.com/citations?user=...``, ``dblp.org/pid/...``,
    ``orcid.org/0000-...``): a person, not a paper. A paper's page on Google Scholar
    (``view_op=view_citation``) stays a paper's."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").casefold()
    if host.startswith("scholar.google."):
        return "user=" in parts.query and "view_citation" not in parts.query
    return bool(_PROFILE_PATH.match(host + parts.path))


def is_encyclopedia_url(href: str) -> bool:
    """``en.wikipedia.org/wiki/Lamport_timestamp``: an encyclopedia entry, not a paper."""
    from urllib.parse import urlsplit

    host = (urlsplit(href.strip()).hostname or "").casefold()
    return host == "wikipedia.org" or host.endswith((".wikipedia.org", ".wikibooks.org"))


GENERIC = frozenset({"link", "url"})  # says there is a link, not what it leads to
# Paper words that say what the work is, not where or how it is kept ("pdf", "html", "doi"):
# "[[paper]]", "[preprint]", "[[论文]]"
_PAPER_NAMES = """paper papers article preprint publication 论文 文章 論文 논문 artikel artículo
    artigo articolo publicación publicação"""
NAMES_A_PAPER = frozenset(_PAPER_NAMES.split())


def names_a_paper(text: str) -> bool:
    """``[[paper]]``, ``[Nature paper]``, ``[preprint]``: link words (the caller knows they are
    link words) that call the work a paper."""
    return any(w in NAMES_A_PAPER for w in words(text))


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a link text, emoji left out (``[:pencil: Notes]``)."""
    return [w.casefold() for w in _WORD.findall(strip_emoji(text))]


def is_link_words(text: str, *, is_venue=None) -> bool:
    """True for ``pdf``, ``[[Project Page]]``, ``Matlab Code``, ``NeurIPS 2023``, ``[1]``:
    link text that names a resource, a venue or a number, not a title."""
    found = words(text)
    if not found or not any(ch.isalpha() for w in found for ch in w):
        return True  # no letters: "[1]", "→", "2023"
    if len(found) > 6:
        return False
    strong = False
    for word in found:
        if word in KIND_WORDS:
            strong = True
        elif word.isdigit() or word in QUALIFIERS:
            continue
        elif is_venue is not None and is_venue(word):
            strong = True
        else:
            return False
    return strong


def kind_of_words(text: str) -> str | None:
    """The resource kind a link text names (``[Matlab Code]`` -> code), None if it names none."""
    for word in words(text):
        if word in KIND_WORDS and word not in GENERIC:
            return KIND_WORDS[word]
    return PAPER if any(w in GENERIC for w in words(text)) else None


# "Title, pdf", "Title (pdf)", "Title:(arXiv)", "Title [Code]": a link word typed into the
# link's text after the title says what the link leads to
_TRAILING_WORD = re.compile(r"(?:,\s*([^\W_]+)|:?\s*[(\[]{1,2}\s*([^\W_]+)\s*[)\]]{1,2})$")


def drop_trailing(title: str) -> str:
    """The title without the word for a paper written after it (``Title, pdf``, ``Title
    (PDF)``, ``Title:(arXiv)``); other words stay: ``Graph, Image, and Text``, ``Robotics
    (slides)`` (the slides of a talk, not the paper)."""
    found = _TRAILING_WORD.search(title)
    word = found and (found[1] or found[2]).casefold()
    if word and KIND_WORDS.get(word) == PAPER and word not in GENERIC | {"text", "full"}:
        return re.sub(r"(?<=\w\w)\.$", "", title[: found.start()].rstrip())  # "Title. [[PDF]]"
    return title
