"""Buyers (government), suppliers and other parties, identified by KvK number and OIN; contacts."""
