"""Venue lexicon: conference and journal short names with the ways lists write them and
their years (``ICML 2023``, ``ICML'23``, ``ICML' 23``, ``AAAI-20``, ``CHI25``, ``2019-ICML``,
``[CVPR 2023]``, ``(AAAI 2022)``), so a venue stuck to a title is taken off it and fills the
venue and year instead.
"""

from __future__ import annotations

import re

# Short names (regular expressions, longest spelling first where one is a prefix of another).
# Two-letter and ambiguous acronyms (SC, MM, PR) are left out: in running text they are more
# often something else.
VENUES: tuple[str, ...] = (
    # machine learning
    "NeurIPS", "NIPS", "ICML", "ICLR", "TMLR", "JMLR", "AISTATS", "UAI", "COLT", "MLSys",
    "AutoML", "ACML", "ECML(?:[- ]?PKDD)?", "PMLR", "CoLLAs", "LoG",
    # language
    "ACL(?:-IJCNLP)?", "EMNLP(?:-IJCNLP)?", "NAACL(?:-HLT)?", "COLING", "EACL", "AACL", "TACL",
    "CoNLL", "LREC", "COLM",
    "Interspeech", "INTERSPEECH", "InterSpeech", "ICASSP", "SLT", "ASRU", "IWSLT", "WMT", "SIGDIAL",
    # AI
    "AAAI", "IJCAI", "AAMAS", "ECAI", "KR",
    # vision, graphics, multimedia
    "CVPR", "ICCV", "ECCV", "WACV", "BMVC", "ACCV", "ACM ?MM", "ICME", "ICIP", "3DV",
    "SIGGRAPH(?: Asia)?", "TOG", "TPAMI", "PAMI", "IJCV", "TIP", "TMM", "TCSVT", "CVPRW",
    "ICCVW", "ECCVW", "ICPR",
    # medical imaging, neural networks, signals
    "MICCAI", "ISBI", "IPMI", "MIDL", "IJCNN", "ICONIP", "ICANN", "ISMIR", "EMBC",
    # data, web, retrieval
    "KDD", "SIGKDD", "WWW", "SIGIR", "WSDM", "CIKM", "RecSys", "ICDM", "SDM", "PAKDD",
    "ECIR", "VLDB", "PVLDB", "SIGMOD", "ICDE", "CIDR", "TKDE", "TOIS", "TKDD", "TNNLS",
    # systems, security, software
    "OSDI", "SOSP", "NSDI", "EuroSys", "ASPLOS", "ISCA", "MICRO", "HPCA", "PPoPP", "ICCAD",
    "DAC", "FPGA", "Hot ?Chips", "ATC", "SoCC", "SIGCOMM", "ICSE", "FSE", "ASE", "ISSTA", "PLDI",
    "POPL", "MobiCom", "MobiSys", "SenSys", "INFOCOM", "IPSN", "SIGSPATIAL", "ITSC", "GECCO",
    "ICWSM",
    "OOPSLA", "CCS", "NDSS", "USENIX Security", "USENIX", "S&P", "Euro ?S&P", "ACSAC",
    "AsiaCCS", "TIFS", "TDSC",
    # robotics, HCI
    "CoRL", "ICRA", "IROS", "RSS", "HRI", "RA-?L", "T-?RO", "IJRR", "CHI", "UIST", "CSCW",
    "IUI", "UbiComp", "Ubicomp", "IMWUT", "ISSCC", "JSSC",
    # journals and preprints
    "Nature(?: [A-Z][a-z]+)*", "Science(?: [A-Z][a-z]+)?", "PNAS", "Cell", "Neuron",
    "Findings", "Preprint", "arXiv", "Arxiv", "ARXIV", "ArXiv", "CoRR", "bioRxiv",
    "medRxiv", "OpenReview", "IEEE [A-Z][A-Za-z-]+", "ACM [A-Z][A-Za-z]+",
)  # fmt: skip

