import pytest

from dashboard.engine.clean import ADVERT, BOILERPLATE, HEADING, METADATA, RATING, clean
from dashboard.engine.credits import person_names
from tests.conftest import BALLERINA


def _kinds(text, cleaned):
    return {text[s.start:s.end]: s.kind for s in cleaned.set_aside}


def test_boilerplate_metadata_and_headings_are_set_aside_with_reasons():
    text = (
        "A strong opening paragraph about the film and what it does well.\n"
        "Directed by: Len Wiseman\n"
        "Starring: Ana de Armas, Anjelica Huston\n"
        "Release Date: June 6, 2025\n"
        "Ana de Armas as Eve in Ballerina. Photo Credit: Larry D. Horricks\n"
        "The action is crisp and the film is fun.\n"
        "Stay connected with us for the latest and exclusive updates—only here on Indori Nerd!\n"
        "Leave a reply\n"
        "Comments (12)"
    )
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert kinds["Directed by: Len Wiseman"] == METADATA
    assert kinds["Starring: Ana de Armas, Anjelica Huston"] == METADATA
    assert kinds["Release Date: June 6, 2025"] == METADATA
    assert kinds["Ana de Armas as Eve in Ballerina. Photo Credit: Larry D. Horricks"] == BOILERPLATE
    assert kinds["Leave a reply"] == BOILERPLATE
    assert kinds["Comments (12)"] == BOILERPLATE
    assert kinds["Stay connected with us for the latest and exclusive updates—only here on Indori Nerd!"] == BOILERPLATE
    assert all(s.reason for s in cleaned.set_aside)
    assert cleaned.metadata["director"] == "Len Wiseman"
    assert cleaned.people.by_role["cast"] == {"Ana de Armas", "Anjelica Huston"}
    assert cleaned.outlet == "Indori Nerd"


def test_casino_advert_and_its_follow_on_sentence_are_adverts():
    text = (BALLERINA / "001_ef9c39601f434bb4.txt").read_text("utf-8")
    cleaned = clean(text, ("Ballerina",))
    adverts = [text[s.start:s.end] for s in cleaned.set_aside if s.kind == ADVERT]
    assert adverts == [
        "As Eva enters a secret world with rules and rituals, new players can do the same with a StayCasino login.",
        "This is where strategy, risk, and profit come together in a high-stakes setting.",
    ]


def test_words_that_merely_end_like_a_brand_are_not_adverts():
    text = "The monks of Tibet are filmed with care. Inspector Farbet arrives late. Try LuckyCasino now."
    adverts = [text[s.start:s.end] for s in clean(text).set_aside if s.kind == ADVERT]
    assert adverts == ["Try LuckyCasino now."]


def test_pros_and_cons_items_carry_their_heading_polarity():
    text = "Intro sentence about the film.\nPros:\n- Great fights.\n- Strong lead.\nCons:\n- Thin plot.\nAfter the list."
    cleaned = clean(text)
    signs = [(text[s:e], sign) for s, e, sign in cleaned.list_polarity]
    assert signs == [("- Great fights.", 1), ("- Strong lead.", 1), ("- Thin plot.", -1)]
    assert {text[s.start:s.end] for s in cleaned.set_aside if s.kind == HEADING} == {"Pros:", "Cons:"}


def test_rating_line_and_outlet():
    text = "The review body is long enough to be a paragraph of its own.\n2.5 / 5 ✨ from the Screen Scribe.\nLeave a comment"
    cleaned = clean(text)
    assert cleaned.rating.rating.score == 50
    assert cleaned.outlet == "The Screen Scribe"
    assert _kinds(text, cleaned)["2.5 / 5 ✨ from the Screen Scribe."] == RATING


def test_single_line_snippet_is_never_a_heading():
    text = "effective but too-tepid biopic"
    assert clean(text).set_aside == []


def test_cleaning_changes_no_text():
    text = (BALLERINA / "003_7cd0c8dedc355856.txt").read_text("utf-8")
    cleaned = clean(text)
    for s in cleaned.set_aside:
        assert 0 <= s.start < s.end <= len(text)


def test_a_key_to_the_critics_rating_scale_is_set_aside():
    legend = ("**** = One of the top few films of this or any year. A must see film. *** = Excellent show. "
              "** = Average movie. * = Poor show. 0 = One of the worst films of this or any year. Totally unbearable.")
    text = f"The film drags in its middle hour, but the ending lands.\n{legend}\nA = masterpiece\nB = good\nC = fair"
    kinds = _kinds(text, clean(text))
    assert kinds[legend] == BOILERPLATE
    assert kinds["A = masterpiece"] == kinds["B = good"] == kinds["C = fair"] == BOILERPLATE
    assert "The film drags in its middle hour, but the ending lands." not in kinds


def test_a_short_boilerplate_sentence_inside_prose_is_set_aside_alone():
    # A paragraph longer than a caption line: only the matching sentence goes.
    prose = ("The second act sags, the villain never convinces, and the score leans on every "
             "cue it can find to tell us what to feel about a story that has stopped moving. ")
    text = prose + "Subscribe to our newsletter for more reviews. The finale, though, is a knockout."
    asides = [text[s.start:s.end] for s in clean(text).set_aside]
    assert asides == ["Subscribe to our newsletter for more reviews."]


@pytest.mark.parametrize("text", [
    "An excellent gem with beautiful direction courtesy of Sofia Coppola.",
    "This is a picture by turns amusing and melancholic.",
    "You may not subscribe to their beliefs, but you will understand them.",
    'His solution: start a "newsletter" with pictures of his neighbours.',
    "We join our heroes in the desert.",
])
def test_critics_prose_that_looks_like_page_furniture_is_kept(text):
    assert clean(text).set_aside == []


@pytest.mark.parametrize("line, author, outlet", [
    ("By Jane Doe", "Jane Doe", ""),
    ("By Jane Doe, The Daily Test", "Jane Doe", "The Daily Test"),
    ("Reviewed by Jane Doe for Screen Notes", "Jane Doe", "Screen Notes"),
    # the label with a colon, as a details list prints it
    ("**Reviewed by:** Jane Doe", "Jane Doe", ""),
    ("By: Jane Doe", "Jane Doe", ""),
    ("By Jane Doe | Film Weekly", "Jane Doe", "Film Weekly"),
    # on blogs, a first name or a user name, and the date and comments after it
    ("Review by cinephile_dan", "cinephile_dan", ""),
    ("*Posted by Jenna on April 20, 2025 · 4 comments*", "Jenna", ""),
    # a date after a separator is no outlet
    ("By Jo Lin | Film Corner | June 2, 2023", "Jo Lin", "Film Corner"),
    ("By Jo Lin | June 2, 2023", "Jo Lin", ""),
    # a role is no outlet
    ("By Jo Lin, Staff Writer", "Jo Lin", ""),
    ("**By Jo Lin** | *Harbour Movie Critic*", "Jo Lin", ""),
    ("*By Jo Lin and Theo Achebe*", "Jo Lin and Theo Achebe", ""),
    ("*Posted by Jo Lin · 14 June 2025 · Sci-fi, Reviews · 6 min read*", "Jo Lin", ""),
    ("Posted by u/lamp_fan", "lamp_fan", ""),
    ("*posted by Jo Lin on 19 August 2025 · 💬 23 comments*", "Jo Lin", ""),
    ("**By Jo Lin** | 28 February 2026 | 8 min read | 💬 64", "Jo Lin", ""),
    ("**Written by Jo Lin** | Flicker & Grain | 2 March 2025 | 6 min read", "Jo Lin", "Flicker & Grain"),
    ("**Jo Lin** · Marquee Weekly · Published 9 May 2025, 10:30 am", "Jo Lin", "Marquee Weekly"),
    ("Posted by Jo Lin on October 19, 2025 in HORROR, RANTS, REVIEWS", "Jo Lin", ""),
    # the post's categories after a dash or under a label; a date with no separator
    ("*Posted by Jo Lin* *· 22 March 2025* *· Filed under: Comedy, Dramas, Disappointments*", "Jo Lin", ""),
    ("*by Jo Lin* *– 8 December 2024* *– HK action, new releases, wire-fu*", "Jo Lin", ""),
    ("By Jo Lin-Baptiste 14 October 2024", "Jo Lin-Baptiste", ""),
    ("Reviews by Jo Lin", "Jo Lin", ""),
    # a compiler with the day of the date; a podcast's host after the date; the name between
    # the date and the categories
    ("Compiled by Jo Lin Friday 9 May 2025", "Jo Lin", ""),
    ("Published 9 May 2025 Hosted by Jo Lin, with Dev Holt", "Jo Lin", ""),
    ("*24 September 2025* · *Jo Lin* · *Filed under: Chess on Screen, Reviews*", "Jo Lin", ""),
    # read by what is left once the lead, the date, the role, the reading time and the
    # comment count are taken away, in any order
    ("by Jo Lin August 9, 2025 27 Comments", "Jo Lin", ""),
    ("Jo Lin, Musicals Editor · 19 September 2025 · 6 min read", "Jo Lin", ""),
    ("Answers by Jo Lin Published 18 September 2025, 06:00", "Jo Lin", ""),
    ("Filed by Jo Lin 6 July 2025", "Jo Lin", ""),
    ("Diary entry by Jo Lin", "Jo Lin", ""),
    ("Notes by Jo Lin, programme secretary · 7 November 2025", "Jo Lin", ""),
    ("Words by Jo Lin · 24 October 2025 · Filed in: Off the Bike, Reviews", "Jo Lin", ""),
    ("Words: Jo Lin 8 November 2024 1.4k shares", "Jo Lin", ""),
    ("with Jo Lin", "Jo Lin", ""),  # a column's host under its title
    ("Thread starter jolin_77 · Start date 19 Oct 2025", "jolin_77", ""),  # a forum's user
    # a student paper's: a role of four words and more, the class year; the name in bold
    ("By Jo Lin, Campus Life Staff Writer, Class of '26", "Jo Lin", ""),
    ("**By Jo Lin**, senior features staff writer | history major, class of 2026", "Jo Lin", ""),
])
def test_a_byline_gives_the_critic_and_the_outlet(line, author, outlet):
    text = f"{line}\nThe film is a quiet triumph of acting and mood."
    cleaned = clean(text)
    assert (cleaned.author, cleaned.outlet) == (author, outlet)
    assert _kinds(text, cleaned) == {line: METADATA}


def test_a_site_account_is_no_critic():
    cleaned = clean("Posted by admin\nThe film is a quiet triumph of acting and mood.")
    assert cleaned.author == "" and [s.kind for s in cleaned.set_aside] == [BOILERPLATE]


@pytest.mark.parametrize("name", ["Peter Bradshaw", "Caoimhe Ní Fhlannagáin", "Seán Ó Dubhda"])
@pytest.mark.parametrize("date", ["Thu 17 Apr 2025 10.00 BST", "April 17, 2025", "17 April 2025", "2025-04-17",
                                  "Mar 6"])
def test_a_name_above_the_date_is_the_critic(date, name):
    text = f"Sinners review – a blood-pumping marvel\n\n{name}\n{date}\n\nThe film is a quiet triumph."
    cleaned = clean(text)
    assert cleaned.author == name
    assert _kinds(text, cleaned)[name] == METADATA


@pytest.mark.parametrize("line", [
    "*March 11, 2026 · by Mara Quill*",
    "*11 March 2026* *by Mara Quill*",  # no separator between the date and "by"
    "Hosted by Dev Holt · Film critic: Mara Quill",
])
def test_more_bylines_name_the_critic(line):
    text = f"# The Lantern\n\n{line}\n\nThe film is a quiet triumph of acting and mood."
    cleaned = clean(text)
    assert cleaned.author == "Mara Quill" and _kinds(text, cleaned)[line] == METADATA


@pytest.mark.parametrize("below", [
    "★★★★\nMara Quill\nThu 14 Nov 2024 18.00 GMT",  # the rating, then the critic's name over the date
    "By Mara Quill, Film Critic",
    "19 June 2025",  # a web page's date, its byline in the page's data
    "Reviewed at the Harbour Film Festival (Competition), Oct. 11, 2024.\nBy Mara Quill",
    "Mara Quill, Film Editor · 19 September 2025 · 6 min read",  # a byline read by its parts
])
def test_the_summary_between_the_headline_and_the_byline_is_no_sentence_of_the_review(below):
    standfirst = "Nell Varga gives the performance of her life in a patient, quietly devastating lighthouse drama"
    text = (f"The Lantern review – a keeper and her storm\n{standfirst}\n{below}\n\n"
            "The film is slow, and the sea has never looked better.")
    cleaned = clean(text)
    assert _kinds(text, cleaned)[standfirst] == HEADING
    assert "The film is slow, and the sea has never looked better." not in _kinds(text, cleaned)


def test_the_first_paragraph_under_a_headline_stays_prose():
    first = "Nell Varga gives the performance of her life in a patient, quietly devastating lighthouse drama."
    text = f"The Lantern review – a keeper and her storm\n{first}\n\nThe sea has never looked better.\n\nBy Mara Quill"
    assert first not in _kinds(text, clean(text))


def test_a_standfirst_that_ends_with_its_critics_name_names_the_critic():
    standfirst = "A rookie lawyer and a television star make a tiresome double act, writes Mara Quill"
    text = f"Objection: a mistrial\n{standfirst}\n\nThe film is a quiet triumph of acting and mood."
    cleaned = clean(text)
    assert cleaned.author == "Mara Quill" and standfirst not in _kinds(text, cleaned)


@pytest.mark.parametrize("footer", ["© 2026 Mara Quill", "Copyright 1997 All Rights Reserved Mara Quill"])
def test_a_blogs_copyright_in_its_critics_name_is_no_outlet(footer):
    text = "By Mara Quill\n\nThe film is a quiet triumph of acting and mood.\n\n" + footer
    assert clean(text).outlet == ""


PROSE_LINES = "A line of prose, not a heading.\n" * 6


@pytest.mark.parametrize("text", [
    "Peter Bradshaw\nThe film is a quiet triumph.",  # no date below the name
    PROSE_LINES + "Peter Bradshaw\nApril 17, 2025",  # not where a byline stands
])
def test_a_name_alone_is_no_byline(text):
    assert clean(text).author == ""


@pytest.mark.parametrize("first_line, title", [
    ("Sinners review – Ryan Coogler's vampire blues is a blood-pumping marvel", "Sinners review – Ryan Coogler's vampire blues is a blood-pumping marvel"),
    ("# Sinners (2025) – Review", "Sinners (2025) – Review"),
    ("**A toothless genre mash-up**", "A toothless genre mash-up"),
    ("SINNERS", ""),  # the film's own title is no headline
    ("United States, 1996 Running Length: 1:27 MPAA Classification: R", ""),  # film details
    ("The film is a quiet triumph of acting and mood.", ""),  # prose
    ("Featuring the voices of Tom Hanks, Tim Allen, Don Rickles, Wallace", ""),  # credits
])
def test_a_heading_on_the_first_line_is_the_reviews_headline(first_line, title):
    cleaned = clean(f"{first_line}\n\nThe film is a quiet triumph of acting and mood.\nI loved it.", ("Sinners",))
    assert cleaned.title == title


def test_a_byline_beside_the_rating_is_no_opinion():
    text = "Review by cinephile_dan  ★★★½\nThe film is a quiet triumph of acting and mood."
    cleaned = clean(text)
    assert cleaned.author == "cinephile_dan" and cleaned.rating.rating.score == 70
    assert _kinds(text, cleaned) == {"Review by cinephile_dan": METADATA, "★★★½": RATING}
    assert cleaned.line_sentences[(0, 29)] == []


def test_credits_printed_without_colons_are_film_details():
    text = (
        "SINNERS\n"
        "Directed by Ryan Coogler\n"
        "Starring Michael B. Jordan, Hailee Steinfeld and Delroy Lindo\n"
        "Rated R. 137 minutes.\n"
        "The film is a quiet triumph of acting and mood.\n"
        '"Sinners" is rated R for strong violence, sexual content and language.\n'
        "Susan Reyes is the film critic for the Morning Star. Follow her on Twitter @sreyes."
    )
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    for line in ("Directed by Ryan Coogler", "Starring Michael B. Jordan, Hailee Steinfeld and Delroy Lindo",
                 "Rated R. 137 minutes.", '"Sinners" is rated R for strong violence, sexual content and language.'):
        assert kinds[line] == METADATA
    assert cleaned.people.by_role["director"] == {"Ryan Coogler"}
    assert cleaned.people.by_role["cast"] == {"Michael B. Jordan", "Hailee Steinfeld", "Delroy Lindo"}
    # the critic's note about herself: no opinion of the film, and no outlet "Twitter"
    assert kinds["Susan Reyes is the film critic for the Morning Star. Follow her on Twitter @sreyes."] == BOILERPLATE
    assert cleaned.outlet == "The Morning Star"


@pytest.mark.parametrize("line", [
    "THE LANTERN (12A) 98 mins. Director: Mara Olsen. Writer: Tom Bell. Starring: Nell Varga, Ana Ruiz. In cinemas "
    "from Friday.",
    # a newspaper's, with no label's colon
    "Directed by Mara Olsen. With Nell Varga, Ana Ruiz. UK, 98 minutes. Cert 12A.",
    "Dir. Mara Olsen. With Nell Varga, Ana Ruiz. 98 mins. Cert 12A.",
])
def test_a_details_line_of_labelled_sentences_is_film_details(line):
    text = "A patient drama, beautifully acted.\n\n" + line
    cleaned = clean(text)
    assert _kinds(text, cleaned)[line] == METADATA
    assert cleaned.people.by_role["director"] == {"Mara Olsen"}
    assert cleaned.people.by_role["cast"] == {"Nell Varga", "Ana Ruiz"}


@pytest.mark.parametrize("text", [
    "Directed by Coogler, the film soars.",
    "Starring in two roles, Jordan is terrific.",
    "Keanu Reeves is a critic of the system in this film, and it works.",
    "Jack O'Connell is a journalist in the film.",
    "Jerry is a prolific writer for various television series.",
    "He is an investigative columnist for a big New York City newspaper.",
    # the certificate after a sentence of the critic's own: the line stays prose
    "THE CASTLE runs a fast 1:22. It is rated R for sex and would be fine for teenagers.",
    # two labels among the critic's sentences: prose, not a details line
    "The credits say it all. Director: a man who hates actors. Writer: his nephew. It shows in every scene, "
    "and the cast visibly wants to go home.",
])
def test_prose_that_opens_like_a_credit_or_a_note_is_kept(text):
    assert clean(text).set_aside == []


