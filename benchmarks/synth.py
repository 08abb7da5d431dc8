"""Synthetic seeds: plain-text business news articles, deterministic by number.

Each article looks like a scraped news page: optional page furniture (menu,
share links), a headline, a byline, a date line, then 10-16 paragraphs of
business prose with companies, brands, products, people with roles, figures
(money in USD/EUR/GBP/CNY/JPY, percentages, counts) tied to periods ("last
year", "the first quarter", "in March") and direct quotes ("..., X said",
"..., he said"). ``generate(n)`` returns the text and what was planted in it,
so tests can check the extractor finds it.

    python -m benchmarks.synth OUT_DIR --count N [--start K]          # seeds  OUT_DIR/synth_<n>.txt
    python -m benchmarks.synth OUT_DIR --count N --bare               # ~700-word Markdown pages

Article n is the same on every machine and Python version (``random.Random(n)``
and fixed word lists only).
"""
from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# --------------------------------------------------------------------- word lists
STEMS = [
    "Norvane", "Calder", "Brightwell", "Astera", "Kestrel", "Orbis", "Halden", "Veyra", "Tarrow",
    "Quillon", "Marisco", "Solvane", "Deltara", "Ferrano", "Grayholt", "Ilvex", "Jorvik", "Lintrel",
    "Mavrin", "Nexora", "Ostrava", "Pellam", "Rookwood", "Saltera", "Thorne", "Ulmera", "Varden",
    "Westmere", "Yaskin", "Zentor", "Ambrell", "Borealis", "Corvan", "Dunmore", "Elstree", "Fairhaven",
    "Greyfield", "Harrowgate", "Ironvale", "Kaimon", "Larchmont", "Meridane", "Northam", "Oakhurst",
    "Penrith", "Redcliffe", "Silverlake", "Tamsin", "Vantor", "Whitcombe", "Hanlu", "Jinteng", "Sanwa",
    "Daiko", "Mirae", "Haneul", "Kovar", "Lindqvist", "Bergmann", "Castellan", "Moreau", "Rinaldi",
]
SECTORS = [
    # (suffix words, sector noun, counted noun, product kinds, brand style)
    (["Motors", "Automotive", "Auto Group"], "carmaker", "vehicles", ["SUV", "sedan", "pickup", "hatchback"]),
    (["Electronics", "Technologies", "Devices"], "electronics maker", "units", ["smartphone", "tablet", "laptop", "smartwatch"]),
    (["Foods", "Beverages", "Brands"], "food group", "cases", ["energy drink", "snack bar", "yoghurt", "coffee blend"]),
    (["Airlines", "Air", "Aviation"], "airline", "passengers", ["route", "long-haul service", "regional jet"]),
    (["Retail", "Stores", "Markets"], "retailer", "stores", ["loyalty app", "own-label range", "delivery service"]),
    (["Energy", "Power", "Renewables"], "utility", "megawatts", ["wind farm", "solar park", "battery plant"]),
    (["Pharma", "Therapeutics", "Biosciences"], "drugmaker", "doses", ["vaccine", "diabetes drug", "cancer therapy"]),
    (["Logistics", "Shipping", "Freight"], "logistics group", "containers", ["warehouse", "cargo terminal", "parcel network"]),
    (["Semiconductor", "Microsystems", "Chips"], "chipmaker", "wafers", ["processor", "memory chip", "sensor"]),
    (["Games", "Media", "Studios"], "media group", "subscribers", ["streaming service", "console game", "music app"]),
]
LEGAL = ["", "", "", " Inc.", " Co.", " Corp.", " plc", " AG", " SA", " Ltd."]
BRAND_STEMS = ["Aurea", "Nimbus", "Strata", "Pulse", "Vireo", "Zephyr", "Lumo", "Corsa", "Helix", "Nova",
               "Atlas", "Echo", "Fable", "Glint", "Ionis", "Juno", "Koru", "Lyra", "Mosaic", "Onyx"]
MODEL_SUFFIX = ["X", "S", "Pro", "Max", "One", "Air", "GT", "Plus", "Neo", "Prime"]
FIRST = ["Sarah", "James", "Li", "Wei", "Amelia", "Marco", "Priya", "Kenji", "Elena", "David", "Fatima",
         "Lucas", "Hannah", "Omar", "Chen", "Sofia", "Thomas", "Aiko", "Daniel", "Ingrid", "Rahul", "Claire",
         "Mateo", "Yuki", "Olivia", "Samuel", "Nadia", "Henrik", "Grace", "Jonas", "Mei", "Paolo"]
