"""The core: the check API's types, questions and answers, the registry, the engine, scoring, suppressions,
errors, translation and the calendar. It imports nothing else of kakaoaudit."""
