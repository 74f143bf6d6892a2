"""kakaoaudit's built-in checks, installed as the package `kakaoaudit.checks`.

Each module holds one check class, registered through the entry-point group
``kakaoaudit.checks`` in setup.cfg exactly like a third-party check.
"""
