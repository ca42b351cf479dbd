"""Forms for organisations: identifiers are normalised before they are validated."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .validators import normalise_identifier


class NormalisedIdentifierField(forms.CharField):
    """A KvK number or OIN as people type it ("1234 5678", "12.34.56.78"): stored as digits."""

    def to_python(self, value):
        return normalise_identifier(super().to_python(value))


class OrganisationAdminForm(WagtailAdminModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        field_classes = {"kvk_number": NormalisedIdentifierField, "oin": NormalisedIdentifierField}
