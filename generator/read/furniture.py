"""Page furniture vocabulary: lines that are never article text, whatever the site."""
from __future__ import annotations

import re

# Whole-line shapes, matched at the start of the (stripped) line.
_START = [
    r"(?:recommended|related|suggested|sponsored|featured|trending|popular)(?: videos?| stories| articles| content| reading| posts| links| news)?:?$",
    r"(?:read|see|watch|listen)(?: more| also| next| now)?\s*:",
    r"(?:advertisement|advertising|sponsored|promoted|ad)$",
    r"(?:©|\(c\)|copyright\b)",
    r"join us (?:at|for|in)\b",
    r"(?:photo|image|picture|credit|source|caption|video|graphic)s?(?: credit)?\s*[:|]",
    r"(?:share|share this|share on|tweet|email|print|comments?|reply|log ?in|sign ?in|sign ?out|register|follow us)\b.{0,30}$",
    r"lorem ipsum\b",
    r"citation:",
    r"(?:https?://|www\.)\S+$",
    r"[\d\s:./T+\-,]+$",
    r"\[.*\]$",
    r"(?:about the authors?|more from|more in|latest in|most (?:popular|read|viewed|shared)|you may also like)\b",
    r"(?:down|right|left) arrow\b",
    r"(?:image|media|photo|picture|video) caption\b",
    r"follow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|linkedin|youtube)\b",
    r"related\s*:",
    r"no spam\b",
]
_START_RE = re.compile("|".join(f"(?:{p})" for p in _START), re.I)

# Phrases anywhere in the line, each tried only when its trigger word is present.
_ANYWHERE = [
    ("newsletter", r"\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe|inbox)\b"),
    ("subscribe", r"\bsubscribe\b.{0,40}\b(?:updates|alerts|inbox)\b"),
    ("unsubscribe", r"\bunsubscribe at any time\b"),
    ("rights reserved", r"\ball rights reserved\b"),
    ("cookie", r"\bcookies?\b.{0,80}\b(?:consent|accept|agree|privacy|preferences|settings|continu|browsing|experience|use of)|\buses? cookies\b"),
    ("regist", r"\bregister now\b|\bregistration is open\b"),
    ("book your", r"\bbook your (?:seat|ticket)s?\b"),
    ("getty", r"\bgetty images\b"),
    ("photo", r"\b(?:ap|afp|associated press) photo\b"),
    ("shutterstock", r"\bshutterstock\b"),
    ("istock", r"\bistock\b"),
    ("credit", r"\bcredits?:\s*[^.]{2,60}$"),
    ("click here", r"\bclick here\b"),
    ("terms", r"\bterms (?:of|and) (?:use|service|conditions)\b"),
    ("privacy policy", r"\bprivacy policy\b"),
    ("button icon", r"\bbutton icon\b"),
    ("views", r"\bthe views (?:and opinions )?expressed\b"),
    ("copyright", r"\bsubject to copyright\b"),
    ("reproduced", r"\bno part (?:of this \w+ )?may be reproduced\b"),
    (".jpg", r"\.jpg\b"), (".png", r"\.png\b"), (".jpeg", r"\.jpeg\b"), (".gif", r"\.gif\b"),
    (".webp", r"\.webp\b"), (".svg", r"\.svg\b"),
]
_ANYWHERE_RE = [(t, re.compile(p, re.I)) for t, p in _ANYWHERE]
_TRIGGER = re.compile("|".join(re.escape(t) for t, _ in _ANYWHERE))  # one scan instead of one per trigger
# A photo credit closing a line: 'AGENCY/Jane Doe', 'AGENCY / Jane Doe' (agency in capitals).
_AGENCY_CREDIT = re.compile(r"\b[A-Z]{2,}(?: [A-Z]{2,})?\s?/\s?[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}\)?$")


_CREDITS = re.compile(
    r"\s*\((?:additional |extra )?(?:reporting|writing|editing|compiled|edited|research)(?: by)?\b[^()]*\)\s*$", re.I
)


def strip_credits(paragraph: str) -> str:
    """A paragraph without a trailing wire credit '(Reporting by A; Editing by B)'."""
    return _CREDITS.sub("", paragraph) if paragraph.endswith(")") else paragraph


def is_furniture(line: str) -> bool:
    """True for lines made of page-furniture vocabulary (share bars, cookie notices, credits...)."""
    if _START_RE.match(line):
        return True
    if "/" in line and _AGENCY_CREDIT.search(line):
        return True
    low = line.lower()
    if _TRIGGER.search(low) is None:
        return False
    for trigger, rx in _ANYWHERE_RE:
        if trigger in low and rx.search(line):
            return True
    return False


# Headings that close an article: what follows is other content (related links, comments).
_END = re.compile(
    r"^(?:[•□*]\s*)?(?:more (?:from|in|on|stories|news|articles|coverage)\b|more\s+\S+(?:\s+\S+)?$|related\b|recommended\b|read next\b|"
    r"you (?:may|might) also\b|most (?:popular|read|viewed|shared)\b|latest\b|trending\b|"
    r"share your thoughts\b|about the authors?\b|tags?:|topics?:|filed under\b|"
    r"(?:leave|post|add|write) a (?:reply|comment)\b|\d+\s+(?:responses?|comments?|replies)\b|"
    r"comments?$|discussion$|join the (?:conversation|discussion)\b|show comments\b)",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:(?:leave|post|add|write) a (?:reply|comment)\b|\d+\s+(?:responses?|comments?|replies)\b|"
    r"comments?$|join the (?:conversation|discussion)\b|show comments\b)",
    re.I,
)


def is_end_marker(line: str) -> bool:
    """True for short headings such as 'Related stories', 'More from X', '12 comments'."""
    return len(line) <= 60 and not line.endswith(".") and bool(_END.match(line))


def is_comments_marker(line: str) -> bool:
    """True for the heading of a reader-comments section."""
    return len(line) <= 80 and bool(_COMMENTS.match(line))
