"""An example kakaoaudit plugin: the phone's screen lock and OS updates (EXM101)."""

__version__ = "1.0.0"
