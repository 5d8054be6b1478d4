"""The normalized contact model: what the reader produces, independent of vobject and of the vCard version."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PhoneType(StrEnum):
    """Number type as phonenumbers classifies it (lower-case names of ``phonenumbers.PhoneNumberType``)."""

    MOBILE = "mobile"
    FIXED_LINE = "fixed_line"
    FIXED_LINE_OR_MOBILE = "fixed_line_or_mobile"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    SHARED_COST = "shared_cost"
    VOIP = "voip"
    PERSONAL_NUMBER = "personal_number"
    PAGER = "pager"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    UNKNOWN = "unknown"


class Kind(StrEnum):
    """What a card describes: vCard 4.0 KIND, Apple X-ABShowAs, or nothing said."""

    INDIVIDUAL = "individual"
    ORG = "org"
    GROUP = "group"
    LOCATION = "location"
    UNSPECIFIED = "unspecified"


class WarningCode(StrEnum):
    """Something the reader repaired or dropped in a card it still read. Rendered by the i18n catalog."""

    MISSING_END = "missing_end"
    MISSING_BEGIN = "missing_begin"
    BAD_PHOTO = "bad_photo"
    LINE_TOO_LONG = "line_too_long"
    UNPARSEABLE_LINE = "unparseable_line"
    COMMENT_LINE = "comment_line"
    BAD_CHARSET = "bad_charset"
    BAD_QUOTED_PRINTABLE = "bad_quoted_printable"
    NUL_BYTES = "nul_bytes"
    TRAILING_END_TEXT = "trailing_end_text"
    BAD_BIRTHDAY = "bad_birthday"


class RejectReason(StrEnum):
    """Why a card found in a file did not become a contact. Rendered by the i18n catalog."""

    EMPTY_CARD = "empty_card"
    NOT_A_VCARD = "not_a_vcard"
    TOO_DEEPLY_NESTED = "too_deeply_nested"
    TOO_LARGE = "too_large"


class FileProblem(StrEnum):
    """Why a whole input could not be read (the scan goes on with the others)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    IS_DIRECTORY_LOOP = "directory_loop"
    BINARY = "binary"
    EMPTY = "empty"
    NO_CARDS = "no_cards"


@dataclass(frozen=True)
class SourceRef:
    """Where a card stands: the path as the user gave it, its 0-based position among all cards found, its BEGIN line.

    ``start``/``end``: the card's byte range in its file (``data[start:end]`` is the card exactly as written, from
    its BEGIN line to the line end of its END line); the whole file's layout (BOM, UTF-16) is taken into account.
    Not part of equality: they say where the card's bytes are, not which card it is.
    """

    path: str
    index: int
    line: int
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ReadWarning:
    """A located repair inside a card that was still read; never carries the card's content."""

    line: int
    code: WarningCode


@dataclass(frozen=True)
class NameParts:
    """The structured N property."""

    family: str = ""
    given: str = ""
    additional: str = ""
    prefixes: str = ""
    suffixes: str = ""

    def is_empty(self) -> bool:
        return not any((self.family, self.given, self.additional, self.prefixes, self.suffixes))


@dataclass(frozen=True)
class Birthday:
    """A possibly partial date (vCard 4.0 ``--0415`` has no year)."""

    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class Phone:
    """A phone number as written, and what phonenumbers makes of it."""

    raw: str
    e164: str | None
    region: str | None
    number_type: PhoneType
    valid: bool
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Email:
    address: str
    labels: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        _, at, domain = self.address.rpartition("@")
        return domain.strip().lower().rstrip(".") if at else ""


@dataclass(frozen=True)
class Address:
    po_box: str = ""
    extended: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Url:
    value: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    """One card read from an export, normalized."""

    source: SourceRef
    version: str | None = None
    uid: str | None = None
    formatted_name: str = ""
    name: NameParts = field(default_factory=NameParts)
    organization: tuple[str, ...] = ()
    title: str = ""
    role: str = ""
    kind: Kind = Kind.UNSPECIFIED
    nicknames: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    note: str = ""
    birthday: Birthday | None = None
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    addresses: tuple[Address, ...] = ()
    urls: tuple[Url, ...] = ()
    warnings: tuple[ReadWarning, ...] = ()

    @property
    def display_name(self) -> str:
        """The name a phone would show: FN, else N, else the organisation, else the first e-mail or number."""
        if self.formatted_name.strip():
            return self.formatted_name.strip()
        parts = (self.name.prefixes, self.name.given, self.name.additional, self.name.family, self.name.suffixes)
        joined = " ".join(p for p in parts if p.strip())
        if joined:
            return joined
        if self.organization:
            return self.organization[0]
        if self.emails:
            return self.emails[0].address
        if self.phones:
            return self.phones[0].raw
        return ""


@dataclass(frozen=True)
class Rejection:
    """A card found in a file that could not become a contact."""

    source: SourceRef
    reason: RejectReason


@dataclass(frozen=True)
class FileReport:
    """What reading one input gave: the counts always satisfy ``cards_found == contacts + rejected``."""

    path: str
    cards_found: int
    contacts: int
    rejected: int
    problem: FileProblem | None = None
