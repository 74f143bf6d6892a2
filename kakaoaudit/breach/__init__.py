"""Breached-password lookups: the Pwned Passwords range format (ranges), the online range client with
k-anonymity and padding (online), the offline copy of the list, and which of them an audit uses
(sources: the options, the demo's sample list)."""