def test_a_news_site_footer_is_page_furniture():
    text = "The film is a quiet triumph of acting and mood.\nExplore more on these topics\nReuse this content"
    assert set(_kinds(text, clean(text)).values()) == {BOILERPLATE}


@pytest.mark.parametrize("heading, synopsis", [
    ("Plot", True),
    ("## The Story", True),
    ("Plot and Actor, Director, and Crew Details", True),
    ("What's it about?", True),
    ("Past Lives review – a quietly devastating love story", False),
    ("Why the story fails", False),
    ("Summary", False),  # as often the verdict as the plot
])
def test_only_a_heading_that_names_the_plot_opens_a_synopsis(heading, synopsis):
    text = f"Past Lives review\n\n{heading}\n\nNora and Hae Sung were childhood sweethearts in Seoul.\n\nThe acting is superb."
    retold = {text[s.start:s.end] for s in clean(text).plot_sections}
    assert ("Nora and Hae Sung were childhood sweethearts in Seoul." in retold) == synopsis


@pytest.mark.parametrize("first_line, synopsis", [
    ("Story of a lifetime: Past Lives is a quiet triumph", False),  # a headline
    ("The Plot", True),                                           # a review pasted from its first section
])
def test_on_the_first_line_only_a_bare_section_name_opens_a_synopsis(first_line, synopsis):
    text = f"{first_line}\n\nNora and Hae Sung were childhood sweethearts in Seoul.\n\nSee it."
    assert bool(clean(text).plot_sections) == synopsis


@pytest.mark.parametrize("label", ["Director-screenwriter", "Writer/director", "Director/writer", "Writer-director"])
def test_a_combined_directing_credit_names_the_director(label):
    text = f"The film is a quiet triumph of acting and mood.\n\nCast: Cillian Murphy, Emily Blunt\n{label}: Christopher Nolan"
    cleaned = clean(text)
    assert _kinds(text, cleaned)[f"{label}: Christopher Nolan"] == METADATA
    assert cleaned.people.by_role["director"] == {"Christopher Nolan"}


def test_a_line_in_lower_case_without_a_stop_is_a_sentence_not_a_heading():
    text = "★★★★½\n\nmargot robbie is perfect.\n\nthe middle drags a bit and the execs stuff is kinda cringe ngl\n\n10/10"
    line = "the middle drags a bit and the execs stuff is kinda cringe ngl"
    assert line not in _kinds(text, clean(text))
    # a heading still opens with a capital
    text = "Great acting.\n\nThe Verdict\n\nSee it."
    assert _kinds(text, clean(text))["The Verdict"] == HEADING


def test_a_markdown_heading_is_a_heading_whatever_it_ends_with():
    text = "# The Marvels (2023)\n\n**Verdict: 2 out of 5**\n\nIman Vellani is a delight."
    cleaned = clean(text)
    assert _kinds(text, cleaned)["# The Marvels (2023)"] == HEADING
    assert cleaned.title == "The Marvels (2023)"


@pytest.mark.parametrize("line, reason", [
    ("Comments are closed on this article.", "Readers' comments"),
    ('4 thoughts on "THE LANTERN - a review"', "Readers' comments"),
    ("Jo B. says: I loved the lighthouse scene, but the ending dragged.", "Readers' comments"),
    ("The Lantern opens in cinemas across Wales on Friday 3 May.", "Where and when the film is showing"),
    ("The Lantern (15) screens at the Harbour Cinema until Sunday.", "Where and when the film is showing"),
    ("Get The Weekly Reel in your inbox every Friday. Sign up.", "Newsletter or follow-us line"),
    ("This site is funded entirely by readers: please consider a monthly donation.", "Newsletter or follow-us line"),
    # markdown's bold splitting the prompt's words
    ("**Sign up** for The Harbour Weekend: our best reviews every Saturday.", "Newsletter or follow-us line"),
    ("Sign up to Harbour Pass, our weekly film newsletter. Free, every Friday.", "Newsletter or follow-us line"),
    ("Our ratings: ★★★★★ Outstanding · ★★★★ Excellent · ★★★ Good · ★★ Poor", "The site's key to its ratings"),
    ("The Harbour rates films out of four stars.", "The site's key to its ratings"),
    ("Our star ratings: ★★★★★ Unmissable ★★★★ Very good ★★★ Worth a look", "The site's key to its ratings"),
    ("Sam Iles is a sophomore studying film and can be reached at sam@example.edu.", "About the critic"),
    # a still's caption
    ("Ana Ruiz, left, and Tom Bell in a scene from “The Lantern.”", "Image credit, caption"),
    ("Tom Bell in a scene from The Lantern.", "Image credit, caption"),
    ("This post is for paid subscribers. Keep reading with a 7-day free trial: subscribe to read the rest.",
     "The newsletter's paywall"),
    ('3. The Lanterns – "Harbour Song"', "A track of the show's playlist"),
    ("The Daily is supported by Harbour Bank · Hotel Quay · Lantern Water", "The page's sponsors"),
    ("Violence: very mild peril (a boat rocks, a gull is briefly trapped in a net).", "A parents' guide's note"),
    # a catalogue's record, its buttons, search form and pager
    ("Subjects:      Ferries -- Drama. | Rivers -- Drama. | Feature films.", "A field of a catalogue"),
    ("[ Place hold ]   [ Add to list ]   [ Share ]", "The site's menu"),
    ("[Place hold] · [Add to list] · [Print] · [Cite this]", "The site's menu"),
    ("Search: [ keyword ▾ ] [ hollow creek ] [Search]   Advanced search", "The site's menu"),
    ("< Back to results (3)   Record 1 of 3   Next >", "The site's menu"),
    ("[image not archived]", "The site's menu"),
    ("**Tags added by borrowers:** romance · costume drama · slow burn", "The post's tags"),
    # others' votes and averages anywhere on their line
    ("Members' vote: 8.4 out of 10. Next film night: 14 June.", "Readers' votes"),
    ("**What did you think? Readers' rating: 4.6/5 (88 votes)** [Rate this film]", "Readers' votes"),
    ("4.4/5 from 312 fans", "Readers' votes"),
    ("Viewers rate it  4.7 ★  (318 ratings)", "Readers' votes"),
    # a parents' guide's meters and what parents say
    ("- Scary scenes ●●●○○ A long storm at sea and a ship breaking on rocks.", "Content notes"),
    ("Parents say: age 6+, ★★★★½ based on 88 reviews", "Content notes"),
    # a table's row, a disclaimer, keys to a scale in numbers
    ("| Ferries ran twice a day in 1917 | TRUE |", "A table's row"),
    ("Reviews in Harbour Notes reflect the personal views of the author.", "The publication's disclaimer"),
    ("*Harbour ratings: 1 otter – give it a miss; 3 otters – worth a look; 5 otters – drop everything.*",
     "The site's key to its ratings"),
    ("Scale used for all evaluations: 1 Weak; 2 Adequate; 3 Good; 4 Strong; 5 Outstanding.",
     "The site's key to its ratings"),
    # a browser's print footer
    ("about:reader?url=https%3A%2F%2Fharbour.example%2Fhollow-creek                     1/2",
     "The browser's print header"),
    # what a newsletter's box promises, a call for contributors, a vote on the review
    ("Liked this? The Harbour Letter goes out free and lands in 4,000 inboxes each week.",
     "Newsletter or follow-us line"),
    ("> Sent to 2,150 subscribers this week.", "Newsletter or follow-us line"),
    ("**The Harbour Weekly**: the editors' picks every Friday.", "Newsletter or follow-us line"),
    ("Where to eat, walk and watch on the coast: the best things to do, every Thursday.",
     "Newsletter or follow-us line"),
    ("**Want to write for Arts?** Drop in on Monday evenings, or email arts@harbourpress.example.",
     "The publisher's notes"),
    ("**Think we got it wrong?** Replies are welcome: pitch yours to film@harbour.example.", "The publisher's notes"),
    ("Was this review helpful?   Yes (8)   No (1)", "Sharing or navigation link"),
    ("Spoiler level: low (only what the poster tells you)", "A note about the page"),
    ("Jo Lin is the Herald's senior film critic.", "About the critic"),
    ("Bring a friend to Screen Notes and you both earn rewards.", "Newsletter or follow-us line"),
    ("You have 3 referrals so far: two more and the mug is yours.", "Newsletter or follow-us line"),
    ("Your support keeps our film coverage free to read. Please give what you can.", "Newsletter or follow-us line"),
    ("Our team independently reviews the products we recommend.", "Advertising unrelated to the film"),
    ("**Want to write for A&E?** Come to the Monday meeting in the media room.", "The publisher's notes"),
    ("Send us your feedback", "Newsletter or follow-us line"),
    ("Harbour Weekly: the week's new films and a classic to catch up on.", "Newsletter or follow-us line"),
    ("You might also like: Ten storms that stole the show", "Sharing or navigation link"),
    ("Also in Culture: Our guide to the autumn festivals", "Sharing or navigation link"),
    ("Don't miss: A night at the last drive-in", "Sharing or navigation link"),
    ("A lighthouse drama that looks lovely and says little, says our reviewer", "A note about the page"),
    # a key in numbers with dashes, on one line
    ("The Harbour scale: 10 — unmissable. 8–9 — see it this week. 5–7 — wait for streaming. 1–4 — skip it.",
     "Key to the critic's rating scale"),
    ("How we score: 0–39% stay home · 40–59% a rainy afternoon · 60–79% a good night out · 80–100% go tonight",
     "Key to the critic's rating scale"),
    ("A — see it now. B — worth a ticket. C — wait for streaming. D — skip it.", "Key to the critic's rating scale"),
])
def test_furniture_of_real_pages_is_set_aside(line, reason):
    text = "A warm, funny and generous film.\n\n" + line + "\n\nI loved every minute of it."
    aside = [a for a in clean(text).set_aside if text[a.start:a.end].strip() == line]
    assert aside and aside[0].reason.startswith(reason)


@pytest.mark.parametrize("heading", ["More on this story", "More film reviews", "PATRONS ALSO BORROWED",
                                     "**Related questions**", "ON THESE LISTS", "### Most read this week",
                                     "Popular on The Harbour"])
def test_links_under_a_related_heading_are_set_aside_up_to_the_next_paragraph(heading):
    text = (f"A warm, funny and generous film.\n\n{heading}\nThe Lantern's director on growing up by the sea\n"
            "Five lighthouses to visit this summer\n\nI loved every minute of it, and so will you, because it is "
            "warm, funny, beautifully acted and full of surprises from start to finish.")
    aside = {text[a.start:a.end] for a in clean(text).set_aside}
    assert {heading, "Five lighthouses to visit this summer"} <= aside
    assert any(a.reason == "Link to another article" and text[a.start:a.end] == "Five lighthouses to visit this summer"
               for a in clean(text).set_aside)
    assert not any(s.startswith("I loved") for s in aside)


@pytest.mark.parametrize("line", [
    'He says: "I want to be president," and means it.',            # a character speaks
    "The film opens in a crowded movie theater in 1946.",          # the first scene, not a listing
    "You can sign up to the expedition only if you can swim.",      # plot, not a newsletter
    "I would give the dinosaurs a **** rating, no question.",       # one grade, no key
    "Ana, left alone at the station, takes the night train.",      # "left", not a caption's place
    "The bakers meet every Thursday, and the best things in the film happen there.",  # no newsletter's box
    "I wanted to write to the director at once; few films have moved me so.",  # no address to pitch to
])
def test_prose_that_looks_like_furniture_is_kept(line):
    assert not clean("A warm and funny film.\n\n" + line + "\n\nI loved it.").set_aside


@pytest.mark.parametrize("top, outlet", [
    ("The Harbour Herald\nNews  Sport  Culture  Puzzles\nCulture › Film\n", "The Harbour Herald"),
    ("Skip to main content\nTHE WEEKLY REEL\nFILM · TELEVISION · MUSIC\n", "The Weekly Reel"),
    ("Lanterns & Ladders\nSubscribe | Sign in\nReviews  Essays  Podcasts  About\n", "Lanterns & Ladders"),
    # a tagline between the name and the menu
    ("THE LONG TAKE\nIndependent film criticism since 2009\nReviews | Festivals | Essays | Podcast\n", "The Long Take"),
    ("Stalls and Circle\nStage reviews, backstage gossip and the odd film, from a critic who has queued "
     "at every box office\nHome · Reviews · Stage to Screen · About\n", "Stalls and Circle"),  # a long tagline
    # the first step of a breadcrumb
    ("The Harbour Herald › Arts & Culture › Film\n", "The Harbour Herald"),
    ("**Tri-Valley Courier** · Entertainment · Movies\n", "Tri-Valley Courier"),
])
def test_the_outlet_is_read_from_the_page_masthead(top, outlet):
    text = top + "\nThe Lantern review - a warm, funny surprise\n\nA warm, funny and generous film. I loved it."
    cleaned = clean(text)
    assert cleaned.outlet == outlet
    assert all(text[a.start:a.end].strip() not in ("A warm, funny and generous film. I loved it.",)
               for a in cleaned.set_aside)


def test_a_film_title_over_its_genres_is_no_masthead():
    text = "The Lantern\nDrama · Mystery · 104 minutes\n\nA warm, funny and generous film. I loved it."
    assert clean(text, ("The Lantern",)).outlet == ""


@pytest.mark.parametrize("top", [
    "Keanu Reeves · Ian McShane · Anjelica Huston\n",       # a cast line: no section among its steps
    "Festivals › Edinburgh 2024\n",                       # a section, not a site
])
def test_a_line_of_steps_that_is_no_breadcrumb_names_no_outlet(top):
    assert clean(top + "\nA warm, funny and generous film. I loved it.").outlet == ""


def test_a_day_named_in_a_sign_off_is_no_outlet():
    text = ("A warm, funny and generous film. I loved it.\n\n"
            "That is all for this week. Sign up free and the next issue lands in your inbox on Thursday.")
    assert clean(text).outlet == ""


@pytest.mark.parametrize("top, author", [
    ("The Harbour Herald\nNews  Sport  Culture  Puzzles\n\nThe Lantern review - a warm surprise\nMara Quill\n"
     "Thu 14 Nov 2024 18.00 GMT\n", "Mara Quill"),
    ("**Otto Brandt**\nOct 9, 2025\n", "Otto Brandt"),
    ("Mara Quill\nSpecial to the Herald\nPublished: September 26, 2025 at 6:00 AM\n", "Mara Quill"),
    ("Mara Quill, Arts & Entertainment Editor\n", "Mara Quill"),
    ("*Otto Brandt | Contributing Writer*\n", "Otto Brandt"),
    ("Posted 1 Aug 2024 Mara Quill-Ashby\n", "Mara Quill-Ashby"),
    ("MARCH 9, 2025 OTTO BRANDT 5 COMMENTS\n", "Otto Brandt"),
    ("Mara Quill · 14 September 2024 · 9 min read · #drama #reviews\n", "Mara Quill"),
    ("Posted 1 Aug 2024 Otto Brandt\n", "Otto Brandt"),
    ("Words: Mara Quill\n", "Mara Quill"),
    ("**By Otto Brandt** | *Herald Movie Critic*\n", "Otto Brandt"),
    ("Posted on **June 2, 2025** by **Mara Quill** in *Horror*, *Streaming* · 4 Comments\n", "Mara Quill"),
    ("Posted on September 28, 2025 by Otto Brandt 6 Comments\n", "Otto Brandt"),
    ("Posted 21/01/2025 by Otto Brandt\n", "Otto Brandt"),
    ("By [Mara Quill](/author/mara-quill) | Jan 17, 2025, 6:00 AM EST\n", "Mara Quill"),
    ("*Words by Otto Brandt · Harbour Monthly · 14 March 2025 · 6 min read*\n", "Otto Brandt"),
    ("By OTTO BRANDT\n", "Otto Brandt"),
    ("Mara Quill | The Harbour Herald\n", "Mara Quill"),
    ("lighthouse_fan_42 · 3 December 2024\n", "lighthouse_fan_42"),
    ("Hosted by Mara Quill with guest Otto Brandt\n", "Mara Quill"),
    ("**Reviews** | *Mara Quill* | September 19, 2025\n", "Mara Quill"),
    ("**By Otto Brandt** | Published August 29, 2025, 9:00 AM\n", "Otto Brandt"),
    ("**The Harbour Notes** · Film reviews by Mara Quill · 12 August 2025\n", "Mara Quill"),
    # the post's categories or tags after the name; a role and the date after it
    ("March 3, 2025 Posted by Otto Brandt Filed under: Reviews, Horror, Streaming\n", "Otto Brandt"),
    ("*Posted 2 April 2025* *by Mara* *Tags: family, animation*\n", "Mara"),
    ("**Otto Brandt**, Film Editor · 7 October 2025\n", "Otto Brandt"),
    # a question site's answer: the name over its credentials and the answer's date
    ("**Mara Quill**\nTaught film for 22 years · Lives in York\nAnswered 3 March 2025 · 41.8K views\n", "Mara Quill"),
    # a venue's forwarded post beside its date is no byline; the critic's name over its counters is
    ("Kino Atlantis Harbour 10.05.2025 12:00:00\nShowing from 22 May!\n\nBy Otto Brandt\n", "Otto Brandt"),
    # the time before the date on the line under the name; an episode's length after its host
    ("Mara Quill\nPublished: 9:15pm, 4 Feb 2026\n", "Mara Quill"),
    ("Hosted by Otto Brandt · 9 March 2025 · 2 hr 5 min\n", "Otto Brandt"),
])
def test_bylines_as_pages_print_them(top, author):
    text = top + "\nA warm, funny and generous film. I loved every minute of it."
    assert clean(text).author == author


@pytest.mark.parametrize("top", ["MARCH 9, 2025 FILM REVIEWS\n", "JUNE 2, 2023 MOVIE REVIEW\n"])
def test_a_section_after_a_date_is_no_byline(top):
    assert clean(top + "\nA warm, funny and generous film. I loved every minute of it.").author == ""


def test_a_single_word_outlet_is_kept():
    assert clean("By Jo Lin | Decider | June 2, 2023\nA warm, funny and generous film.").outlet == "Decider"


def test_a_sentence_naming_a_writer_is_no_byline():
    text = "The Lantern, writer-director Mara Quill's second film, is easily the best comedy of the year."
    assert clean(text).author == "" and not clean(text).set_aside


