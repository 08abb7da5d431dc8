"""Rule-based entities, on small made-up articles."""
from __future__ import annotations

from generator.extract import entities
from generator.models import Document


def _ents(*paras: str):
    doc = Document(path="t.txt", kind="text", raw="\n\n".join(paras), encoding="utf-8", paragraphs=list(paras))
    return entities.extract(doc)


def _find(ents, name):
    for e in ents:
        if e.name == name or name in e.aliases:
            return e
    raise AssertionError(f"{name!r} not in {[(e.name, e.aliases) for e in ents]}")


def test_org_suffix_and_alias_merge():
    ents = _ents("Korvin Group Co. said on Monday it would expand. Korvin shares rose 4%.",
                 "Analysts expect Korvin to hire more staff.")
    e = _find(ents, "Korvin")
    assert e.type == "org"
    assert e.name == "Korvin Group Co."
    assert sum(1 for x in ents if "Korvin" in x.name or "Korvin" in x.aliases) == 1


def test_hyphenated_full_name_absorbs_short_form():
    ents = _ents("Dalmer-Roth sold more trucks than Volta in March.", "Dalmer also cut prices.")
    e = _find(ents, "Dalmer")
    assert e.name == "Dalmer-Roth"


def test_person_with_role_before_name_and_surname_alias():
    ents = _ents("Vantor chairman Ilse Brandt said sales were strong.", "Brandt spoke in Berlin.")
    p = _find(ents, "Ilse Brandt")
    assert p.type == "person"
    assert "Brandt" in p.aliases
    assert p.role and "chairman" in p.role
    assert not any(e.name == "Brandt" for e in ents)


def test_person_role_from_apposition():
    ents = _ents("Rafael Montes, chief executive of Solenne Energy, said the plant would close.")
    p = _find(ents, "Rafael Montes")
    assert p.type == "person"
    assert p.role and "chief executive of Solenne Energy" in p.role
    assert _find(ents, "Solenne Energy").type == "org"


def test_acronym_in_parentheses_merges():
    ents = _ents("The Global Shipping Council (GSC) warned of delays.", "The GSC said ports were full.")
    e = _find(ents, "Global Shipping Council")
    assert "GSC" in e.aliases
    assert not any(x.name == "GSC" for x in ents)


def test_products_and_brands():
    ents = _ents("Nordia launched the Kesto brand in 2021.",
                 "Kesto's new Q7 sedan competes with the Nordia K20 and Rivale's ZX3.")
    assert _find(ents, "Kesto").type == "brand"
    assert _find(ents, "Q7").type == "product"
    assert _find(ents, "ZX3").type == "product"


def test_precision_no_sentence_openers_months_or_weekdays():
    ents = _ents("Despite the slump, Harlow Mills raised prices in March.",
                 "Meanwhile, demand fell on Tuesday. Register now.")
    names = {e.name for e in ents}
    assert "Despite" not in names and "Meanwhile" not in names
    assert "March" not in names and "Tuesday" not in names and "Register" not in names
    assert "Harlow Mills" in names


def test_places_typed():
    ents = _ents("Prices in Germany and New Zealand rose, while Lumo Bank stayed in London.")
    assert _find(ents, "Germany").type == "place"
    assert _find(ents, "New Zealand").type == "place"
    assert _find(ents, "Lumo Bank").type == "org"


def test_regions_named_with_a_compass_word_stay_whole():
    """"Middle East" is not the company "Middle", nor "North Africa" "Africa":
    a trailing or leading common word that belongs to a place name stays."""
    ents = _ents("Acme Corp. said demand in the Middle East and North Africa rose 30 percent.",
                 "Sales in the Middle East rose, the company said. Eastern Europe was flat.")
    assert _find(ents, "Middle East").type == "place"
    assert _find(ents, "North Africa").type == "place"
    assert _find(ents, "Eastern Europe").type == "place"
    assert not [e.name for e in ents if e.name in ("Middle", "Africa", "Europe")]


