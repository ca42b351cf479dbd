"""Private file storage: under ``settings.PRIVATE_FILES_ROOT``, never served by a URL.

Uploaded files that are not public (signed letters of intent, event materials for attendees)
live here; an app's view hands them out after its own access check.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="inkoopkracht.lib.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """File storage under ``settings.PRIVATE_FILES_ROOT``, without a public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_FILES_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through an access-checked view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()