@pytest.mark.parametrize("entry, names", [
    ("Alfred Gough/Miles Millar", ["Alfred Gough", "Miles Millar"]),          # two writers
    ('Carol "Kansas" Richman', ["Carol Richman"]),                           # a nickname left out
    ('"Short Round"', ["Short Round"]),                                      # known by it alone
    ("Danny Aiello. Screenplay/Director: Luc Besson", ["Danny Aiello"]),      # two fields run together
    ("Russell S. Hughes", ["Russell S. Hughes"]),
    ("J.J. Abrams", ["J.J. Abrams"]),
    ("Jean-Luc Godard", ["Jean-Luc Godard"]),
    ("Ana de Armas", ["Ana de Armas"]),
    ("=20 Mary Healey", []),                                                 # mail-encoding debris
    ("1998-Ger/Fr.-1975", []),                                               # a production note
    ('from John Haase\'s novel "Me', []),                                     # a source, cut mid-title
    ('"The', []),
])
def test_credit_entries_give_plain_names(entry, names):
    assert person_names(entry) == names


def test_credit_lines_split_shared_credits():
    cleaned = clean("Written by: Alfred Gough/Miles Millar\nStarring: Ana de Armas, =20 Mary Healey\n\n"
                    "A thrilling, ferocious film from start to finish.")
    assert cleaned.people.by_role["writer"] == {"Alfred Gough", "Miles Millar"}
    assert cleaned.people.by_role["cast"] == {"Ana de Armas"}


def test_a_sites_sharing_buttons_and_legal_notices_are_furniture():
    text = (
        "By submitting your email, you agree to our Terms of Use and Privacy Notice.\n"
        "• Share to Flipboard\n"
        "• Show more sharing options\n"
        "• Print This Page\n"
        "The harbour scenes are quietly magnificent."
    )
    kinds = _kinds(text, clean(text))
    for line in text.splitlines()[:4]:
        assert kinds[line] == BOILERPLATE
    assert "The harbour scenes are quietly magnificent." not in kinds


def test_a_star_key_in_words_and_a_guides_ratings_note_judge_no_film():
    text = ("Four stars: essential. Three stars: worth a ticket. Two stars: patchy. One star: skip it.\n"
            "Ratings by Jo Marsh, film critic, unless noted.\n"
            "A patient drama that earns its ending.")
    kinds = _kinds(text, clean(text))
    assert kinds[text.splitlines()[0]] == BOILERPLATE
    assert kinds[text.splitlines()[1]] == BOILERPLATE
    assert text.splitlines()[2] not in kinds


@pytest.mark.parametrize("key", [
    "Courier ratings: 4 stars, superb; 3 stars, solid; 2 stars, patchy; 1 star, skip it.",
    "*Five stars means drop everything; one star means I sat through it so you can stay home.*",
    "(5 lanterns: cancel your plans. 3 lanterns: fine for a rainy evening.)",
    # the site's own glyph, one to five of it with its word
    "*Our scale: ⛵ sunk · ⛵⛵ adrift · ⛵⛵⛵ afloat · ⛵⛵⛵⛵ sailing · ⛵⛵⛵⛵⛵ flagship*",
])
def test_a_star_key_in_sentences_judges_no_film(key):
    text = f"A patient drama that earns its ending.\n\n{key}"
    assert _kinds(text, clean(text)).get(key) == BOILERPLATE


def test_two_things_counted_with_a_colon_are_no_key():
    line = "Two friends: one loud, one quiet. Three sisters: all of them liars, and all superb."
    assert line not in _kinds(line, clean(line))


def test_a_rating_standing_as_a_sentence_inside_a_paragraph_is_the_rating_not_prose():
    text = ("HARBOUR LIGHTS. 3 stars. A lighthouse keeper shelters her brother in a drama that takes its "
            "time and earns its storm. Handsome and patient, if a little thin in the middle. 1 hr. 52 R")
    cleaned = clean(text)
    assert cleaned.rating.rating.score == 60
    assert _kinds(text, cleaned)["3 stars."] == RATING
    sentences = [text[s.start:s.end] for s in cleaned.line_sentences[(0, len(text))]]
    assert "1 hr. 52 R" in sentences  # "hr." cuts no sentence


def test_stars_after_the_films_name_on_the_first_line_are_its_rating_and_the_name_its_title():
    text = "Harbour Lights ***½\n\nA patient drama that earns its storm."
    cleaned = clean(text, ("Harbour Lights",))
    assert cleaned.rating.rating.raw == "***½"
    assert cleaned.title == "Harbour Lights"
    assert _kinds(text, cleaned)["Harbour Lights"] == HEADING


@pytest.mark.parametrize("top", [
    "", "Sign up for our newsletter\n",
    # a line longer than a furniture line, each of its sentences furniture
    "Signing up with your email address means you accept our Terms of Use and our Privacy Policy in full. The "
    "form is guarded by reCAPTCHA, and Google's own privacy policy and terms apply to it too.\n",
])
def test_a_name_alone_under_the_headline_is_the_byline(top):
    text = top + "Harbour Lights review: a storm worth the wait\nTomas Ferreira\n\nThe film is a patient drama."
    cleaned = clean(text, ("Harbour Lights",))
    assert cleaned.title == "Harbour Lights review: a storm worth the wait"
    assert cleaned.author == "Tomas Ferreira"


def test_the_films_name_under_the_headline_is_no_byline():
    text = "A storm worth the wait\nHarbour Lights\n\nThe film is a patient drama."
    assert clean(text, ("Harbour Lights",)).author == ""


def test_details_run_into_the_first_sentence_keep_the_sentence():
    text = ("Rating: R Stars: Nadia Oyelaran, Piet Vermeulen Director: Nadia Oyelaran Release Date: March 3, 2025 "
            "HARBOUR LIGHTS is a drama that keeps promising a storm, and it delivers.")
    cleaned = clean(text)
    details = text[:text.index("HARBOUR")].rstrip()
    assert _kinds(text, cleaned)[details] == METADATA
    assert cleaned.people.by_role["cast"] == {"Nadia Oyelaran", "Piet Vermeulen"}
    assert cleaned.metadata["certificate"] == "R"
    sentences = [text[s.start:s.end] for s in cleaned.line_sentences[(0, len(text))]]
    assert sentences == ["HARBOUR LIGHTS is a drama that keeps promising a storm, and it delivers."]


def test_a_verdict_label_inside_a_line_of_details_starts_the_review():
    text = ("Certificate: 12A Running time: 112 minutes Starring: Nadia Oyelaran, Piet Vermeulen Directed by: "
            "Nadia Oyelaran The story: A keeper takes in her brother. The verdict: I cannot remember a slow film "
            "that held me this tightly.")
    cleaned = clean(text)
    assert cleaned.metadata["director"] == "Nadia Oyelaran"
    sentences = [text[s.start:s.end] for s in cleaned.line_sentences[(0, len(text))]]
    assert sentences == ["I cannot remember a slow film that held me this tightly."]


def test_a_short_details_line_with_stars_before_the_number_is_the_rating():
    cleaned = clean("Cert 12A Stars 4\n\nA patient drama, beautifully shot.")
    assert cleaned.rating.rating.score == 80


@pytest.mark.parametrize("line", ["Directed by Jo Lin 6 July 2025", "Music by Jo Lin · 2025", "Photograph by Jo Lin, 2025",
                                  "Broadcast Fri 24 Oct 2025, 10.15am", "With Tom Hale"])
def test_a_crew_credit_with_a_date_is_no_byline(line):
    assert clean(f"{line}\n\nA patient drama, beautifully shot and well worth seeing.").author == ""


def test_a_byline_box_at_the_foot_names_the_critic():
    text = ("Hollow Creek is a patient drama, beautifully shot and well worth seeing.\n\nREVIEWED BY\nJo Lin\n"
            "Chief film critic\nJo Lin has reviewed films for The Courier since 2011. She lives in Leeds.")
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert cleaned.author == "Jo Lin"
    assert kinds["REVIEWED BY"] == kinds["Jo Lin"] == METADATA
    assert kinds["Jo Lin has reviewed films for The Courier since 2011. She lives in Leeds."] == BOILERPLATE


def test_a_shows_headline_names_its_critic():
    text = "Friday Reels: Jo Lin on Hollow Creek\n\nBroadcast Fri 24 Oct 2025, 10.15am\n\nA patient drama, well worth seeing."
    assert clean(text, ("Hollow Creek",)).author == "Jo Lin"


@pytest.mark.parametrize("first, outlet", [
    ("**THE MUSETTE** · road racing, coffee and complaining · [Home](#) · [Races](#) · [Kit](#)", "The Musette"),
    ("WESTWAY FM 104.6\nListen Live   Schedule   Podcasts   News", "Westway FM"),
])
def test_the_sites_name_beside_its_menu_or_frequency_is_the_outlet(first, outlet):
    assert clean(f"{first}\n\nHollow Creek is a patient drama, beautifully shot and well worth seeing.").outlet == outlet


def test_a_shows_introduction_names_its_critic_and_a_headline_its_newsletter():
    text = ("CARRICK SOUND 102.4\nListen Live   Schedule   News   Competitions\n\nFriday Film Review: Hollow Creek\n\n"
            "Every Friday our film critic Jo Lin joins Kez on the breakfast show to review the week's big release.\n\n"
            "A patient drama, beautifully shot and well worth seeing.")
    cleaned = clean(text)
    assert (cleaned.author, cleaned.outlet) == ("Jo Lin", "Carrick Sound")
    text = "# Night Shift #41: Lemons and a lot of waiting around\n\nHollow Creek is a patient drama, well worth seeing."
    assert clean(text).outlet == "Night Shift"
    text = "# Issue #41: Lemons and a lot of waiting around\n\nHollow Creek is a patient drama, well worth seeing."
    assert clean(text).outlet == ""


def test_a_critics_note_after_about_and_a_first_name_names_the_critic():
    text = ("Hollow Creek is a patient drama, beautifully shot and well worth seeing.\n\n"
            "About Jo: Jo Lin is a copywriter in Leeds who has reviewed romantic comedies here since 2019.")
    assert clean(text).author == "Jo Lin"


def test_a_critics_note_names_the_newsletter():
    text = ("Hollow Creek is a patient drama, beautifully shot and well worth seeing.\n\n"
            "*Jo Lin writes Two-Shot, a newsletter about actors and acting.*")
    assert clean(text).outlet == "Two-Shot"


@pytest.mark.parametrize("line", [
    "*Correction, 30 October: an earlier version of this piece gave the wrong year for the band's second album.*",
    "Get What's On delivered to your inbox every Thursday.",
    "Have your say: write to the Letters Page, or comment below.",
    "97 minutes, cert 15.",
])
def test_publishers_notes_and_prompts_are_furniture(line):
    text = f"Hollow Creek is a patient drama, beautifully shot and well worth seeing.\n\n{line}"
    assert _kinds(text, clean(text))[line] == BOILERPLATE


def test_a_forums_replies_are_readers_comments():
    text = ("Hollow Creek is a patient drama, beautifully shot and well worth seeing, and I loved it.\n\n"
            "The river is the star, and the cast mostly stand on its banks looking worried about the rain.\n\n"
            "dovetail_stu · 19 Oct 2025, 11:03pm · #2\nHard disagree. Best thing I have seen this year.")
    assert _kinds(text, clean(text))["Hard disagree. Best thing I have seen this year."] == BOILERPLATE


def test_a_newsletters_masthead_ends_at_its_byline():
    text = ("# Night Shift Pictures\n\n*Issue #12 · A weekly letter about films worth leaving the house for*\n\n"
            "Jo Lin · Aug 10, 2025\n\n[Subscribe now](#) · [Upgrade to paid](#)\n\n**In this issue**\n\n"
            "Hollow Creek is a patient drama, and a beautifully shot one.")
    cleaned = clean(text)
    assert (cleaned.author, cleaned.outlet) == ("Jo Lin", "Night Shift Pictures")


def test_a_byline_under_a_newsletters_name_over_its_menu_is_the_critics():
    text = ("The Lamp Room Letter\nby Jo Lin\nSubscribe  ·  Past issues  ·  Contact\n\n"
            "Hollow Creek is a patient drama, and a beautifully shot one.")
    cleaned = clean(text)
    assert (cleaned.author, cleaned.outlet) == ("Jo Lin", "The Lamp Room Letter")


def test_a_diarys_date_beside_its_stars_is_no_prose():
    text = "Hollow Creek 2025\n\nWatched 2 Oct 2025 ★★½\n\nA patient drama, beautifully shot and well worth seeing."
    cleaned = clean(text)
    assert cleaned.rating.rating.raw == "★★½"
    assert all(not (s.start <= text.index("Watched") < s.end) for spans in cleaned.line_sentences.values() for s in spans)


def test_a_newsletters_contents_are_no_prose():
    text = ("**In this issue**\n1. Hollow Creek, or: how I learned to love a slow ferry film\n"
            "2. On the small screen: three things I watched this week\n3. The mailbag\n\n"
            "Hollow Creek is a patient drama, beautifully shot and well worth seeing.")
    kinds = _kinds(text, clean(text))
    assert kinds["1. Hollow Creek, or: how I learned to love a slow ferry film"] == BOILERPLATE
    assert kinds["2. On the small screen: three things I watched this week"] == BOILERPLATE


@pytest.mark.parametrize("line", ["Original title: Olho Azul. In Portuguese with English subtitles. 15, 109 mins",
                                  "In Portuguese and French with English subtitles.", "15, 109 mins"])
def test_the_films_languages_and_running_time_are_film_details(line):
    text = f"{line}\n\nA patient drama, beautifully shot and well worth seeing."
    assert _kinds(text, clean(text))[line] == METADATA


def test_a_headline_ending_with_the_films_own_exclamation_mark_is_a_heading():
    text = "THE QUICK TAKE: Hollow Creek!\n\nA patient drama, beautifully shot and well worth seeing."
    cleaned = clean(text, ("Hollow Creek!",))
    assert _kinds(text, cleaned)["THE QUICK TAKE: Hollow Creek!"] == HEADING


def test_a_title_with_its_certificate_is_a_heading():
    text = "Harbour Lights (12A)\nDirected by Nadia Oyelaran\n\nA patient drama, beautifully shot."
    cleaned = clean(text)
    assert cleaned.title == "Harbour Lights (12A)"


def test_a_headline_ending_with_the_films_name_in_quotes_is_the_title():
    text = "Film Review: 'Harbour Lights'\nBy Mara Quill\n\nA patient drama, beautifully acted."
    assert clean(text).title == "Film Review: 'Harbour Lights'"


def test_a_sections_name_is_no_title_and_the_films_name_is_no_byline():
    # A film site's header: section, film, critic, date.
    text = "Reviews\nHarbour Lights\nMara Quill\nMarch 06, 2025\n\nA film as quiet as a held breath."
    cleaned = clean(text, ("Harbour Lights",))
    assert cleaned.title == ""
    assert cleaned.author == "Mara Quill"


def test_a_newspapers_print_edition_links_are_furniture():
    text = "The ending is devastating.\nOrder Reprints | Today's Paper | Subscribe"
    assert _kinds(text, clean(text))["Order Reprints | Today's Paper | Subscribe"] == BOILERPLATE


@pytest.mark.parametrize("line, aside", [
    ("Harbour Lights is in UK cinemas from 7 March.", True),
    ("Rated M. In cinemas now.", True),
    ("Now streaming on Netflix.", True),
    ("Harbour Lights is out now on digital.", True),
    ("The film is in cinemas now and worth every penny of your ticket.", False),
    ("Go and see it in cinemas, you will not regret it.", False),
    ("It belongs in cinemas.", False),
])
def test_a_release_line_is_furniture_and_a_verdict_that_names_cinemas_is_not(line, aside):
    text = "A patient drama, beautifully acted.\n" + line
    assert (line in _kinds(text, clean(text))) == aside


@pytest.mark.parametrize("line", [
    "Spoiler warning: this review discusses the ending.",
    "Editor's note: this review was first published during the festival.",
    "Watch the trailer below:",
    "If you buy something through links on our site, we may earn a commission.",
    "(Photo: Grey Gull)",
    "Comments are subject to our community guidelines, which can be viewed here.",
])
def test_notes_about_the_page_are_furniture(line):
    text = "A patient drama, beautifully acted.\n" + line
    assert _kinds(text, clean(text))[line] == BOILERPLATE


def test_a_verdict_that_mentions_the_trailer_is_prose():
    text = "Watch the trailer, then go and see it: it is a marvel."
    assert not clean(text).set_aside


@pytest.mark.parametrize("end, author", [("— Mara Quill", "Mara Quill"), ("-- Mara Quill", "Mara Quill"),
                                         ("- Strong Cast", "")])
def test_a_dash_and_a_name_on_the_last_line_sign_the_review(end, author):
    text = "Harbour Lights review\n\nA patient drama, beautifully acted.\n\n" + end
    assert clean(text).author == author


def test_a_name_in_capitals_over_the_date_is_the_byline():
    text = "Harbour Lights review: a storm worth the wait\nMARA QUILL\nMarch 6, 2025\n\nA patient drama."
    assert clean(text).author == "Mara Quill"


@pytest.mark.parametrize("note, field, name", [
    # a newsletter's note about itself, and a note about the critic
    ("*Harbour Notes is a reader-supported newsletter about film by Mara Quill.*", "outlet", "Harbour Notes"),
    ("Thanks for reading Harbour Notes! Subscribe for free to receive new posts.", "outlet", "Harbour Notes"),
    ("About me: I'm Mara Quill, a retired librarian who watches every adaptation twice.", "author", "Mara Quill"),
    ("*About the author: Mara Quill is a critic in Leeds.*", "author", "Mara Quill"),
    ("*I'm Mara Quill, a teacher and a parent of two, and I write about films for families here.*",
     "author", "Mara Quill"),
])
def test_a_note_at_the_foot_of_the_page_names_the_outlet_or_the_critic(note, field, name):
    text = "# The Lantern\n\nThe film is a quiet triumph of acting and mood, and I loved it.\n\n" + note
    cleaned = clean(text)
    assert getattr(cleaned, field) == name and _kinds(text, cleaned)[note] == BOILERPLATE


def test_a_critics_note_completes_the_first_name_of_the_byline():
    text = ("Posted 2 April 2025 by Mara\n\nThe film is a quiet triumph of acting and mood, and I loved it.\n\n"
            "*I'm Mara Quill, a teacher and a parent of two.*")
    assert clean(text).author == "Mara Quill"


def test_a_freelance_critics_note_is_about_the_critic():
    text = "A patient drama.\nMara Quill is a freelance critic based in Leeds."
    assert _kinds(text, clean(text))["Mara Quill is a freelance critic based in Leeds."] == BOILERPLATE


@pytest.mark.parametrize("line", ["save", "report", "Reply", "87% Upvoted", "14 likes", "128 Followers"])
def test_a_social_sites_buttons_are_furniture(line):
    text = "The performances are incredible and the ending destroyed me.\n" + line
    assert _kinds(text, clean(text))[line] == BOILERPLATE


