"""The structure of one parsed newspaper page, as plain dataclasses.

This is the contract between the parser and everything downstream (the
``parsepage --json`` command, the importer, the export). ``to_dict()`` gives
the JSON form described in PAGE_FORMAT.md, and ``from_dict()`` reads it back.

Every record carries ``position``: the index of its first source line, so the
page's reading order survives the split into articles, briefs and photos.
"""

from dataclasses import asdict, dataclass, field

PARAGRAPH = "paragraph"
SUBHEAD = "subhead"
NEWS = "news"
TEASER = "teaser"


@dataclass
class Block:
    kind: str  # PARAGRAPH or SUBHEAD
    text: str


@dataclass
class Article:
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    column: str = ""
    dateline: str = ""
    byline: str = ""
    authors: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    continuation: str = ""
    position: int = 0


@dataclass
class Brief:
    kind: str  # NEWS or TEASER
    text: str
    ref: str = ""
    position: int = 0


@dataclass
class Photo:
    caption: str
    credit: str = ""
    position: int = 0


@dataclass
class PageInfo:
    paper: str = ""
    date: str = ""  # ISO YYYY-MM-DD, or empty
    number: str = ""  # bare page number: "第3版" gives "3"
    section: str = ""
    lines: list[str] = field(default_factory=list)


@dataclass
class PageStructure:
    page: PageInfo = field(default_factory=PageInfo)
    articles: list[Article] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON form of PAGE_FORMAT.md, record positions included."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PageStructure":
        """The structure of to_dict's form: from_dict(s.to_dict()) == s.

        Keys other than the structure's own at the top (an export's "format" and
        "source") are not read; a record with a key its dataclass lacks, or one
        missing, raises TypeError or KeyError."""
        articles = []
        for article in data["articles"]:
            fields = dict(article)
            fields["body"] = [Block(block["kind"], block["text"]) for block in fields["body"]]
            articles.append(Article(**fields))
        return cls(
            page=PageInfo(**data["page"]),
            articles=articles,
            columns=list(data["columns"]),
            briefs=[Brief(**brief) for brief in data["briefs"]],
            photos=[Photo(**photo) for photo in data["photos"]],
        )
