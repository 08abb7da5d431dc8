"""Generic word lists shared by the entity and quote extractors.

Only general English/news vocabulary here (titles, speech verbs, org
suffixes, common words, calendar words, a small place gazetteer); nothing
taken from any particular article.
"""
from __future__ import annotations


def _set(s: str) -> frozenset:
    return frozenset(w.strip() for w in s.split() if w.strip())


# Words after which a capitalised run is a company name ("Seres Group Co.").
ORG_SUFFIXES = _set(
    """Co Co. Corp Corp. Corporation Inc Inc. Incorporated Ltd Ltd. Limited plc Plc PLC
    LLC LLP LP AG SA S.A. SE NV N.V. BV GmbH SpA S.p.A. AB ASA Oyj KK Bhd
    Group Holdings Holding Partners Capital Bank Bancorp Trust Fund Securities
    Motors Motor Automobile Airlines Airways Industries Technologies Technology Systems
    Electronics Pharmaceuticals Energy Petroleum Oil Communications Telecom Media
    Entertainment Records Studios Pictures Networks Network Research Advisors Associates
    Consulting Insurance Financial Investments Ventures Labs Foods Brands Stores
    Properties Realty Resources Mining Steel Chemicals Logistics Services Solutions
    Association Federation Commission Committee Council Department Ministry Agency
    Authority Organisation Organization Institute University College School Union
    Court Board Bureau Office Service Society Foundation League Party Parliament
    Congress Senate Assembly Administration Exchange Reserve Fed Police Army Navy
    Company Companies Enterprises International Worldwide Economics Industry
    Industries Alliance Coalition Institution Institutions Museum Hospital Clinic"""
)
# More head nouns of company names ("Ambrell Games"): make an org, but do not join "X and Y <noun>".
ORG_HEAD_NOUNS = _set(
    """Games Gaming Software Pharma Therapeutics Biosciences Biotech Robotics Semiconductor
    Semiconductors Railways Railway Shipping Brewing Brewery Breweries Hotels Resorts
    Restaurants Toys Devices Instruments Aerospace Automotive Healthcare Payments
    Wireless Interactive Publishing Bankers Lenders Apparel Beverages"""
) - ORG_SUFFIXES
ORG_SUFFIXES = ORG_SUFFIXES | ORG_HEAD_NOUNS
# Last words of geographic names: "North Sea", "King Street" are places, kept whole.
GEO_HEADS = _set(
    """Sea Seas Ocean River Street Road Avenue Square Valley Gulf Bay Lake Lakes
    Mountains Island Islands Strait Straits Canal Coast Peninsula Desert Boulevard Lane
    Highway Harbour Harbor Creek Hills Delta Basin Estuary Glacier"""
)
# Last words of holidays and dated events: "Black Friday", "Boxing Day" are not entities.
EVENT_HEADS = _set("""Day Days Eve Week Weekend Night Holiday Holidays""")
# Words that make a weekday a named day ("Black Friday", "Cyber Monday", "Good Friday").
WEEKDAY_EVENT_LEADS = _set("""Black Cyber Good Super Giving Ash Holy Maundy Blue Small Travel Manic Easter Shrove Palm""")
# Legal-form suffixes dropped to get the short form of an org name.
LEGAL_SUFFIXES = _set(
    """Co Co. Corp Corp. Corporation Inc Inc. Incorporated Ltd Ltd. Limited plc Plc PLC
    LLC LLP LP AG SA S.A. SE NV N.V. BV GmbH SpA S.p.A. AB ASA Oyj KK Bhd Group
    Holdings Holding Company"""
)