def test_everything_under_a_comments_heading_is_what_readers_wrote():
    review = ("A patient drama, beautifully acted.\n\nIts last act is the best thing in cinemas this year.\n\n")
    for heading in ("READER COMMENTS (3)", "### 4 Comments", "Discussion about this post", "Leave a Reply",
                    "PATRON COMMENTS (3)", "## Highlights (4)", "## My notes", "### Have your say (5)",
                    "Comments are the responsibility of those who post them, not of the Harbour Herald."):
        text = review + heading + "\n\nlighthouse_fan: Loved it, a masterpiece.\nAnon: Overrated nonsense."
        kinds = _kinds(text, clean(text))
        assert kinds.get("lighthouse_fan: Loved it, a masterpiece.") == BOILERPLATE
        assert kinds.get("Anon: Overrated nonsense.") == BOILERPLATE
        assert "A patient drama, beautifully acted." not in kinds


@pytest.mark.parametrize("header", [
    "By Mara Quill\n4 Comments\n\n",
    # dated lines are no prose of the review, though they end with a full stop
    "By Mara Quill\nPublished: Thursday, June 11, 2026, 5:02 p.m.\nUpdated: June 11, 2026, 6:40 p.m.\n"
    "Share on Facebook\n14 Comments\n\n",
])
def test_a_comment_counter_beside_the_byline_ends_nothing(header):
    text = header + "A patient drama, beautifully acted.\n\nIt is the best film of the year."
    kinds = _kinds(text, clean(text))
    assert "A patient drama, beautifully acted." not in kinds and "It is the best film of the year." not in kinds


@pytest.mark.parametrize("line", [
    "About the author: Otto Brandt has written about films on this blog since 2013, sees far too many of them "
    "and once queued behind a famous director for a sandwich without saying a word.",
    "**Read next:** *The 20 best lighthouse films, ranked* · *Every drama opening this spring*",
    "*Trending now:* The Storm Drama Everyone Is Talking About · Ten Shows To Stream Tonight",
    "41 out of 57 found this helpful.",
    "Was this review helpful?",
    "If you enjoyed this, please consider buying me a coffee.",
    "Rate and review us wherever you listen.",
    "Transcripts are generated automatically and may contain errors.",
    "Story continues below advertisement",
    "Skip to content",
    "Q: Is it as dull as the trailer made it look?",
    "How we rate: ★★★★★ Unmissable · ★★★★ Excellent · ★★★ Good",
    "Our dots: ●●●●● essential · ●●●●○ strong · ●●●○○ mixed · ●●○○○ weak · ●○○○○ avoid",
    "*How we score: 90–100 masterpiece · 75–89 great · 60–74 good · 40–59 mixed · below 40 poor*",
    "Correction: An earlier version of this review gave the wrong running time.",
    "Enjoyed this review? Support independent criticism.",
    "You've read 3 of 5 free articles this month.",
    "Otto Brandt runs The Harbour Notes, an independent review blog. He has seen every storm film ever made.",
    "*Recently on Harbour Notes:* The ten most overrated dramas of the decade",
    # a guide's content notes
    "- **Violence & scariness:** 3/5 — a storm at sea and some shouting.",
    "Educational value: 2/5 — a few facts about lighthouses.",
    'Memorable Dialogue: "You cannot keep a lamp lit with good intentions, Nell."',
    "Sex and Skin: None.",
    "MPA definition of R: Under 17 requires accompanying parent or adult guardian.",
    # a newsletter's and a site's notes to readers
    "If you enjoyed this issue, please forward it to a friend who loves a good drama.",
    "That's it for this week.",
    "Reply to this email to reach me directly; I read everything.",
    "Turn on push alerts to get our best stories straight to your phone.",
    "We will send you the most important local stories every morning.",
    "Donate now and get a tote bag you'll love.",
    # others' scores, certificates, keys, notes on the page
    "Audience score: 4.6/5 from 1,873 members",
    "Certificate PG.",
    "Not rated.",
    "- **MPAA explanation:** some peril and mild rude humour",
    "*Our star ratings reflect the overall quality of the title: ★ Skip · ★★ Maybe · ★★★ Good*",
    "Subscribers can read the whole issue in the digital edition.",
    "> **From the archive.** This review appeared in the April 2026 issue of *Harbour Monthly*.",
    "This review may contain spoilers. I can handle the truth.",
    # a podcast's notes
    "Transcripts are auto-generated and lightly edited. Please check the audio before quoting.",
    "Love the show? Leave us a five-star review — it really helps new listeners find us!",
    "This transcript was produced on a rush deadline by a contractor.",
    "Spoiler-free review up top. Full spoilers below the divider.",
    "> *This summary was generated with AI and checked by an editor. Read the full review for context.*",
    "Share: [Facebook](/s/fb) | [Email](/s/em)",
    "Oops – this tool isn’t loading right now.",
    "RELATED: The star says The Lantern is the best thing she has ever done",
    ">>> ALSO READ ON HARBOUR NOTES: THE 10 BEST DRAMAS I ACTUALLY LIKED",
    "#drama #review #TheLantern #cried",
    "151 minutes.",
    "Harbour Notes may earn a commission when you sign up for a service through links on this page.",
    # other films on the same page
    "Quick takes: *Gravel Saints* (fun, forgettable, C+) · *Copper Lanterns* (the best drama this year, A)",
    # a newsletter's sign-off and sign-up notes, a podcast's player and transcript note
    "See you Friday,",
    "That's it from me.",
    "*You're on the free list for Harbour Notes. For the whole thing, become a paying subscriber.*",
    "Get new reviews by email: put your address in the box below.",
    "No spam, just films.",
    "▶ Listen: Ep. 48 – The Lantern (41:12)",
    "This is an auto-generated transcript, so forgive the odd typo.",
    # a caption credited at its end, a critic's note naming the outlet by its possessive
    "Storm warning … Nell Varga and Tom Bell in The Lantern. Photograph: Harbour Pictures",
    "Ian Holt is The Courier's deputy reviews editor.",
    # keys to the critic's own ratings, one long line each; a certificate and running time
    "How I rate: in asterisks, because my mail software eats star symbols. ***** essential · **** strong · "
    "*** worth your time · ** for fans only · * skip it.",
    "My star ratings (for films and books): ★★★★★ drop everything · ★★★★ very good · ★★★ fine on a wet "
    "evening · ★★ only if you're keen · ★ don't bother",
    "**How the popcorn works:** one 🍿 per point, out of ten.",
    "Cert 12A, 98 mins.",
    # a newsletter's notes
    "Harbour Notes is free to read and free to forward. Pass it on to someone who likes slow films.",
    "*New here?*",
])
def test_more_page_furniture_is_set_aside(line):
    text = "Rating: 4/5\n\nA patient drama, beautifully acted.\n\n" + line + "\n\nIt is the best film of the year."
    assert _kinds(text, clean(text)).get(line) == BOILERPLATE


@pytest.mark.parametrize("entries", [
    ["★★★★★ – cleared my schedule", "★★★★ – really good, go", "★★★ – solid, no regrets"],
    ["5 – Sublime. Cancel your plans.", "4 – Strong. Book a seat.", "3 – Decent. A fair night out."],
])
def test_a_key_to_the_critics_stars_one_entry_a_line_is_furniture(entries):
    text = "HOW I RATE STUFF\n" + "\n".join(entries) + "\n\nThe Lantern review\n\nA patient drama, beautifully acted."
    kinds = _kinds(text, clean(text))
    assert all(kinds.get(entry) == BOILERPLATE for entry in entries)


def test_a_newsletters_note_about_itself_names_the_outlet():
    text = ("A patient drama, beautifully acted.\n\n*Harbour Notes is a weekly letter about new films, written on the "
            "train home. Free subscribers get every review.*")
    cleaned = clean(text)
    assert cleaned.outlet == "Harbour Notes"


def test_a_review_pasted_as_one_line_that_holds_a_key_is_kept():
    text = "A patient drama.\n\nSTAR KEY: ***** essential **** strong *** fine ** weak * skip. " + "It is lovely. " * 20
    cleaned = clean(text)
    assert not cleaned.covers(text.index("It is lovely."), text.index("It is lovely.") + len("It is lovely."))


def test_a_bulleted_list_under_a_links_heading_stays_links_after_a_blank_line():
    text = ("A patient drama, beautifully acted.\n\n### Our editors recommend\n\n"
            "- *The Little Lamp* — Age 5+ — A charming, quiet story for the youngest viewers in the family.\n"
            "- *Snow Goes North* — Age 7+ — A thrilling winter adventure with great messages for everyone.")
    kinds = _kinds(text, clean(text))
    assert sum(k == BOILERPLATE for k in kinds.values()) == 3


@pytest.mark.parametrize("top, outlet", [
    ("Home · Film · Reviews · Festivals\n", ""),
    ("Arts & Culture > Film\n", ""),
    ("User Reviews\n", ""),
    ("**HARBOURREEL** / Movies / Reviews\n", "Harbourreel"),
])
def test_where_the_page_sits_on_its_site_is_no_headline(top, outlet):
    text = top + "\nThe Lantern review – a storm worth the wait\n\nA patient drama, beautifully acted, and a joy."
    cleaned = clean(text)
    assert cleaned.title == "The Lantern review – a storm worth the wait"
    assert cleaned.outlet == outlet


@pytest.mark.parametrize("top, outlet, title", [
    ("# Harbour Notes\n\n## The Lantern review: a storm worth the wait\n", "Harbour Notes",
     "The Lantern review: a storm worth the wait"),
    ("# THE SOFA REPORT\n\n### Films worth your evening, most weeks\n\n---\n\n## The Lantern, and why I "
     "stayed up far too late for it (and regret nothing at all)\n", "The Sofa Report",
     "The Lantern, and why I stayed up far too late for it (and regret nothing at all)"),
    ("Otto at the Pictures\na blog about films, mostly new\n\nHOME | ABOUT | REVIEW INDEX | CONTACT\n\n"
     "The Lantern – a storm worth the wait\n", "Otto at the Pictures", "The Lantern – a storm worth the wait"),
    # a menu down the page under the site's tagline; account links between the name and its menu
    ("HARBOURLINE\nFilm news, reviews and nightmares since 2009\nHome\nReviews\nNews\nLists\nPodcast\n\n"
     "The Lantern review – a storm worth the wait\n", "Harbourline", "The Lantern review – a storm worth the wait"),
    ("Skip to main content\nThe Harbour Ledger\nSubscribe for £1\nSign in\nNews\nPolitics\nCulture\nFilm\n\n"
     "The Lantern review – a storm worth the wait\n", "The Harbour Ledger", "The Lantern review – a storm worth the wait"),
    # the tagline beside the name; a breadcrumb or a short menu under it
    ("LAMPLIGHT NOTES — independent criticism since 2011\nFilm | Books | Stage | Podcast | Donate\n\n"
     "The Lantern review – a storm worth the wait\n", "Lamplight Notes", "The Lantern review – a storm worth the wait"),
    ("PLAINS HERALD\nEntertainment » Movies\n\nThe Lantern review – a storm worth the wait\n", "Plains Herald",
     "The Lantern review – a storm worth the wait"),
    ("SCREEN & CIRCLE\nThe magazine for people who stay for the credits\nREVIEWS / NEW RELEASES\n\n"
     "The Lantern review – a storm worth the wait\n", "Screen & Circle", "The Lantern review – a storm worth the wait"),
])
def test_a_sites_name_over_the_headline_is_the_outlet(top, outlet, title):
    text = top + "\nA patient drama, beautifully acted, and a joy from start to finish."
    cleaned = clean(text)
    assert (cleaned.outlet, cleaned.title) == (outlet, title)


def test_a_name_beside_the_outlet_gives_both_and_a_section_beside_it_neither():
    text = "Mara Quill | The Harbour Herald\n\nA patient drama, beautifully acted, and a joy."
    assert (clean(text).author, clean(text).outlet) == ("Mara Quill", "The Harbour Herald")
    text = "Movie Reviews | The Harbour Herald\n\nA patient drama, beautifully acted, and a joy."
    assert clean(text).author == ""


def test_a_share_bar_names_no_outlet_and_a_copyright_after_a_sentence_does():
    text = ("# The Lantern review\n\n[Share](#) · [Tweet](#) · [Email](#) · [Print](#)\n\n"
            "A patient drama, beautifully acted, and a joy from start to finish.\n\n"
            "The Lantern Society is a registered charity. © 2025 Lantern Film Society.")
    assert clean(text).outlet == "Lantern Film Society"


def test_a_key_to_the_stars_on_one_line_is_set_aside():
    line = "★★★★★ masterpiece · ★★★★ excellent · ★★★ good · ★★ mixed · ★ poor · average of eight critics"
    text = "A patient drama, and a dull one, with a fine lead.\n\n" + line + "\n\nHollow Creek  ★★ ★★★ ★★"
    assert line in _kinds(text, clean(text, ("Hollow Creek",)))


def test_the_outlet_in_the_pages_copyright_footer():
    text = ("The Lantern review\n\nA patient drama, beautifully acted, and a joy from start to finish.\n\n"
            "Copyright 2024 Harbour Wire Service. All rights reserved.")
    assert clean(text).outlet == "Harbour Wire Service"


def test_a_long_first_line_without_a_stop_is_the_headline():
    headline = "Review: In 'The Lantern', a great actor plays a keeper who has run out of words to say to anyone"
    text = headline + "\n\nA patient drama, beautifully acted, and a joy from start to finish."
    assert clean(text).title == headline


def test_a_podcasts_sponsor_read_is_an_advert():
    text = ("A patient drama, beautifully acted.\n\nThis episode is brought to you by Harbour Coffee, roasted "
            "fresh every week.\n\nIt is the best film of the year.")
    assert ADVERT in _kinds(text, clean(text)).values()


def test_an_advert_marker_opens_no_story_section():
    text = ("A patient drama, beautifully acted.\n\nStory continues below advertisement\n\n"
            "The keeper, played beautifully by Mara Quill, is the best thing in it.")
    cleaned = clean(text)
    assert not cleaned.plot_sections


def test_a_labelled_official_synopsis_is_plot_for_its_paragraph_only():
    text = ("A big loud film.\n\n**Official synopsis:**\n\n> From a visionary director comes a breathtaking "
            "thrill ride for the whole family.\n\nWell, that is what the studio says. It is a dull, shouty mess.")
    sections = [text[s.start:s.end] for s in clean(text).plot_sections]
    assert sections == ["> From a visionary director comes a breathtaking thrill ride for the whole family."]


@pytest.mark.parametrize("top, outlet", [
    ("Film · Reviews · Interviews · Awards\n", ""),
    ("**THE HARBOUR CLUB** · Film · TV · Music · Games · Newsletter\n", "The Harbour Club"),
    ("**HARBOURREEL** — Film · Streaming · Horror Week · Podcast\n", "Harbourreel"),
    ("The Harbour Herald\nSubscribe\nSign in\nArts & Life | Movies\n", "The Harbour Herald"),
    ("# Harbourscreen · Family Film Reviews\n\n**Movie Review** › **Drama** › *The Lantern at Low Tide*\n",
     "Harbourscreen"),
])
def test_a_sites_menu_at_the_top_is_no_headline(top, outlet):
    text = top + "\nThe Lantern review – a storm worth the wait\n\nA patient drama, beautifully acted, and a joy."
    cleaned = clean(text)
    assert (cleaned.title, cleaned.outlet) == ("The Lantern review – a storm worth the wait", outlet)


def test_the_certificate_and_running_time_in_a_details_sentence_are_set_aside():
    text = ("*Harbour Pictures. Rated PG-13 for intense sequences of peril and some bloody images. "
            "Running time: 112 minutes.*\n\nA patient drama, beautifully acted.")
    cleaned = clean(text)
    for detail in ("Rated PG-13 for intense sequences of peril", "Running time: 112 minutes"):
        assert any(s.start <= text.index(detail) < s.end for s in cleaned.set_aside)
    assert "A patient drama, beautifully acted." not in _kinds(text, cleaned)


def test_a_page_pasted_whole_gives_its_headline_byline_and_outlet_under_its_menus():
    text = ("Skip to main content\nSkip to navigation\nSign in\nHarbour Herald\nNews\nCulture\nFilm\n"
            "Awards Circuit\nThursday, April 17, 2025\n"
            "The Lantern review – a storm worth the wait in a lighthouse drama\n"
            "Mara Quill\nThu 6 Mar 2025 17.00 GMT\nShare\n"
            "A patient drama, beautifully acted, and a joy from start to finish, with a final storm to remember.\n"
            "Most viewed\nTen storm films to see\n© 2025 The Harbour Herald Company. All rights reserved.")
    cleaned = clean(text)
    assert cleaned.title == "The Lantern review – a storm worth the wait in a lighthouse drama"
    assert (cleaned.author, cleaned.outlet) == ("Mara Quill", "Harbour Herald")


_MAIN_REVIEW = (
    "Harbour Lights review: a storm worth the wait\n\n★★★ out of four\n\n"
    "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
    "The last act is tense and the two leads are quietly superb in every scene they share.\n\n"
)
_CAPSULES = (
    '"Copper Lanterns" ★★★★\nPG, 1:41, drama\nA warm, superbly acted portrait of two lamplighters; the loveliest film '
    "of the month.\n\n"
    '"Hollow Bells" ★\n15, 1:30, horror\nDreadful from start to finish, and never once frightening.\n'
)


@pytest.mark.parametrize("heading", ["ALSO OPENING THIS WEEK\n\n", "Other new releases\n\n", ""])
def test_short_reviews_of_other_films_under_a_review_are_set_aside(heading):
    text = _MAIN_REVIEW + heading + _CAPSULES
    cleaned = clean(text, ("Harbour Lights",))
    kinds = _kinds(text, cleaned)
    assert kinds.get("A warm, superbly acted portrait of two lamplighters; the loveliest film of the month.") == BOILERPLATE
    assert kinds.get("Dreadful from start to finish, and never once frightening.") == BOILERPLATE
    assert "The last act is tense and the two leads are quietly superb in every scene they share." not in kinds
    assert cleaned.rating.rating.raw == "★★★ out of four"


def test_another_films_capsule_opening_with_its_year_and_score_is_set_aside():
    capsules = ["The Lamp Room (2024) — 7/10. A gentle study of a lighthouse keeper's last winter.",
                "Salt Marsh Diary (2023) — 9/10. Patient, funny and full of birds."]
    text = _MAIN_REVIEW + "DOCUMENTARIES\n\n" + "\n\n".join(capsules)
    kinds = _kinds(text, clean(text, ("Harbour Lights",)))
    assert all(kinds.get(capsule) == BOILERPLATE for capsule in capsules)


