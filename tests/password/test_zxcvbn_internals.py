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


def test_estimates_work_and_tell_strong_from_weak() -> None:
    weak, strong = estimate("password1"), estimate("violet-harbour-kettle-1984-quiet")
    assert weak.score <= 1
    assert strong.score >= 3