# Titles written before a name; stripped from speaker names.
HONORIFICS = _set(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Rev Rev.
    Sen Sen. Rep Rep. Gov Gov. Gen Gen. Lt Lt. Col Col. Capt Capt. Sgt Sgt. St. Hon."""
)
TITLE_WORDS = _set(
    """President Vice Prime Minister Secretary Senator Sen. Representative Rep.
    Congressman Congresswoman Governor Mayor Premier Chancellor Judge Justice
    Chairman Chairwoman Chair Chief Executive Officer Director Commissioner Attorney
    General Ambassador King Queen Prince Princess Pope Bishop Father Sister Rabbi
    Coach Captain Officer Detective Sheriff Deputy Speaker Leader Councillor Councilor
    Minister Treasurer Professor Economist Analyst Spokesman Spokeswoman
    Spokesperson Candidate Nominee Trustee Superintendent Inspector Constable Sergeant
    Lieutenant Colonel Major Admiral Commander Founder Chef Dr Dr. Mr Mr. Mrs Mrs. Ms Ms.
    MP MPP MLA CEO CFO COO CTO Former Then Then-"""
)
# Lower-case role nouns: "Seres chairman Zhang", "a spokeswoman said".
ROLE_NOUNS = _set(
    """chairman chairwoman chair president vice-president ceo cfo coo cto executive officer
    director manager head chief founder co-founder owner partner analyst economist
    strategist spokesman spokeswoman spokesperson minister secretary senator governor
    mayor premier chancellor commissioner lawyer attorney adviser advisor consultant
    professor researcher scientist official officer spokesmen editor reporter correspondent
    administrator treasurer trustee leader candidate nominee representative congressman
    congresswoman councillor councilor judge justice chief-executive investor trader
    banker broker member student teacher doctor nurse coach captain sergeant detective
    constable superintendent inspector expert engineer designer producer author
    writer columnist historian ambassador diplomat general colonel lieutenant commander
    chairperson principal vp md resident mother father son daughter wife husband
    friend neighbour neighbor sister brother owner-operator organizer organiser activist
    lawmaker legislator politician strategist pollster physician surgeon psychologist therapist
    psychiatrist pastor priest bishop rabbi imam actor actress singer musician comedian host
    anchor publisher novelist poet artist cartoonist entrepreneur businessman businesswoman
    mechanic worker employee farmer pilot driver soldier veteran player rookie defenceman
    defenseman goalie goaltender forward winger striker athlete architect chef planner
    grandmother grandfather parent uncle aunt cousin boss star celebrity contestant fan voter
    customer shopper patient tenant landlord homeowner survivor mom dad"""
)
PERSON_DESC_NOUNS = ROLE_NOUNS | _set("""man woman boy girl person people source sources witness victim
    official officials spokesman spokeswoman spokesperson""")
ORG_DESC_NOUNS = _set(
    """company firm group bank carmaker automaker maker manufacturer retailer insurer
    lender airline operator agency ministry department government administration
    commission committee council court board regulator company's campaign party team
    union association organisation organization office police brand network
    giant conglomerate startup start-up business corporation utility exchange fund
    newspaper paper magazine channel station broadcaster studio label club university
    school hospital statement report study survey"""
)

# What may stand before a company's name as a description, not part of it
# ("Rival Meridane", "Chipmaker Ostrava", "rival Google"). Not "Bank", "Group",
# "Union": names open with those.
DESCRIPTOR_LEADS = _set(
    """rival rivals competitor competitors peer peers carmaker carmakers automaker automakers
    chipmaker chipmakers drugmaker drugmakers retailer retailers insurer insurers lender lenders
    regulator startup conglomerate broadcaster supplier manufacturer"""
)


def is_descriptor(word: str) -> bool:
    """``word`` (any case) describes the name after it: "Rival", "chipmaker", "Phonemaker"."""
    low = word.lower()
    return low in DESCRIPTOR_LEADS or (low.endswith("maker") and len(low) > 7 and word.isalpha())


SPEECH_VERBS = _set(
    """say says said saying tell tells told add adds added adding state states stated
    explain explains explained note notes noted write writes wrote argue argues argued
    claim claims claimed insist insists insisted warn warns warned admit admits admitted
    acknowledge acknowledges acknowledged announce announces announced recall recalls
    recalled ask asks asked answer answers answered reply replies replied respond responds
    responded continue continues continued declare declares declared suggest suggests
    suggested predict predicts predicted conclude concludes concluded comment comments
    commented observe observes observed agree agrees agreed tweet tweets tweeted post posts
    posted joke jokes joked quip quips quipped complain complains complained urge urges
    urged emphasize emphasized emphasise emphasised stress stresses stressed describe
    describes described point points pointed testify testified confirm confirms confirmed
    deny denies denied remark remarks remarked mention mentioned shout shouted yell yelled
    cry cried whisper whispered murmur murmured promise promised vow vowed boast boasted
    concede concedes conceded reiterate reiterated assert asserted maintain maintains
    maintained counter countered caution cautioned reckon reckons reckoned believe
    believes believed think thinks thought feel feels felt put puts read reads"""
)
SPEECH_NOUNS = _set("""statement interview email e-mail letter speech remarks tweet post
    release interview. news conference briefing""")

PRONOUNS_MALE = _set("he He him his")
PRONOUNS_FEMALE = _set("she She her")
PRONOUNS_PLURAL = _set("they They we We")

MONTHS = _set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
WEEKDAYS = _set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Capitalised words that are not names on their own (sentence openers,
# function words, page furniture, generic nouns).
COMMON = _set(
    """A An The This That These Those There Here It Its It's I I'm I've I'd I'll We We're
    You Your He She They Their Our My His Her Him Them Us Me
    And But Or Nor So Yet For If When While Whilst Where Why How What Which Who Whom Whose
    As At By From In Into Of On Onto Over Under Up Down Out Off With Within Without
    To Toward Towards Through Throughout After Before Since Until Till During Despite
    About Above Below Between Among Against Along Across Around Behind Beyond Near
    Although Though Because Unless Whether Once Also Still Even Just Only Then Now
    Later Earlier Meanwhile However Moreover Furthermore Instead Indeed Perhaps Maybe
    Rival Rivals Local Domestic Smaller Larger Bigger Leading Yes No Not None Nonetheless Nevertheless Besides Still All Any Some Many Much Most More Less Few Several Each Every Both
    Either Neither Other Another Such Same Own New Old First Second Third Last Next
    One Two Three Four Five Six Seven Eight Nine Ten Hundreds Thousands Millions
    Today Tomorrow Yesterday Tonight Recently Currently Previously Overall Finally
    According Analysts Shares Sales Profit Profits Revenue Prices Investors Officials
    Experts Critics Others People Some Many Most Mr Mrs Ms Dr
    Register Subscribe Advertisement Advertising Share Comment Comments Read More Related
    Recommended Video Videos Photo Photos Image Images Getty Watch Listen Click Sign
    Login Log Home Latest News Menu Search Newsletter Follow Contact Copyright Reporting
    Editing Writing Additional Source Sources Update Updated Published Breaking Live
    Opinion Analysis Factbox Exclusive Correction UPDATE Page Section Story Stories
    Chairman Chairwoman Chief Executive President Director Minister Secretary
    Government Company Group Bank Inc Co Corp Ltd Plc Fed Court Commission Department
    Please Thanks Thank Hello Well Oh Ok OK Okay Let Lets Let's Do Does Did Don't Can Could
    Would Should Will Shall May Might Must Is Are Was Were Be Been Being Have Has Had
    Get Got Make Made Take Took See Seen Look Go Went Come Came Keep Give Gave Put
    Yet Again Never Always Often Sometimes Usually Already Soon Almost Nearly Around
    Inside Outside Ahead Back Away Together Else Too Very Really Quite Rather Well
    Asked Speaking Talking Writing Looking Noting Adding Saying Following Including
    Based Given Using Having Being Compared Despite Amid Amidst Regardless Per Via Plus
    Nothing Something Everything Anything Everyone Someone Anyone Nobody Everybody
    Its Their Theirs Ours Yours Mine Whatever Whoever Whenever Wherever
    Total Net Gross Annual Quarterly Monthly Weekly Daily Full Half Quarter Year Years
    Week Weeks Month Months Day Days Hour Hours Time Times Percent Per Cent
    North South East West Northern Southern Eastern Western Central
    Mr. Mrs. Ms. Dr. St. Sen. Rep. Gov. Gen. Prof. Jr Jr. Sr Sr.
    Act Bill Law Rule Rules Plan Report Program Programme Project Deal Index Stock Stocks
    Market Markets Economy Trade Tax Taxes Budget Policy Policies
    Democrat Democrats Republican Republicans Democratic Liberal Liberals Conservative
    Conservatives Labour Tory Tories Party
    CEO CFO COO CTO GDP EPS IPO AI EV EVs SUV SUVs TV PC PCs ID OK PM AM UTC GMT EST EDT
    Internet Web CD CDs DVD DVDs VHS No. Presidential Memorandum Understanding Spring
    Summer Autumn Fall Winter Lunar Christmas Easter Holiday Thanksgiving Halloween
    Hanukkah Ramadan Diwali Passover FDI CEOs Q1 Q2 Q3 Q4 H1 H2 FY YoY"""
)

# Common given names: a capitalised run starting with one is a person.
FIRST_NAMES = _set(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher
    Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian
    George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
    Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick
    Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter
    Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin
    Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert
    Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason
    Philip Louis Bill Bob Jim Tom Tim Mike Dave Dan Steve Ben Sam Ken Ted Ron Rick Nick
    Chris Matt Andy Tony Joe Jon Greg Doug Jeff Fred Ed Al Hank Hal Phil Ray Marty
    Ian Neil Colin Graham Gordon Martin Simon Stuart Nigel Trevor Derek Barry Keith
    Hamish Angus Malcolm Alistair Alastair Rupert Hugh Oliver Harry Charlie Alfie
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
    Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda
    Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela
    Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
    Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria
    Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha
    Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris
    Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie
    Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Jane Kate Katie Sue
    Liz Beth Meg Jen Jenny Cindy Wendy Tina Gina Jill Kim Pam Peggy Sally Molly Holly
    Claire Fiona Gillian Jo Joanna Louise Lucy Harriet Caroline Sophie Alison Alexandra
    Hillary Melania Ivanka Chelsea Kellyanne Nikki Condoleezza Sheryl Marissa Meg
    Richard Henri Jacques Pierre Jean Francois François Michel Philippe Nicolas Emmanuel
    Hans Klaus Wolfgang Angela Jurgen Jürgen Dieter Helmut Karl Franz Stefan Andreas
    Carlos Luis Jorge Miguel Pedro Manuel Antonio Francisco Javier Rafael Fernando
    Giovanni Marco Paolo Luca Mario Giuseppe Enrico Silvio Matteo
    Vladimir Dmitry Mikhail Sergei Sergey Igor Alexei Boris Yuri Viktor Olga Irina
    Mohammed Muhammad Ahmed Ali Hassan Omar Abdullah Khalid Rajesh Sanjay Amit Anil
    Sunil Rahul Vijay Ravi Ashok Narendra Manmohan Priya Kobita Dayanidhi
    Hiroshi Takashi Kenji Yoshihiko Shinzo Akio Haruhiko Masayoshi
    Wei Li Ming Jun Hui Xin Yan Ying Lei Jie Tao Bin Hong
    Rene René Adarsh Sam Bennett Stacy Jamie Tim Kevin Justin Jagmeet Doug Andrea
    Jody Rona Jason Patty Kathleen Rachel Catherine Chrystia Bernie Elizabeth Tim Mike
    Barack Joe Kamala Rudy Newt Reince Sean Corey Paul Ted Marco Jeb Rand Lindsey Mitch
    Nancy Chuck Harry Kellyanne Steve Reince Kellyanne Ivanka Eric Donald Rex Jared"""
)