@pytest.mark.parametrize("heading", ["Also this week", "Three things I watched at home", "What else I watched",
                                     "## Also lurking in cinemas"])
def test_a_newsletters_notes_on_other_films_are_set_aside(heading):
    notes = ["- *Gravel Saints* – a clumsy heist movie with a bored cast, on rental now.",
             "- *Copper Lanterns* – the loveliest film of the month, and I will write about it properly next week."]
    text = _MAIN_REVIEW + heading + "\n\n" + "\n".join(notes)
    kinds = _kinds(text, clean(text, ("Harbour Lights",)))
    assert all(kinds.get(note) == BOILERPLATE for note in notes)


def test_a_rule_across_the_page_ends_a_newsletters_notes_on_other_films():
    text = (_MAIN_REVIEW.replace("★★★ out of four\n\n", "") + "Also this week\n\n"
            "- *Gravel Saints* – a clumsy heist movie, on rental now.\n\n---\n\n*Harbour Lights:*\n\n****\n")
    cleaned = clean(text, ("Harbour Lights",))
    assert _kinds(text, cleaned).get("- *Gravel Saints* – a clumsy heist movie, on rental now.") == BOILERPLATE
    assert cleaned.rating.rating.raw == "****"


def test_in_a_round_up_only_the_films_own_capsule_is_its_review():
    text = ("NEW THIS WEEK\n\n" + _CAPSULES + '\n"Harbour Lights" ★★★\n12A, 1:49, drama\n'
            "Slow in places, but the two leads are lovely together and the last scene lands.\n\n"
            '"Gravel Saints" ★★\nR, 1:55, thriller\nA clumsy heist movie with a bored cast.\n')
    cleaned = clean(text, ("The Harbour Lights",))
    kinds = _kinds(text, cleaned)
    assert "Slow in places, but the two leads are lovely together and the last scene lands." not in kinds
    for other in ("A warm, superbly acted portrait of two lamplighters; the loveliest film of the month.",
                  "A clumsy heist movie with a bored cast."):
        assert kinds.get(other) == BOILERPLATE
    assert (cleaned.rating.rating.raw, cleaned.rating.rating.score) == ("★★★", 60.0)


@pytest.mark.parametrize("text, other, own", [
    # a column's capsules, each opening with its title, certificate and running time
    ("HARBOUR LIGHTS (12A, 109 mins)\n\n"
     "A patient drama about two lamplighters, and the loveliest film of the month by some way.\n\n"
     "The leads are quietly superb, and the last scene lands with real force after a slow start.\n\n"
     "Four stars.\n\nQUARRY LANE (15, 104 mins)\nA grey little crime drama with a soggy ending. Two stars.\n",
     "A grey little crime drama with a soggy ending. Two stars.",
     "The leads are quietly superb, and the last scene lands with real force after a slow start."),
    # a society's newsletter: its diary lists the film after a date, and the film's section
    # opens under a label that names it
    ("FROM THE CHAIR\nMany thanks to everyone who came to the double bill last month, and to Pat for the "
     "mince pies.\n\nDATES FOR THE DIARY\nFri 5 December – Harbour Lights (12A), 109 mins\n"
     "Fri 9 January – Copper Lanterns (15), subtitled\n\nOUR NEXT SCREENING: HARBOUR LIGHTS (2025)\n"
     "A patient drama about a keeper and his daughter, and the loveliest film I have seen this year by far.\n",
     "Fri 9 January – Copper Lanterns (15), subtitled",
     "A patient drama about a keeper and his daughter, and the loveliest film I have seen this year by far."),
])
def test_other_films_lines_are_set_aside_and_the_films_own_kept(text, other, own):
    kinds = _kinds(text, clean(text, ("Harbour Lights",)))
    assert kinds.get(other) == BOILERPLATE
    assert own not in kinds


def test_a_film_known_by_another_name_keeps_its_review():
    # The page's title line names the film differently from the film it was given for: with
    # no capsule of that film on the page, the page is that film's review, not a round-up.
    text = '"Harbour Lights" (2025) ★★★★\n\n' + _MAIN_REVIEW[_MAIN_REVIEW.index("A patient"):] + "**Verdict:** ★★★★\n"
    kinds = _kinds(text, clean(text, ("Harbor Lights",)))
    assert not any(k == BOILERPLATE for k in kinds.values())


def test_a_title_over_its_rating_alone_opens_a_capsule():
    text = ("In cinemas this month: our critics on the new releases\n\nHarbour Lights\n★★★☆☆\n"
            "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
            "Copper Lanterns\n★★★★★\nThe loveliest film of the month, and a superbly acted one.\n")
    cleaned = clean(text, ("Harbour Lights",))
    kinds = _kinds(text, cleaned)
    assert kinds.get("The loveliest film of the month, and a superbly acted one.") == BOILERPLATE
    assert "A patient drama about a keeper and his daughter, and a better one than its trailer suggests." not in kinds
    assert cleaned.rating.rating.raw == "★★★☆☆"


def test_a_date_over_the_rating_opens_no_capsule():
    text = ("Harbour Lights review: a storm worth the wait\n\nA patient drama with two fine leads and a storm that "
            "arrives right on time.\n\nSigne Halvorsen's cold war thriller has atmosphere to burn and a cast to match "
            "it.\n\n17 October 2025\n6/10\n\n" + _MAIN_REVIEW.split("\n\n", 2)[2])
    cleaned = clean(text, ("Harbour Lights",))
    assert "The last act is tense and the two leads are quietly superb in every scene they share." not in _kinds(
        text, cleaned)
    assert cleaned.rating.rating.raw == "6/10"


def test_under_a_heading_over_other_releases_every_line_is_about_another_film():
    text = (_MAIN_REVIEW + "Also in cinemas this week\n\n"
            "**Copper Lanterns** – a warm, superbly acted portrait of two lamplighters in a flooded town.\n"
            "**Hollow Bells** – dreadful from start to finish.\n")
    kinds = _kinds(text, clean(text, ("Harbour Lights",)))
    assert kinds.get("**Hollow Bells** – dreadful from start to finish.") == BOILERPLATE
    assert "The last act is tense and the two leads are quietly superb in every scene they share." not in kinds


@pytest.mark.parametrize("post", [
    "What a film. I am still crying. — Bram Ekwe (@bramsees) March 3, 2026",
    "What a film. I am still crying.\n— Bram Ekwe (@bramsees) March 3, 2026",
])
def test_a_post_from_social_media_quoted_on_the_page_is_not_the_critic(post):
    text = "A patient drama, beautifully acted.\n\n" + post + "\n\nIt is the best film of the year."
    kinds = _kinds(text, clean(text))
    assert all(kinds.get(line) == BOILERPLATE for line in post.split("\n"))
    assert "It is the best film of the year." not in kinds


def test_the_pages_footer_names_the_site_and_the_critic_and_is_no_review():
    text = ("A patient drama, beautifully acted.\n\nIt is the best film of the year, and the last act is superb.\n\n"
            "## Published in Harbour Notes\n\nThoughtful film criticism from writers who love cinema.\n\n"
            "## Written by Mara Quill\n\nI write about the films I can't stop thinking about.\n")
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert (cleaned.outlet, cleaned.author) == ("Harbour Notes", "Mara Quill")
    assert kinds.get("Thoughtful film criticism from writers who love cinema.") == BOILERPLATE
    assert kinds.get("I write about the films I can't stop thinking about.") == BOILERPLATE
    assert "It is the best film of the year, and the last act is superb." not in kinds


@pytest.mark.parametrize("heading", ["Comments 612", "Popular reviews"])
def test_other_peoples_reviews_under_the_critics_are_set_aside(heading):
    text = ("A patient drama, beautifully acted.\n\nIt is the best film of the year.\n\n" + heading +
            "\n\n@lampfan 2 days ago\nHonestly the worst film I've seen in ages.\n")
    assert _kinds(text, clean(text)).get("Honestly the worst film I've seen in ages.") == BOILERPLATE


def test_a_podcasts_sponsor_read_is_advertising():
    text = ("A patient drama, beautifully acted.\n\nBefore we get into it, a quick word from this week's sponsor. "
            "It is the smoothest coffee I have had in years, and listeners get twenty percent off with code LAMP.\n")
    assert _kinds(text, clean(text)).get(
        "It is the smoothest coffee I have had in years, and listeners get twenty percent off with code LAMP.") == ADVERT


@pytest.mark.parametrize("top", ["Cascade Morning Star\nYour news. Your valley.\n", "Open in app\n", "Skip navigation\n",
                                 "Festival coverage · Harbour Film Festival 2026\n"])
def test_the_headline_is_the_heading_that_names_the_film(top):
    text = top + "\n‘The Lantern’ keeps its light low, and it works\n\nBy Mara Quill\n\nA patient drama, beautifully acted."
    assert clean(text, ("The Lantern",)).title == "‘The Lantern’ keeps its light low, and it works"


@pytest.mark.parametrize("notice", [
    "We value your privacy\nWe and our 96 partners use cookies to store and read information on your device, to show "
    "you personalised ads and content, and to measure how well they perform, which helps us a lot.\nAccept all\n"
    "Reject all\n",
    # under skip links, with its row of buttons
    "Skip to main content\nSkip to footer\n\nWe value your privacy: with our partners we use cookies for the "
    "adverts you see.\nACCEPT   MORE OPTIONS\n\n",
    # under its own heading, with its buttons a line each
    "Your choices about cookies\nWe and our partners use cookies to improve the site and count its readers.\nAgree\n"
    "More options\n",
])
def test_a_cookie_notice_pasted_above_the_page_is_no_part_of_it(notice):
    text = (notice + "Frame & Fable\nReviews | Essays | Interviews | About\n"
            "Review: The Lantern\nBy Mara Quill\n\nA patient drama, beautifully acted.")
    cleaned = clean(text, ("The Lantern",))
    reasons = {text[a.start:a.end]: a.reason for a in cleaned.set_aside}
    notice_lines = [line for line in notice.split("\n") if line and not line.startswith("Skip")]
    assert all(reasons.get(line) == "The site's cookie notice, not the review" for line in notice_lines)
    assert (cleaned.outlet, cleaned.title, cleaned.author) == ("Frame & Fable", "Review: The Lantern", "Mara Quill")


def test_a_breadcrumb_is_no_headline_and_a_question_under_it_may_be_one():
    text = ("The Harbour Herald\nNews\nSport\nFilm\n\nHome > What's On > Film\n\n"
            "Lighthouse ghost story looks lovely, but is there anything under the paint?\n\nBy Jo Lin\n\nA patient drama about a "
            "keeper and his daughter, and a duller one than its trailer suggests.")
    cleaned = clean(text, ("Hollow Creek",))
    assert (cleaned.title, cleaned.author) == ("Lighthouse ghost story looks lovely, but is there anything under the paint?",
                                               "Jo Lin")


def test_a_certificate_alone_in_a_credits_line_is_no_sentence_of_the_review():
    text = "A patient drama, beautifully acted.\n\nThe Lantern, 98 minutes, in cinemas on Friday. PG."
    assert any(text[s.start:s.end] == "PG." and s.kind == BOILERPLATE for s in clean(text).set_aside)


@pytest.mark.parametrize("box", [
    "SECOND OPINION\nSecond opinion: ★★★★ — Dale Okoro\nGritty, gorgeous and the best drama in years.",
    "What other critics are saying\n\nGritty, gorgeous and the best drama in years.",
    "Other critics on Hollow Creek\nDale Okoro, Harbour Screen · 4/5\nGritty, gorgeous and the best drama in years.",
])
def test_another_critics_words_printed_with_the_review_are_not_its_own(box):
    text = "Rating: 2/5\n\nA dull drama, badly acted.\n\n" + box + "\n\nIt is the worst film of the year."
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert kinds.get("Gritty, gorgeous and the best drama in years.") == BOILERPLATE
    assert "It is the worst film of the year." not in kinds and cleaned.rating.rating.raw == "2/5"


def test_a_quotation_on_a_line_of_its_own_is_not_the_critics_words():
    text = ("The press notes make large promises. The first page announces:\n"
            '    "THE LANTERN is the most moving drama of the decade, made with real care."\n'
            "And the director's statement:\n"
            '    "Every frame is true. Nothing is there just to look good." - Ana Ruiz, director\n'
            "Having seen it, I can report that it is a dull, shapeless film.\n"
            '"A dull, shapeless film," I wrote in my notes, and I stand by it.\n')
    kinds = _kinds(text, clean(text))
    assert kinds.get('    "THE LANTERN is the most moving drama of the decade, made with real care."'.strip()) == BOILERPLATE
    assert kinds.get('"Every frame is true. Nothing is there just to look good." - Ana Ruiz, director') == BOILERPLATE
    assert "Having seen it, I can report that it is a dull, shapeless film." not in kinds
    assert '"A dull, shapeless film," I wrote in my notes, and I stand by it.' not in kinds


def test_a_line_of_prose_that_ends_with_emoji_is_no_heading():
    text = "A patient drama.\n\nTake your kids! Take your parents! Bring tissues! 😭🔦\n\nIt is lovely."
    assert "Take your kids! Take your parents! Bring tissues! 😭🔦" not in _kinds(text, clean(text))


@pytest.mark.parametrize("embed, words", [
    ("View this post on Instagram\nA post shared by The Lantern (@lanternfilm)\n"
     '"Still can\'t believe we made this beautiful, perfect little film 🧡 #TheLantern"',
     '"Still can\'t believe we made this beautiful, perfect little film 🧡 #TheLantern"'),
    ("> **@lanternfilm**\n> the funniest scene in cinema history?? 😂 #TheLantern #fyp\n> ♬ original sound - The Lantern\n"
     ">\n> [Watch on TikTok](https://www.tiktok.com/@lanternfilm)",
     "> the funniest scene in cinema history?? 😂 #TheLantern #fyp"),
    ("— Jo Lin (@jolin) August 9, 2025\n\"just saw the lantern and i am a PUDDLE. absolute masterpiece\"",
     "\"just saw the lantern and i am a PUDDLE. absolute masterpiece\""),
])
def test_a_post_embedded_from_social_media_is_not_the_review(embed, words):
    text = "A patient drama, beautifully acted.\n\n" + embed + "\n\nBut it is a dull and shapeless film."
    kinds = _kinds(text, clean(text))
    assert kinds.get(words) == BOILERPLATE
    assert "But it is a dull and shapeless film." not in kinds


@pytest.mark.parametrize("heading", ["**If you liked this, you might also like:**", "Similar titles you might like"])
def test_more_link_list_headings(heading):
    text = ("A patient drama, beautifully acted.\n\n" + heading +
            "\n- [Why The Kite is the most perfect film ever made](/r/kite)\n- Northbound – A flawless road movie (Cascade)")
    kinds = _kinds(text, clean(text))
    assert kinds.get("- Northbound – A flawless road movie (Cascade)") == BOILERPLATE


def test_comments_under_a_heading_in_another_language():
    text = "A patient drama.\n\nIt is lovely and I loved it.\n\n3 commentaires\nMarta_K : For me it was the best film!!"
    assert _kinds(text, clean(text)).get("Marta_K : For me it was the best film!!") == BOILERPLATE


def test_a_shows_listener_comments_are_readers_comments():
    text = "A patient drama.\n\nIt is lovely and I loved it.\n\nLISTENER COMMENTS (3)\nmarta_k: best episode, team Jo!"
    assert _kinds(text, clean(text)).get("marta_k: best episode, team Jo!") == BOILERPLATE


def test_in_a_transcript_only_the_critics_words_are_the_review():
    text = ("[00:00:04] HOST: Welcome back. I saw the trailer, and that shot is incredible.\n\n"
            "[00:00:13] CRITIC: Hello. The film is a dull and shapeless drama.\n\n"
            "[00:01:10] HOST: What a lovely, gorgeous score that film has.\n\n"
            "[00:02:09] CRITIC: And the lead is wooden from start to finish.\n")
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert kinds.get("[00:00:04] HOST: Welcome back. I saw the trailer, and that shot is incredible.") == BOILERPLATE
    assert kinds.get("[00:01:10] HOST: What a lovely, gorgeous score that film has.") == BOILERPLATE
    critic_line = "[00:02:09] CRITIC: And the lead is wooden from start to finish."
    assert critic_line not in kinds
    start = text.index(critic_line)
    assert text[cleaned.label_ends[start]:].startswith("And the lead is wooden")


def test_a_transcripts_critic_is_named_by_the_label_or_the_byline():
    text = ("RENATA VOSS, HOST:\n\nIt opens this weekend. Our critic has seen it.\n\n"
            "MARA QUILL, CRITIC:\n\nIt is a lovely, patient film.\n\n"
            "ANA RUIZ: (As Tess) I want one night where I am the only person in the room.\n\n"
            "QUILL: That is the lead, and she is extraordinary.\n")
    cleaned = clean(text)
    kinds = _kinds(text, cleaned)
    assert cleaned.author == "Mara Quill"
    assert kinds.get("ANA RUIZ: (As Tess) I want one night where I am the only person in the room.") == BOILERPLATE
    assert "QUILL: That is the lead, and she is extraordinary." not in kinds
    assert kinds.get("It opens this weekend. Our critic has seen it.") == BOILERPLATE


def test_labels_and_comments_in_capitals_are_no_transcript():
    # no speaker is timed or named as host or critic: "MY SCORE:" and commenters' names are
    # labels, and the critic's review stays the review
    text = ("Posted by Jo Lin on October 19, 2025 in HORROR, REVIEWS\n\nMY SCORE: 2/10\n\n"
            "RIGHT. THE LANTERN. IT IS A DULL AND SHAPELESS FILM AND I HATED IT.\n\n"
            "TAGS: THE LANTERN, HORROR\n\n3 COMMENTS\n\nKEV: MATE IT WAS BRILLIANT.\n\nJO LIN: @KEV NO.\n")
    cleaned = clean(text)
    assert cleaned.author == "Jo Lin"
    assert "RIGHT. THE LANTERN. IT IS A DULL AND SHAPELESS FILM AND I HATED IT." not in _kinds(text, cleaned)


def test_a_byline_in_emphasis_under_the_headline_is_no_masthead():
    text = ("**THE HARBOUR NOTES** | Film | Books | Music\n\n# The Lantern is the dullest film of the year\n\n"
            "*By Mara Quill · Film · 3 July 2025*\n\nA patient drama, and a dull one.")
    assert clean(text, ("The Lantern",)).author == "Mara Quill"


