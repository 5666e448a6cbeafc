import pytest

from dashboard.text.ratings import find_rating, parse_rating


@pytest.mark.parametrize(
    "raw, score",
    [
        ("3.5/5", 70), ("2.5 / 5 ✨", 50), ("7/10", 70), ("3 out of 4", 75), ("★★★½", 70),
        ("****", 100), ("***1/2", 87.5), ("★★★☆☆", 60), ("B+", 83), ("A+", 100), ("A-", 91),
        ("C-", 42), ("F", 0), ("85%", 85), ("3 1/2/4", 87.5), ("45/50", 90), ("3.5 stars", 70),
        ("8", 80), ("72", 72), ("0/5", 0), ("4/4", 100), ("3 1/2", 87.5), ("F+", 0),
        # a star after a fraction decorates it; four and a half asterisks are out of five
        ("9/10 ★", 90), ("4.5/5 ★", 90), ("****½", 90),
        # stars in words, on a scale the critic states or out of five
        ("Three stars out of four", 75), ("three out of four stars", 75), ("Four stars", 80),
        ("two and a half stars (out of four)", 62.5), ("3½ stars", 70), ("**** (out of four)", 100),
    ],
)
def test_parse_rating_normalises_to_0_100(raw, score):
    rating = parse_rating(raw)
    assert rating.score == pytest.approx(score)
    assert rating.raw == raw


@pytest.mark.parametrize("raw", ["11/10", "-3/5", "R", "1-5", "", "great", "5.5/5", "3/2", "E"])
def test_nonsense_ratings_have_no_score_and_say_why(raw):
    rating = parse_rating(raw)
    assert rating.score is None
    assert rating.problem


def test_finds_rating_line_with_sparkle_and_outlet():
    text = "Long review text here about the film and more.\n2.5 / 5 ✨ from the Screen Scribe.\nLeave a comment"
    found = find_rating(text)
    assert found.rating.score == 50
    assert text[found.start:found.end] == found.rating.raw == "2.5 / 5 ✨"


def test_labelled_stars_prefer_the_fraction_beside_them():
    text = "Intro.\nRating: ★★★½ (3.5/5)\n\nMore text."
    found = find_rating(text)
    assert found.rating.score == 70


@pytest.mark.parametrize(
    "text",
    [
        "It was one of 5 films I saw in 2/3 of the time, open 24/7, released 6/6/2025.",
        "The film runs 7/10 of the way before its first twist, which is a shame, because the script is long and the twists are few and far between.",
        "No rating here at all.",
        "Released 4/20",
        "It opens on 5/10.",
        "Seen on 4/5 at the BFI.",
        "Verdict: A-list actors wasted.",
        "It played to 1,000/100 fans.",  # a thousand, not "000/100"
        # stars that are actors, and a fraction of people
        "The two stars are great.",
        "One of the stars is great.",
        "The film has four stars in it.",
        "Three out of four critics agree.",
    ],
)
def test_prose_numbers_are_not_ratings(text):
    assert find_rating(text) is None


def test_a_ranked_list_of_films_with_scores_is_no_rating_of_this_one():
    poll = "Readers' poll: the month's best\n1. Low Tide - 4.4/5\n2. The Lantern - 4.1/5\n3. Marrow - 3.2/5"
    assert find_rating("A slow, handsome film that never finds its pulse.\n\n" + poll) is None
    assert find_rating("A slow, handsome film.\n\n1. Rating: 2/5\n\n" + poll).rating.score == 40


# Two paragraphs of a review's prose, with no rating in them.
LONG_FIELD = ("The Long Field is a patient western that earns its silences, and its final ride home is as "
              "quietly devastating as anything this year.\n\nThe only trouble is a middle hour that circles "
              "the same arguments in the same kitchen until the tension runs out of the room.\n\n")


def test_a_readers_score_in_the_comments_is_no_rating_of_the_critics():
    review = LONG_FIELD
    comments = "5 comments\nrusty_spur: Loved it. 9/10 and I never give those.\nmoth_light: Too slow for me, 2/5."
    assert find_rating(review + comments) is None
    # a counter beside the byline heads no comments, and a rating on a line of its own still counts
    assert find_rating("By Jo Lin · 4 comments\nVerdict: 3/5 from me\n" + review).rating.score == 60
    assert find_rating(review + "31 comments\n\nThe Long Field:\n\n***").rating.raw == "***"