_NAMES = "|".join(VENUES)
_YEAR = r"(?:19|20)\d{2}"
# A venue and the year attached to it: "ICML 2023", "ICML'23", "ICML' 23", "AAAI-20",
# "CHI25", "KDD2017", "NeurIPS 2023 Workshop".
_VENUE = re.compile(
    rf"(?<![A-Za-z])(?:Findings of (?:the )?)?({_NAMES})"
    rf"(?:(?:\s*['’`]\s*|\s*[-_/ ]\s*|(?=(?:{_YEAR}|\d{{2}})(?!\d)))({_YEAR}|\d{{2}})(?!\d))?"
    r"(?:\s+(?:Findings|Workshops?|Oral|Spotlight|Poster|D&B|Datasets and Benchmarks"
    r"|findings|workshop|oral|spotlight|poster|Track))?"
    r"(?![A-Za-z]|-[a-z])"  # "arXiv-only", "CVPR-style": a word made with the name
)
_VENUE_WORD = re.compile(rf"(?:{_NAMES})(?:['’`]?\d{{2}}|{_YEAR})?", re.IGNORECASE)
# "2019-ICML", "2008-NIPS", "2017ACL"
_YEAR_VENUE = re.compile(rf"(?<!\d)({_YEAR})(?:\s*-\s*|(?=[A-Z]))({_NAMES})(?![A-Za-z])")
# Dates with more than a year: 2023-05, 2023/09, 2023.5, 23.07, [2023/09].
_PRECISE_DATE = re.compile(
    r"(?<![\w.])((?:19|20)\d{2}\s*[./-]\s*(?:0?[1-9]|1[0-2])(?:\s*[./-]\s*\d{1,2})?"
    r"|\d{2}\.(?:0[1-9]|1[0-2]))(?![\w.])"
)
_SEP = r"\s*(?:[-:–—|,.]\s*)?"
_LEADING = (
    re.compile(r"^\s*\d{8}\s+"),  # "20191124 AAAI-20 (Title)": a date stamp
    re.compile(rf"^\s*{_YEAR_VENUE.pattern}{_SEP}(?=\S)"),
    re.compile(rf"^\s*[\[(]\s*(?:{_VENUE.pattern}|{_YEAR})\s*[\])]\s*[-:–—|]?\s*(?=\S)"),
    re.compile(rf"^\s*{_VENUE.pattern}{_SEP}(?=\S)"),
)


def venue_in(text: str) -> tuple[str | None, int | None]:
    """A venue named in free text (``ICML 2025``, ``VLDB'25``, ``2019-ICML``) and the year it
    carries, as listed; (None, None) when the text names none."""
    text = text or ""
    match = _YEAR_VENUE.search(text)
    if match:
        return match.group(2), int(match.group(1))
    match = _VENUE.search(text)
    if match:
        name, year = match.group(0), match.group(2)
        if year and len(year) == 4 and name[match.start(2) - match.start() - 1].isalpha():
            name = name.replace(year, f" {year}", 1)  # "CVPR2019": the year typed on
        return squash_venue(name), _year_of(year)
    tag = _DATED_TAG.search(text)  # "[MM 2020]", "(TOMM2022)": a dated acronym set apart
    return (tag[1], int(tag[2])) if tag else (None, None)