@pytest.mark.parametrize("text, author", [
    # a diary site's member line: the name, the handle, the counters
    ("DIARYSITE\n\nJo Lin @jolin · PRO · 912 films · 87 this year\n\nHollow Creek 2025\n\n"
     "a patient drama and a dull one, honestly.", "Jo Lin"),
    # a show's line: released, the running time, the host and the producer
    ("Episode 12: Hollow Creek\n\nReleased 3 May 2025 · Runtime 48:10 · Hosted by Jo Lin, produced by Sam Orr\n\n"
     "JO: A patient drama, and a dull one.", "Jo Lin"),
    # a note about the critic above the review, the name in bold
    ("# Hollow Creek\n\n*Does the new ferry drama float?*\n\n> **Jo Lin** has worked on ferries for twenty years. "
     "She has written this column since 2020.\n\nA patient drama, and a dull one.\n\nThe river is lovely.", "Jo Lin"),
    # the critic's note at the foot names the critic
    ("A patient drama, and a dull one.\n\nThe river is lovely, though, and the cast are fine.\n\n"
     "Jo Lin is The Harbour Courier's film critic\n\nRelated\nOther reviews", "Jo Lin"),
    # the name alone under the review's last paragraph, over other films' capsules
    ("FILM OF THE WEEK\n\nHollow Creek\n\nA patient drama, and a dull one.\n\nThe river is lovely, though.\n\n"
     "Jo Lin\n\nALSO OPENING THIS WEEK\n\nQuarry Lane (15) ★★★ 97min\nA thriller with one good chase. SO", "Jo Lin"),
    # the name and role under the review's last paragraph, over a newsletter's next section
    ("FILM OF THE MONTH\n\nA patient drama, and a dull one.\n\nThe river is lovely, though.\n\n"
     "Jo Lin, Programme Secretary\n\nMEMBERS' VOTE – NOVEMBER\nQuarry Lane: 4.2 reels (41 votes)", "Jo Lin"),
    # a forum's poster over their member line and the post's date
    ("FILMTALK\nHome | Forums | Latest posts | Members | Search\n\nHollow Creek (2025) – my review\n\nriverbank_jo\nSenior Member · Joined Mar 2011 · Posts: 6,214\n"
     "Posted 19 Oct 2025, 23:41\n\nSaw it tonight. A patient drama, and a dull one.", "riverbank_jo"),
    # several leads at once, the first the critic's
    ("# Why Hollow Creek works\n\nWritten, edited and presented by Jo Lin.\n\nA patient drama, and a dull one.",
     "Jo Lin"),
    # a lead, the name and a note on the critic
    ("# Hollow Creek review\n\nReviewed by Jo Lin, second-year English and Film · 6 November 2025\n\n"
     "A patient drama, and a dull one.", "Jo Lin"),
    # at the foot, with the pictures' credit
    ("A patient drama, and a dull one.\n\nThe river is lovely, though.\n\n*Words by Jo Lin. Pictures, sadly, by "
     "the studio.*\n\nLeave a reply", "Jo Lin"),
    # the critic's name alone beside the stars, under the headline
    ("The Harbour Almanac\nHome   News   Weekend   Culture   Money\n\nThe ferry that came in from the cold: Hollow "
     "Creek is a quiet, clever film\n\nJo Lin   ★★★½\nSaturday 13 September 2025 06.00 BST\n\nA patient drama, and "
     "a dull one.", "Jo Lin"),
    # the critic's note at the foot: their work, not a role
    ("A patient drama, and a dull one.\n\nThe river is lovely.\n\nJo Lin reviews movies every Friday on Midday "
     "at 11 AM on KVRN 7.", "Jo Lin"),
    ("A patient drama, and a dull one.\n\nThe river is lovely.\n\nJo Lin writes Save Point from a very small flat "
     "in Bristol. Games, films and the bits between.", "Jo Lin"),
    # a lead and a note in brackets on the critic
    ("# Hollow Creek review\n\n*Words: Jo Lin (Year 3, Studio 4)*\n\nA patient drama, and a dull one.", "Jo Lin"),
    # the name under the rating, over a rule across the page and other films' capsules
    ("A patient drama, and a dull one.\n\nThe river is lovely, though, and the cast are fine.\n\n"
     "**Gazette rating: 40%**\n\n*Jo Lin*\n\n---\n\n### Also showing\n\n**Quarry Lane** (12A) · A romp. "
     "**30%** · *Sam Orr*\n", "Jo Lin"),
])
def test_more_bylines_are_read(text, author):
    assert clean(text, ("Hollow Creek",)).author == author


def test_a_menu_in_wide_spaces_names_no_outlet():
    text = "Programme   Tickets   Industry   Press   The Daily\n\nA patient drama, and a dull one, and a long one too."
    assert clean(text).outlet == ""


def test_a_word_alone_under_the_review_is_no_byline():
    text = ("A patient drama, and a dull one.\n\nThe river is lovely, though, and the cast are fine.\n\n"
            "Like Loading...\n\nRelated\nOther reviews")
    assert clean(text, ("Hollow Creek",)).author == ""


@pytest.mark.parametrize("text, outlet", [
    # a site's name as a Markdown link, its tagline in emphasis, its menu of links
    ("[Lantern Lane](/) — *films from the back row*\n[Reviews](/reviews) · [Essays](/essays) · "
     "[Lists](/lists) · [About](/about)\n\n# Hollow Creek review\n\nA patient drama.", "Lantern Lane"),
    # emoji around the site's name in the first heading
    ("# 🎃 GRAVE MATTERS 🎃\n*Horror reviews with a sense of humour*\n[Home](/) | [Reviews](/reviews)\n\n"
     "## HOLLOW CREEK (2025) — A FINE MESS\n\nA patient drama. Buy me a coffee on [Ko-fi](/kofi)!", "Grave Matters"),
    # a publisher's copyright line, the company named
    ("A patient drama, and a dull one.\n\nThe river is lovely.\n\n© Harbour Publishing 2025. All rights reserved.",
     "Harbour"),
    # a newsletter's greeting
    ("# Nobody gets a gold star\n\n*Welcome to Reel & Rail, the newsletter about trains in films. Hello to the "
     "new readers.*\n\nA patient drama, and a dull one.\n\nThe river is lovely.", "Reel & Rail"),
    # a video channel's name beside its counters
    ("# Why Hollow Creek works\n\n**Frame Talk** · 12.5K subscribers · [Subscribe]\n\n40,210 views\n\n"
     "A patient drama, and a dull one.", "Frame Talk"),
    # the name in bold beside a tagline in capitals, a menu with an item in bold
    ("**THE QUAD** — St Ives College's independent student paper since 1961\nNews · Comment · **Culture** · Sport · "
     "Puzzles\n\n# Hollow Creek review\n\nA patient drama, and a dull one.", "The Quad"),
    # a newsletter's note on itself, in a long sentence
    ("# Ask me anything\n\n*Ask the Projectionist is a weekly newsletter in which readers send questions about "
     "what is on, and I answer them as if I were standing at the back of Screen 3 with a torch.*\n\n"
     "A patient drama, and a dull one.", "Ask the Projectionist"),
    # a parish newsletter's name over its tagline
    ("THE QUAY LANTERN\nNewsletter of St Ringan's Church, Sandwick\nIssue 211 · October 2025 · Free, or a donation in "
     "the box by the door\n\nIN THIS ISSUE: From the Manse · Harvest · Film Corner\n\nA patient drama, and a dull "
     "one.", "The Quay Lantern"),
    # a station's name with its frequency, beside its menu
    ("**HARBOUR FM 104.6** · [Music](#) · [News](#) · [Travel](#) · [Film Friday](#)\n\nFilm Friday › Reviews\n\n"
     "# Hollow Creek\n\nA patient drama, and a dull one.", "Harbour FM"),
    # a society's newsletter by e-mail: its name under the headers and a rule, its issue below
    ("From: HAS Newsletter <news@harbour.example>\nTo: HAS Members <members@harbour.example>\nSubject: June\n\n"
     "==================================\n  HARBOUR ASTRONOMICAL SOCIETY\n  Monthly Newsletter  *  June 2025  *  "
     "No. 214\n==================================\n\nA patient drama, and a dull one.",
     "Harbour Astronomical Society"),
    # a press clipping's source field, over the monitoring service's name
    ("HARBOUR MEDIA MONITORING\nPrint | Online | Broadcast\n\nCLIP 4 of 11\nSource:         Harbour Argus (regional "
     "daily, print)\nDate:           Friday 21 March 2025\n\nA patient drama, and a dull one.", "Harbour Argus"),
    # a trade paper's tagline after a bar, over its menu
    ("Harbour Trade Weekly | The ferry trade's news source\nSubscribe   Log in   Events   Jobs   Awards\n\n"
     "A patient drama, and a dull one.", "Harbour Trade Weekly"),
    # a magazine's heading over what it is, its menu too far below
    ("# HARBOUR SKIES\n*The magazine of Harbour Air · June 2025*\n*Take this copy home.*\n\n"
     "Destinations · Food & drink · On Screen · Duty free\n\n---\n\n## On Screen\n\nA patient drama, and a dull "
     "one.", "Harbour Skies"),
    # a blog's name in capitals with an apostrophe, over its tagline and a menu of one item a line
    ("THE SKIPPER'S NOTEBOOK\nforty years of ropes and knots\n\nHome\nAbout\nContact\n\nA patient drama, and a "
     "dull one.", "The Skipper's Notebook"),
])
def test_more_outlets_are_read(text, outlet):
    assert clean(text, ("Hollow Creek",)).outlet == outlet


@pytest.mark.parametrize("text, author, outlet", [
    # a thread's poster with the post's age; the site's name in lower case over its menu
    ("threadtalk\nHome   Popular   Explore   Communities\nt/SlowCinema\nJoined · 184k members · 612 online\n\n"
     "[Review] Hollow Creek, long thoughts\n\nPosted by u/riverbank_jo · 9 hr. ago\n\nA patient drama, and a dull "
     "one.", "riverbank_jo", "threadtalk"),
    # a show's resident critic beside its host; a station's name in bold, its frequency and tagline beside it
    ("**RADIO HARBOUR 97.2 FM** · Your station for the coast and the hills\n[Listen live](#) · [Schedule](#) · "
     "[Podcasts](#) · [Donate](#)\n\n# The Saturday film hour: transcript\n\nBroadcast Saturday 15 November 2025, "
     "11am · Presented by Ana Ruiz, with resident critic Jo Lin\n\n**ANA:** What have we got?\n\n**JO:** A patient "
     "drama, and a dull one.", "Jo Lin", "Radio Harbour"),
    # a chat's first message (its poster, a dash and the time); its server over its channel
    ("# Filmchat › #now-showing\n*Exported · 214 messages*\n\n**river_jo** — 20/09/2025 23:14\nok finally saw "
     "hollow creek tonight. a patient drama, and a dull one.", "river_jo", "Filmchat"),
    # a show's notes; its episode in its headline
    ("# The Back Row — Ep. 212: Hollow Creek, plus your letters\n\n*Show notes by Jo Lin* · 58 min · Released 2 "
     "October 2025\n\nA patient drama, and a dull one.", "Jo Lin", "The Back Row"),
    # a forum's post under its subforum
    ("r/SlowCinema · Posted by u/riverbank_jo · 2 days ago\n\n# [Review] Hollow Creek\n\nA patient drama, and a "
     "dull one.", "u/riverbank_jo", "r/SlowCinema"),
    # a blog's name set off from its menu by wide spaces; the writer's name over "Follow" and the
    # post's reading time and date
    ("Inkpot                       Write   Sign up   Sign in\n\nI Wanted to Love Hollow Creek\n\nJo Lin-Ruiz\nFollow\n"
     "7 min read · Apr 26, 2025\n\nA patient drama, and a dull one.", "Jo Lin-Ruiz", "Inkpot"),
    # a shop's customer review: the stars, the name, the date it was written
    ("Hollow Creek [Blu-ray]\n4.4 out of 5 stars · 1,208 ratings\n$19.99 · In Stock · Add to Cart\n\nTop reviews "
     "from the United Kingdom\n\n4.0 out of 5 stars\nAna P. Ruiz\nFunnier than the trailer\nReviewed in the United "
     "Kingdom on June 3, 2025\n\nA patient drama, and a dull one.", "Ana P. Ruiz", ""),
    # a station's blog post by its host, a note on the host in brackets
    ("[Radio Harbour 89.3 FM](/) · Listen Live · Schedule · Shows · Blog\n\n# Hollow Creek\n\nPosted by Jo Lin "
     "(host, Thursdays 8-10pm) · May 15, 2025 · Film, Reviews\n\nA patient drama, and a dull one.", "Jo Lin",
     "Radio Harbour"),
    # a professional network's member with their degree of connection
    ("Linkfold\nHome   My Network   Jobs   Messaging\n\nJo Lin-Ruiz • 2nd\nFilm critic | Festival juror\n3d • "
     "Edited\n\nI nearly turned down the press screening. A patient drama, and a dull one.", "Jo Lin-Ruiz", "Linkfold"),
    # a name in a script's extended letters, under a publication dated by its issue
    ("THE HARBOUR DAILY · No. 5\n\nWords: Teodor Balaș\n\nA patient drama, and a dull one.", "Teodor Balaș",
     "The Harbour Daily"),
    # a rank and letters around the name; the journal's name beside its season in wide spaces
    ("THE HARBOUR HORN                         SPRING 2025\nJournal of the Harbour Rowing Club   Issue 88\n\n"
     "Reviewed by Major (Retd) Jo Lin MBE\n\nA patient drama, and a dull one.", "Jo Lin", "The Harbour Horn"),
    # a doctor's byline with a long role after a bar; a members' magazine under its heading
    ("# Harbour Notes\n### The members' magazine of the Harbour Society · Spring 2025\n\n**By Dr Jo Lin** · Senior "
     "lecturer in history and author of *The Salt Year: 1917*\n\nA patient drama, and a dull one.", "Jo Lin",
     "Harbour Notes"),
    # a catalogue's part beside the name, a menu with counts; a librarian's role and branch over the date
    ("Harbour City Libraries · Online Catalogue\nMy account   Holds (0)   Checked out (0)   Help\n\nHollow Creek "
     "[videorecording]\n\nSTAFF REVIEW\nJo Lin, Children's Librarian, Eastgate Branch\nPosted 14 November 2025\n\n"
     "A patient drama, and a dull one.", "Jo Lin", "Harbour City Libraries"),
    # a news app's followed source; a critic beside a film described
    ("THE HARBOUR POST  ✓ Followed\nCulture > Film\nHollow Creek review\nBy Jo Lin\n\nA patient drama, and a dull "
     "one.", "Jo Lin", "The Harbour Post"),
    ("SCREEN\nTHE HARBOUR LEDGER | SPRING 2025\n\nKEEPING TIME\nJo Lin on Ana Ruiz's portrait of a ferryman\n\n"
     "A patient drama, and a dull one.", "Jo Lin", "The Harbour Ledger"),
    # a young critic's age and town, then the post's counters and date
    ("ReelYoung\n\n**Reviewed by Kai P., 15, Bristol** · Young Reviewer since 2024 · 23 reviews · Posted 29 August "
     "2025\n\nA patient drama, and a dull one.", "Kai P.", ""),
    # a critic introduced by a clause after the byline; a post's label before it
    ("**Reviewed by Jo Lin**, who has counted the river's otters since 2011\n\nA patient drama, and a dull one.",
     "Jo Lin", ""),
    ("**GUEST POST** · by Jo Lin\n\nA patient drama, and a dull one.", "Jo Lin", ""),
    # a catalogue's staff review over the name and branch; a web archive's toolbar over the blog's name
    ("A patient drama.\n\n### Staff review\n\n*Jo L., Eastgate Branch*\n\nA patient drama, and a dull one.",
     "Jo L.", ""),
    ("INTERNET ARCHIVE\nWayback Machine\nhttps://harbourblog.example/hollow-creek/\n12 Apr 2025 - 2 Feb 2026\n"
     "The Wayback Machine - https://web.archive.org/web/20250412093310/https://harbourblog.example/\n\n"
     "HARBOUR NOTEBOOK\nforty years of ropes and knots\n\nHome\nAbout Jo\nContact\n\nPosted on 11 April 2025 by Jo "
     "Lin\n\nA patient drama, and a dull one.", "Jo Lin", "Harbour Notebook"),
    # a browser's print header names the site after the title's bar
    ("02/06/2025, 21:14                          Hollow Creek review | The Harbour Lantern\n\nharbourlantern.example"
     "\nHollow Creek review\nJo Lin\n9–11 minutes\n\nA patient drama, and a dull one.", "Jo Lin",
     "The Harbour Lantern"),
    # a site's heading over its tagline and its menu (an item with a note in brackets)
    ("> Free postage over £25\n# Harbour Books\n*Crime and mystery since 1988*\nSearch · Account · Basket (0)\n"
     "Shop · New Releases · Events · The Back Room (Blog)\n\nHome › Blog › Guest posts\n\n## Hollow Creek\n\n"
     "A patient drama, and a dull one.",
     "", "Harbour Books"),
    # the day's date between a masthead and its menu
    ("The Harbour Clarion\nServing the harbour since 1872\nWednesday 19 March 2025   Subscribe\nNews   Sport   "
     "What's On   Opinion\n\nA patient drama, and a dull one.", "", "The Harbour Clarion"),
])
def test_a_pages_critic_and_outlet_are_read_together(text, author, outlet):
    cleaned = clean(text, ("Hollow Creek",))
    assert (cleaned.author, cleaned.outlet) == (author, outlet)


@pytest.mark.parametrize("line", [
    "**Coming up:** a reader asks why every ferry in a film is about to sink.",
    "**Last issue:** *The Quay* (BBC Two) — 4 out of 10, and I was kind.",
    "Previously on Reel Talk: Ep. 41 — The Quay (two lanterns, a slog)",
    "Chapters: 00:00 Intro · 03:10 The story · 12:40 The good · 30:15 The bad",
    "Transcript generated automatically and lightly edited.",
    "BREAKING: Ferry services suspended after the storm",
    "JO: Hello, listeners, and welcome back to Reel Talk, the only podcast that reviews films by boat.",
    "tagged: cinema, slow, tuesday matinee",
    "Sources and further reading are pinned in the first comment.",
    "Film clips are used under fair dealing for the purposes of criticism and review.",
    "Link in the description.",
    "Ana Ruiz as the ferry captain in Hollow Creek, filmed at the old dock (Image: Harbour Films)",
    "1,906 Comments · Sort by",
    "Sign in or subscribe for £1 for your first month to read unlimited articles",
    "t/SlowCinema",
    "← Previous post: Quarry Lane, or how I learned to fear ferries (71/100)",
    "Hollow Creek (12A, 91 mins) is showing at the Riverhead Picturedrome from Friday.",
    "That's all from the back of Screen 3 this week. Keep the questions coming: just hit reply.",
    "If you'd like to chip in for my popcorn budget, a paid subscription is £4 a month.",
    "WEATHER ALERT: Heat advisory for the valley until 8 PM Saturday.",
    "Further screenings: Sunday 15 June, 21:15, Screen 2 · Wednesday 18 June, 13:00, The Pavilion.",
    "Hollow Creek is showing at the Mareel until Thursday 16 October, 7.30pm nightly.",
    "Ana Ruiz worked as a ferry captain in Leith before turning to criticism.",
    "Our paw ratings: 🐾 In the dog house · 🐾🐾 Needs more training · 🐾🐾🐾 Good dog · 🐾🐾🐾🐾 Very good dog",
])
def test_a_shows_and_a_newsletters_furniture_is_set_aside(line):
    text = f"# Hollow Creek review\n\nA patient drama, and a dull one.\n\n{line}\n\nThe river is lovely, though."
    assert _kinds(text, clean(text, ("Hollow Creek",))).get(line) == BOILERPLATE


