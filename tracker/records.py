"""The records that flow between the steps of the pipeline.

Plain dataclasses: cheap to build on the hot path, and `to_dict()` gives the stable JSON shape that
`tracker parse --json` prints and the database stores, so the field names live in one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Article:
    """One article after reading and cleaning; `body` is the text every offset indexes."""

    title: str | None
    body: str
    published: str | None = None  # ISO date, as precise as the source gives it
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    caption: str | None = None
    path: str | None = None
    format: str | None = None
    junk: list[str] = field(default_factory=list)
    encoding: str | None = None  # codec the file was decoded with (utf-8, cp1252, utf-16...)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class SpeakerRef:
    """Who a quote or claim is attributed to: the mention in the text and the canonical speaker."""

    name: str  # canonical name within the article ("Hulusi Akar", "United States")
    mention: str  # the words in the text ("he", "Washington")
    start: int
    end: int
    kind: str  # person, organisation, country, anonymous
    role: str | None = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    id: str
    kind: str  # direct, partial, indirect
    text: str
    start: int
    end: int
    cue: str | None
    speaker: SpeakerRef | None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None  # "USD", "percent", "missile batteries"
    currency: str | None = None
    approximate: bool = False
    lower: float | None = None
    upper: float | None = None
    kind: str = "count"  # money, count, percent, range, measure, rank (an ordinal: "its tenth patrol")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # 2019, 2019-07, 2019-07-14
    precision: str  # year, month, day
    relative: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Entity:
    text: str
    start: int
    end: int
    name: str  # canonical: the expansion when an acronym is joined to it
    kind: str  # person, organisation, country, place, weapon, law, other
    acronym: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Claim:
    id: str
    kind: str  # quantity, event, rule, causal, comparison, prediction, opinion, question, appeal, other
    text: str
    start: int
    end: int
    speaker: SpeakerRef | None
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    score: float = 0.0  # check-worthiness, 0..1
    features: list[str] = field(default_factory=list)  # why it got that score
    quote_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    quotes: list[Quote]
    claims: list[Claim]

    def to_dict(self) -> dict:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
        }