def test_ticker_is_alias_not_entity():
    ents = _ents("Shares of Trelco Inc ( TRL.N ) fell 3 percent.")
    e = _find(ents, "Trelco Inc")
    assert "TRL.N" in e.aliases
    assert not any(x.name.startswith("TRL") for x in ents)


def test_speaker_contexts_make_an_unknown_name_a_person():
    ents = _ents("Debates rarely move the race, noted NBC’s Darvo Kellum.",
                 "Olbek Tarrin, a health education manager with Dairy Farmers, said she is unsure.",
                 "“We will keep going no matter what.” ― Ysolde Varga")
    assert _find(ents, "Darvo Kellum").type == "person"
    assert _find(ents, "Olbek Tarrin").type == "person"
    assert _find(ents, "Ysolde Varga").type == "person"


def test_org_with_appositive_stays_org():
    ents = _ents("Zolder Re, the world's second-largest reinsurer, said it had cut its exposure.")
    assert _find(ents, "Zolder Re").type == "org"


def test_gender_hint_from_said_she_beats_first_name_guess():
    ents = _ents("Lee Varnholt, a manager with Dairy Farmers of Canada, said she is unsure what comes next.")
    e = _find(ents, "Lee Varnholt")
    assert e.type == "person"
    assert getattr(e, "_hint", None) == "f"


def test_more_common_first_names_make_people():
    ents = _ents("Seth Orrin scored twice for the visitors on Friday.")
    e = _find(ents, "Seth Orrin")
    assert e.type == "person"
    assert getattr(e, "_hint", None) == "m"


def test_sentence_subject_with_later_he_is_a_person():
    ents = _ents("Mamadou Krell was on a business trip when he ended up hiding in a hotel room.")
    assert _find(ents, "Mamadou Krell").type == "person"


def _types(ents):
    return {e.name: e.type for e in ents}


def test_of_head_keeps_org_name_and_drops_compound_term():
    ents = _ents("The Bank of Eldoria held Bank Rate at 4% on Thursday.",
                 "Economists expect the Bank of Eldoria to cut the rate, and Bank Vessar agreed.")
    t = _types(ents)
    assert t.get("Bank of Eldoria") == "org"
    assert "Rate" not in t and "Eldoria" not in t
    assert any("Vessar" in n for n in t)  # a bank's own name after "Bank" is kept


def test_party_word_before_a_surname_is_not_a_compound_term():
    ents = _ents("Republican Dunmore said the bill would pass.", "Dunmore spoke on Monday.")
    assert any(e.name == "Dunmore" for e in ents)


def test_org_head_noun_makes_an_org_not_a_person():
    ents = _ents("Tarrow Games said on Tuesday it would cut jobs.", "Shares in Tarrow Games fell.")
    assert _types(ents).get("Tarrow Games") == "org"


def test_geographic_names_are_places_kept_whole():
    ents = _ents("Output from the North Sea fell, and a shop on Queen Street closed.",
                 "Rents on Mallow Street rose while the Vessa River flooded.")
    t = _types(ents)
    assert t.get("North Sea") == "place"
    assert t.get("Queen Street") == "place"
    assert t.get("Mallow Street") == "place"
    assert t.get("Vessa River") == "place"
    assert not any(n in t for n in ("Sea", "Street", "River"))


def test_holidays_and_events_are_not_entities():
    ents = _ents("Retailers hope Black Friday and Cyber Monday sales will rise, Korvin Group said.",
                 "Stores cut prices before Boxing Day, Christmas Eve and Presidents' Day.",
                 "Trading was thin before Thanksgiving and Labor Day.")
    names = {e.name for e in ents}
    assert names == {"Korvin Group"}


def test_named_foundation_and_institute_kept_whole():
    ents = _ents("Economists at the Tax Foundation and the Trade Institute disagreed.")
    t = _types(ents)
    assert t.get("Tax Foundation") == "org" and t.get("Trade Institute") == "org"
    assert "Foundation" not in t and "Institute" not in t


