"""A plugin module that cannot be imported."""

import kakaoaudit_test_plugin_missing_dependency  # noqa: F401
