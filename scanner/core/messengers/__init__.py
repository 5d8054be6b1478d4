"""Messenger profiles (what a contact upload sends where), EEA/adequacy countries and usage figures, from data files."""

from scanner.core.messengers.countries import (
    Adequacy,
    AdequacyScope,
    Protection,
    ThirdCountry,
    adequacy,
    has_full_adequacy,
    is_eea,
    third_countries,
)
from scanner.core.messengers.labels import NO_EU_ENTITY, UNCONFIRMED, UNKNOWN_DESTINATION, fact_label_key, label_key
from scanner.core.messengers.loading import default_profile, list_profiles, load_profile, load_profile_file
from scanner.core.messengers.penetration import Penetration, PenetrationBasis, penetration, share_cap, usage_figures
from scanner.core.messengers.profile import (
    Activation,
    Fact,
    FieldStatus,
    Frequency,
    Hashing,
    MessengerProfile,
    NonUsers,
    Source,
    TransferBasis,
    UploadedFields,
    UploadField,
)
from scanner.core.messengers.tables import Expected, ProfileError, ProfileProblem

__all__ = [
    "NO_EU_ENTITY",
    "UNCONFIRMED",
    "UNKNOWN_DESTINATION",
    "Activation",
    "Adequacy",
    "AdequacyScope",
    "Expected",
    "Fact",
    "FieldStatus",
    "Frequency",
    "Hashing",
    "MessengerProfile",
    "NonUsers",
    "Penetration",
    "PenetrationBasis",
    "ProfileError",
    "ProfileProblem",
    "Protection",
    "Source",
    "ThirdCountry",
    "TransferBasis",
    "UploadField",
    "UploadedFields",
    "adequacy",
    "default_profile",
    "fact_label_key",
    "has_full_adequacy",
    "is_eea",
    "label_key",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "penetration",
    "share_cap",
    "third_countries",
    "usage_figures",
]
