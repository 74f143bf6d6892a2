"""Test plugin for kakaoaudit."""
