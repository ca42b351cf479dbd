"""Forms of the bottlenecks register: a bottleneck, and the filters of the register."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inkoopkracht.partnerships.models import Bottleneck, Partnership, Step


class BottleneckForm(forms.Form):
    title = forms.CharField(
        label=_("Knelpunt"),
        max_length=200,
        help_text=_("Een korte titel, bijvoorbeeld ‘Detachering telt niet mee bij de inlener’."),
        error_messages={"required": _("Geef het knelpunt een korte titel.")},
    )
    category = forms.ChoiceField(
        label=_("Categorie"),
        choices=Bottleneck.Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een categorie.")},
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Beschrijf het knelpunt: wat loopt vast, en waarom?")},
    )
    partnerships = forms.ModelMultipleChoiceField(
        label=_("Proeftuinen die het raakt"),
        queryset=Partnership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    step = forms.ModelChoiceField(
        label=_("Stap"), queryset=Step.objects.all(), required=False, empty_label=_("Geen stap")
    )
    status = forms.ChoiceField(label=_("Status"), choices=Bottleneck.Status.choices)
    resolution = forms.CharField(
        label=_("Afhandeling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat er met het knelpunt is gedaan, of wat het ministerie heeft geantwoord."),
    )

    def __init__(self, *args, user, bottleneck=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = Q(pk__in=Partnership.objects.editable_by(user).values("pk"))
        if bottleneck is not None:
            choices |= Q(pk__in=bottleneck.partnerships.values("pk"))
        else:
            del self.fields["status"]
            del self.fields["resolution"]
        self.fields["partnerships"].queryset = (
            Partnership.objects.filter(choices).select_related("cohort").order_by("name")
        )
        if not user.is_team:
            self.fields["partnerships"].help_text = _(
                "U koppelt de proeftuinen die u begeleidt; koppelingen van collega’s blijven staan."
            )

    @staticmethod
    def initial_for(bottleneck: Bottleneck) -> dict:
        return {
            "title": bottleneck.title,
            "category": bottleneck.category,
            "description": bottleneck.description,
            "partnerships": list(bottleneck.partnerships.all()),
            "step": bottleneck.step_id,
            "status": bottleneck.status,
            "resolution": bottleneck.resolution,
        }


class BottleneckFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    category = forms.ChoiceField(
        label=_("Categorie"),
        required=False,
        choices=[("", _("Alle categorieën"))] + list(Bottleneck.Category.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), ("actief", _("Open of gemeld"))]
        + list(Bottleneck.Status.choices),
    )
    partnership = forms.ModelChoiceField(
        label=_("Proeftuin"),
        required=False,
        queryset=Partnership.objects.order_by("name"),
        empty_label=_("Alle proeftuinen"),
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(
                Q(title__icontains=data["q"]) | Q(description__icontains=data["q"])
            )
        if data["category"]:
            queryset = queryset.filter(category=data["category"])
        if data["status"] == "actief":
            queryset = queryset.filter(status__in=Bottleneck.ACTIVE)
        elif data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["partnership"]:
            queryset = queryset.filter(partnerships=data["partnership"])
        return queryset