def test_another_films_stars_in_a_link_to_its_review_are_no_rating():
    review = LONG_FIELD
    links = "Read Next\n'Marrow' Review: ★★★★ for a Quiet Storm of a Debut\nThe Best Westerns of All Time, Ranked"
    assert find_rating(review + links) is None
    assert find_rating(review + links + "\n\n★★★").rating.raw == "★★★"
    this_week = "More reviews this week\nPaper Moons Rising Again ★★★☆☆\nA Quiet Tuesday Off ★★★★★"
    assert find_rating(review + this_week) is None


def test_grade_as_a_word_in_prose_is_not_a_rating():
    text = "Two sides of the genre: tedious hero-worship on the one hand, grade-B schlock on the other. Rare is the film."
    assert find_rating(text) is None


def test_a_rating_put_on_a_scale_is_no_date():
    assert find_rating("Body text of the review.\nI would put it on 4/5.").rating.score == 80


def test_a_labelled_rating_wins_over_a_fraction_on_an_earlier_short_line():
    text = "Number 10/10 Downing Street is the setting.\nThe cast is fine.\nVerdict: 3/5"
    found = find_rating(text)
    assert (found.rating.raw, found.rating.score) == ("3/5", 60)
    assert text[found.start:found.end] == "3/5"
    # with no label anywhere, the first short line's rating stands
    assert find_rating("3/5\nThe cast is fine.\nMy wife says 4/5").rating.score == 60


def test_labelled_letter_grade_and_asterisks():
    assert find_rating("Body text of the review goes here.\nGrade: B+").rating.score == 83
    assert find_rating("Body text of the review goes here.\n\n**Grade:** **B-**").rating.score == 67
    assert find_rating("Body text of the review goes here.\nRating: ****").rating.score == 100
    assert find_rating("Body text of the review goes here.\nRATING: *** |------").rating.score == 75


def test_a_rating_ends_a_short_verdict_without_taking_its_sentences():
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    a = analyze_sources([ReviewSource("r", "The acting was superb. The plot was dull. Rating: 3/5")])
    assert list(a.mentions.drop_duplicates("mention_id").text) == ["The acting was superb.", "The plot was dull."]
    assert a.reviews.explicit_score.iloc[0] == 60


@pytest.mark.parametrize(
    "line, kept",
    [
        ("Great acting, weak plot: 3/5", ["Great acting, weak plot"]),
        ("Rating: 3/5 - great acting and a dull plot.", ["great acting and a dull plot."]),
        ("Verdict: 3 out of 5 stars (worth a look)", ["worth a look"]),
        ("★★★ A taut, gripping thriller.", ["A taut, gripping thriller."]),
        # only the rating: its byline, lead-in, brackets and note stay aside with it
        ("2.5 / 5 ✨ from the Screen Scribe.", []),
        ("I give it 4/5.", []),
        ("Rating: ★★★½ (3.5/5)", []),
        ("RATING: * [LOWEST RATING]", []),
        ("Three stars out of four.", []),
        ("I give it three and a half stars.", []),
        ("Four stars: a gripping thriller", ["a gripping thriller"]),
    ],
)
def test_words_of_judgement_beside_a_rating_are_read(line, kept):
    from dashboard.records import ReviewSource
    from dashboard.engine.pipeline import analyze_sources

    text = "The acting was superb.\n" + line
    a = analyze_sources([ReviewSource("r", text)])
    assert a.reviews.explicit_score.iloc[0] > 0
    assert list(a.mentions.drop_duplicates("mention_id").text) == ["The acting was superb.", *kept]
    aside = a.set_aside[a.set_aside.kind == "rating"]
    assert len(aside) == 1
    rating = text[aside.start.iloc[0]:aside.end.iloc[0]]
    assert a.reviews.explicit_rating.iloc[0] in rating and not any(k in rating for k in kept)


@pytest.mark.parametrize(
    "line, rating, score",
    [
        ("Three stars out of four.", "Three stars out of four", 75),
        ("Rating: 4 stars", "4 stars", 80),
        ("I give it three and a half stars.", "three and a half stars", 70),
        ("Verdict: Four stars", "Four stars", 80),
        ("Two stars. Shaky but fun.", "Two stars", 40),
        ("Our rating: three out of five", "three out of five", 60),
    ],
)
def test_stars_in_words_are_found_where_they_stand_alone_or_labelled(line, rating, score):
    text = f"Body text of the review, long enough to be prose.\n{line}\nMore text."
    found = find_rating(text)
    assert (text[found.start:found.end], found.rating.score) == (rating, score)


