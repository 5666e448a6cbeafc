from dashboard.text.normalize import normalize


def test_normalize_keeps_length_and_makes_typography_plain():
    text = "It isn’t “great” — it’s… fine\u00a0here"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "It isn't \"great\" - it's. fine here"


def test_normalize_leaves_plain_text_alone():
    assert normalize("plain ASCII text") == "plain ASCII text"
    assert normalize("café ½") == "café ½"


def test_markup_pasted_into_a_review_is_blanked_in_place():
    text = 'The acting is <b>wonderful</b> <script>alert("story")</script> and <img src=x onerror=y> fine.'
    out = normalize(text)
    assert len(out) == len(text)
    assert out.split() == ["The", "acting", "is", "wonderful", "and", "fine."]
    assert normalize("If x<y and y>z, the plot holds.") == "If x<y and y>z, the plot holds."