# A compact gazetteer of places: countries, regions, major cities, US states,
# Canadian provinces. Generic world knowledge, not tied to any article.
PLACES = _set(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Botswana Brazil Britain Bulgaria
    Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czech
    Denmark Ecuador Egypt England Estonia Ethiopia Europe Finland France Georgia Germany
    Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq
    Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait
    Latvia Lebanon Libya Lithuania Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia
    Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland
    Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia
    Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand
    Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen
    Zambia Zimbabwe America Africa Asia Antarctica Australasia Eurasia Scandinavia
    Balkans Caribbean Arctic UK U.K. US U.S. USA U.S.A. UAE EU
    Beijing Shanghai Shenzhen Guangzhou Chongqing Wuhan Tianjin Hangzhou Nanjing Chengdu
    Tokyo Osaka Seoul Hong Kong Taipei Mumbai Delhi Bangalore Karachi Dhaka Jakarta
    Manila Bangkok Hanoi Sydney Melbourne Auckland Moscow London Paris Berlin Madrid
    Rome Milan Vienna Zurich Geneva Brussels Amsterdam Frankfurt Munich Hamburg Stockholm
    Oslo Copenhagen Helsinki Dublin Edinburgh Glasgow Manchester Liverpool Birmingham
    Lisbon Athens Istanbul Ankara Warsaw Prague Budapest Kiev Kyiv Cairo Lagos Nairobi
    Johannesburg Dubai Riyadh Tehran Baghdad Jerusalem Washington Chicago Boston
    Atlanta Houston Dallas Miami Seattle Denver Detroit Philadelphia Phoenix Anchorage
    Toronto Vancouver Montreal Ottawa Calgary Edmonton Winnipeg Halifax Regina Victoria
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming
    Alberta Ontario Quebec Manitoba Saskatchewan Nunavut Yukon"""
)
MULTI_PLACES = frozenset(
    p.strip().lower()
    for p in """New York|Los Angeles|San Francisco|Hong Kong|New Delhi|New Jersey|New Mexico|
    New Hampshire|North Carolina|South Carolina|North Dakota|South Dakota|West Virginia|
    Rhode Island|New Zealand|South Africa|South Korea|North Korea|Saudi Arabia|
    United States|United Kingdom|United Arab Emirates|Sri Lanka|Costa Rica|Puerto Rico|
    Latin America|North America|South America|Central America|Middle East|Far East|Near East|
    Southeast Asia|East Asia|South Asia|Central Asia|North Africa|West Africa|East Africa|
    Southern Africa|Sub-Saharan Africa|Eastern Europe|Western Europe|Central Europe|Northern Europe|
    Southern Europe|
    Wall Street|Silicon Valley|British Columbia|Nova Scotia|New Brunswick|
    Prince Edward Island|Newfoundland and Labrador|Las Vegas|San Diego|San Jose|
    Washington D.C.|Washington DC|Kuala Lumpur|Buenos Aires|Rio de Janeiro|Sao Paulo|
    Mexico City|Tel Aviv|Abu Dhabi|Czech Republic|Ivory Coast|Euro zone|
    Fort McMurray|St. Louis|New Orleans|Salt Lake City""".replace("\n", "").split("|")
)
# Adjectives of nationality: not entities themselves.
DEMONYMS = _set(
    """American British Chinese Japanese German French Italian Spanish Russian Indian
    Canadian Australian Korean European Asian African Mexican Brazilian Swiss Dutch
    Swedish Norwegian Danish Finnish Polish Irish Scottish English Welsh Greek Turkish
    Israeli Arab Iranian Iraqi Saudi Egyptian Pakistani Afghan Syrian Ukrainian Belgian
    Austrian Portuguese Thai Vietnamese Indonesian Malaysian Filipino Singaporean
    Taiwanese Argentine Chilean Colombian Venezuelan Cuban Nigerian Kenyan Ethiopian
    Muslim Christian Catholic Jewish Hindu Buddhist Western Eastern Latino Hispanic
    Republican Democratic Democrat Conservative Liberal Soviet Communist Nazi
    Asian-American African-American Shanghai-based Beijing-based"""
)

FEMALE_FIRST_NAMES = _set(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
    Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda
    Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela
    Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
    Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria
    Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha
    Jacqueline Frances Gloria Ann Anne Teresa Kathryn Sara Janice Jean Alice Madison Doris
    Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie
    Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Jane Kate Katie Sue
    Liz Beth Meg Jen Jenny Cindy Wendy Tina Gina Jill Kim Pam Peggy Sally Molly Holly
    Claire Fiona Gillian Jo Joanna Louise Lucy Harriet Caroline Sophie Alison Alexandra
    Hillary Melania Ivanka Chelsea Kellyanne Nikki Condoleezza Sheryl Marissa Olga Irina
    Priya Angela Tatiana Natalia Natasha Svetlana Yulia Elena Anastasia Chrystia Rona
    Jody Patty Kathy Katy Carole Carla Nadia Erin Lauren Darian Cheryl Janet Theresa
    Linda Jacinda Theresa Nicola Ruth Marine Ségolène Angelina Oprah Beyonce Taylor
    Marja Lehla Kirsten Kristen Kristin Leslie Lesley Monica Veronica Yvonne Yolanda
    Paula Rita Sonia Sylvia Vanessa Vivian Wanda Debbie Dana Dawn Eileen Ellen Elaine
    Gail Gwen Hazel Ida Iris Ivy Jasmine Joy June Lena Lois Lorraine Lynn Mabel Maggie
    Marcia Marion Mildred Nora Norma Pearl Phyllis Ramona Renee Rosa Roxanne Ruby
    Sheila Stacy Stacey Tamara Tanya Tara Tracy Ursula Valerie Vera Violet Whitney
    Zoe Abby Alicia Allison Amelia Anita Annie Audrey Barb Bonnie Brianna Brooke
    Candace Cara Carmen Cassandra Celeste Chloe Christy Ciara Colleen Courtney
    Crystal Daisy Deanna Della Dominique Edith Eleanor Ella Elsa Esther Eva Faith
    Felicia Flora Gabrielle Georgia Gina Hailey Hilary Imogen Ingrid Irene Isabel
    Jeanne Jocelyn Josephine Joanne Karin Katrina Kendra Krista Leah Lila Lillian
    Lindsay Lindsey Lori Lucia Lydia Mackenzie Mandy Margot Maureen Melanie Meredith
    Miranda Miriam Naomi Nina Paige Penny Priscilla Rachael Rebekah Robin Rosemary
    Samira Selena Serena Shannon Sienna Simone Stella Susanna Suzanne Sydney Tessa
    Trisha Valentina Wilma Yasmin Zara Melanie Michele Becky Kristy Tracy Demi Sydney
    Elyse Caitlin Kaitlyn Shannon Lindsay Hayley Kristina Justine Jeanette Marguerite""")


