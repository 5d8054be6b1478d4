"""How people write names into their phones: formal address for customers, hearts for loved ones, relatives of
clients ("Tochter von Fr. K."). General habits, not word lists for one phone."""

from __future__ import annotations

import re

# "Frau Becker", "Fr. Engel Physio", "Hr. Schmitt", "Herrn Dr. Wolf", "Familie Yilmaz", "Mrs Patel": a title of
# address before a surname. Matched on normalized (case-folded) text, anywhere in the name.
_ADDRESS = r"(?:frau|fr\.?|herrn?|hr\.?|mr\.?|mrs\.?|ms\.?|fam\.?|familie|sayın|pani|pan|sig\.?|sig\.ra|signora)"
_FORMAL = re.compile(rf"(?<!\w){_ADDRESS}\s+(?:(?:dr|prof|ing|mag|dipl)\.?\s+)*[^\W\d_][\w'’.-]*")
# Hearts, rings, kisses and couples: nobody stores a customer this way.
_AFFECTION = re.compile(
    "[\u2764\u2665\u2661\u2763\U0001f48b-\U0001f49f\U0001f5a4\U0001f90d\U0001f90e\U0001f9e1\U0001f618\U0001f60d"
    "\U0001f970\U0001f63b\U0001f491\U0001f48f\U0001f46b\U0001f339\U0001f48d]|<3"
)
_KIN = (
    r"(?:tochter|sohn|mutter|mama|vater|papa|ehemann|ehefrau|mann|frau|gatte|gattin|partner|partnerin|"
    r"lebensgefährt\w*|enkel|enkelin|enkelsohn|bruder|schwester|nichte|neffe|schwiegertochter|schwiegersohn|"
    r"schwiegermutter|schwiegervater|angehörige\w*|betreuer\w*|bevollmächtigte\w*|nachbar\w*|daughter|son|"
    r"wife|husband|mother|father)"
)
# A relative "of" someone: on any phone, of someone the owner addresses formally (a client's relative).
_RELATIVE_OF_FORMAL = re.compile(rf"(?<!\w){_KIN}\s+(?:von|v\.|vom|of|d\.)\s+{_ADDRESS}(?!\w)")
# On a phone whose trade serves relatives (home care), a relative of anyone named.
_RELATIVE_OF_ANYONE = re.compile(rf"(?<!\w){_KIN}\s+(?:von|v\.|vom|of)\s+[^\W\d_]")


# A weekday, a time or a date typed into the NAME field: an appointment slot or a shift ("Rücken Di 8:00",
# "Svetlana Mo-Mi", "Jan Prüfung 14.1."). Nobody files family by appointment. "Fr" and "So" alone are left out
# ("Fr." is Frau); they count in a range ("Mo-Fr"). Weekdays written out ("Kegelfreunde Dienstag") are a club's
# evening as often as a slot and do not count.
_WEEKDAY = r"(?:mo|di|mi|do|sa)"
_SLOT = re.compile(
    rf"(?<![\w.]){_WEEKDAY}(?![\w.])|(?<!\w)(?:mo|di|mi|do|fr|sa|so)\s?[-/+]\s?(?:mo|di|mi|do|fr|sa|so)(?!\w)"
    r"|(?<!\d)\d{1,2}[:.]\d{2}(?:\s?uhr)?(?!\d)|(?<!\d)\d{1,2}\.\d{1,2}\.(?!\d)|(?<!\w)kw\s?\d{1,2}(?!\d)"
)
# The owner speaking: "mein Rücken", "meine Frau", "meine Karte liegt vor": the owner's own life.
_OWN = re.compile(r"(?<!\w)(?:mein|meine|meinen|meinem|meiner|my)(?!\w)")


def appointment_in_name(name: str) -> bool:
    return _SLOT.search(name) is not None


def owner_speaking(text: str) -> bool:
    return _OWN.search(text) is not None


def formal_address(name: str) -> bool:
    """A title of address with a name after it, in normalized text."""
    return _FORMAL.search(name) is not None


def affection_sign(text: str) -> bool:
    return _AFFECTION.search(text) is not None


def relative_of_client(text: str, *, relatives_are_clients: bool) -> bool:
    """'Tochter von Fr. K.' (any phone) or 'Sohn von Herbert' (a phone whose clients' relatives call in)."""
    if _RELATIVE_OF_FORMAL.search(text) is not None:
        return True
    return relatives_are_clients and _RELATIVE_OF_ANYONE.search(text) is not None