@pytest.mark.parametrize("text, raw, score", [
    ("It opens in a gloomy harbour town (★½ out of four; rated PG-13) and never finds its feet after that.",
     "★½ out of four", 37.5),
    ("A quiet film about grief.\n★★★½ (out of four)", "★★★½ (out of four)", 87.5),
    ("Some words.\n\n*The Lantern:*\n\n****", "****", 100.0),
    ("Our review: B+", "B+", 83.0),
    ("Rating: 🍿🍿🍿/5", "🍿🍿🍿/5", 60.0),
    ("THE LANTERN (M) 104 minutes, 3.5 stars, written and directed by someone, with a cast of many in it.",
     "3.5 stars", 70.0),
    ("A slow start and a glorious finish, which is a rare thing. The Lantern gets a rare 8.5 from me this year.",
     "8.5", 85.0),
    ("Half a star out of five. The half is for the dog.", "Half a star out of five", 10.0),
    # the listing line under a syndicated review: the film's name, a dash, the stars, the certificate
    ("“The Lantern” — Two and a half stars out of four. Rated PG-13 for salty language and peril. Running time: 1:44.",
     "Two and a half stars out of four", 62.5),
    ("Patient, strange and gorgeous to look at, and braver than its trailer suggested. 7/10 - a film to revisit.",
     "7/10", 70.0),
    ("Audience score: 3.1/5 (880 ratings)\nOur score: 4/5", "4/5", 80.0),
    # an aggregator's critic page: the critic's average over all films, the crowd's score
    ("Reviews on Reelpool: 1,284 · Average original score: 3.1/5\n\n### Hollow Creek (2025)\n\n"
     "Reelpool: **71%** · Crowd score: **64%** · 96 reviews\nOriginal score: 2/5", "2/5", 40.0),
    ("In a year of remakes and sequels this one gets 3.5 stars from me, because it tries something new.",
     "3.5 stars", 70.0),
    ("It is slow, and it is strange, and I loved it. I give it a rare 8.5 out of 10 and a second viewing.",
     "8.5 out of 10", 85.0),
    ("It is slow, and it is strange, and in the end I loved nearly all of it. Seven out of ten.",
     "Seven out of ten", 70.0),
    ("The Lantern ***½\n\nSlow, strange and lovely.", "***½", 87.5),
    ("Cert 12A Stars 3\n\nSlow, strange and lovely.", "Stars 3", 60.0),
    ("The Lantern (3 stars)\n\nSlow, strange and lovely.", "3 stars", 60.0),
    ("Slow, strange and lovely.\n\nI'm giving it three stars.", "three stars", 60.0),
    ("Rating: 3 and a half stars\n\nSlow, strange and lovely.", "3 and a half stars", 70.0),
    ("The Lantern\n***1/2\nSlow, strange and lovely, and the sea has never looked better.", "***1/2", 87.5),
    ("Slow and strange, and the sea has never looked better, and the ending lands (3/5).", "3/5", 60.0),
    ("The Lantern review: 4 stars\n\nSlow, strange and lovely.", "4 stars", 80.0),
    ("Slow, strange and lovely.\n\nI give it a B+.", "B+", 83.0),
    ("Slow, strange and lovely.\n\nScore: 8.5", "8.5", 85.0),
    ("Slow, strange and lovely.\n\nOverall: B+", "B+", 83.0),
    ("Slow, strange and lovely.\n\nAll told, I'd give it a solid seven out of ten.", "seven out of ten", 70.0),
    ("Slow, strange and lovely.\n\nIt's a seven out of ten.", "seven out of ten", 70.0),
    ("Flaws and all, it is the kind of odd family film that gets rarer every year. The Lantern gets three and a "
     "half stars out of five.", "three and a half stars out of five", 70.0),
    ("**Quality: ★★★★☆**\n\nA gentle film.\n\n- **MPAA rating:** PG", "★★★★☆", 80.0),
    ("Patient, strange and lovely, with a lead who announces a real star. I'd give it a seven out of ten, and "
     "I'll be buying the soundtrack.", "seven out of ten", 70.0),
    ("The third act is messy, but the heart of it is so strong that I walked out happy. This one's a solid B "
     "from me. Tell me what grade you'd give it!", "B", 75.0),
    ("Stick with the original.\n\nRating: ** out of 5.", "** out of 5", 40.0),
    ("Original rating (2019): 2/5 — Revised rating: 4/5\n\nI was wrong about it.", "4/5", 80.0),
    ("VERDICT\n●●○○○\nGlum, overlong and predictable.", "●●○○○", 40.0),
    ("# The Lantern ✪✪✪ — a village musical that catches the breeze, mostly, and loses it in the middle\n\nText.",
     "✪✪✪", 60.0),
    # stars in words the critic gives, in a long line of prose
    ("It is a careful film, and hard work. On balance it earns three stars from me - plus a cheer for the locals "
     "who turned up as extras.", "three stars", 60.0),
    # stars in words the critic is giving, the sentence going on; a grade in words; "I'm going"
    ("Give it a Sunday afternoon. I'm giving it two and a half stars and a strong recommendation to pack tissues.",
     "two and a half stars", 50.0),
    ("A fine film.\n\nGRADE: A minus\n\nRead more", "A minus", 91.0),
    # a grade's sign in a word after a hyphen, given on a transcript's line after the speaker's name
    ("HALE: So, the grade?\n\nOKORO: I'm giving it a C-plus.\n\nHALE: Generous.", "C-plus", 58.0),
    ("A fine film.\n\nRating: C-minus\n\nRead more", "C-minus", 42.0),
    # filled and hollow dots of another shape
    ("A fine film.\n\nHarbour rating: ◉◉○○○\n\nMore below.", "◉◉○○○", 40.0),
    # the site's unit over a scale, with a long note in brackets after it
    ("A fine film.\n\n**My rating**\n\n2 out of 5 lighthouses (a generous one for the sea, and one for the "
     "cat on the jetty)\n\nMore below.", "2 out of 5", 40.0),
    # a score opening its sentence and given "from me", the sentence going on
    ("A proper family adventure on a windy island. 8 out of 10 from me, and I'd gladly sit through it again "
     "with my nieces.", "8 out of 10", 80.0),
    ("It is the best possible version of a soup film, and I loved it. So I'm going 8/10, and I don't even like soup.",
     "8/10", 80.0),
    # a key to the critic's stars, one entry a line, above the rating
    ("HOW I RATE\n★★★★★ – cleared my schedule\n★★★★ – really good\n★★★ – solid\n\nThe Lantern review\n\n"
     "A patient drama. I'd give it three stars.", "three stars", 60.0),
    # asterisks alone on a line above more text, where the page's key rates in asterisks
    ("The Lantern. 98 minutes.\n\n****\n\nHow I rate: ***** essential · **** strong · *** fine · ** fans only\n\n"
     "A patient drama about a lighthouse keeper.", "****", 80.0),
    # stars beside the certificate and running time on a long line of the film's details
    ("THE WEEK IN FILM\n\nHollow Creek ★★★★★ (15) 131 mins. In cinemas across the country from Friday 3 October.\n\n"
     "A patient drama.", "★★★★★", 100.0),
    # the site's own unit over a scale in words, in bold
    ("A patient drama.\n\n**Two and a half lanterns out of five**\n\nThe site's lantern scale is below.",
     "Two and a half lanterns out of five", 50.0),
    # a grade or the site's unit in digits, labelled, in bold
    ("A patient drama.\n\n**Grade: A**\n\nMore below.", "A", 100.0),
    ("A patient drama.\n\n**Verdict: 3.5 chainrings out of 5**\n\nMore below.", "3.5 chainrings out of 5", 70.0),
    # the critic's stars under a line of members' stars
    ("Hollow Creek 2025\n\nRated ★★★★ or higher by 41% of members\n\nWatched 2 Oct 2025 ★★\n\nA patient drama.",
     "★★", 40.0),
    # stars after the certificate and running time on a listing's details line
    ("PICK OF THE WEEK\n\nHollow Creek\n(12A) 104min ★★★★ Dir: Jo Lin. With Ana Ruiz, Tom Bell, Sam Orr. "
     "Showing across the country from Friday.\n\nA patient drama.", "★★★★", 80.0),
    # the film given its score by name, in a show's unit over a scale
    ("JO: It sags in the middle and I forgave it everything by the end, so I'm giving Hollow Creek seven "
     "lanterns out of ten. Sam?", "seven lanterns out of ten", 70.0),
    # a label in bold, its colon inside the bold
    ("A patient drama.\n\n**Our rating:** 4/5\n\nMore below.", "4/5", 80.0),
    # the site's unit alone, its scale in the page's key
    ("A patient drama.\n\n**Our verdict:** 3½ anchors\n\n*We rate films out of 5 anchors: 1 = sank, "
     "5 = plain sailing.*", "3½ anchors", 70.0),
    # of two scores, the one in the glyphs the page's key explains
    ("A patient drama.\n\n**Jump-scare meter: 2/5**\n\n**Verdict in ghosts:** 👻👻👻👻 / 5\n\n"
     "*How the ghost scale works: 👻 = stay home, 👻👻👻👻👻 = haunt the cinema.*", "👻👻👻👻 / 5", 80.0),
    # stars after the certificate and running time in brackets, in a long line
    ("A patient drama.\n\nHollow Creek (12A, 98 mins) ★★★☆☆ is showing at the Regal and the Plaza from Friday "
     "for two weeks only.", "★★★☆☆", 60.0),
    # a score said aloud on a show, ending its clause
    ("JO: It drags at the end, but I loved the lead. I'll say six out of ten, and a ten for the dog, if I'm "
     "allowed to split it.", "six out of ten", 60.0),
    # the site's glyphs with their scale in brackets
    ("A patient drama.\n\n**Lantern rating: 🏮🏮🏮 (of 5)**\n\nMore below.", "🏮🏮🏮 (of 5)", 60.0),
    # the site's unit in digits over its scale, beside a speaker's name
    ("A patient drama.\n\n- Jo: **2½ tickets out of 5**\n- Sam: 4 tickets out of 5", "2½ tickets out of 5", 50.0),
    # members' average beside its count is theirs; the critic's stars below
    ("Hollow Creek\n★★★★☆ 3.74 · 4,918 ratings · 611 reviews\n5 stars 31%\n4 stars 29%\n\nJo's review\n"
     "Jo Lin rated it ★★☆☆☆\n\nA patient drama.", "★★☆☆☆", 40.0),
    # the site's glyphs over its scale, ending a sentence of a long line
    ("A patient drama.\n\n12/12 overall: bigger, messier, less funny and more ambitious, and I'd rather have that. "
     "🚀🚀🚀🚀 out of 5. going to sleep now.", "🚀🚀🚀🚀 out of 5", 80.0),
    # a score and its share, no colon between
    ("Queuewise score 86%\n\nA patient drama.", "86%", 86.0),
    # the site's unit in digits, its scale in brackets
    ("A patient drama.\n\nJo's rating: 3½ lanterns (out of 5)\nJo Lin, Programme Secretary", "3½ lanterns (out of 5)",
     70.0),
    # the site's unit after its scale, on a line of its own, a co-host's under it
    ("A patient drama.\n\nJo's Popcorn Meter\n3 of 4 buckets\nSam: 2 of 4 buckets", "3 of 4 buckets", 75.0),
    # the site's glyph over a scale in the same glyph, in a long line
    ("A patient drama.\n\nso it's sweet and uneven and maybe 60% of the film it could have been. 🚐🚐🚐 out of "
     "🚐🚐🚐🚐🚐 (rating key: 🚐 = one campervan)", "🚐🚐🚐 out of 🚐🚐🚐🚐🚐", 60.0),
    # a shop's average over its count, a customer's stars below
    ("Hollow Creek [Blu-ray]\n4.4 out of 5 stars · 1,208 ratings\n\nCustomer reviews\n4.4 out of 5\n1,208 global "
     "ratings\n\nJo Lin\n4.0 out of 5 stars\nA patient drama.", "4.0 out of 5 stars", 80.0),
    # the site's glyphs with a half, over the scale; another meter's glyphs above
    ("A patient drama.\n\n**Gore-o-meter:** 🩸🩸🩸🩸 / 5\n\n**Skull score:** 💀💀💀½ / 5", "💀💀💀½ / 5", 70.0),
    # asterisks after the film's name under the masthead and a heading, before the prose
    ("MARQUEE WEEKLY\nFilm   Theatre   Music\n\nFILM OF THE WEEK\nHollow Creek ****\nWords: Jo Lin\n\nA patient "
     "drama about a ferry, and the most quietly gripping thing in cinemas this month by far.", "****", 100.0),
    # the site's average labelled and beside its count; the user's score under it
    ("ReelVault rating 5.8/10 3,214 ratings\n★ 6/10\nA patient drama.", "6/10", 60.0),
    # a score said aloud with no scale, a number only ten can hold
    ("**JO:** I'm going to say a solid seven. It's not a masterpiece, and it is twenty minutes too long.",
     "a solid seven", 70.0),
    ("A patient drama.\n\nI'd give it a generous eight, and the dog a ten.", "a generous eight", 80.0),
    # of two hosts' scores on one line, the first: the show notes' writer's, a co-host's after it
    ("A patient drama.\n\nJo's score: six and a half out of ten. Sam's score: 8/10 (he's wrong).",
     "six and a half out of ten", 65.0),
    # the site's glyphs between the label and the number they draw
    ("A patient drama.\n\n**Harbour rating:** ☁☁☁◐ 3.5 of 5 clouds", "3.5 of 5 clouds", 70.0),
    # a labelled number of a scale in words of another language's habit, a glyph after it
    ("A patient drama.\n\nMy note: 7,5 of 10 ⭐", "7,5 of 10", 75.0),
    # a scale of six (an over's balls, a die's faces)
    ("A patient drama.\n\nJo's rating: 4 balls out of 6", "4 balls out of 6", 66.7),
    # others' label closing the line above their score; the critic's below
    ("A patient drama.\n\nShown to 41 members on 12 April. Members' vote:\n8.4 out of 10.\n\nRating: 3/5",
     "3/5", 60.0),
    # averages with their counts: in brackets, "based on", "from ... fans"
    ("Visitors rated this event ★★★★½ (4.6 from 57 ratings)\n\nA patient drama.\n\nRating: ★★★", "★★★", 60.0),
    ("Parents say: age 6+, ★★★★½ based on 88 reviews\n\nA patient drama.\n\nQuality: 4/5", "4/5", 80.0),
    ("4.4/5 from 312 fans\n\nA patient drama.\n\n3½ gloves out of 5", "3½ gloves out of 5", 70.0),
    # the label says what it rates, or how: "for the film", a note in brackets before the colon
    ("A patient drama.\n\nMy rating for this film: 4/5, and bring a coat.", "4/5", 80.0),
    ("A patient drama.\n\nMy score (out of a hundred, as ever): 85%", "85%", 85.0),
    # a site's unit with its adjective, labelled, wins over a walk's difficulty in stars above
    ("Parking: ★★☆☆☆ (2)  Access: ★☆☆☆☆\n\nA patient drama.\n\nScore: 4 brass buttons out of 5, one lost to the"
     " ending.", "4 brass buttons out of 5", 80.0),
    # a grade given aloud, its sign in words, the sentence going on; a grade with who gives it
    ("A patient drama.\n\n0:48 honestly I'm giving it a B plus, maybe higher on a second watch.", "B plus", 83.0),
    ("A patient drama that its regulars will enjoy far more than newcomers will, slow as it is. A C+ from this "
     "night porter.", "C+", 58.0),
    # a grade in brackets closing the headline
    ("## Harbour Lights [C-]\n\nA patient drama.", "C-", 42.0),
    # a site's own glyphs, filled then hollow, over the scale they make
    ("A patient drama.\n\n**Harbour rating: ◆◆◇◇◇ (two diamonds of five)**", "◆◆◇◇◇", 40.0),
])
def test_every_printed_rating_form_is_found(text, raw, score):
    found = find_rating(text)
    assert found is not None and (found.rating.raw, found.rating.score) == (raw, score)


