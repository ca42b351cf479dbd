"""One-time links for invitations: valid for INVITATION_TIMEOUT_DAYS, void once a password is set.

Like Django's password-reset tokens, the token is an HMAC over the user's password hash and
last login, so it stops working the moment the invited person sets a password.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "inkoopkracht.accounts.tokens.InvitationTokenGenerator"

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        max_age = settings.INVITATION_TIMEOUT_DAYS * 24 * 60 * 60
        return (self._num_seconds(self._now()) - ts) <= max_age


invitation_token = InvitationTokenGenerator()
