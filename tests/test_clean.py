"""Boilerplate removal: the reference page's blocks never reach the embedder."""

from __future__ import annotations

from indexer.clean import CleanRules, clean_text, recurring_lines, rule_lines, strip_recurring

REFERENCE_PAGE = """
<article>
<h1>Review: The Long Night is a slow-burning thriller</h1>
<p>The new series follows a detective who returns to her coastal hometown.</p>
<p><em>Image via Netflix</em></p>
<p>Related</p>
<p>Ten Best Phones You Can Buy Right Now</p>
<ul class="facts"><li>Release Date: March 7, 2025</li><li>Runtime: 124 minutes</li>
<li>Director: Jane Doe</li><li>Writers: John Roe, Ann Poe</li></ul>
<p>Its pacing is deliberate, and the final episode pays off every thread.</p>
<p>Disclaimer: This story is auto-aggregated by a computer program and has not been
created or edited by FilmDaily. Publisher: Example Wire.</p>
<h2>YOU MIGHT ALSO LIKE</h2>
<p>Striker breaks transfer record</p><p>Nov 2, 2025</p><p>The club paid a fortune.</p>
</article>
"""


def test_reference_page_boilerplate_is_stripped() -> None:
    text = clean_text(REFERENCE_PAGE, title="Review: The Long Night is a slow-burning thriller")
    assert "detective who returns" in text
    assert "final episode pays off" in text
    for junk in (
        "Image via",
        "Phones",
        "Release Date",
        "Runtime",
        "Director",
        "Writers",
        "auto-aggregated",
        "YOU MIGHT ALSO LIKE",
        "Striker",
        "Review: The Long Night",  # the title is embedded once, not twice
    ):
        assert junk not in text, junk


def test_cut_markers_cut_headings_not_sentences() -> None:
    body = "First line.\nYou might also like the sequel, which is even better than this one.\nEnd."
    assert clean_text(body).endswith("End.")
    assert clean_text("First.\nYou might also like:\nOther story") == "First."


def test_custom_rules_are_used() -> None:
    rules = CleanRules(cut_markers=("further reading",), drop_patterns=(r"^advert.*",))
    assert rule_lines("Keep.\nAdvert: buy now\nFurther reading\nGone", rules) == ["Keep."]


def test_lines_recurring_across_the_corpus_are_dropped() -> None:
    footer = "Subscribe to our newsletter for the best stories every morning."
    docs = [[f"Story number {i} is unique.", footer] for i in range(20)]
    docs.append(["A quote shared by two.", "Unique tail."])
    docs.append(["A quote shared by two.", "Another tail."])
    rules = CleanRules(recurring_share=0.2, recurring_min_docs=3)
    recurring = recurring_lines(docs, rules)
    assert strip_recurring(docs[0], recurring) == "Story number 0 is unique."
    assert strip_recurring(docs[-1], recurring) == "A quote shared by two.\nAnother tail."


def test_recommendation_cards_are_cut_even_when_the_extractor_drops_their_heading() -> None:
    page = (
        "<article><p>Body about the film and its long desert shoot in the north.</p>"
        "<p>Creator: Jane Doe</p>"
        "<h2>You Might Also Like</h2>"
        '<div class="card"><a href="/x"><h4>Striker breaks transfer record</h4></a>'
        "<p>The club paid a fortune for the forward.</p></div></article>"
    )
    text = clean_text(page)
    assert "desert shoot" in text
    assert "Striker" not in text and "club" not in text and "Creator" not in text


def test_scripts_styles_and_entities_are_not_text() -> None:
    assert clean_text("<script>var a = 1;</script><style>p {}</style>&nbsp;") == ""
    assert clean_text("<p>Caf&eacute; &amp; bar</p>") == "Café & bar"