@pytest.mark.parametrize("text", [
    "On the plus side, the score - a single cello - is beautifully judged.",   # no grade "a"
    "Verdict: A triumph of style over sense.",                              # no grade "A"
    "The two stars have real chemistry, and the film gives them plenty of room to play.",
    "STAR KEY - 5 stars: must see. 4 stars: very good. 3 stars: fine.",     # a key to the scale
    "The film earns a 15 certificate for its violence and is long at 2.5 hours.",
    "The two stars from the first film return, and three out of five scenes still work somehow.",
    "One out of ten viewers will love it, and she is one of five sisters in a house by the sea.",
    "The first act ends at sea.\n***\nThe second opens on land, and the film never finds its feet again.",
    "**The Lantern**\n\nSlow, strange and lovely.",
    "Slow, strange and lovely.\n\nRating: 15",          # a certificate, not a score
    "Slow, strange and lovely.\n\nRating: 4.5",         # out of five or of ten?
    "Slow, strange and lovely.\n\nMetacritic score: 7.8",
    "The sequel (1/2) is fine, and it runs (2/3 of the time) long.",
    "A gentle film.\n\n- **Violence & scariness:** 3/5 — a storm at sea.",   # a parents' guide's category
    "A gentle film.\n\nEducational value: 2/5",
    "A gentle film.\n\nHow we rate: ★★★★★ Unmissable · ★★★★ Excellent · ★★★ Good",   # the site's key
    "A gentle film.\n\n★★★★ excellent; ★★★ good; ★★ fair; ★ poor",
    "The widow is played with real nerve. All 5 stars are terrific in this strange, neglected little drama.",
    "A gentle film.\n\n- **MPAA rating:** PG\n- **Age rating:** 12",       # a certificate, its bold closed
    "Average member rating: 5.6/10 (41 votes)\n\nA gentle film.",
    "A gentle film.\n\n● The acting is superb\n● The music too",                 # bullets, not dots
    'The poster quotes a paper calling it "5 stars – the event of the year", and I would like a word with them.',
    # stars in words that another gave
    "Horror fans will disagree, and I cannot believe a paper I like gave it four stars, for it is a mess from start "
    "to finish.",
    "The music is tolerable, and only the music kept my friend from giving it zero stars when we talked about it.",
    # a reader's letter in a newsletter's mailbag
    "Hollow Creek is a gentle film about a ferry, and it takes its time getting anywhere at all.\n\n"
    "The river is the star, and the cast mostly stand on its banks looking worried about the weather.\n\n"
    "## The mailbag\n\n**Sam in Hull writes:** I gave it a seven out of ten and my son gave it nine.",
    "Four families out of five will find something to like here.",
    "A gentle film.\n\nShare this:\nFacebook\n\n★ Like 23 bloggers like this.",  # a blog's like button
    # another film's score, given before
    "A gentle film about a composer, and a dull one. I was bored from start to end. By the way, I gave Amadeus 10/10!",
    # a unit with no scale on the page
    "A gentle film.\n\n**Our verdict:** 3 anchors\n\nMore below.",
    # a share of the audience said, not a score
    "It is a crowd-pleaser, and I would say nine out of ten viewers will love it, whatever the critics write.",
    "A funny and heartwarming film that deserves better than it got. 8+ out of 10!",  # no glyph rating: "+"
    "I saw 2 of 5 films this week, and this was the worst of them by far.",  # a count, no unit of a scale
    "A gentle film.\n\nI'd give it a solid three.",  # out of five or of ten?
    "A gentle film, and I would say a seven-minute trim would help it.",
    "A gentle film.\n\n*Previous episode: 111 — Quarry Lane (Jo's score: 8)*",  # another episode's
    "★ STAFF PICK ★\n\nA gentle film.\n\n★★★★½ 4.5 out of 5 (212 members)",  # decoration; members' average
    # a label's bold closed after its colon, a glyph after it: no rating of two asterisks
    "A gentle film.\n\n**Harbour rating:** ☁ soon",
    "Shown to 41 members on 12 April. Members' vote:\n8.4 out of 10.\n\nA gentle film.",
    "Visitors rated this event ★★★★½ (4.6 from 57 ratings)\n\nA gentle film.",
    "A gentle film.\n\n4.4/5 from 312 fans",
    # a visitor's words after their stars, and who they are
    'A gentle film.\n\n★★★★☆ "Smaller than it looks in the film, but still worth a dry afternoon." – Mike and Jan, Derby',
    'A gentle film.\n\n★★★★☆ "Still worth it on a dry day." – Mike, Derby',
    # a title's italics after a label's word ("Stars"), in a day's programme
    "- **21:30** Movies Under the Stars: *Deepwake* on the pool deck\n\nA gentle film.",
    "A gentle film.\n\n*Harbour ratings: 1 otter – give it a miss; 3 otters – worth a look; 5 otters – go.*",
    # listeners' average, and its count after more than one word
    "A gentle film.\n\nWhat listeners think\n★★★☆☆ 3.2 average from 97 votes",
    # a grade a performer gets from the critic is no rating of the film
    "A gentle film, though she gets an A from this critic for effort alone in a part that gives her nothing at all.",
    "## Part (A)\n\nA gentle film.",
])
def test_no_rating_where_the_critic_gave_none(text):
    assert find_rating(text) is None


