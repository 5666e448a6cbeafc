from dashboard.text.segment import Span, clauses, lines, sentences, unwrap


def _clauses(text):
    return [c.text(text) for c in clauses(text, Span(0, len(text)))]


def test_sentences_keep_offsets_and_skip_initials_and_abbreviations():
    text = "Photo Credit: Larry D. Horricks shot it. Mr. Smith agrees! Does it work? Yes.\nNew line here"
    spans = sentences(text)
    got = [s.text(text) for s in spans]
    assert got == ["Photo Credit: Larry D. Horricks shot it.", "Mr. Smith agrees!", "Does it work?", "Yes.", "New line here"]
    for s in spans:
        assert text[s.start:s.end] == s.text(text)


def test_a_contraction_before_the_stop_is_no_initial():
    text = "I expected to be bored. I wasn’t. It’s the director’s. The end comes fast."
    assert [s.text(text) for s in sentences(text)] == [
        "I expected to be bored.", "I wasn’t.", "It’s the director’s.", "The end comes fast."]


def test_i_before_the_stop_ends_the_sentence():
    text = "The children slid down their seats, and so, I confess, did I. The villain is dull. Jo J. Lin agrees."
    assert [s.text(text) for s in sentences(text)] == [
        "The children slid down their seats, and so, I confess, did I.", "The villain is dull.", "Jo J. Lin agrees."]


def test_sentences_within_a_range_index_the_whole_text():
    text = "Skip me. Keep this one. And this."
    spans = sentences(text, 9, len(text))
    assert [s.text(text) for s in spans] == ["Keep this one.", "And this."]


def test_contrast_splits_opposite_judgements():
    assert _clauses("The plot is very thin, though that’s somewhat expected for this genre.") == [
        "The plot is very thin,", "though that’s somewhat expected for this genre."]
    assert _clauses("While it is beautiful to look at, the story suffers from a clumsy narrative.") == [
        "While it is beautiful to look at,", "the story suffers from a clumsy narrative."]
    assert _clauses(
        "It wants to dance in the same league as Wick’s symphony of violence but ends up toe-tapping through a rehearsal."
    ) == ["It wants to dance in the same league as Wick’s symphony of violence",
          "but ends up toe-tapping through a rehearsal."]


def test_a_connective_set_off_by_commas_is_an_aside_not_a_new_clause():
    # Subject and verb stay together, so the verdict keeps its aspect ("score": music).
    assert _clauses("Hans Zimmer’s score, though, is relentless to the point of exhaustion.") == [
        "Hans Zimmer’s score, though, is relentless to the point of exhaustion."]
    assert _clauses("What it turns out to be, however, is an overlong home movie with bad sound.") == [
        "What it turns out to be, however, is an overlong home movie with bad sound."]
    # A new subject after it: two clauses.
    assert _clauses("The visuals are gorgeous, however, the score is relentless.") == [
        "The visuals are gorgeous,", "however, the score is relentless."]


def test_adjective_pairs_and_adverbs_are_not_split():
    for text in [
        "There is a simple but sure dramatic message behind the amazing fight scenes.",
        "Keanu Reeves makes a brief but well-placed appearance that propels the plot.",
        "While John Wick enters the screen as a fully formed force, Eva is still in the making.",
    ]:
        pieces = _clauses(text)
        assert all("but" != p.split()[0] for p in pieces[1:]) or len(pieces) == 1
        assert not any(p.startswith("still") for p in pieces)


def test_lines_strip_blank_space():
    text = "  one  \n\n two\n"
    assert [s.text(text) for s in lines(text)] == ["one", "two"]


def test_a_writer_who_never_capitalises_still_gets_sentences():
    text = "the rest is good not great. it's way too long. acting is great tho, lindo steals every scene!! goosebumps."
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "the rest is good not great.", "it's way too long.", "acting is great tho, lindo steals every scene!!",
        "goosebumps."]
    # an ellipsis or an abbreviation is no sentence end, nor is a lower-case slip in cased prose
    for text in ("... a perverse twist on neorealism... and more", "fun vs. the rest etc. and more",
                 "Though hardly a crowd-pleaser. it's the sort of film."):
        assert len(sentences(text)) == 1


_WRAPPED = (
    "THE LANTERN (15) ★★\n"
    "There is a scene early in the film in\n"
    "which a weary keeper, played with a\n"
    "lovely deadpan, asks the harbour\n"
    "master whether anything is left to say.\n"
    "It is a good line, and it is also a\n"
    "fair summary of a film that promises\n"
    "much and never quite gets round to it.\n"
)


def test_text_wrapped_at_a_fixed_width_is_read_in_whole_sentences():
    norm = unwrap(_WRAPPED)
    assert len(norm) == len(_WRAPPED)
    got = [s.text(_WRAPPED) for line in lines(norm) for s in sentences(_WRAPPED, line.start, line.end, norm)]
    assert got[0] == "THE LANTERN (15) ★★"  # a line of its own: the next opens with a capital
    assert got[1].startswith("There is a scene") and got[1].endswith("anything is left to say.")
    assert got[2].startswith("It is a good line") and got[2].endswith("gets round to it.")


def test_wrapped_text_runs_on_after_a_word_no_sentence_ends_with_and_before_a_bracket():
    text = (_WRAPPED + "Several of you asked me whether The Lantern is\n"
            "Harbour Films' best, and the answer is the\n"
            "Grey Pier, which stars Ana Ruiz, who plays\n"
            "(rather well) a keeper with nothing to lose.\n")
    norm = unwrap(text)
    got = [s.text(text) for line in lines(norm) for s in sentences(text, line.start, line.end, norm)]
    assert got[-1].startswith("Several of you asked") and got[-1].endswith("nothing to lose.")


def test_wrapped_text_runs_on_at_full_width_whatever_the_next_line_opens_with():
    text = (_WRAPPED + "\nThe story is confined to a few acres of the harbour in October\n"
            "1917. A keeper is sent to hold a flooded light, and the only link\n"
            "with the shore is a runner, the seventeen-year-old Private\n"
            "Keogh, who has lied about his age to the harbour master.\n\n"
            "THE HARBOUR HORN                       SPRING 2025\n")
    norm = unwrap(text)
    got = [s.text(text) for line in lines(norm) for s in sentences(text, line.start, line.end, norm)]
    assert any(g.startswith("The story is confined") and g.endswith("October\n1917.") for g in got)
    assert any(g.startswith("A keeper is sent") and g.endswith("harbour master.") for g in got)
    assert got[-1] == "THE HARBOUR HORN                       SPRING 2025"  # laid out in wide spaces


def test_text_with_a_paragraph_on_each_line_is_not_unwrapped():
    text = ("There is a scene early in the film in which a weary keeper, played with a lovely deadpan, asks the "
            "harbour master whether anything is left to say.\nsome readers will find it slow\nand that is fair\n"
            "Menu\nhome\nreviews\n")
    assert unwrap(text) == text
