"""Users, roles (programme team, coach, member), login with two-factor, invitations."""
