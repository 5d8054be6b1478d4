"""Keyword lists compiled into one trie-shaped regular expression each, matched on normalized text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property

# Hyphens, dashes, underscores and any whitespace all count as one space: "AIDS-Hilfe" = "Aids Hilfe".
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_]+")
_WORD_END = "(?!\\w)"
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


class _Left(Enum):
    """What may stand before a keyword: a word boundary, anything (compound head), or at least one letter."""

    WORD = "(?<!\\w)"
    ANY = ""
    TAIL = "(?<=\\w)"


_Stems = tuple[tuple[_Left, tuple[tuple[str, bool], ...]], ...]


def normalize(text: str) -> str:
    """Case-folded (ß = ss, Ä = ä) with separators collapsed, so that keywords and texts compare alike."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, eq=False)
class KeywordList:
    """One list of keywords; ``find`` returns the keyword as our list spells it, never the searched text.

    Keyword syntax: ``Werkstatt`` matches the whole word only; ``*werkstatt`` also ends a compound
    (Autowerkstatt); ``~meister`` only ends a compound (Malermeister, never the surname Meister);
    ``psychotherap*`` also begins one (Psychotherapeutin).
    """

    stems: _Stems  # per left context, each stem and whether it may run on; the pattern is built from these
    spelling: dict[str, str] = field(default_factory=dict)
    raw: tuple[str, ...] = ()  # the keywords as listed (with their * and ~), to combine lists
    at_end: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern, built on first use and once per process for the same stems. Lists that only feed
        others (the trades the phone's owner does not run, the Art. 9 categories' words that are searched through
        one combined pattern) are never built."""
        return _compiled(self.stems, self.at_end) if self.stems else None

    def find(self, text: str) -> str | None:
        """The first keyword found in already normalized ``text``."""
        pattern = self.pattern
        if pattern is None:
            return None
        match = pattern.search(text)
        return None if match is None else self.spelling[match.group(0)]

    def find_all(self, text: str) -> set[str]:
        """Every keyword found in already normalized ``text`` (non-overlapping, leftmost-longest)."""
        pattern = self.pattern
        if pattern is None:
            return set()
        return {self.spelling[match.group(0)] for match in pattern.finditer(text)}

    def __len__(self) -> int:
        return len(self.spelling)


@cache
def _compiled(stems: _Stems, at_end: bool) -> re.Pattern[str]:
    """One compiled pattern per distinct list, per process (the same list in two trades is compiled once)."""
    body = "|".join(f"(?:{left.value + _trie_regex(dict(group))})" for left, group in stems)
    return re.compile(f"(?<=\\S )(?:{body})$" if at_end else body)


def compile_keywords(keywords: Iterable[str | tuple[str, str]], *, at_end: bool = False) -> KeywordList:
    """Compile a list into one pattern; a trie keeps matching fast for hundreds of words (200,000 contacts).

    An item is a keyword or a pair (keyword, how to show it). ``at_end``: the keyword must be the text's last
    word and follow another word (short legal forms such as "AG" or "SA"). Keyed by the data: the same list
    given twice in a process (a config read per file, a rebuilt rule set) is built once.
    """
    return _keyword_list(tuple(keywords), at_end)


@cache
def _keyword_list(items: tuple[str | tuple[str, str], ...], at_end: bool) -> KeywordList:
    groups: dict[_Left, dict[str, bool]] = {left: {} for left in _Left}
    spelling: dict[str, str] = {}
    raw = tuple(item if isinstance(item, str) else item[0] for item in items)
    for item in items:
        keyword, shown = (item, item.strip("*~ ")) if isinstance(item, str) else item
        left, stem, open_end = _parse(keyword)
        # old phones and keyboards without umlauts: "Steuerbuero", "Baeckerei", "Strasse" match as well
        for variant in dict.fromkeys((stem, stem.translate(_TRANSLITERATION).replace("ß", "ss"))):
            if variant:
                groups[left][variant] = groups[left].get(variant, False) or open_end
                spelling.setdefault(variant, shown)
    stems = tuple((left, tuple(group.items())) for left, group in groups.items() if group)
    return KeywordList(stems=stems, spelling=spelling, raw=raw, at_end=at_end)


def _parse(keyword: str) -> tuple[_Left, str, bool]:
    text = keyword.strip()
    left = _Left.WORD
    if text.startswith("*"):
        left, text = _Left.ANY, text[1:]
    elif text.startswith("~"):
        left, text = _Left.TAIL, text[1:]
    open_end = text.endswith("*")
    return left, normalize(text.rstrip("*")), open_end


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: bool | None = None  # None: no stem ends here; False: ends at a word boundary; True: may run on


def _trie_regex(stems: dict[str, bool]) -> str:
    """A regex equivalent to the alternation of ``stems``; each stem ends at a word boundary unless open."""
    root = _Node()
    for stem, open_end in stems.items():
        node = root
        for char in stem:
            node = node.children.setdefault(char, _Node())
        node.end = bool(node.end) or open_end
    return _node_regex(root)


def _node_regex(node: _Node) -> str:
    # Longer continuations come first, so "GmbH & Co. KG" wins over "GmbH" at the same place.
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.children.items())]
    if node.end is not None:
        branches.append("" if node.end else _WORD_END)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
