"""The second pass: what a phone's confident cards share with its undecided ones, as a small naive Bayes model.

Each card is described by a few features of the owner's own making: the groups the owner put it in, the words of
its note, how its name is written, its e-mail domain, its number block and its organisation. The cards the first
pass decided with confidence are the training set (seeds); every feature shared by at least two seeds gets a
log-likelihood ratio for business against private (Laplace-smoothed); an undecided card's ratios are summed,
capped, and added to its score as one piece of evidence that names the feature which mattered most.

Why hand-written: the model is thirty lines, must run per phone in memory bounded by its cards, and every
decision must name its reason; scikit-learn's MultinomialNB would add a heavy dependency and explain nothing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from scanner.core.classification.evidence import Code
from scanner.core.classification.result import Category, Evidence
from scanner.core.classification.texts import ContactTexts
from scanner.core.model import Contact, PhoneType

# A seed is a card the first pass decided at least this firmly (|score|); hand decisions always are.
SEED_SCORE = 2.4
# Only features carried by this many seeds count: one card is an anecdote, two are a habit of this phone.
MIN_SUPPORT = 2
# A feature on more than this share of the seeds says nothing about one card (Google's "myContacts").
MAX_SHARE = 0.9
# Laplace smoothing of the per-class counts.
_ALPHA = 1.0
# The summed log-likelihood ratio counts at most this much: the phone may settle an undecided card, not overrule
# what a card itself says firmly.
MAX_WEIGHT = 3.0
# Log-likelihood ratios are in nats; one nat weighs this much in the classifier's score.
_SCALE = 0.9
# Generic groups every export adds: no habit of the owner.
_GENERIC_GROUPS = frozenset({"mycontacts", "my contacts", "starred in android", "imported", "importiert", "card"})
_WORD = re.compile(r"[^\W\d_]{4,}")
# Short function words in notes (German, English) that do not describe anyone.
_STOP = frozenset(
    {
        "aber", "alle", "auch", "bitte", "dann", "dass", "denn", "doch", "eine", "einen", "einer", "eines", "für",
        "hier", "immer", "mehr", "nach", "nicht", "noch", "oder", "schon", "seit", "sehr", "sind", "über", "und",
        "unter", "viel", "vom", "von", "vor", "wenn", "wird", "with", "from", "that", "this", "have", "will", "mal",
        "ruft",
    }
)

_KIND_CODES = {
    "g": Code.PHONE_GROUP,
    "n": Code.PHONE_NOTE_WORD,
    "p": Code.PHONE_NAME_PATTERN,
    "d": Code.PHONE_DOMAIN,
    "b": Code.PHONE_NUMBER_BLOCK,
    "o": Code.PHONE_ORGANISATION,
}


@dataclass(frozen=True)
class Seed:
    features: frozenset[str]
    category: Category


@dataclass(frozen=True)
class PhoneModel:
    """Per feature: seeds of each class carrying it; and the class totals."""

    business: Counter[str]
    private: Counter[str]
    seeds_business: int
    seeds_private: int

    @classmethod
    def train(cls, seeds: Iterable[Seed]) -> PhoneModel:
        business: Counter[str] = Counter()
        private: Counter[str] = Counter()
        totals = Counter[Category]()
        for seed in seeds:
            totals[seed.category] += 1
            (business if seed.category is Category.BUSINESS else private).update(seed.features)
        total = totals[Category.BUSINESS] + totals[Category.PRIVATE]
        common = {f for f in business.keys() | private.keys() if business[f] + private[f] > MAX_SHARE * total}
        for feature in common:
            del business[feature], private[feature]
        return cls(business, private, totals[Category.BUSINESS], totals[Category.PRIVATE])

    def ratio(self, feature: str) -> float | None:
        """log P(feature | business) / P(feature | private), or None for a feature too rare on this phone."""
        on_business, on_private = self.business[feature], self.private[feature]
        if on_business + on_private < MIN_SUPPORT or not (self.seeds_business and self.seeds_private):
            return None
        p_business = (on_business + _ALPHA) / (self.seeds_business + 2 * _ALPHA)
        p_private = (on_private + _ALPHA) / (self.seeds_private + 2 * _ALPHA)
        return math.log(p_business / p_private)

    def judge(self, features: frozenset[str], *, shown: frozenset[str]) -> Evidence | None:
        """The phone's evidence for one card: summed ratios, capped, explained by the strongest feature."""
        ratios = [(ratio, feature) for feature in features if (ratio := self.ratio(feature)) is not None]
        if not ratios:
            return None
        weight = max(-MAX_WEIGHT, min(MAX_WEIGHT, _SCALE * sum(ratio for ratio, _ in ratios)))
        if abs(weight) < 0.3:
            return None
        leaning = [(ratio, feature) for ratio, feature in ratios if (ratio > 0) == (weight > 0)]
        _, feature = max(leaning, key=lambda item: (abs(item[0]), item[1]))
        side = self.business if weight > 0 else self.private
        kind, _, value = feature.partition(":")
        code = _KIND_CODES[kind]
        params = {"count": str(side[feature])}
        if kind in {"g", "d"}:
            params["value"] = value
        elif kind == "p":
            params["pattern_key"] = f"name_pattern.{value}"
        elif kind == "n" and value in shown:
            params["value"] = value
        elif kind == "n":
            code = Code.PHONE_NOTE_WORDS
        return Evidence(code=code.value, weight=round(weight, 2), params=tuple(sorted(params.items())))