def test_team_and_position_code_split_from_person():
    ents = _ents("The club traded Varnley DL Larry Obaje to a rival on Monday.", "Obaje said he was happy.")
    p = _find(ents, "Larry Obaje")
    assert p.type == "person"
    assert not any("DL" in e.name for e in ents)


def test_nationality_or_place_with_short_token_is_a_company():
    ents = _ents("Swiss Re said on Monday its profit rose.", "Munich Re said the same.")
    t = _types(ents)
    assert t.get("Swiss Re") == "org" and t.get("Munich Re") == "org"


def test_dot_tickers_and_capital_subheadings_are_not_entities():
    ents = _ents("The Eurotrack 300  .FTEU3  index of top shares rose 1%.",
                 "PIRACY BATTLE According to data from Korvin Group, sales fell.",
                 "The fight against piracy goes on.")
    names = {e.name for e in ents}
    assert "FTEU3" not in names and ".FTEU3" not in names
    assert not any("BATTLE" in n or "PIRACY" in n for n in names)
    assert "Korvin Group" in names


def test_possessive_name_with_geographic_head_and_joined_firm():
    ents = _ents("Sales of Korvin Group's Mallow Bay rum and Jasper's Creek wine rose.",
                 '"It grew," added Hart and Young\'s Sanjay Mehta.')
    names = {e.name for e in ents}
    assert "Jasper's Creek" in names and "Creek" not in names
    assert "Hart and Young" in names and "Young" not in names


def test_reuters_instrument_codes_are_not_entities():
    ents = _ents("Benchmark 10-year yields US10YT=RR rose 1.8 basis points, Korvin Group said.")
    assert {e.name for e in ents} == {"Korvin Group"}


def test_initials_before_a_person_stay_an_org_and_capital_names_are_kept():
    ents = _ents("Growth will slow, said UBS Paul Dorne on Monday.",
                 "ABN AMRO Bank and Korvin Group signed the deal.")
    names = {e.name: e.type for e in ents}
    assert names.get("Paul Dorne") == "person"
    assert "UBS" in names
    assert any(n.startswith("ABN AMRO") for n in names)


def test_sentence_opening_word_of_an_org_name_is_kept():
    ents = _ents("Resolution Foundation economists said the resolution was weak.",
                 "A report by the Home Office disagreed.")
    names = {e.name for e in ents}
    assert "Resolution Foundation" in names and "Foundation" not in names
    assert "Home Office" in names


def test_role_word_prefilter_agrees_with_the_full_patterns():
    samples = ["Korvin chairman ", "the company's vice-president, ", "its co-founder", "analyst at ",
               "a senior economist with  ", "spokeswoman ,  ", "Chairman ", "sales rose at ", "head of ",
               "the chief-executive ", "", " ", ",", "Mr. ", "in 2019, analyst\u00a0", "director of the ",
               "owner-operator ", "the chairmanship ", "analysts at "]
    for b in samples:
        want = "person" if entities._ROLE_BEFORE.search(b) else ("org" if entities._ROLE_AT_BEFORE.search(b) else None)
        assert entities._role_word_before(b) == want, b


def test_geographic_of_names_and_company_before_an_event():
    ents = _ents("Drilling in the Gulf of Mexico rose, and Hart's Bay Co said sales before Korvin Prime Day grew.")
    t = _types(ents)
    assert t.get("Gulf of Mexico") == "place" and "Gulf" not in t
    assert "Hart's Bay Co" in t
    assert "Korvin" in t and not any("Day" in n for n in t)


def test_a_description_before_a_name_at_the_start_of_a_sentence_is_not_part_of_it():
    ents = _ents("Veyra Shipping AG delivered 135,000 containers in February.",
                 "Rival Meridane delivered 9,440 containers. Chipmaker Ostrava shipped 12,000 wafers.",
                 "Maker Studios signed a deal.")
    names = {e.name for e in ents}
    assert {"Meridane", "Ostrava"} <= names
    assert not names & {"Rival Meridane", "Chipmaker Ostrava"}
    assert "Maker Studios" in names  # a name that opens with a noun stays whole