LAST = ["Whitaker", "Zhang", "Okafor", "Lindgren", "Moreno", "Tanaka", "Kapoor", "Fischer", "Dubois",
        "Novak", "Haddad", "Brennan", "Sato", "Costa", "Wang", "Kowalski", "Murphy", "Ibrahim", "Larsen",
        "Rossi", "Nakamura", "Schneider", "Patel", "Garcia", "Ferreira", "Okonkwo", "Horvath", "Andersen"]
ROLES = ["chief executive", "chief financial officer", "chairman", "head of sales", "president",
         "chief operating officer", "head of strategy", "managing director"]
BANKS = ["Harcourt Securities", "Pinnacle Capital", "Meridian Research", "Stonebridge Partners",
         "Lakeshore Bank", "Crestline Advisors", "Eastgate Securities", "Bluewater Analytics"]
CITIES = ["London", "Frankfurt", "Shanghai", "Tokyo", "New York", "Paris", "Seoul", "Stockholm",
          "Milan", "Singapore", "Hong Kong", "Toronto", "Madrid", "Zurich", "Mumbai", "Sydney"]
REGIONS = ["Europe", "China", "North America", "Southeast Asia", "Latin America", "the Middle East", "Japan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
RIVAL_SEED = 10**9  # the rival's figures are drawn from Random(RIVAL_SEED + n)
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
CURRENCIES = [  # ISO code, formatter(value in units) -> text; weights by frequency in business news
    ("USD", 5), ("EUR", 2), ("GBP", 2), ("CNY", 2), ("JPY", 1),
]
FURNITURE_TOP = ["• Home", "• Markets", "• Business", "• Tech", "• Companies", "• Opinion", "Subscribe", "Sign in"]
FURNITURE_BOTTOM = ["Share this article", "Read more:", "Advertisement", "Most popular", "© {year} Business Wire News. All rights reserved.",
                    "Terms of use | Privacy policy | Cookie settings"]

QUOTE_OPENERS = [
    "We are seeing {adj} demand for our {product} across {region}",
    "This has been a {adj2} year for the whole industry, and we have come through it stronger",
    "Our priority now is to protect margins while we keep investing in the {product}",
    "Customers are telling us they want better value, and we intend to give it to them",
    "We did not expect the slowdown in {region} to last this long",
    "The {product} has changed how people think about the {company} name",
    "Competition is fierce, but we have the cost base to win on price",
    "We will keep hiring engineers, because that is where the growth comes from",
    "Nobody should read too much into one quarter",
    "The numbers show that our strategy in {region} is working",
    "We have a clear plan and the balance sheet to carry it out",
    "Supply is still the constraint, not demand",
]
QUOTE_TAILS = [
    "and we expect that to continue next year",
    "even if the market stays difficult for some time",
    "so we are raising our investment in new capacity",
    "which is why we are confident about the second half",
    "and our dealers and partners feel the same way",
    "although the currency has not helped",
]
ANALYST_QUOTES = [
    "The market had priced in a much weaker result, so this is a relief",
    "Margins are the real story here, and they are still under pressure",
    "{company} is gaining share faster than most of its rivals expected",
    "Investors want to see proof that the {product} can sell outside {region}",
    "The guidance looks cautious to us, which leaves room for an upgrade later",
    "It is too early to call a turnaround, but the direction is right",
]
FILLER = [
    "The results come as {sector}s across {region} grapple with higher borrowing costs, softer consumer spending and a fresh round of price cuts from newer rivals.",
    "{company} has spent the past two years reorganising its business around fewer, larger product lines, closing some smaller operations and selling assets it no longer considers central.",
    "Founded in {city}, the group has expanded steadily abroad and now sells in more than forty markets, although its home market still accounts for most of its profit.",
    "Industry executives say the pressure on prices is unlikely to ease soon, as several competitors have built new capacity at the same time that demand has cooled.",
    "Regulators in {region} have also tightened the rules on data, emissions and labelling, adding to the cost of launching new products in the region.",
    "The company did not give details of the talks, and a spokesperson declined to comment on market speculation about possible acquisitions.",
    "{brand}, the premium label the company launched to compete with established names, has become its most visible brand, helped by heavy marketing and a string of well-reviewed launches.",
    "Some investors have questioned whether the group can keep up its pace of spending on research and new factories without raising more money from shareholders.",
    "Suppliers have warned that shortages of components and skilled workers could delay the next wave of launches, though the company said its own plans were on schedule.",
    "The broader market was mixed on the day, with technology and consumer stocks lagging while banks and energy companies edged higher.",
    "Union representatives said they would seek talks with management over plans to move some production to lower-cost sites.",
    "The board also approved a new dividend policy and said it would review its share buyback programme at the end of the year.",
    "Analysts expect the pricing battle to weigh on earnings across the sector for several more quarters, especially for companies without a strong premium brand.",
    "Rivals including {rival} have responded by cutting prices, extending warranties and offering cheaper financing to customers.",
]


@dataclass
class Article:
    n: int
    text: str
    title: str
    published: str  # YYYY-MM-DD
    author: str
    entities: list[dict] = field(default_factory=list)   # {"name", "type"}
    metrics: list[dict] = field(default_factory=list)    # {"subject", "value", "unit", "period", "sentence"}
    quotes: list[dict] = field(default_factory=list)     # {"speaker", "text"}


def _company(r: random.Random, used: set[str], sector: tuple | None = None) -> tuple[str, str, tuple]:
    """(full name, short name, sector)."""
    while True:
        stem = r.choice(STEMS)
        if stem not in used:
            used.add(stem)
            break
    sector = sector or r.choice(SECTORS)
    full = f"{stem} {r.choice(sector[0])}{r.choice(LEGAL)}"
    return full, stem, sector


def _person(r: random.Random, used: set[str]) -> str:
    while True:
        name = f"{r.choice(FIRST)} {r.choice(LAST)}"
        last = name.split()[-1]
        if last not in used:
            used.add(last)
            return name


def _money(r: random.Random, lo: float, hi: float, code: str | None = None) -> tuple[float, str, str]:
    """(value in currency units, ISO code, text as written); in ``code`` when given."""
    code = code or r.choices([c for c, _ in CURRENCIES], weights=[w for _, w in CURRENCIES])[0]
    scale = 1e6 if r.random() < 0.5 else 1e9
    amount = round(r.uniform(lo, hi), 1) if scale == 1e9 else float(r.randint(12, 950))
    if scale == 1e9 and amount >= 10:
        amount = float(int(amount))
    num = f"{amount:g}"
    word, short = ("billion", "bn") if scale == 1e9 else ("million", "m")
    style = r.random()
    if code == "USD":
        text = f"${num} {word}" if style < 0.7 else (f"US${num} {word}" if style < 0.85 else f"${num}{short}")
    elif code == "EUR":
        text = f"€{num} {word}" if style < 0.7 else f"{num} {word} euros"
    elif code == "GBP":
        text = f"£{num}{short}" if style < 0.6 else f"£{num} {word}"
    elif code == "CNY":
        text = f"{num} {word} yuan"
    else:
        text = f"¥{num} {word}" if style < 0.5 else f"{num} {word} yen"
    return amount * scale, code, text


def _count(r: random.Random) -> tuple[int, str]:
    v = r.randint(12, 980) * r.choice([10, 100, 1000])
    return v, f"{v:,}"


def _pct(r: random.Random) -> tuple[float, str]:
    v = round(r.uniform(1.5, 48.0), 1) if r.random() < 0.6 else float(r.randint(2, 60))
    num = f"{v:g}"
    return v, (f"{num}%" if r.random() < 0.6 else f"{num} percent" if r.random() < 0.7 else f"{num} per cent")


def generate(n: int) -> Article:
    r = random.Random(n)
    year = r.randint(2019, 2026)
    month = r.randint(5, 12)
    day = r.randint(1, 28)
    pub = date(year, month, day)
    published = pub.isoformat()
    used_co: set[str] = set()
    used_people: set[str] = set()
    full, short, sector = _company(r, used_co)
    rival_full, rival_short, _ = _company(r, used_co, sector)  # rivals compete in the same market
    city = r.choice(CITIES)
    region = r.choice(REGIONS)
    brand = r.choice(BRAND_STEMS)
    product_kind = r.choice(sector[3])
    product = f"{brand} {r.choice(MODEL_SUFFIX)}{r.randint(1, 9)}"
    rival_brand = r.choice([b for b in BRAND_STEMS if b != brand])
    exec_name = _person(r, used_people)
    exec_role = r.choice(ROLES)
    analyst = _person(r, used_people)
    bank = r.choice(BANKS)
    author = _person(r, used_people)
    pronoun = r.choice(["he", "she"])
    counted = sector[2]

    q = (month - 1) // 3  # quarters finished this year: 1..q
    quarter = r.randint(1, max(1, q))
    period_q = f"{year}-Q{quarter}"
    m_idx = r.randint(1, month - 1)  # a month already over
    period_m = f"{year}-{m_idx:02d}"
    art = Article(n=n, text="", title="", published=published, author=author)
    art.entities += [
        {"name": full, "short": short, "type": "org"}, {"name": rival_full, "short": rival_short, "type": "org"},
        {"name": brand, "type": "brand"}, {"name": product, "type": "product"},
        {"name": exec_name, "type": "person", "role": f"{short} {exec_role}"},
        {"name": analyst, "type": "person", "role": f"analyst at {bank}"},
        {"name": bank, "type": "org"},
    ]

    deck = r.sample(FILLER, len(FILLER))
    ctx = dict(sector=sector[1], region=region, company=short, city=city, brand=brand, rival=rival_short)

    def filler(k: int = 1, **over) -> str:
        out = []
        for _ in range(k):
            deck.append(deck.pop(0))
            out.append(deck[-1].format(**{**ctx, **over}))
        return " ".join(out)

    def metric(subject, value, unit, period, sentence):
        art.metrics.append({"subject": subject, "value": value, "unit": unit, "period": period, "sentence": sentence})
        return sentence

    paras: list[str] = []
    # 1. lead: revenue change in a quarter
    rev, code, rev_txt = _money(r, 1.2, 48)
    pct, pct_txt = _pct(r)
    up = r.random() < 0.6
    verb = "rose" if up else "fell"
    s1 = metric(short, pct if up else -pct, "%", period_q,
                f"{full}, the {city}-based {sector[1]}, said on {r.choice(WEEKDAYS)} that revenue {verb} {pct_txt} "
                f"in the {ORDINAL[quarter]} quarter")
    metric(short, rev, code, period_q, s1)
    s1 += f", to {rev_txt}, as {'strong' if up else 'weak'} demand for its {product_kind}s in {region} {'offset' if up else 'outweighed'} pressure on prices."
    paras.append(s1)
    # 2. counts in a month
    cnt, cnt_txt = _count(r)
    s2 = metric(short, cnt, counted, period_m,
                f"The company delivered {cnt_txt} {counted} in {MONTHS[m_idx - 1]}, "
                f"{'its best month' if up else 'its weakest month'} since the {product} went on sale.")
    # 2b. the rival's figures for the same month and quarter: comparable figures, so
    # the brief gets bar charts, about as often as in the annotated business news
    # (Reuters 50%, BBC 40% of articles have one). A draw of its own, so the rest
    # of the article is what it was without it.
    extra = random.Random(RIVAL_SEED + n)
    if extra.random() < 0.5:
        rcnt, rcnt_txt = _count(extra)
        s2 += " " + metric(rival_short, rcnt, counted, period_m,
                           f"Rival {rival_short} delivered {rcnt_txt} {counted} in {MONTHS[m_idx - 1]}, "
                           f"according to {bank}.")
    if extra.random() < 0.3:
        rrev, _, rrev_txt = _money(extra, 1.2, 48, code)
        s2 += " " + metric(rival_short, rrev, code, period_q,
                           f"{rival_short} reported revenue of {rrev_txt} in the {ORDINAL[quarter]} quarter.")
    paras.append(s2 + " " + filler())
    # 3. exec quote with name and role, then a "he said" quote
    fmt = dict(adj=r.choice(["strong", "steady", "record", "encouraging"]), adj2=r.choice(["difficult", "busy", "remarkable"]),
               product=product, region=region, company=short)
    q1 = r.choice(QUOTE_OPENERS).format(**fmt) + ", " + r.choice(QUOTE_TAILS)
    art.quotes.append({"speaker": exec_name, "text": q1})
    if r.random() < 0.5:
        paras.append(f"“{q1},” {exec_name}, {short}’s {exec_role}, said in a statement.")
    else:
        paras.append(f"“{q1},” said {exec_name}, {exec_role} of {short}.")
    q2 = r.choice([x for x in QUOTE_OPENERS if not q1.startswith(x[:12])]).format(**fmt)
    art.quotes.append({"speaker": exec_name, "text": q2})
    paras.append(f"“{q2},” {pronoun} said. {filler()}")
    # 4. rival's annual profit, last year
    prof, pcode, prof_txt = _money(r, 1.0, 20)
    paras.append(metric(rival_short, prof, pcode, str(year - 1),
                        f"Rival {rival_full} reported net profit of {prof_txt} last year, helped by its {rival_brand} brand.")
                 + " " + filler(company=rival_short, brand=rival_brand, rival=short))
    # 5. filler
    for _ in range(r.randint(2, 4)):
        paras.append(filler(2))
    # 6. analyst quote with a colon
    q3 = r.choice(ANALYST_QUOTES).format(company=short, product=product_kind, region=region)
    art.quotes.append({"speaker": analyst, "text": q3})
    if r.random() < 0.5:
        paras.append(f"{analyst}, an analyst at {bank}, said: “{q3}.”")
    else:
        paras.append(f"“{q3},” said {analyst}, an analyst at {bank}.")
    # 7. shares move (no period) and product price
    spct, spct_txt = _pct(r)
    sup = r.random() < 0.5
    paras.append(metric(short, spct if sup else -spct, "%", None,
                        f"Shares of {short} {'rose' if sup else 'fell'} {spct_txt} in {city} trading after the announcement.")
                 + " " + filler())
    price, pcode2, price_txt = _money(r, 1.0, 3.0)
    paras.append(f"The {product}, a {product_kind} sold under the {brand} brand, was launched "
                 f"in {region} {r.choice(['earlier this year', 'last autumn', 'two years ago'])}. "
                 + filler())
    # 8. more filler, another quote without a name in the same paragraph
    for _ in range(r.randint(2, 4)):
        paras.append(filler(2))
    q4 = r.choice(QUOTE_OPENERS).format(**fmt)
    if q4 not in (q1, q2) and not q1.startswith(q4):
        art.quotes.append({"speaker": exec_name, "text": q4})
        paras.append(f"{exec_name.split()[-1]} added that the group would keep investing. “{q4},” {pronoun} said.")
    # 9. full-year count, last year, and headcount
    cnt2, cnt2_txt = _count(r)
    paras.append(metric(short, cnt2, counted, str(year - 1),
                        f"Last year {short} sold {cnt2_txt} {counted} in total, according to figures from {bank}."))
    emp = r.randint(2, 90) * 1000
    paras.append(metric(short, emp, "employees", None, f"{short} employs about {emp:,} employees worldwide."))

    verb_title = r.choice(["beats forecasts", "warns on margins", "steps up expansion", "cuts prices",
                           "posts sales jump", "faces tougher competition"])
    art.title = f"{short} {verb_title} as {brand} {product_kind} sales {'climb' if up else 'slow'} in {region}"
    hour, minute = r.randint(1, 12), r.randint(0, 59)
    dateline = (f"{MONTHS[month - 1]} {day}, {year}, {hour}:{minute:02d} {r.choice(['AM', 'PM'])} ET" if r.random() < 0.5
                else f"{day} {MONTHS[month - 1]} {year}")
    lines: list[str] = []
    if r.random() < 0.5:  # a scraped page: menu on top
        lines += r.sample(FURNITURE_TOP, 5) + [""]
    lines += [art.title, "", f"By {author}", dateline, ""]
    for p in paras:
        lines += [p, ""]
    if r.random() < 0.5:
        lines += [f.format(year=year) for f in r.sample(FURNITURE_BOTTOM, 3)]
    art.text = "\n".join(lines).rstrip() + "\n"
    return art


def bare_page(n: int) -> str:
    """A plain ~700-word Markdown page (the baseline's content)."""
    art = generate(n)
    body = art.text.split(f"By {art.author}", 1)[1].split("\n", 2)[2]
    paras = [p for p in body.split("\n\n") if len(p) > 120]
    out = [f"# {art.title}", "", f"*{art.author}, {art.published}*", ""]
    words = 0
    r = random.Random(-n - 1)
    while words < 700:
        for p in paras:
            out += [p, ""]
            words += len(p.split())
            if words >= 700:
                break
        r.shuffle(paras)
    return "\n".join(out)


def write_seeds(out: Path, count: int, start: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        p = out / f"synth_{n:06d}.txt"
        p.write_text(generate(n).text, encoding="utf-8")
        paths.append(p)
    return paths


def write_bare(out: Path, count: int, start: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        p = out / f"page_{n:06d}.md"
        p.write_text(bare_page(n), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--start", type=int, default=0, help="first article number (default 0)")
    ap.add_argument("--bare", action="store_true", help="write plain Markdown pages instead of seeds")
    args = ap.parse_args(argv)
    paths = (write_bare if args.bare else write_seeds)(args.out, args.count, args.start)
    print(f"wrote {len(paths)} {'pages' if args.bare else 'seeds'} to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