@pytest.mark.parametrize("line", [
    "Last time: Hollow Creek",           # a film society's headline over its notes on the last screening
    "Next time: do your own thing and skip it!",
    "Welcome back to Middle-earth, where everything is exactly as lovely as you remember.",
])
def test_lines_like_furniture_that_are_the_review_are_kept(line):
    text = f"A patient drama, and a dull one.\n\n{line}\n\nThe river is lovely, though."
    assert _kinds(text, clean(text, ("Hollow Creek",))).get(line) != BOILERPLATE


def test_a_sponsors_read_is_an_advert_to_its_end():
    middle = "Handmade sets for your next campaign."
    text = ("A patient drama, and a dull one.\n\nJO: But first, this episode is brought to you by Harbour Dice. "
            f"{middle} Use code REEL for ten per cent off.\n\nThe river is lovely, though.")
    assert _kinds(text, clean(text, ("Hollow Creek",))).get(middle) == ADVERT


def test_a_diarys_tags_beside_the_stars_are_no_opinion():
    text = "Hollow Creek 2025\n\nWatched 03 Oct 2025 · rated it ★★½ · ♥ liked · IMAX · with Sam\n\nA patient drama."
    cleaned = clean(text, ("Hollow Creek",))
    assert not any("liked" in text[s.start:s.end] for spans in cleaned.line_sentences.values() for s in spans)


def test_a_long_headline_under_the_menus_is_a_headline():
    headline = "Ferry drama shot on the harbour front is long on local colour but short on any kind of drama"
    text = (f"THE HARBOUR COURIER\nNews   Sport   What's On   Property   Jobs\nHome > What's On > Film\n\n"
            f"{headline}\n\n10:15, 24 OCT 2025\n\nA patient drama, and a dull one.")
    assert clean(text, ("Hollow Creek",)).title == headline


def test_a_credit_labels_bold_closed_after_its_colon_keeps_its_first_name():
    text = "# Hollow Creek\n\n- **Director:** Jo Lin\n- **Starring:** Ana Ruiz-Vey, Tom Bell\n\nA patient drama."
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.people.by_role["cast"] == {"Ana Ruiz-Vey", "Tom Bell"}
    assert cleaned.people.by_role["director"] == {"Jo Lin"}


def test_a_forums_replies_are_readers_words():
    reply = "Strongly disagree, 4/5 from me. The ferry scene is the funniest thing all year."
    text = ("Hollow Creek – my review\n\nA patient drama, and a dull one.\n\nThe river is lovely, though, and the "
            "cast are fine.\n\nI would not go again.\n\n— Jo\n\nReply #1 · dock_dougal · 20 Oct 2025, 08:12\n"
            f"{reply}")
    assert _kinds(text, clean(text, ("Hollow Creek",))).get(reply) == BOILERPLATE


def test_links_under_if_you_liked_the_film_try_are_set_aside():
    text = ("A patient drama, and a dull one.\n\nThe river is lovely, though.\n\n**If you liked Hollow Creek, try:**\n"
            "- The Ferry Canon: 50 films to watch on a wet Sunday")
    assert _kinds(text, clean(text, ("Hollow Creek",))).get("- The Ferry Canon: 50 films to watch on a wet Sunday") == BOILERPLATE


def test_a_newsletters_note_in_emphasis_is_furniture_to_its_end():
    rest = "If that's no longer you, there's a link at the bottom, no hard feelings."
    text = ("# Hollow Creek\n\n*You're getting this because you signed up for one email a week about films with "
            f"ferries in them that should not exist. {rest}*\n\nA patient drama, and a dull one.")
    assert any(rest in text[s.start:s.end] for s in clean(text, ("Hollow Creek",)).set_aside)


def test_things_i_loved_heads_the_reviews_own_praise():
    text = ("Hollow Creek – my review\n\nSaw it tonight with my sister, which was a mistake for both of us.\n\n"
            "Quick setup: a ferry, a storm, a captain who will not turn back. That is the film.\n\n"
            "Things I loved:\n\nAna Ruiz. I had no "
            "idea she could be this funny.\n\nThe river is lovely.\n\nOverall: flawed but lovely. I'm going 7 out of "
            "10, and that's mostly for the end.")
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.rating is not None and cleaned.rating.rating.score == 70.0
    assert "Ana Ruiz. I had no idea she could be this funny." not in _kinds(text, cleaned)


def test_a_list_of_links_ends_at_the_first_line_that_is_no_item():
    text = ("A patient drama, and a dull one.\n\nThe river is lovely, though.\n\n**If you liked Hollow Creek, try:**\n"
            "- The Ferry Canon: 50 films to watch on a wet Sunday\n- My piece on why ferries sink\n\n"
            "*Words by Jo Lin. Pictures, sadly, by the studio.*\n\nLeave a reply")
    assert clean(text, ("Hollow Creek",)).author == "Jo Lin"



@pytest.mark.parametrize("text, aside, critics, author, outlet, rating", [
    # a mailing list's digest: the message about the film is the review, its sender the critic
    ("Send lanternfans mailing list submissions to\n\tlanternfans@lists.example.org\n\n"
     "Today's Topics:\n\n   1. Re: Quarry Lane at the Plaza (Sam Orr)\n   2. Hollow Creek - went on Friday (Jo Lin)\n\n"
     "----------------------------------------------------------------------\n\n"
     "Message: 1\nDate: Sun, 15 Jun 2025 09:12:44 +0100\nFrom: Sam Orr <sam@example.net>\nSubject: Re: Quarry Lane\n\n"
     "Agree with Ana, the chase was the best thing in it by a mile. 8/10 from me.\n\nSam\n\n"
     "----------------------------------------------------------------------\n\n"
     "Message: 2\nDate: Sun, 15 Jun 2025 11:47:03 +0100\nFrom: Jo Lin <jo@example.org>\n"
     "Subject: Hollow Creek - went on Friday\n\n"
     "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
     "The last act drags, but the two leads are quietly superb in every scene they share.\n\nJo\n",
     {"Agree with Ana, the chase was the best thing in it by a mile. 8/10 from me.": BOILERPLATE,
      "From: Jo Lin <jo@example.org>": METADATA},
     "The last act drags, but the two leads are quietly superb in every scene they share.",
     "Jo Lin", "lanternfans mailing list", None),
    # a chat's export: the member who wrote most is the critic
    ("Harbour Film Club\n# film-club\n\nsam_o — Today at 08:51\nwho saw hollow creek, reviews please\n\n"
     "river_jo — Today at 09:14\nok I saw it last night, long post incoming. it is a patient drama and a dull "
     "one, and the ferry scenes drag on for ever.\n\nana_r — Today at 09:19\nfair. 5/10 from me\n\n"
     "river_jo — Today at 09:28\noverall? 7/10. the lead is lovely though, and the river looks gorgeous.\n",
     {"fair. 5/10 from me": BOILERPLATE}, "overall? 7/10. the lead is lovely though, and the river looks gorgeous.",
     "river_jo", "", "7/10"),
    # a reblog chain: the first poster is the critic; the post's tags, with spaces in them, are furniture
    ("lanternpost        Home   Explore   Inbox   Account\n\nharbour-archive reblogged river-jo\nFollow\n\n"
     "river-jo\n\nok finally saw hollow creek and it is a patient drama, and a dull one, sorry.\n\n"
     "sardine-fan\nthe ferry bit!!! loved every minute of the ferry bit, a masterpiece\n\n"
     "#hollow creek #film review #long post\n\n1,482 notes",
     {"the ferry bit!!! loved every minute of the ferry bit, a masterpiece": BOILERPLATE,
      "#hollow creek #film review #long post": BOILERPLATE},
     "ok finally saw hollow creek and it is a patient drama, and a dull one, sorry.",
     "river-jo", "lanternpost", None),
    # an e-mail with a review pasted in: the senders' notes and quoted replies are theirs
    ("Re: Fwd: ferry film for Saturday?\n\nSam Orr <sam@example.net>\nThu 31 Jul, 21:47\n\nThanks! We'll go Sunday.\n\n"
     "On Thu, 31 Jul 2025 at 19:02, Ana Ruiz <ana@example.org> wrote:\n\nHere's that review I mentioned, from the "
     "Gazette. I'd give it 9/10 myself.\nAna\n\nREVIEW: A patient ferry drama\n\nBy Jo Lin\n\n"
     "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
     "The last act drags, but the two leads are quietly superb in every scene they share.\n\nSam Orr wrote:\n"
     "> Did you see a review of that ferry film?",
     {"Here's that review I mentioned, from the Gazette. I'd give it 9/10 myself.": BOILERPLATE,
      "> Did you see a review of that ferry film?": BOILERPLATE},
     "The last act drags, but the two leads are quietly superb in every scene they share.", "Jo Lin", "The Gazette",
     None),
    # a newsletter forwarded whole: the forwarder's note is theirs, the sender the outlet
    ("Fwd: The Listening Post #88\n\nSam Orr <sam@example.net>\tSun, Apr 6, 2025 at 8:14 PM\n\nKids, Jo gives it "
     "four stars. I'd give it five.\nLove, Dad\n\n---------- Forwarded message ---------\n"
     "From: The Listening Post <jo@listening.example>\nDate: Fri, Apr 4, 2025 at 7:00 AM\nSubject: Issue 88\n\n"
     "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
     "The last act drags, but the two leads are quietly superb in every scene they share.\n\n"
     "Verdict: four stars (out of five)",
     {"Kids, Jo gives it four stars. I'd give it five.": BOILERPLATE},
     "The last act drags, but the two leads are quietly superb in every scene they share.", "", "The Listening Post",
     "four stars (out of five)"),
    # a forum's thread: the first post's writer is the critic, the replies are others'
    ("Screen week forum\n\nHollow Creek – first thoughts\nby Jo Lin - Monday, 17 March 2025, 09:14\n\n"
     "A patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
     "The last act drags, but the two leads are quietly superb in every scene they share.\n\n"
     "Re: Hollow Creek – first thoughts\nby Sam Orr - Monday, 17 March 2025, 11:02\n"
     "Loved it. I'd give the film 4/5 overall.",
     {"Loved it. I'd give the film 4/5 overall.": BOILERPLATE},
     "The last act drags, but the two leads are quietly superb in every scene they share.", "Jo Lin", "", None),
    # a live blog's entries: the writer who wrote most is the critic
    ("THE HARBOUR LIVE\nNews   Sport   Opinion\n\nLive coverage by Sam Orr and Jo Lin\n\n16:02 Sam Orr\nRain has "
     "stopped. Play resumes at 16:45, all being well. 8/10 for the covers team.\n\n15:48 Jo Lin\nRain-delay film "
     "club: a patient drama about a keeper and his daughter, and a better one than its trailer suggests.\n\n"
     "The last act drags, but the two leads are quietly superb in every scene they share.\n\n14:41 Sam Orr\n"
     "Wicket! Hale caught at slip for 61.",
     {"Rain has stopped. Play resumes at 16:45, all being well. 8/10 for the covers team.": BOILERPLATE},
     "The last act drags, but the two leads are quietly superb in every scene they share.", "Jo Lin",
     "The Harbour Live", None),
])
def test_in_a_page_of_several_posts_only_the_critics_count(text, aside, critics, author, outlet, rating):
    cleaned = clean(text, ("Hollow Creek",))
    kinds = _kinds(text, cleaned)
    assert {line: kinds.get(line) for line in aside} == aside
    assert critics not in kinds
    assert (cleaned.author, cleaned.outlet) == (author, outlet)
    assert (cleaned.rating.rating.raw if cleaned.rating else None) == rating


def test_a_standfirst_over_the_films_own_stars_is_no_other_films_title():
    # the film's title with its year, a standfirst in sentence case, the stars, the critic
    text = ("SIGHTLINES\nReviews    Features    Podcast    Shop\nREVIEWS / IN CINEMAS\n\nHollow Creek (2025)\n"
            "A patient drama that mistakes silence for depth\n\n★★☆☆☆\nJo Lin\n17 July 2025\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.\n\n"
            "The last act drags, though the two leads are quietly superb in every scene they share.")
    cleaned = clean(text, ("Hollow Creek",))
    kinds = _kinds(text, cleaned)
    assert "The last act drags, though the two leads are quietly superb in every scene they share." not in kinds
    assert kinds["Hollow Creek (2025)"] == HEADING
    assert cleaned.rating.rating.score == 40 and cleaned.author == "Jo Lin"


@pytest.mark.parametrize("text, author, outlet", [
    # the masthead in capitals over the date, then the byline: the masthead is the outlet
    ("Manage choices    Accept all\n\nSkip to content\ne-Paper   Jobs   Notices   Place an ad   Sign in\n"
     "Tuesday, 11 March 2025  ·  Harbourton 9°C, light rain\nHARBOUR VALE CLARION\n"
     "News   Sport   What's On   Property   Motors\nHome › What's On › Film & TV\n\n"
     "The town's lighthouse gets the big-screen treatment – and Hollow Creek is a riot\n\n"
     "A warm, big-hearted drama that was filmed on the quay and wears its roots with pride\n\n"
     "Sam Orr as the keeper in Hollow Creek. Picture: Northlight\n\nBy Jo Lin\nArts Correspondent\n"
     "Published: 09:12, 11 March 2025  |  Updated: 14:40, 11 March 2025\n\n"
     "A patient drama, and a warm one, and a joy from start to finish.", "Jo Lin", "Harbour Vale Clarion"),
    # a blog's post time after the name
    ("A patient drama, and a dull one.\n\nThe river is lovely, though.\n\nPosted by Jo Lin at 10:47 PM\n\n"
     "Labels: dramas, 2025", "Jo Lin", ""),
    # the critic's role in lower case, then the show she reviews for
    ("# Hollow Creek review\n\nBy **Jo Lin**, film critic, Wake Up With Beacon\n\nA patient drama, and a dull one.",
     "Jo Lin", "Wake Up With Beacon"),
    # a newsletter's sign-off over the critic's name, the next section after it
    ("A patient drama, and a dull one, and the river is lovely.\n\nThe last act drags on and on.\n\n---\n\n"
     "Stay frightened,\n**Jo Lin**\n\nForward to a friend · Read past issues · Unsubscribe\n"
     "The Weekly Chill, 14 Tanner Row, York",
     "Jo Lin", ""),
    # an aggregator's critic card: the name over the paper over the site's badge
    ("Scorecast\nSearch movies, TV, critics…\nMovies   TV   Critics   News   Sign in\n\n"
     "Scorecast › Movies › Hollow Creek (2025) › Critic reviews\n\nHOLLOW CREEK (2025)\n15 | 1h 52m | Drama | "
     "Dir. Sam Orr\nCritics Dial 83% — 64 reviews\n\nJo Lin\nThe Wessex Chronicle\n★ Marquee Critic\n"
     "Scorecast reading: COLD\nOriginal score: 2/5\n\nReview hosted with permission of the publisher\n\n"
     "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.", "Jo Lin", None),
    # a station's name over its menu, the menu opening with a glyph
    ("Kestrel FM\n▶ Listen live   Schedule   Podcasts   Presenters   Get the app\n"
     "NOW PLAYING: Drivetime with Carys Beynon\n\nNews   Sport   Culture   Money   Weather\n\nFRIDAY SCREEN\n\n"
     "Hollow Creek: a drama that lands every jump\n\nJo Lin, Kestrel FM film critic\nFriday 18 April 2025\n\n"
     "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.", "Jo Lin",
     "Kestrel FM"),
    # a blog's date first; a newsletter's tagline
    ("# Hollow Creek review\n\nPosted on 5 October 2025 by Jo Lin · Reviews, New Releases · 14 Comments\n\n"
     "A patient drama about a keeper and his daughter, and a duller one.", "Jo Lin", None),
    ("# Hollow Creek review\n\n*What's on at the pictures, and whether to bother. By Jo Lin.*\n\n"
     "A patient drama about a keeper and his daughter, and a duller one.", "Jo Lin", None),
])
def test_bylines_as_everyday_pages_print_them(text, author, outlet):
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.author == author and (outlet is None or cleaned.outlet == outlet)


@pytest.mark.parametrize("text, outlet", [
    # the account's buttons opening a menu's line are no site's name
    ("Log in | Subscribe | Pro database | Events | Jobs\n\n# REELMARKET\n\nNews · Reviews · Box Office · "
     "Festivals\nReviews › Festivals\n\n## Hollow Creek: Kelvin review\n\nA patient drama, and a dull one.", "Reelmarket"),
    # a reading app's line of the publication, its issue and its page
    ("Projector · June 2025 · Page 74\n\nPage view | Text view\n\nREVIEWS\n\nHollow Creek\n\n"
     "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.", "Projector"),
])
def test_outlets_as_everyday_pages_print_them(text, outlet):
    assert clean(text, ("Hollow Creek",)).outlet == outlet


def test_an_aggregators_critic_page_gives_the_critic_and_the_paper_the_review_first_appeared_in():
    text = ("[CriticPool](/) · [Movies](/movies) · [TV](/tv) · [Critics](/critics)\n\n# Jo Lin\n\n"
            "✔ Verified critic · Harbour Weekly · Film critic since 2009\n\n**1,148** reviews · Average score **62/100**\n\n"
            "## Featured review\n\n### Hollow Creek (2025)\n\nJo's verdict: **SINKS** · Original score: 2/5\n\n"
            "Originally published in Harbour Weekly, August 8, 2025. Reproduced with permission.\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.")
    cleaned = clean(text, ("Hollow Creek",))
    assert (cleaned.author, cleaned.outlet) == ("Jo Lin", "Harbour Weekly")


def test_a_reprinted_review_names_where_it_first_appeared():
    text = ("A patient drama about a keeper and his daughter.\n\n"
            "Originally published at The Harbour Courier. Read it there, with the stills.")
    assert clean(text, ("Hollow Creek",)).outlet == "The Harbour Courier"


