"""Checks that misbehave, for kakaoaudit's hardening battery."""
