"""The documentation drafts a business needs for its messenger use, filled with the scan's figures and the facts.

Six drafts (record of processing, DPIA section, consent text, privacy-notice section, revocation notice, checklist
for the processing agreement), each as Markdown and as HTML. Their texts are data in ``scanner/i18n/drafts/``.
"""

from scanner.reporters.drafts.documents import DraftFile, render_drafts

__all__ = ["DraftFile", "render_drafts"]
