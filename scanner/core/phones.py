"""Phone numbers as phonenumbers reads them: E.164, country, number type, validity.

A number written without its country code is read in the country of the card's own address when it is valid
there, else in the country the card's numbers with a country code share, else in ``--region``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from phonenumbers import CountryCodeSource, PhoneNumberType

from scanner.core.model import Phone, PhoneType, RegionSource

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
    [phone] = card_phones([(raw, labels)], region)
    return phone


def card_phones(
    entries: Sequence[tuple[str, tuple[str, ...]]], region: str, address_region: str | None = None
) -> tuple[Phone, ...]:
    """One card's numbers (as written, with labels); ``address_region`` is the country of the card's address."""
    parsed = [(raw.strip(), labels, _parse(_dialable(raw.strip()), region)) for raw, labels in entries]
    shared = _shared_prefix_region([number for _, _, number in parsed])
    hints = ((address_region, RegionSource.ADDRESS), (shared, RegionSource.OTHER_NUMBERS))
    return tuple(_phone(text, labels, number, region, hints) for text, labels, number in parsed)


def _phone(
    text: str,
    labels: tuple[str, ...],
    number: phonenumbers.PhoneNumber | None,
    region: str,
    hints: tuple[tuple[str | None, RegionSource], ...],
) -> Phone:
    if number is None:
        return Phone(raw=text, e164=None, region=None, number_type=PhoneType.UNKNOWN, valid=False, labels=labels)
    if _has_country_code(number):
        return _understood(text, labels, number, RegionSource.PREFIX)
    for hint, source in hints:
        if hint is None:
            continue
        candidate = number if hint == region else _parse(_dialable(text), hint)
        if candidate is not None and phonenumbers.number_type(candidate) is not PhoneNumberType.UNKNOWN:
            return _understood(text, labels, candidate, source)
    return _understood(text, labels, number, RegionSource.DEFAULT)


def _understood(text: str, labels: tuple[str, ...], number: phonenumbers.PhoneNumber, source: RegionSource) -> Phone:
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
        region_source=source,
    )


def _has_country_code(number: phonenumbers.PhoneNumber) -> bool:
    """Whether the number as written carried its country code (``+1 ...``, ``0049 ...``)."""
    return number.country_code_source is not CountryCodeSource.FROM_DEFAULT_COUNTRY


def _shared_prefix_region(numbers: Sequence[phonenumbers.PhoneNumber | None]) -> str | None:
    """The one country that all of a card's valid numbers written with a country code belong to, if any."""
    regions = {
        phonenumbers.region_code_for_number(number)
        for number in numbers
        if number is not None and _has_country_code(number) and phonenumbers.is_valid_number(number)
    }
    return regions.pop() if len(regions) == 1 else None


def _dialable(text: str) -> str:
    if text.lower().startswith("tel:"):
        text = text[4:]
    suffix = _DIAL_SUFFIX.search(text)
    return (text[: suffix.start()] if suffix else text).strip()


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    if not text or len(text) > _MAX_RAW or not any(ch.isdigit() for ch in text):
        return None
    try:
        number = phonenumbers.parse(text, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    # Kept only for country_code_source (did the text carry a country code?); format_number would echo raw input.
    number.raw_input = None
    return number


def _region_of_prefix(number: phonenumbers.PhoneNumber) -> str | None:
    """The country an invalid number's calling code points to, when the code belongs to exactly one country."""
    if number.country_code is None:
        return None
    regions = phonenumbers.region_codes_for_country_code(number.country_code)
    return regions[0] if len(regions) == 1 else None