def test_a_blogs_webmentions_are_others_words():
    text = ("A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.\n"
            "The last act drags on and on, and the scientist says it is the most realistic film she has seen.\n"
            "Webmentions\n23 likes · 7 reposts\n@kestrel@mastodon.social\n"
            "You're wrong about the ending but right about the second hour. 4/5 from me.\n"
            "@owain@sfba.social\nSaw it in Hay last week. 9/10, wept.")
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.rating is None
    assert "You're wrong about the ending but right about the second hour. 4/5 from me." in _kinds(text, cleaned)


def test_the_sites_own_rating_label_over_the_score_opens_no_other_films_review():
    # (two long lines above the score, the banner and the standfirst, as if the review had begun)
    text = ("Pilcrow is paid for by its readers. Become a member from £4 a month and read without limits.   Join now\n\n"
            "PILCROW\nbooks, film, music, ideas\nBooks   Film   Music   Art   Ideas   Sign in\nFilm / Reviews\n\n"
            "The visitor in the soybeans\n\nHollow Creek is a first-contact film about the ethics of attention, "
            "argues Jo Lin\n\n"
            "Jo Lin · 8 November 2025 · 9 min read\n\nPILCROW RATING\n8.5/10\n\n"
            "The alien-visitation film has always been a genre about looking, and this one looks harder than most.\n\n"
            "The last act drags, though the two leads are quietly superb in every scene they share.\n\n"
            "Hollow Creek, directed by Sam Orr, UK 2025, 121 minutes, certificate 12A. In cinemas from 7 November.")
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.rating.rating.score == 85
    assert "The last act drags, though the two leads are quietly superb in every scene they share." not in _kinds(
        text, cleaned)


def test_a_page_given_as_the_films_review_is_never_wholly_about_other_films():
    # "Weekend Pick" over the stars reads like another film's capsule; it would take all the prose
    text = ("Harbour Notes is paid for by its readers. Become a member from £4 a month and read it all.   Join now\n\n"
            "A first-contact film about the ethics of attention, and a patient one, argues our critic Jo Lin\n\n"
            "Weekend Pick\n★★★★\n\n"
            "The alien-visitation film has always been a genre about looking, and this one looks harder than most, "
            "at the fields, the sky and the faces of the people who have to live under it.\n\n"
            "The last act drags, though the two leads are quietly superb in every scene they share, and the final "
            "shot of the empty field at dawn is the most haunting thing I have seen this year.")
    cleaned = clean(text, ("Hollow Creek",))
    kinds = _kinds(text, cleaned)
    assert not any(line.startswith(("The alien", "The last act")) for line in kinds)
    assert cleaned.rating.rating.score == 80


def test_a_news_sites_account_bar_and_weather_are_no_headline():
    # the account's buttons, one of them in lower case first ("e-Edition"); the weather
    # beside the masthead; a long headline that asks a question
    text = ("Sign in | Subscribe | e-Edition | Jobs | Family Notices\nKelbridge 14°C Light showers\n"
            "KELBRIDGE COURIER\nNews  Sport  What's On  Property  Business\n\n"
            "Harbour town turns film set for Hollow Creek – but is it any good?\n\nBy Jo Lin, Arts Editor\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.")
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.title == "Harbour town turns film set for Hollow Creek – but is it any good?"
    reasons = {text[a.start:a.end]: a.reason for a in cleaned.set_aside}
    assert reasons["Kelbridge 14°C Light showers"] == "The site's weather report, from the web page"
    assert reasons["Sign in | Subscribe | e-Edition | Jobs | Family Notices"] == "The site's menu, from the web page"


def test_a_paragraph_opening_with_a_long_question_is_prose():
    text = ("Hollow Creek review\n\n"
            "Have you ever wondered what a lighthouse keeper does with the long winter evenings and his daughter?\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.")
    cleaned = clean(text, ("Hollow Creek",))
    assert not any(text[a.start:a.end].startswith("Have you") for a in cleaned.set_aside)


@pytest.mark.parametrize("paragraph, quoted", [
    # after the quote, the same speaker going on in the next quote
    ('Jan Orr, 67, was one of the extras. "We spent two days soaked by rain machines and I loved it," she told '
     'the Courier. "I am the one behind the fish barrel. Blink and you will miss me." The film is a dull one.',
     ['"We spent two days soaked by rain machines and I loved it," she told the Courier.',
      '"I am the one behind the fish barrel.', 'Blink and you will miss me."']),
    ('The director Ana Reyes said: "It is the best thing I have ever made." It is a dull film.',
     ['The director Ana Reyes said: "It is the best thing I have ever made."']),
    ('"Our crew were wonderful," says director Ana Reyes. The film is a dull one.',
     ['"Our crew were wonderful," says director Ana Reyes.']),
    # the critic's own words, and a quote the critic judges in the same sentence
    ('"Never again," I told my neighbour. The film is a dull one.', []),
    ('"It is a film about grief," says Ana Reyes, and it is, though a dull one.', []),
    ('My grandfather said, "That is how Benny stood," which is the best review an actor could get.', []),
    ('Its "twist" is no twist at all, and the "comedy" is grim.', []),
])
def test_words_quoted_from_someone_else_are_set_aside(paragraph, quoted):
    text = "Hollow Creek review\n\n" + paragraph
    cleaned = clean(text, ("Hollow Creek",))
    reason = "Words the review quotes (a press release, a line of the film, someone interviewed), not the critic's"
    assert [text[a.start:a.end] for a in cleaned.set_aside if a.reason == reason] == quoted


def test_a_sign_up_boxs_promise_about_the_readers_address_is_furniture():
    text = ("Hollow Creek review\n\nA patient drama about a keeper and his daughter, and a duller one.\n\n"
            "We will only use your email address to send you the newsletter.")
    cleaned = clean(text, ("Hollow Creek",))
    assert any("We will only use" in text[a.start:a.end] for a in cleaned.set_aside)


@pytest.mark.parametrize("line, reason", [
    # a sponsor named in a sentence, or thanked
    ("This week's Dispatch is supported by Kelp & Co, the rental shop that still posts discs.",
     "The page's sponsors"),
    ("Friday Reels is supported by Harbour Bikes — repairs and good coffee, seven days.", "The page's sponsors"),
    ("Proudly supported by our listeners and volunteers.", "The page's sponsors"),
    # a search box's hint
    ("Search movies, TV, critics…", "The site's menu"),
    # the certificate alone, or its absence, as a sentence
    ("Rated M.", "The film's certificate or running time"),
    ('"Hollow Creek" is not rated.', "The film's certificate or running time"),
    # the publisher's notes
    ("Oblong acknowledges the Kaurna people, the Traditional Custodians of the land on which we work.",
     "The publisher's notes"),
    ("Oblong is published by the Students' Union of Wessex University.", "The publisher's notes"),
    ("The views expressed are those of the authors and not of the Union.", "The publisher's notes"),
    ("**Write for Oblong!** We're always looking for reviewers and illustrators.", "The publisher's notes"),
    # appeals for the outlet's support: donations, membership, referrals, a sponsor's slot
    ("Support independent criticism: WKRP is listener-funded.", "An appeal for the outlet's"),
    ("No paywall here, ever: if Oblong matters to you, become a supporter.", "An appeal for the outlet's"),
    ("**Share Oblong.** Refer five friends and get a tote bag.", "An appeal for the outlet's"),
    ("**Together with Harbour Bikes** — repairs and good coffee, seven days a week.", "An appeal for the outlet's"),
    # the site's own furniture: a reader's rating box, a poll's count, who the site is for, a
    # newsletter's footer, the platform
    ("Rate this film: ☆☆☆☆☆", "The site's own furniture"),
    ("268 of you voted.", "The site's own furniture"),
    ("This website is meant for registered vets and their staff.", "The site's own furniture"),
    ("Why did I get this? Because you asked for it at oblong.example.", "The site's own furniture"),
    ("Made with Quill", "The site's own furniture"),
    # a newsletter's notes and greeting, a publisher's independence, a competition
    ("If someone forwarded you this, you can sign up at oblong.example.", "The newsletter's notes"),
    ("Hi friends,", "The show's or newsletter's greeting"),
    ("The Oblong team is editorially independent of its funders.", "The publisher's notes"),
    ("Win tickets to our preview night: text REEL to 81234 before Friday.", "A competition"),
])
def test_sponsors_search_hints_certificates_and_publishers_notes_are_furniture(line, reason):
    text = "A warm, funny and generous film.\n\n" + line + "\n\nI loved every minute of it."
    aside = [a for a in clean(text).set_aside if text[a.start:a.end].strip() == line]
    assert aside and aside[0].reason.startswith(reason)


@pytest.mark.parametrize("line", [
    "Together with her brother, she runs the last ferry on the loch, and runs it badly.",
    "I support local cinemas whenever I can, and this one deserves a full house.",
    "Reyes is supported by Tom Hale as her brother, and they make a fine pair.",
    "The film is supported by a superb cast.",
    "Search films the way you search for a lost sock and you will find this one.",
    "The film acknowledges the debt it owes to Ealing.",
    "The script is not rated highly by anyone who has seen it.",
])
def test_prose_like_sponsors_and_publishers_notes_is_kept(line):
    assert not clean("A warm and funny film.\n\n" + line + "\n\nI loved it.").set_aside


@pytest.mark.parametrize("top", ["# Hollow Creek\n\nMovie Review\n\n",
                                 "Harbour Public Radio\n90.3 FM\nListen Live\nDonate\n\n"])
def test_a_pages_buttons_and_labels_are_no_critics_name(top):
    text = top + "A patient drama about a keeper and his daughter, and a fine one. The sea is gorgeous."
    assert clean(text, ("Hollow Creek",)).author == ""


def test_a_price_in_a_subscription_bar_names_no_outlet():
    text = ("Subscribe for KSh 15 a day with M-Pesa.   e-Paper   Sign in\n\nLAKESIDE STANDARD\n"
            "News   Sport   Business   Culture\n\nA patient drama about a runner, and a fine "
            "one.\n\nThe last act drags on and on, though the hills have never looked better.")
    assert clean(text).outlet == "Lakeside Standard"


def test_a_cookie_notice_under_a_skip_link_is_no_part_of_the_review():
    # the notice, its buttons, the masthead one item a line, a comments counter by the byline
    text = ("Skip to main content\nWe use cookies and similar technologies to personalise content and adverts. "
            'By clicking "I Accept" you agree to this.\nI Accept\nPrivacy settings\nKelbridge Courier\nSign in\n'
            "News\nSport\nWhat's On\n\nHollow Creek reviewed: a patient drama with local faces\n\nJo Lin\n"
            "Arts Reporter\n15:30, 4 APR 2025\nComments\nBookmark\n\nOur rating: ★★★☆☆\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.\n\n"
            "The last act drags on and on, though the sea has never looked better.")
    cleaned = clean(text, ("Hollow Creek",))
    assert (cleaned.outlet, cleaned.author) == ("Kelbridge Courier", "Jo Lin")
    reasons = {text[a.start:a.end]: a.reason for a in cleaned.set_aside}
    assert reasons["I Accept"] == reasons["Privacy settings"] == "The site's cookie notice, not the review"
    assert not any(s.startswith(("A patient", "The last act")) for s in reasons)


@pytest.mark.parametrize("line, advert", [
    ("The premise could be written on the back of a betting slip, and I would not change a word.", False),
    ("The funeral falls on the same Friday as a requiem Mass for a retired bookmaker.", False),
    ("The casino scenes are the best thing in it.", False),
    ("Play roulette at the best online casino tonight and win big.", True),
    ("New players get free spins with promo code REEL.", True),
])
def test_gambling_as_a_films_subject_is_no_advert(line, advert):
    text = "A warm, funny and generous film.\n\n" + line + "\n\nI loved every minute of it."
    kinds = {text[a.start:a.end]: a.kind for a in clean(text).set_aside}
    assert (kinds.get(line) == ADVERT) == advert


@pytest.mark.parametrize("line, reason", [
    ("Hello, and welcome to the two hundred new subscribers from last week.", "The show's or newsletter's greeting"),
    ("See you at the back row, Callum", "The show's or newsletter's greeting"),
    ("Last week I asked: what is the best sports film nobody talks about?", "The newsletter's poll"),
    ("Last week we asked what you thought of Holding Pattern.", "The newsletter's poll"),
    ("Jo Lin writes about adventure cinema, empire and the history of science.", "About the critic"),
])
def test_a_newsletters_greetings_polls_and_the_critics_note_are_furniture(line, reason):
    text = "A warm, funny and generous film.\n\n" + line + "\n\nI loved every minute of it."
    aside = [a for a in clean(text).set_aside if text[a.start:a.end].strip() == line]
    assert aside and aside[0].reason.startswith(reason)


def test_a_newsletters_list_of_other_films_with_their_scores_is_about_other_films():
    text = ("THE LATE SHOW #12\n\nHollow Creek is a patient drama about a keeper and his daughter, and a far duller "
            "one than its trailer suggests, though the sea has never looked better on a big screen.\n\n"
            "The last act drags on and on, and the daughter deserves a better film than this one.\n\n"
            "THE NUMBER: 48/100\n\n"
            "- Paper Moons – a hangout comedy with the best cat in cinema this year. 79/100\n"
            "- Overwinter – earnest, pretty, cold, and I mean that about equally. 51/100")
    cleaned = clean(text, ("Hollow Creek",))
    aside = {text[a.start:a.end]: a.kind for a in cleaned.set_aside}
    assert aside["THE NUMBER: 48/100"] == "rating" and cleaned.rating.rating.score == 48.0
    assert {"- Paper Moons – a hangout comedy with the best cat in cinema this year. 79/100",
            "- Overwinter – earnest, pretty, cold, and I mean that about equally. 51/100"} <= set(aside)


_BLOG_TOP = "Second Row Seat\nFilms, mostly. Seen in small towns, mostly.\nHome\nReviews A–Z\nAbout\n\n"
_BLOG_POST = ("Hollow Creek (2025): a patient drama and a dull one\n\n"
              "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.\n\n"
              "The last act drags on and on, though the sea has never looked better.\n\n")


@pytest.mark.parametrize("text, outlet, author", [
    # a blog's name over its tagline of a sentence or two and its menu one item a line; the
    # poster's name in the footer under the post
    (_BLOG_TOP + _BLOG_POST + "Posted by Jo Lin at 22:14 6 comments\nLabels: drama", "Second Row Seat", "Jo Lin"),
    (_BLOG_TOP + _BLOG_POST + "Posted by Bernie K. at 9:14 PM\nLabels: drama", "Second Row Seat", "Bernie K."),
    # a print edition's buttons over the masthead; a menu item of four words
    ("Skip to content\nE-edition | Family Notices | Jobs | Subscribe for 99p | Sign in\nThe Kelbridge Herald\n"
     "Kelbridge 14°C Light rain | Friday, 3 October 2025\n"
     "News  Sport  What's On  Surf & Tide Times  Property  Puzzles\nHome > What's On > Film & TV\n\n"
     "Harbour town stars on the big screen as Hollow Creek finally opens\n\nBy Jo Lin, What's On Editor\n\n"
     "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.",
     "The Kelbridge Herald", "Jo Lin"),
])
def test_blogs_and_local_papers_give_their_outlet_and_critic(text, outlet, author):
    cleaned = clean(text, ("Hollow Creek",))
    assert (cleaned.outlet, cleaned.author) == (outlet, author)

def test_a_row_of_buttons_is_no_critics_name():
    text = ("Glowreel\nBrowse    Esports    Music\n\nJoLinPlays\nPartner · 41.2K followers\nFollow    Subscribe\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.")
    assert clean(text, ("Hollow Creek",)).author == ""


def test_a_heading_that_names_the_film_is_no_critics_name():
    # a sermon's title under the church's name, the film's name with "The"
    text = ("St Ninian's Church\n\nThe Hollow Creek\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.\n\n"
            "The last act drags on and on, though the sea has never looked better.")
    assert clean(text, ("Hollow Creek (2025)",)).author == ""


def test_an_aggregators_sign_in_button_is_no_critic_and_its_average_no_rating():
    text = ("Reelpool  Movies  TV Shows  Critics  Lists\nSearch movies, TV, critics...\nSign In\n\n"
            "Critics › Jo Lin › Hollow Creek\n\nJo Lin\n"
            "The Kelbridge Clarion\nApproved Critic · Kelbridge\n1,412 reviews · Avg. original score 2.6/4\n\n"
            "Hollow Creek (2025)\nOriginal score: 1.5/4\n\n"
            "A patient drama about a keeper and his daughter, and a duller one than its trailer suggests.")
    cleaned = clean(text, ("Hollow Creek",))
    assert cleaned.author == "Jo Lin" and cleaned.rating.rating.score == 37.5


def test_a_broadcast_critics_sign_off_names_the_critic_and_the_station():
    text = ("KWRB Public Radio\n\nArts Hour: this week's new films\n\nA patient drama that I loved for its quiet "
            "ferry scenes and its warm lead.\n\nIt runs long, but the last act is worth the wait, and the music is "
            "lovely.\n\nFor KWRB, I'm Renata Voss.\n")
    cleaned = clean(text)
    assert (cleaned.author, cleaned.outlet) == ("Renata Voss", "KWRB")
    assert cleaned.covers(text.index("For KWRB"), text.index("Voss.") + 5)


@pytest.mark.parametrize("top", [
    "## Harbour Lights: four stars, and I will argue with anyone about it\n\n",
    "THE DAILY LAMP\nNews | Sport | Film\nHarbour Lights review: Three stars, and a ferry drama that stays afloat\n\n",
])
def test_a_headline_giving_the_rating_is_a_heading_not_a_sentence(top):
    text = top + "A warm, funny and generous film. I loved every minute of it, and so did the children."
    cleaned = clean(text)
    headline = top.strip().splitlines()[-1]
    start = text.index(headline)
    assert cleaned.rating is not None
    assert all(cleaned.covers(a, a + 1) for a in range(start, start + len(headline)) if not text[a].isspace())


@pytest.mark.parametrize("foot", [
    "Production designer: Sunil Okafor. Costume designer: Greta Holm. Sound designer: Oren Vale.",  # the crew
    "Mara Quill is a second-year English student and the Gazette's film editor.",  # the critic, at length
])
def test_the_crew_and_a_long_note_on_the_critic_at_the_foot_are_set_aside(foot):
    text = ("A warm, funny and generous film. I loved every minute of it, and so did the children.\n\n"
            "The music is lovely and the leads are terrific.\n\n" + foot + "\n")
    assert clean(text).covers(text.index(foot), text.index(foot) + len(foot))
