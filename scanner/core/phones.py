"""Phone numbers as phonenumbers reads them: E.164, country, number type, validity."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType

from scanner.core.model import Phone, PhoneType

_TYPES = {
    PhoneNumberType.MOBILE: PhoneType.MOBILE,
    PhoneNumberType.FIXED_LINE: PhoneType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE: PhoneType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.TOLL_FREE: PhoneType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE: PhoneType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST: PhoneType.SHARED_COST,
    PhoneNumberType.VOIP: PhoneType.VOIP,
    PhoneNumberType.PERSONAL_NUMBER: PhoneType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER: PhoneType.PAGER,
    PhoneNumberType.UAN: PhoneType.UAN,
    PhoneNumberType.VOICEMAIL: PhoneType.VOICEMAIL,
}
# Dial-string suffixes: p/w pauses and waits, ",", ";" and the tel: URI's ;ext= / ;phone-context= parameters.
# Found with one search and cut off by slicing: a pattern like "[,;].*$" run by sub() restarts at every comma and
# takes quadratic time on a value of commas and line breaks (100 kB took a minute).
_DIAL_SUFFIX = re.compile(r"[pPwW,;]")
_MAX_RAW = 64  # longer values are not phone numbers; phonenumbers would refuse them anyway


def normalize_phone(raw: str, region: str, labels: tuple[str, ...] = ()) -> Phone:
    """A phone as written and as understood; a number phonenumbers cannot read stays raw text, invalid."""
    text = raw.strip()
    number = _parse(_dialable(text), region)
    if number is None:
        return Phone(raw=text, e164=None, region=None, number_type=PhoneType.UNKNOWN, valid=False, labels=labels)
    # number_type() is what is_valid_number() computes internally (a number is valid when it matches a type of the
    # region its calling code and digits point to); asking once halves phonenumbers' work per number.
    kind = phonenumbers.number_type(number)
    valid = kind is not PhoneNumberType.UNKNOWN
    return Phone(
        raw=text,
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        region=phonenumbers.region_code_for_number(number) if valid else _region_of_prefix(number),
        number_type=_TYPES.get(kind, PhoneType.UNKNOWN) if valid else PhoneType.UNKNOWN,
        valid=valid,
        labels=labels,
    )


def _dialable(text: str) -> str:
    if text.lower().startswith("tel:"):
        text = text[4:]
    suffix = _DIAL_SUFFIX.search(text)
    return (text[: suffix.start()] if suffix else text).strip()


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    if not text or len(text) > _MAX_RAW or not any(ch.isdigit() for ch in text):
        return None
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def _region_of_prefix(number: phonenumbers.PhoneNumber) -> str | None:
    """The country an invalid number's calling code points to, when the code belongs to exactly one country."""
    if number.country_code is None:
        return None
    regions = phonenumbers.region_codes_for_country_code(number.country_code)
    return regions[0] if len(regions) == 1 else None
