"""kakaoaudit: audit your own KakaoTalk account security.

kakaoaudit is independent: it is not affiliated with Kakao Corp., it never logs in to or
contacts Kakao, and only Kakao's official support can lift a restriction.
"""

__version__ = "0.1.0"
