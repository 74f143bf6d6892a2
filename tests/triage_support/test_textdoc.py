"""The plain document layout shared by triage and support-kit: text and Markdown."""

from __future__ import annotations

from kakaoaudit.triage.document import Document, Section, render_markdown, render_text

DOC = Document(
    title="見出し title",
    intro=("intro line",),
    sections=(
        Section("Steps", items=("first", "second\ncontinued"), numbered=True),
        Section("Check", items=("box",), checkboxes=True),
        Section("Draft", lines=("before",), verbatim="```inside```\n\nend"),
    ),
    footer=("footer",),
)


def test_text() -> None:
    text = render_text(DOC)
    lines = text.splitlines()
    assert lines[0] == "見出し title" and lines[1] == "=" * 12  # wide characters count double
    assert "  1. first" in lines and "  2. second" in lines and "     continued" in lines
    assert "  [ ] box" in lines
    assert "```inside```" in lines and text.endswith("footer\n")


def test_markdown_fences_the_draft_so_it_survives_any_backticks() -> None:
    markdown = render_markdown(DOC)
    assert markdown.startswith("# 見出し title\n")
    assert "1. first\n2. second\n   continued\n" in markdown
    assert "- [ ] box" in markdown
    assert "````text\n```inside```\n\nend\n````\n" in markdown
    assert markdown.endswith("_footer_\n")
