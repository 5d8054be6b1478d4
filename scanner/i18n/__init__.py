"""Message catalog: every user-facing text in German and English."""

from scanner.i18n.catalog import Language, default_language, message_keys, translate, translate_plural

__all__ = ["Language", "default_language", "message_keys", "translate", "translate_plural"]
