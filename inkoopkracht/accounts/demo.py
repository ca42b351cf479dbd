"""Demo accounts of the programme team and the coaches (members come with their organisation)."""

from base64 import b32encode

from django_otp.plugins.otp_totp.models import TOTPDevice

from inkoopkracht.lib.demo import DEMO_PASSWORD, DemoContext, DemoLogin

from . import services
from .models import User
from .roles import Role

DEMO_DEVICE_NAME = "Demo-authenticator"

STAFF = [
    # email, first name, last name, role, fixed TOTP key (hex, 20 bytes)
    ("nadia.elamrani@inkoopkracht.example", "Nadia", "El Amrani", Role.TEAM, "00" * 19 + "01"),
    ("sanne.bakker@inkoopkracht.example", "Sanne", "Bakker", Role.COACH, "00" * 19 + "02"),
    ("jeroen.visser@inkoopkracht.example", "Jeroen", "Visser", Role.COACH, "00" * 19 + "03"),
]


def demo_totp_key(email: str) -> str:
    """The fixed demo authenticator key (base32) of a demo staff account."""
    for staff_email, *_rest, key in STAFF:
        if staff_email == email:
            return b32encode(bytes.fromhex(key)).decode()
    raise KeyError(email)


def load(ctx: DemoContext) -> None:
    for email, first_name, last_name, role, key in STAFF:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = services.create_user(
                email=email,
                first_name=first_name,
                last_name=last_name,
                role=role,
                password=DEMO_PASSWORD,
            )
        if not TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE_NAME).exists():
            TOTPDevice.objects.filter(user=user).delete()
            TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=key, confirmed=True)
        ctx.logins.append(
            DemoLogin(
                role=role.label,
                email=email,
                note=f"code: .venv/bin/inkoopkracht demo_code {email}",
            )
        )
