"""Every kind of evidence the classifier emits, with its weight: positive leans business, negative private."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from scanner.core.classification.result import Evidence, SpecialCategory


class Code(StrEnum):
    """Evidence codes; each is the i18n key ``evidence.<value>``."""

    KIND_ORG = "kind_org"
    LEGAL_FORM_NAME = "legal_form_name"
    LEGAL_FORM_ORG = "legal_form_org"
    ORG_ONLY = "org_only"
    ORG_FIELD = "org_field"
    TITLE = "title"
    ROLE_WORD = "role_word"
    JOB_WORD = "job_word"
    EMPLOYER_ROLE = "employer_role"
    ESTABLISHMENT_WORD = "establishment_word"
    SERVICE_WORD = "service_word"
    BUSINESS_CATEGORY = "business_category"
    USER_BUSINESS_KEYWORD = "user_business_keyword"
    OWN_COMPANY_DOMAIN = "own_company_domain"
    BUSINESS_DOMAIN = "business_domain"
    COMPANY_EMAIL = "company_email"
    WORK_PHONE = "work_phone"
    WORK_EMAIL = "work_email"
    WORK_ADDRESS = "work_address"
    TOLL_FREE = "toll_free"
    SHARED_COST = "shared_cost"
    PREMIUM_RATE = "premium_rate"
    UAN = "uan"
    VOIP = "voip"
    SWITCHBOARD = "switchboard"
    DIRECT_DIAL = "direct_dial"
    FAMILY_WORD = "family_word"
    PRIVATE_SERVICE_WORD = "private_service_word"
    PRIVATE_CATEGORY = "private_category"
    USER_PRIVATE_KEYWORD = "user_private_keyword"
    PRIVATE_DOMAIN = "private_domain"
    FREE_MAIL = "free_mail"
    BIRTHDAY = "birthday"
    NICKNAME = "nickname"
    HOME_PHONE = "home_phone"
    HOME_EMAIL = "home_email"
    HOME_ADDRESS = "home_address"
    MINOR = "minor"
    ART9_PRIVATE_LIFE = "art9_private_life"
    NOT_A_PERSON = "not_a_person"
    # owner context: the trade the phone's owner runs (scanner/data/classification/trades/)
    TRADE_CUSTOMER = "trade_customer"
    TRADE_SERVICE = "trade_service"
    TRADE_PARTNER = "trade_partner"
    CLIENT_RELATIVE = "client_relative"
    ART9_CLIENT = "art9_client"
    ART9_ORGANISATION_ROLE = "art9_organisation_role"
    # how Germans store contacts: "Frau Becker" is a customer, "Anne ❤️" is not
    FORMAL_ADDRESS = "formal_address"
    AFFECTION_SIGN = "affection_sign"
    PRIVATE_LIFE_ORGANISATION = "private_life_organisation"
    APPOINTMENT_IN_NAME = "appointment_in_name"
    OWNER_OWN = "owner_own"
    ROUTINE_CARE = "routine_care"
    CLIENT_RELATIVE_ON_PHONE = "client_relative_on_phone"
    # the second pass: what this phone's confident cards share with an undecided one
    PHONE_GROUP = "phone_group"
    PHONE_NOTE_WORD = "phone_note_word"
    PHONE_NAME_PATTERN = "phone_name_pattern"
    PHONE_DOMAIN = "phone_domain"
    PHONE_NUMBER_BLOCK = "phone_number_block"
    PHONE_ORGANISATION = "phone_organisation"
    PHONE_NOTE_WORDS = "phone_note_words"
    DUPLICATE_NUMBER = "duplicate_number"
    DUPLICATE_NAME = "duplicate_name"
    HAND_DECISION = "hand_decision"
    SPECIAL_HEALTH = "special_health"
    SPECIAL_RELIGION = "special_religion"
    SPECIAL_TRADE_UNION = "special_trade_union"
    SPECIAL_POLITICS = "special_politics"
    SPECIAL_SEX_LIFE = "special_sex_life"
    SPECIAL_ETHNIC_ORIGIN = "special_ethnic_origin"


# Strong cues (about 2 and more) decide alone; weak ones (under 1.2) need company. Free mail is weak on
# purpose: one-person trade businesses use t-online.de and gmx.de. A lone mobile number is no evidence.
WEIGHTS: dict[Code, float] = {
    Code.KIND_ORG: 2.5,
    Code.LEGAL_FORM_NAME: 3.0,
    Code.LEGAL_FORM_ORG: 1.0,  # on top of ORG_FIELD / ORG_ONLY: a friend's card may name the friend's employer
    Code.ORG_ONLY: 2.0,
    Code.ORG_FIELD: 0.8,
    Code.TITLE: 0.7,
    # What the owner wrote down about the relationship outweighs what the card's structure suggests (a HOME label,
    # free mail, an employer in ORG): "Kunde" and "Azubi" on one side, family and friend words on the other.
    Code.ROLE_WORD: 3.5,
    Code.JOB_WORD: 3.5,  # a job or transaction in the note ("Angebot", "Rechnung", "Wartung")
    Code.EMPLOYER_ROLE: 2.0,  # a trade in ORG/TITLE: the person's own job; a friend's card has one too
    Code.ESTABLISHMENT_WORD: 1.8,
    Code.SERVICE_WORD: 2.0,
    Code.BUSINESS_CATEGORY: 3.0,  # a group the owner put the contact in: the owner's own label
    Code.USER_BUSINESS_KEYWORD: 2.5,
    Code.OWN_COMPANY_DOMAIN: 3.0,
    Code.BUSINESS_DOMAIN: 2.5,
    Code.COMPANY_EMAIL: 1.0,
    Code.WORK_PHONE: 0.6,
    Code.WORK_EMAIL: 0.6,
    Code.WORK_ADDRESS: 0.6,
    Code.TOLL_FREE: 2.0,
    Code.SHARED_COST: 2.0,
    Code.PREMIUM_RATE: 2.0,
    Code.UAN: 2.0,
    Code.VOIP: 0.7,
    Code.SWITCHBOARD: 1.5,
    Code.DIRECT_DIAL: 1.0,
    Code.FAMILY_WORD: -3.5,
    Code.PRIVATE_SERVICE_WORD: -1.2,
    Code.PRIVATE_CATEGORY: -3.0,
    Code.USER_PRIVATE_KEYWORD: -2.5,
    Code.PRIVATE_DOMAIN: -2.5,
    Code.FREE_MAIL: -0.6,
    Code.BIRTHDAY: -1.0,
    Code.NICKNAME: -1.0,
    Code.HOME_PHONE: -0.4,  # Android files e-mail as HOME by default, so home labels weigh little
    Code.HOME_EMAIL: -0.4,
    Code.HOME_ADDRESS: -0.8,
    # Under 18: on a business phone almost always the owner's children or their friends, unless the card shows a
    # business relationship (an apprentice): then it does not count (classifier._score).
    Code.MINOR: -1.5,
    # A hint at health, religion, politics, sex life or ethnic origin without any business relationship on the card:
    # the owner's own doctor, parish, party or community. Trade unions are left out: a union is often the
    # business's own counterpart (collective agreements, works council).
    Code.ART9_PRIVATE_LIFE: -3.0,
    # The owner's trade (given or inferred from the phone): its clients' and services' words are what the owner
    # wrote about the relationship, as strong as "Kunde"; its typical partners a little less.
    Code.TRADE_CUSTOMER: 3.5,
    Code.TRADE_SERVICE: 3.0,
    Code.TRADE_PARTNER: 2.5,
    # "Tochter von Fr. K.": a relative of someone the owner addresses formally, or of a client on a care phone.
    Code.CLIENT_RELATIVE: 3.0,
    # A health word on a care service's phone: a patient's data, so a client of the business.
    Code.ART9_CLIENT: 1.5,
    # "Frau Becker", "Hr. Schmitt": how one stores customers, not family and friends. Weak-strong: it decides
    # alone, but a birthday or a home address outweighs it.
    Code.FORMAL_ADDRESS: 1.6,
    # hearts, rings and kisses in a name or nickname: a partner, family or a close friend
    Code.AFFECTION_SIGN: -3.0,
    # a weekday, time or date in the name field: an appointment slot or shift, how one files customers and staff
    Code.APPOINTMENT_IN_NAME: 2.0,
    # "mein", "meine": the owner writing about the owner's own life ("Physio mein Rücken", "meine Frau")
    Code.OWNER_OWN: -2.5,
}

SPECIAL_CODES: dict[SpecialCategory, Code] = {
    SpecialCategory.HEALTH: Code.SPECIAL_HEALTH,
    SpecialCategory.RELIGION: Code.SPECIAL_RELIGION,
    SpecialCategory.TRADE_UNION: Code.SPECIAL_TRADE_UNION,
    SpecialCategory.POLITICS: Code.SPECIAL_POLITICS,
    SpecialCategory.SEX_LIFE: Code.SPECIAL_SEX_LIFE,
    SpecialCategory.ETHNIC_ORIGIN: Code.SPECIAL_ETHNIC_ORIGIN,
}


def evidence(code: Code, **params: str) -> Evidence:
    """Evidence with the code's weight (0 for codes that bear on other questions than business or private)."""
    return _evidence(code, tuple(sorted(params.items())) if params else ())


@cache
def _evidence(code: Code, params: tuple[tuple[str, str], ...]) -> Evidence:
    """Evidence is immutable and its params are keywords of our lists, never personal data: one object per
    (code, params), built once per process instead of once per card (bounded by the lists' size)."""
    return Evidence(code=code.value, weight=WEIGHTS.get(code, 0.0), params=params)