def squash_venue(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if len(text) == 4 else two_digit_year(int(text))


def two_digit_year(short: int) -> int:
    """``CHI '92`` is 1992 and ``ICML'23`` 2023: the latest year so written that is not past
    next year."""
    import datetime

    return 2000 + short if 2000 + short <= datetime.date.today().year + 1 else 1900 + short


def is_venue_word(word: str) -> bool:
    """``cvpr``, ``neurips2023``, ``iclr'24``: a word that names a venue."""
    return bool(_VENUE_WORD.fullmatch(word))


def is_venue_only(text: str) -> bool:
    """``CVPR' 14``, ``[NeurIPS 2023]``, ``ICLR 2024 Oral``, ``2015 DAC``: nothing but a venue
    and year."""
    stripped = text.strip(" []()*_.,;:")
    venue, _ = venue_in(stripped)
    first = _YEAR_FIRST.fullmatch(stripped)  # "2015 DAC": the year before the venue
    return (
        venue is not None
        and len(re.sub(_VENUE, "", stripped).strip(" '’-.,")) <= 2
        or bool(re.fullmatch(rf"{_YEAR}(?:\s*[./-]\s*\d{{1,2}})*", stripped))
        or dated_acronym(stripped) is not None
        or bool(first and not re.search(r"\d", first[1]) and is_venue_only(first[1]))
    )


# "JCIM 2303", "NSR_2511", "TKDE'23", "2017 FCCM": an acronym this lexicon does not know with
# a year or a year and month; a title never reads so
_ACRONYM = r"[A-Z][A-Z&]{1,7}"
_ACRONYM_DATED = re.compile(
    rf"({_ACRONYM})[\s_'’-]{{0,2}}(?:\d{{2}}|\d{{4}})|{_YEAR}[\s_'’-]{{1,2}}({_ACRONYM})"
)
_YEAR_FIRST = re.compile(rf"{_YEAR}[\s_-]+(.+)")
_PAREN_CITE = re.compile(
    r"\s*\(\s*[A-Z][\w'’.-]+(?:\s+(?:and|&)\s+[A-Z][\w'’.-]+|\s+et\s+al\.?)?,?\s*"
    rf"({_YEAR})[a-z]?\s*\)\s*$"
)
_DATED_TAG = re.compile(rf"[\[(]\s*({_ACRONYM})[\s_'’-]{{0,2}}({_YEAR})\s*[\])]")
# "PRL'2020", "ESEC/FSE, 2022", "CVPRWorkshop, 2023": dated
_UNKNOWN_NAME = rf"arxiv|{_ACRONYM}(?:/{_ACRONYM})?(?:Workshops?)?"
_UNKNOWN_LEAD = re.compile(rf"(?:{_UNKNOWN_NAME})(?![a-z])")
# After the title: ", NeurIPS 2025", "(AAAI 2022)", ". PRL'2020", ", FMSD, 2016", "? arxiv'2021"
# (an acronym the lexicon does not know counts with its year)
_TRAILING = re.compile(
    r"(?:\s*[,(\[]\s*(?:in\s+)?|\s+[-–—|]\s+|\.\s+|(?<=[?!])\s+)"  # ", in arXiv 2023"
    rf"((?:{_VENUE.pattern}|(?:{_UNKNOWN_NAME})(?:\s*['’]\s*|[\s,_-]+)?{_YEAR}|{_YEAR})"
    rf"(?:[\s,-]+(?:{_YEAR}))?"  # "InterSpeech2021-2021": the year typed twice
    # "Title, ACL-2020 Demo", "Title, ACL-2020 theme track": the track after the venue
    r"(?:\s+(?:theme\s+)?(?i:workshop|poster|oral|spotlight|track|demo|findings))?)"
    # "Title, ICLR-2020(under review)": where it was sent, not yet where it appeared
    r"(?:\s*\((?i:under review|submitted|in submission|to appear|in press)\))?"
    r"\s*[)\]]?\s*\.?\s*$"
)


def coined(name: str) -> bool:
    """A coined name (``NIMBUS``, ``LLaVA``, ``GPT-4V``): capitals or digits past its first
    letter. ``(Effectively)`` is a word of the title; ``[ACL 2023] ToMi`` keeps its name."""
    return any(ch.isupper() or ch.isdigit() for ch in name[1:])


def dated_acronym(text: str) -> str | None:
    """The acronym of ``JCIM 2303`` or ``2017 FCCM``: a venue the lexicon does not know."""
    match = _ACRONYM_DATED.fullmatch(text.strip())
    return (match[1] or match[2]) if match else None


# After a venue and its year, the name of its workshop or track (an acronym: "CoRL 2023
# Workshop TGR", "ICLR 2023 RRL Poster") and the kind of talk
_LABEL_WORD = re.compile(
    r"[A-Z][A-Z0-9&-]{1,9}|(?i:workshops?|poster|oral|spotlight|track|demo|findings)"
)


def is_venue_label(text: str) -> bool:
    """``CoRL 2023 Workshop TGR``, ``NeurIPS 2023 GCRL workshop``: a venue with its year,
    then one to three words naming its workshop or track; where a paper appeared, never a
    title (a title does not open with a venue and a year). A venue alone is
    :func:`is_venue_only`."""
    stripped = text.strip(" []()*_.,;:")
    match = _VENUE.match(stripped)
    if not match or not match.group(2):
        return False
    rest = stripped[match.end() :].split()
    return 1 <= len(rest) <= 3 and all(_LABEL_WORD.fullmatch(w) for w in rest)


def precise_date(text: str) -> str | None:
    """A date written with more than a year (``2023-05``, ``23.07``, ``2023/09``), as written."""
    match = _PRECISE_DATE.search(text or "")
    return re.sub(r"\s+", "", match.group(1)) if match else None


def strip_title(title: str) -> tuple[str, str | None, int | None]:
    """A title without the venue and year stuck to it: ``2008-NIPS - Title``, ``IJCV'23
    Title``, ``[CVPR 2023] Title``, ``20191124 AAAI-20 (Title)``, ``Title (AAAI 2022)``,
    ``Title, NeurIPS 2025`` -> the title, the venue and the year."""
    venue: str | None = None
    year: int | None = None
    changed = True
    while changed:
        changed = False
        for pattern in _LEADING:
            match = pattern.match(title)
            rest = title[match.end() :].strip() if match else ""
            if match and (len(rest) >= 8 or (len(rest.split()) == 1 and coined(rest))):
                found, found_year = venue_in(match.group(0))
                bare = pattern is _LEADING[-1]
                if bare and not found_year and not re.search(r"[-–—|]\s*$", match.group(0)):
                    continue  # "Science of ...", "Nature Inspired ...": words of the title
                venue = venue or found
                year = year or found_year or _year_in_tag(match.group(0))
                title = title[match.end() :]
                changed = True
    noted = _NOTED_VENUE.search(title)  # "Title (CIKM 2012), LSH 🌟": a note after it
    if noted and noted.start() >= 8 and is_venue_only(noted[1]) and _year_in_tag(noted[1]):
        venue, year = venue or venue_in(noted[1])[0] or noted[1], year or _year_in_tag(noted[1])
        title = title[: noted.start()]
    paren = re.fullmatch(r"\s*\((.{8,})\)\s*", title)
    if paren and venue:
        title = paren.group(1)  # "AAAI-20 (Title)"
    cite = _PAREN_CITE.search(title)  # "Admix (Wang et al., 2021)": who wrote it, and when
    if cite and cite.start() >= 2 and not is_venue_only(cite[0].strip(" ()")):
        title, year = title[: cite.start()], year or int(cite[1])
    listed = re.sub(r"[\s,;]*,[\s,;]*$", "", title)  # "Title, 2020, ,": the list's commas
    title = listed if _TRAILING.search(listed) else title
    while (match := _TRAILING.search(title)) and (
        match.start() >= 8 or coined(title[: match.start()].strip())
    ):  # "Title, NeurIPS 2025", "IDN (NeurIPS 2020)": a name coined for the paper
        found, found_year = venue_in(match.group(1))
        unknown = _UNKNOWN_LEAD.match(match.group(1))
        venue = venue or found or (unknown and unknown[0])
        year = year or found_year or _year_in_tag(match.group(1))
        title = title[: match.start()]
    tagged = _QUOTED_YEAR_END.search(title)  # a known venue and its year end the title
    if venue is None and tagged and tagged.start() >= 8 and (named := venue_in(tagged[1]))[0]:
        title, venue, year = title[: tagged.start()], named[0], year or named[1]
    if venue is None and year is None:
        return title, None, None
    return title.strip(" ,;:-–—|"), venue, year


_NOTED_VENUE = re.compile(r"\s*\(([^()]{3,40})\)\s*[,;]\s+[^()]+$")
# "Title CVPR'2021", "Title RecSys 2021" (not "Report on the Owl Track of SIGIR 2019")
# (a short name spelled like one, "RecSys", "ICML", "arXiv", not "Computer Science 2013"; not
# after "@", "and": "Workshop @ ICML 2024", "Papers from S&P and NDSS 2024")
_QUOTED_YEAR_END = re.compile(
    r"(?<!\b(?:at|of|in|on|to|by))(?<!\b(?:for|the|and))(?<!\bfrom)(?<!@)\s+"
    r"([A-Za-z][\w-]*['’]\s*(?:19|20)?\d{2}"
    r"|(?:[A-Z][\w-]*[A-Z]|[a-z]+[A-Z])[\w-]*\s(?:19|20)\d{2})\s*\.?\s*$"
)


def _year_in_tag(text: str) -> int | None:
    match = re.search(rf"(?<!\d){_YEAR}(?!\d)", text)
    return int(match.group(0)) if match else None


# "Title, CACM 1978", "Title, MS Tech report 2010", "Title, Distributed Computing 2006": the
# venue of a plain citation, capitalised words (a small word or two inside) and the year
_CITED_WORD = r"[A-Z][\w&'’.+-]*"
_CITED_VENUE = re.compile(
    rf",\s+((?:{_CITED_WORD})(?:\s+(?:{_CITED_WORD}|[a-z]{{2,12}})){{0,4}})"
    rf"\s*[,'’-]?\s*((?:19|20)\d{{2}})\s*\.?\s*$"
)


# The ACM reference format's tail after a title: "Title. In Proceedings of the 2019 USENIX
# Annual Technical Conference (USENIX ATC '19). USENIX Association, 961–975.", "Title. The
# VLDB Journal 33, 5 (Sep 2024), 1591–1615.", "Title. ACM Trans. Comput. Syst. 9, 1, Article 4
# (March 2024), 32 pages."
_IN_PROCEEDINGS = re.compile(r"\.\s+In\s+((?:Proceedings|Proc\.)\s.*)$")
_JOURNAL_ISSUE = re.compile(
    r"\.\s+((?:[A-Z][\w&’'.:-]*\s+(?:(?:of|on|in|for|and|the|&)\s+)?){0,12}?[A-Z][\w&’'.-]*)"
    r"\s+\d+\s*,\s*\d+\s*,?\s*(?:Article\s+\d+\s*)?\(([^()]{0,20}?(?:19|20)\d\d)\).*$"
)


def _reference_tail(title: str) -> tuple[str, str | None, int | None] | None:
    """The title and the venue and year of an ACM reference's tail, None when it has none."""
    for pattern in (_IN_PROCEEDINGS, _JOURNAL_ISSUE):
        match = pattern.search(title)
        head = title[: match.start()] if match else ""
        # "Ann Lee and Bo Chen. 2022. In Proceedings ...": names and a year, no title
        if match and len(head.split()) >= 2 and not re.search(r"(?:19|20)\d\d\W*$", head):
            tail = match.group(1)
            short = re.search(r"\(([A-Z][\w-]*(?:\s+[\w-]+){0,3}\s*['’](?:\d\d))\)", tail)
            named = tail if pattern is _JOURNAL_ISSUE else tail.split(". ")[0].split(" (")[0]
            venue = short.group(1) if short else named.strip()
            year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", match.group(0))
            return title[: match.start()], venue, int(year.group(0)) if year else None
    return None


def cited_venue(title: str) -> tuple[str, str | None, int | None]:
    """``Paxos Made Simple, SIGACT News 2001`` -> the title, ``SIGACT News`` and 2001: after
    a plain title, a last comma-separated part of a few capitalised words and a year is the
    venue, though the lexicon does not know it. The title before it keeps two words or more;
    the venue words hold no digit and do not end in a small word (``..., Towards the 2020``)."""
    if tail := _reference_tail(title):
        return tail
    status = _STATUS.search(title)
    if status and len(title[: status.start()].split()) >= 2:
        return title[: status.start()].rstrip(" ,"), status.group(1), None  # ", Unpublished"
    match = _CITED_VENUE.search(title)
    if not match or len(title[: match.start()].split()) < 2:
        return title, None, None
    venue = match.group(1)
    if re.search(r"\d", venue) or venue.split()[-1] in _SMALL:
        return title, None, None
    return title[: match.start()].rstrip(" ,"), venue, int(match.group(2))


# ", Unpublished", ", PhD Thesis": where a work stands, in place of a venue
_STATUS = re.compile(
    r",\s+((?:Unpublished|Manuscript|In submission|Under review|(?:PhD |Master'?s? )?[Tt]hesis)"
    r"(?:\s+draft)?)\s*\.?\s*$"
)
_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
TITLE_SMALL = _SMALL | {"as", "from", "via", "with"}  # a title's small words, never a name's
