"""Breached-password lookups: the Pwned Passwords range format, the online range client (k-anonymity,
padded) and the offline copy of the list."""
