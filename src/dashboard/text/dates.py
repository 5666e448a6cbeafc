"""Dates as reviews and web pages print them ("Thu 17 Apr 2025", "April 20, 2025",
"2025-04-20", "21/01/2025", with a time after them or not): regular-expression pieces for
the rules that must tell a date from a name or a rating."""

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A day or a month in full or cut short, and nothing more ("Monday", "Thurs.", "Sept"; not
# "Monocle" or "Decider").
DAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
              r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# A time of day: "6:00 AM EST", "10:47 pm", "18.30".
TIME = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?"
DATE = (rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
        rf"(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
        r"|\d{1,2}[/.]\d{1,2}[/.]\d{4})"  # "21/01/2025", "21.01.2025"
        # and a time after it: "Jan 17, 2025, 6:00 AM EST"
        rf"(?:,?\s+(?:at\s+)?{TIME})?")