# More common given names (a generic list, men's then women's).
_MORE_MALE = _set(
    """Seth Caleb Cecil Norman Bart Marc Josh Rusty Robby Rob Jake Dante Lee Darrin Darren Xander
    Leonard Leon Leo Lewis Luke Lucas Liam Owen Evan Ivan Isaac Ian Eli Elliot Elliott Ernest Earl
    Edwin Edgar Felix Floyd Francis Frederick Glenn Gordon  Herbert Howard Hugo Ivan Jared
    Jay Jeremiah Jerome Jimmy Joel Johnny Jonah Julian Julius Kurt Lance Leroy  Lonnie Luther
    Marvin Maurice  Melvin Micheal Miles Milton Mitchell Morris Neal Ned Nelson Noel Norm
    Otto Percy Perry Quentin Ramon Randall Reginald Rex Ricky Robbie Rod Rodney Roland Ross
    Rudy Rufus Salvatore Shane Shaun Shawn Sidney Spencer  Stuart Terrence Theodore
    Toby Todd Tommy Travis  Tyrone Vernon Victor Vince Wade Wallace Warren Wesley Wilbur
    Cody Colton Connor Corey Curtis Dale  Damian Damon Darius Darryl  Devin Dominic
    Donovan  Dustin Dwight Emmett Everett Garrett Gavin Grady Gregg Hector Hunter Jasper
    Jeffery Jesus Jorge Kirk Kristopher Lamar Landon Lorenzo Mateo Nolan Omar Oscar 
    Reid Ricardo Riley Rory Roman Ruben Sergio  Stewart Tanner Terence Trent Tristan
    Zach Zack Brett Brent Bret  Clark  Clayton Clint Clifford Clifton Cole Craig Dane
    Darrell Declan Duncan Dwayne Eddie Elias Emil Erik Fabian Gerard Gilbert Glen Harvey Jarrod
    Mamadou Moussa Ibrahim Mustafa Yusuf Youssef Tariq Karim Rashid Hamid Reza Ahmad Mahmoud
    Andre Andrés Alejandro Diego Eduardo Emilio Enrique Ernesto Esteban Gustavo Ignacio Julio
    Pablo Raul Roberto Rodrigo  Sebastian Tomas Vicente Joao João Thiago Bruno
    Lars Sven Nils Henrik  Jens Kai Lukas Matthias Niklas Tobias Florian Felipe
    Marcel Laurent Olivier Thierry Yves Alain Bernard Didier Etienne Fabrice Gilles Guillaume
    Jean-Marc Jean-Pierre Jean-Claude Jean-Yves Justin Hyun Jae Sung Seung Hiro Takeshi Kazuo"""
)
_MORE_FEMALE = _set(
    """Adriana Tyresha Carmel Melanie Nadine Noelle Adrienne Arlene Bernadette Brigitte Camille
    Candice Carrie Cecilia Charlene Claudia Constance Corinne Daphne Darlene Deirdre Delia
    Elena Elise Eliza Elisa Eloise Erica Erika Estelle Fatima Francesca Genevieve Gretchen
    Heidi Helena Ines Jana Janine Jeanette Jenna Jennie Jessie Jillian Juliet Juliette Kara
    Karla Kathy Kay Kristina Lana Leila Lila Liliana Lorna Lucia Luisa Lydia Mackenzie Mallory
    Marcy Margo Mariana Marianne Marina Marisa Marta Maya Meredith Mia Miranda Miriam Nadia
    Naomi Natasha Nina Paige Patrice Penelope Priscilla Rebekah  Robin Rosalind Roxana
    Sabrina Samira Selena Serena Shannon Shauna  Simone  Susanna Suzanne Sybil
    Tabitha Tamika Tasha Tessa Trisha Valentina Vicky Viola Yasmin Zara Aisha Amina Leticia
    Lourdes Marisol  Pilar Rocio Silvia Ximena Ana Beatriz Gabriela Fernanda Isabelle
    Mathilde Sandrine Valerie Ursula Heike Petra Sabine Annika Ingrid Astrid Freya Sakura Yuki"""
)
FEMALE_FIRST_NAMES = FEMALE_FIRST_NAMES | _MORE_FEMALE
FIRST_NAMES = FIRST_NAMES | _MORE_MALE | _MORE_FEMALE