@pytest.mark.parametrize("text, raw, score", [
    # a teacher's word for the grade, alone on its line or after "My"
    ("A patient drama, and a dull one.\n\nMark: C+", "C+", 58.0),
    ("A patient drama.\n\nMy mark: 16 out of 20. I took two off for the ending and two for the dog.",
     "16 out of 20", 80.0),
    # the site's unit in words, an adjective before it
    ("A patient drama.\n\nVerdict: three giant footprints out of five", "three giant footprints out of five", 60.0),
])
def test_a_mark_and_a_sites_unit_with_its_adjective_are_ratings(text, raw, score):
    found = find_rating(text)
    assert found and (found.rating.raw, found.rating.score) == (raw, score)


def test_a_speaker_named_mark_gives_no_rating():
    assert find_rating("A patient drama.\n\nMark: A bit slow for me, I thought.") is None


def test_a_blogs_like_button_is_no_rating():
    assert find_rating("A patient drama, and a dull one.\n\n**Like this:** ★ Like · Be the first to like this.") is None


def test_a_societys_ballot_is_no_critics_rating():
    assert find_rating("A patient drama, and a dull one.\n\nMembers' ballot 2.4 / 5 (31 ballots)") is None


@pytest.mark.parametrize("text, raw, score", [
    # stars after the film's name in capitals, opening a line of its details
    ("THE DAILY LAMP\nNews | Sport | Film\n\nHARBOUR LIGHTS ★★★½ Directed by Jo Penn. Starring Ana Roe and Tim Vale. Rated PG-13. 104 minutes. In "
     "cinemas from 12 June at the Rialto and the Odeon.\n\nA patient drama.", "★★★½", 70.0),
    # the label names the film: "verdict on <title>:"
    ("Last week: *Low Tide* (⚓⚓⚓⚓)\n\nA patient drama.\n\n**Sam's verdict on *Harbour Lights*: ⚓⚓⚓ out of 5**",
     "⚓⚓⚓ out of 5", 60.0),
    # the film named in italics between the verb and the score
    ("A patient drama, slow in the middle and lovely at the end. So I'm giving *Harbour Lights* six and a half out "
     "of ten; bring a coat.", "six and a half out of ten", 65.0),
    # a grade's sign in a word after a hyphen
    ("A patient drama that never finds its feet, though the lighthouse is lovely. I'll give it a C-minus, and the dog "
     "deserves better.", "C-minus", 42.0),
    # the stars the critic says they are giving, after the verdict
    ("A patient drama whose ending I will remember for years; the three stars I'm giving it come easily.",
     "three stars", 60.0),
    # others gave their score; the critic's follows "For <the film>,"
    ("A patient drama.\n\nGWEN: A listener texts that her nephews gave it nine out of ten, which is something.\n\n"
     "TOMOS: It has its moments. For Harbour Lights, six out of ten, maybe. Take a coat.", "six out of ten", 60.0),
    # members' share of each star count is no rating; the critic's stars after their name are
    ("★★★★★ 12%   ★★★★ 27%   ★★★ 33%   ★★ 18%   ★ 10%\n\nReview by Jo Penn ★★★½\n\nA patient drama.", "★★★½", 70.0),
    # "<the film> is a seven out of ten for me" in a long line
    ("Weighing it all up, the harbour scenes against the plodding middle, Harbour Lights is a seven out of ten for "
     "me, mostly for the brass band.", "seven out of ten", 70.0),
    # where the critic lands
    ("A patient drama. In the end I'm landing on a B+; coming from a grump like me, that is generous.",
     "B+", 83.0),
    ("A patient drama, better than the first and still too long, so with some misgivings I land on 7.5/10, higher "
     "than the sequel's 6.", "7.5/10", 75.0),
    # stars in words after a headline's colon
    ("## Harbour Lights: four stars, and I will argue with anyone about it\n\nA patient drama.", "four stars", 80.0),
    ("THE DAILY LAMP\nNews | Sport | Film\nHarbour Lights review: Three stars, and a ferry drama that stays afloat\n\n"
     "A patient drama.", "Three stars", 60.0),
    # a site's average over its count of votes on the next line, then the reader's own score
    ("FilmBase RATING\n★ 5.9/10\n3.1K\n\nUser review\n★ 4/10\nA patient drama, and a dull one.", "4/10", 40.0),
])
def test_ratings_given_in_more_of_the_ways_critics_give_them(text, raw, score):
    found = find_rating(text)
    assert found and (found.rating.raw, found.rating.score) == (raw, score)


def test_a_table_of_other_films_scores_is_no_rating():
    text = ("A gentle film.\n\n| Film | Panel |\n|---|---|\n| *Salt Choir* (Korea) | ★★★ 3.4 |\n"
            "| *Neon Field* (Thailand) | ★★ 2.6 |\n| *A Room Upstairs* | ★★★ 3.1 |")
    assert find_rating(text) is None


def test_a_panels_score_for_the_film_is_no_critics_rating():
    assert find_rating("A patient drama, and a dull one.\n\nCaption panel score for Harbour Lights: 4 out of 5. "
                       "Clear and well timed.") is None
