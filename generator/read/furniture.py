"""Page furniture vocabulary: lines that are never article text, whatever the site."""
from __future__ import annotations

import re

_PATTERNS = [
    r"^(?:recommended|related|suggested|sponsored|featured|trending|popular)(?: videos?| stories| articles| content| reading| posts| links| news)?:?$",
    r"^(?:read|see|watch|listen)(?: more| also| next| now)?\s*:",
    r"^(?:advertisement|advertising|sponsored|promoted|ad)$",
    r"\b(?:sign up|subscribe)\b.{0,40}\b(?:newsletter|updates|alerts|inbox)\b",
    r"\bnewsletters?\b.{0,40}\b(?:sign up|subscribe|inbox)\b",
    r"\ball rights reserved\b",
    r"^(?:©|\(c\)|copyright\b)",
    r"\bcookies?\b.{0,80}\b(?:consent|accept|agree|privacy|preferences|settings|continu|browsing|experience|use of)\b",
    r"\b(?:we|this (?:web)?site) uses? cookies\b",
    r"\bregister now\b|\bregistration is open\b|\bbook your (?:seat|ticket)s?\b",
    r"^join us (?:at|for|in)\b",
    r"\b(?:getty images|associated press photo|ap photo|afp photo|reuters/|shutterstock|istock)\b",
    r"^(?:photo|image|picture|credit|source|caption|video|graphic)s?(?: credit)?\s*[:|]",
    r"^(?:share|share this|share on|tweet|email|print|comments?|reply|log ?in|sign ?in|sign ?out|register|follow us)\b.{0,30}$",
    r"\bclick here\b|\bterms (?:of|and) (?:use|service|conditions)\b|\bprivacy policy\b",
    r"^lorem ipsum\b",
    r"^(?:https?://|www\.)\S+$|^\S+\.(?:png|jpe?g|gif|webp|svg)\b",
    r"^[\d\s:./T+\-,]*$",
    r"^\[.*\]$",
    r"^(?:about the authors?|more from|more in|latest in|most (?:popular|read|viewed|shared)|you may also like)\b",
    r"^(?:down|right|left) arrow\b|\bbutton icon\b",
    r"\bthe views (?:and opinions )?expressed\b",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)


def is_furniture(line: str) -> bool:
    """True for lines made of page-furniture vocabulary (share bars, cookie notices, credits...)."""
    return bool(_FURNITURE.search(line))
