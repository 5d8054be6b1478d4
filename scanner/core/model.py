"""The normalized contact model: what the reader produces, independent of vobject and of the vCard version."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from scanner.core.email_address import email_domain


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


class RegionSource(StrEnum):
    """Why a number was read in the country it was: its own prefix, the card's address, the card's other numbers
    with a prefix, or the scan's ``--region``."""

    PREFIX = "prefix"
    ADDRESS = "address"
    OTHER_NUMBERS = "other_numbers"
    DEFAULT = "default"


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
    CODE_PAGE_FROM_CARD = "code_page_from_card"
    CODE_PAGE_FROM_FILE = "code_page_from_file"
    CODE_PAGE_GUESSED = "code_page_guessed"
    CODE_PAGE_DEFAULT = "code_page_default"
    INDENTED_PROPERTY = "indented_property"
    CSV_ROW_WIDTH = "csv_row_width"


class CodePage(StrEnum):
    """8-bit code pages a value may be read in, by Python codec name; OTHER for any further one Python knows."""

    CP1250 = "cp1250"
    CP1251 = "cp1251"
    CP1252 = "cp1252"
    CP1253 = "cp1253"
    CP1254 = "cp1254"
    CP1255 = "cp1255"
    CP1256 = "cp1256"
    CP1257 = "cp1257"
    CP1258 = "cp1258"
    ISO8859_1 = "iso8859-1"
    ISO8859_2 = "iso8859-2"
    ISO8859_5 = "iso8859-5"
    ISO8859_7 = "iso8859-7"
    ISO8859_8 = "iso8859-8"
    ISO8859_9 = "iso8859-9"
    ISO8859_15 = "iso8859-15"
    KOI8_R = "koi8-r"
    KOI8_U = "koi8-u"
    CP866 = "cp866"
    CP437 = "cp437"
    CP850 = "cp850"
    MAC_ROMAN = "mac-roman"
    SHIFT_JIS = "shift_jis"
    EUC_JP = "euc_jp"
    GB2312 = "gb2312"
    GBK = "gbk"
    GB18030 = "gb18030"
    BIG5 = "big5"
    EUC_KR = "euc_kr"
    OTHER = "other"

    @classmethod
    def of(cls, codec: str) -> CodePage:
        try:
            return cls(codec)
        except ValueError:
            return cls.OTHER

    @property
    def display_name(self) -> str:
        """How people know it: ``Windows-1251``, ``ISO-8859-5``, ``KOI8-R``; OTHER as ``8-bit``."""
        if self is CodePage.OTHER:
            return "8-bit"
        if self.value.startswith("cp125"):
            return "Windows-" + self.value[2:]
        if self.value.startswith("iso8859-"):
            return "ISO-8859-" + self.value[8:]
        return self.value.upper().replace("_", "-")


class RejectReason(StrEnum):
    """Why a card found in a file did not become a contact. Rendered by the i18n catalog."""

    EMPTY_CARD = "empty_card"
    NOT_A_VCARD = "not_a_vcard"
    TOO_DEEPLY_NESTED = "too_deeply_nested"
    TOO_LARGE = "too_large"
    BROKEN_ROW = "broken_row"


class FileProblem(StrEnum):
    """Why a whole input could not be read (the scan goes on with the others)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    IS_DIRECTORY_LOOP = "directory_loop"
    BINARY = "binary"
    EMPTY = "empty"
    NO_CARDS = "no_cards"
    NOT_REGULAR = "not_regular"  # a FIFO, device or socket: reading it could never end
    TOO_LARGE = "too_large"  # beyond --max-input-size; what was read before the limit is counted
    NEEDS_FILE = "needs_file"
    ARCHIVE_LIMIT = "archive_limit"
    BAD_ARCHIVE = "bad_archive"
    BAD_DATABASE = "bad_database"


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
    """A located repair inside a card that was still read; never carries the card's content.

    ``code_page`` names the code page a value was read in, for the warnings about that (an Enum, so no content).
    """

    line: int
    code: WarningCode
    code_page: CodePage | None = None


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
    # How the country was chosen (None: not readable as a number). Not part of equality: it explains the reading.
    region_source: RegionSource | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Email:
    address: str
    labels: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        """The address's domain, parsed (a comment or URL junk after it does not hide a free-mail provider)."""
        return email_domain(self.address) or ""


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
