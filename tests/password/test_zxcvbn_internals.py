"""kakaoaudit.password.strength reaches into zxcvbn's internals: the installed zxcvbn must have them.

If this fails after a zxcvbn upgrade, every password would be "could not estimate": widen the pin in
setup.cfg only together with a change of kakaoaudit/password/strength.py that works with the new release.
"""

from __future__ import annotations

from importlib import metadata

from kakaoaudit.password.strength import estimate

TESTED = ((4, 4, 28), (4, 6, 0))  # the range setup.cfg admits: >=4.4.28,<4.6


def test_the_installed_zxcvbn_is_in_the_tested_range() -> None:
    version = tuple(int(part) for part in metadata.version("zxcvbn").split(".")[:3])
    assert TESTED[0] <= version < TESTED[1], metadata.version("zxcvbn")


def test_the_internals_used_are_there() -> None:
    from zxcvbn import matching

    assert isinstance(matching.L33T_TABLE, dict) and matching.L33T_TABLE
    assert isinstance(matching.RANKED_DICTIONARIES, dict)
    subtable = matching.relevant_l33t_subtable("p@ssw0rd", matching.L33T_TABLE)
    assert subtable and isinstance(matching.enumerate_l33t_subs(subtable), list)


def test_zxcvbn_keeps_the_persons_words_where_kakaoaudit_forgets_them() -> None:
    # strength._forget_user_inputs pops this key after each estimate: were zxcvbn to keep the words under
    # another name, the pop would silently do nothing and the person's details would stay in memory.
    import zxcvbn
    from zxcvbn import matching

    zxcvbn.zxcvbn("Hanako-1990", user_inputs=["hanakotest"])
    kept = matching.RANKED_DICTIONARIES.get("user_inputs")
    try:
        assert kept is not None and "hanakotest" in kept, sorted(matching.RANKED_DICTIONARIES)
    finally:
        matching.RANKED_DICTIONARIES.pop("user_inputs", None)


def test_kakaoaudit_leaves_no_word_of_the_person_in_zxcvbn() -> None:
    from zxcvbn import matching

    estimate("Hanako-1990", user_inputs=["hanakotest"])
    assert not any("hanakotest" in words for words in matching.RANKED_DICTIONARIES.values())


def test_estimates_work_and_tell_strong_from_weak() -> None:
    weak, strong = estimate("password1"), estimate("violet-harbour-kettle-1984-quiet")
    assert weak.score <= 1
    assert strong.score >= 3
