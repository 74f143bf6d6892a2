"""Is this address Kakao's? The classifier behind `kakaoaudit check-url` and the bookmark check."""
