"""Private files (signed letters of intent): stored outside the web root, checked on upload.

Files live under ``PRIVATE_FILES_ROOT`` (default ``var/private``, see ``lib/storage.py``),
which no URL serves; a view hands them out after the access check. An upload must be a PDF, PNG or JPEG by its content
(not only its name) and at most ``LETTER_MAX_UPLOAD_MB`` megabytes (ASVS V5.2.1, V5.2.2).
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inkoopkracht.lib.storage import PrivateStorage

# Allowed types: extension -> (content type, magic bytes at the start of the file).
ALLOWED_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


def private_storage() -> PrivateStorage:
    """Kept under this name: migration 0003 refers to it."""
    return PrivateStorage()


def validate_signed_copy(upload) -> str:
    """The content type of an acceptable upload; a Dutch ``ValidationError`` otherwise."""
    max_mb = settings.LETTER_MAX_UPLOAD_MB
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _(
                "Het bestand is groter dan %(max)s MB. Verklein het of scan met een lagere resolutie."
            )
            % {"max": max_mb}
        )
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED_TYPES:
        raise ValidationError(_("Upload een PDF, PNG of JPEG."))
    content_type, signatures = ALLOWED_TYPES[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("Dit bestand is geen echte %(type)s: de inhoud past niet bij de extensie.")
            % {"type": extension.lstrip(".").upper()}
        )
    return content_type