def features(contact: Contact, texts: ContactTexts, found: Sequence[Evidence]) -> frozenset[str]:
    """The card's features, each "kind:value" (kinds as in ``_KIND_CODES``)."""
    items: set[str] = set()
    items.update(f"g:{group}" for group in texts.categories if group not in _GENERIC_GROUPS)
    items.update(f"n:{word}" for word in _WORD.findall(texts.note) if word not in _STOP)
    # How the name is written (one word, an initial) was measured to mislead: patients and family are both filed
    # by first name. Only digits in a name ("Tour 2", "LKW 3") are kept as a habit of the phone.
    if any(char.isdigit() for char in contact.formatted_name):
        items.add("p:digits")
    for email in contact.emails:
        if email.domain:
            items.add(f"d:{email.domain}")
    for phone in contact.phones:
        if phone.e164 and phone.number_type in (PhoneType.FIXED_LINE, PhoneType.FIXED_LINE_OR_MOBILE):
            items.add(f"b:{phone.e164[:-2]}")
    if texts.org:
        items.add(f"o:{texts.org}")
    return frozenset(items)


def name_patterns(contact: Contact, texts: ContactTexts) -> Iterator[str]:
    """How the name is written: one word only, given and family name, extra words after a name, initials."""
    words = [word for word in re.split(r"\s+", contact.formatted_name.strip()) if word]
    if len(words) == 1:
        yield "single_word"
    elif len(words) == 2:
        yield "two_words"
    elif len(words) >= 3:
        yield "three_or_more_words"
    if any(re.fullmatch(r"[^\W\d_]\.?", word) for word in words[1:]):
        yield "initial"
    if any(any(char.isdigit() for char in word) for word in words):
        yield "digits"
    if contact.formatted_name and not any(char.isalnum() for char in contact.formatted_name[-1:]):
        yield "ends_with_sign"
    if texts.given and not texts.family:
        yield "given_name_only"
    if texts.family and not texts.given:
        yield "family_name_only"


def shown_words(texts: Iterable[ContactTexts]) -> frozenset[str]:
    """Note words that may be named in a reason: never a word that is part of any name on this phone."""
    names = {word for card in texts for word in _WORD.findall(" ".join((card.name, card.nicknames, card.org)))}
    notes = Counter(word for card in texts for word in set(_WORD.findall(card.note)))
    return frozenset(word for word, count in notes.items() if count >= 3 and word not in names)
