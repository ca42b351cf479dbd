"""Reference data of this app, read from data/: the nine steps (loaded by a migration), the
default checklist per step and the standard commitments of the letter of intent."""

from dataclasses import dataclass
from functools import cache

from inkoopkracht.lib.constants import read_csv


def load_steps(step_model) -> None:
    """Upsert the nine steps from data/partnership_steps.csv."""
    for row in read_csv("partnership_steps.csv"):
        step_model.objects.update_or_create(
            number=int(row["step"]),
            defaults={
                "code": row["code"],
                "name_nl": row["name_nl"],
                "name_en": row["name_en"],
                "description_nl": row["what_happens_nl"],
                "description_en": row["what_happens"][:1].upper() + row["what_happens"][1:] + ".",
            },
        )


@dataclass(frozen=True)
class DefaultItem:
    step: int
    code: str
    position: int
    text: str


@cache
def default_checklist() -> tuple[DefaultItem, ...]:
    """The default checklist items of every step (data/step_checklist.csv), in order."""
    items = [
        DefaultItem(int(row["step"]), row["code"], int(row["position"]), row["item"])
        for row in read_csv("step_checklist.csv")
    ]
    return tuple(sorted(items, key=lambda item: (item.step, item.position)))


def add_default_checklist(partnership, item_model) -> int:
    """Copy the default items that this proeftuin does not have yet; returns how many."""
    existing = set(
        item_model.objects.filter(partnership=partnership)
        .exclude(default_code="")
        .values_list("default_code", flat=True)
    )
    new = [
        item_model(
            partnership=partnership,
            step_id=item.step,
            text=item.text,
            position=item.position,
            default_code=item.code,
        )
        for item in default_checklist()
        if item.code not in existing
    ]
    item_model.objects.bulk_create(new)
    return len(new)


@dataclass(frozen=True)
class StandardCommitment:
    side: str
    code: str
    position: int
    text: str


@cache
def standard_commitments() -> tuple[StandardCommitment, ...]:
    """The commitments offered in the letter of intent (data/loi_commitments.csv), in order."""
    rows = [
        StandardCommitment(row["side"], row["code"], int(row["position"]), row["commitment"])
        for row in read_csv("loi_commitments.csv")
    ]
    return tuple(sorted(rows, key=lambda row: (row.side, row.position)))


def standard_commitments_of(side: str) -> tuple[StandardCommitment, ...]:
    return tuple(row for row in standard_commitments() if row.side == side)
