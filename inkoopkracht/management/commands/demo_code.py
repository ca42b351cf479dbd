"""``inkoopkracht demo_code EMAIL``: the current two-factor code of a *demo* staff account.

Only for the fictional demo accounts (their authenticator was made by the demo loader and their
address ends in @inkoopkracht.example); it refuses every other account.
"""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from inkoopkracht.accounts.demo import DEMO_DEVICE_NAME


class Command(BaseCommand):
    help = "Toon de huidige tweestapscode van een demo-account (alleen demo-accounts)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        device = TOTPDevice.objects.filter(
            user__email__iexact=email, name=DEMO_DEVICE_NAME, confirmed=True
        ).first()
        if device is None or not email.lower().endswith("@inkoopkracht.example"):
            raise CommandError("Dit is geen demo-account met een demo-authenticator.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
