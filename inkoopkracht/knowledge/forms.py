"""Forms of the public site and Mijn proeftuin: share a lesson, filter lessons, search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inkoopkracht.partnerships.models import Partnership, Step

from .models import Lesson

QUERY_MAX_LENGTH = 200


class LessonForm(forms.ModelForm):
    """A lesson as a member writes it; the proeftuin comes from the page, not from the form."""

    class Meta:
        model = Lesson
        fields = ["kind", "title", "text", "step", "sector", "route", "name_partnership"]
        widgets = {
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 10}),
        }
        labels = {"kind": _("Wat voor les is het?"), "title": _("Titel van de les")}
        help_texts = {
            "title": _("Kort en concreet, bijvoorbeeld: ‘Jobcoach vanaf de eerste werkdag’."),
            "step": _("Bij welke stap van het stappenplan hoort de les?"),
        }

    def __init__(self, *args, partnership: Partnership | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Lesson.Kind.choices
        self.fields["sector"].choices = Partnership.WorkSector.choices
        self.fields["route"].choices = Partnership.Route.choices
        self.fields["step"].empty_label = None
        self.fields["text"].widget.attrs["maxlength"] = Lesson._meta.get_field("text").max_length
        if partnership is not None and not self.instance.pk:
            self.initial.setdefault("step", partnership.current_step_id)
            self.initial.setdefault("sector", partnership.work_sector)
            self.initial.setdefault("route", partnership.route)

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 20:
            raise forms.ValidationError(
                _("Beschrijf de les in minstens een paar zinnen, zodat anderen er iets aan hebben.")
            )
        return text

    def lesson_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LessonFilterForm(forms.Form):
    """The filters of the lessons library (GET); invalid choices are reported, not applied."""

    q = forms.CharField(label=_("Zoeken in lessen"), required=False, max_length=QUERY_MAX_LENGTH)
    step = forms.ModelChoiceField(
        label=_("Stap"), queryset=Step.objects.all(), required=False, empty_label=_("Alle stappen")
    )
    kind = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *Lesson.Kind.choices]
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("Alle sectoren")), *Partnership.WorkSector.choices],
    )

    def filter(self, lessons):
        """The lessons that match the valid filters (a queryset; search keeps the order)."""
        data = self.cleaned_data if self.is_valid() else {}
        filters = {
            name: data[name]
            for name in ("step", "kind", "sector")
            if data.get(name) not in ("", None)
        }
        lessons = lessons.filter(**filters)
        query = (data.get("q") or "").strip()
        if query:
            return lessons.search(query, operator="and")
        return lessons

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.get(name) for name in self.fields)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoeken in de handreiking en de lessen"),
        max_length=QUERY_MAX_LENGTH,
        error_messages={"required": _("Vul een zoekterm in.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if not any(character.isalnum() for character in query):
            raise forms.ValidationError(_("Zoek op een woord, bijvoorbeeld ‘jobcoach’."))
        return query
