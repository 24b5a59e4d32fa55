"""Who a pronoun can point at: the gender a title, role word or common first name gives a person, and the
nouns (documents, organisation roles) that speak for whoever issued them or were named before.

Kept apart from `resolver.py`, which decides the antecedent, so the word lists can grow without touching the
rules that use them.
"""

from __future__ import annotations

import re

from tracker.extraction.letters import caps

# Nouns of documents and statements: "the statement said" is the voice of whoever issued it.
DOCUMENT_NOUNS = frozenset(
    """
    statement statements report reports study studies decree motion letter warning warnings request tweet tweets
    post ruling order memo document documents release announcement communique
    survey message bulletin notice
    """.split()
)


# "Jane Kim of the Polar Institute and colleagues", "Kim et al": a named person's team, which "they" and a later
# "Kim et al" point at. Group 1 is the person's name (with "de", "van" …), group 2 the group word.
_TEAM = re.compile(
    caps(
        r"(?<![\w’'-])((?:(?:de|van|von|da|del|al)[ \t\xa0]+)?[A-Z][\w’'-]+(?:[ \t\xa0]+(?:(?:de|van|von|da|del)[ \t\xa0]+)?"
        r"[A-Z][\w’'-]+){0,3})(?:[ \t\xa0]+of[ \t\xa0]+[^,.;()]{3,60}?)?[ \t\xa0]+"
        r"(et\.?[ \t\xa0]+al\b\.?|and[ \t\xa0]+(?:(?:his|her|their)[ \t\xa0]+)?colleagues\b)"
    )
)


# Where a team's mention ends, found by a scan with a literal start.
_TEAM_END = re.compile(
    r"[ \t\xa0]et\.?[ \t\xa0]+al\b\.?|[ \t\xa0]and[ \t\xa0]+(?:(?:his|her|their)[ \t\xa0]+)?colleagues\b"
)


# How "et al" is written ("et al", "et. al", with a no-break space or a tab): a quick test before the patterns.
_ET_AL_FORMS = ("et al", "et. al", "et\xa0al", "et\tal", "et.\xa0al")


def may_name_team(text: str) -> bool:
    """Whether `text` may hold a team ("X et al", "X and colleagues"): a substring test, no pattern."""
    return "colleagues" in text or "et" in text and any(f in text for f in _ET_AL_FORMS)  # (each form holds "et")


# "researchers from the University of Colorado (CU) and the College of Wooster": an unnamed plural source with the
# bodies it comes from, a group "they" and "the scientists" point back at though it is never quoted itself.
_SOURCE_NOUNS = frozenset(
    """
    researchers scientists experts astronomers engineers doctors physicians economists analysts scholars
    biologists geologists chemists physicists attorneys lawyers officials investigators
    """.split()
)


# Where a source group may be: a plural's last letter and a preposition, a pattern with a literal start that the
# regex engine scans for quickly (one that opened with the nouns tried every position of the article).
_LINK = re.compile(r"s(?: general)? (?:from|at|of|with) ")


# The bodies after the preposition: "the University of Colorado at Boulder (CU Boulder) in Colorado and the
# College of Wooster", "sixteen states".
_BODIES = re.compile(
    caps(
        r"(?:the[ \t\xa0]+)?(?:[A-Z][\w’'.&-]*|[a-z]+[ \t\xa0]+states?)"
        r"(?:[ \t\xa0]+(?:(?:of|at|in|for|and|the|de)[ \t\xa0]+)*(?:[A-Z][\w’'.&-]*|\([^()]{1,40}\)))*"
    )
)


def _source_groups(text: str) -> list[tuple[int, str, str]]:
    out = []
    for m in _LINK.finditer(text):
        j = k = m.start() + 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if text[j:k].lower() not in _SOURCE_NOUNS or j and (text[j - 1].isalnum() or text[j - 1] == "-"):
            continue
        b = _BODIES.match(text, m.end())
        if b is not None:
            out.append((j, "", text[j : b.end()]))
    return out


def team_mentions(text: str) -> list[tuple[int, str, str]]:
    """(position, lead, written) for every team ("X and colleagues", "X et al") and every unnamed plural source
    with its bodies ("researchers from the University of …") in the text; `lead` is the named person of a team,
    "" for a source group."""
    out = []
    for a in _TEAM_END.finditer(text) if may_name_team(text) else ():
        # The name before each "et al" / "and colleagues", read in a short window (the whole pattern run over the
        # article tried every capital letter in it).
        lo = max(0, a.start() - 120)
        m = max(_TEAM.finditer(text, lo, a.end()), key=lambda x: x.end(), default=None)
        if m is not None and m.end() == a.end():
            out.append((m.start(), m.group(1), m.group(0)))
    return out + _source_groups(text)


# A mention of a team: "Kim et al", "Jane Kim and colleagues"; group 1 its lead's name.
TEAM_MENTION = re.compile(
    r"(.+?)[ \t\xa0]+(?:et\.?[ \t\xa0]+al\.?|and[ \t\xa0]+(?:(?:his|her|their)[ \t\xa0]+)?colleagues)"
)


# Definite nouns that name an organisation met before ("the company", "the agency", "the industry publication").
ORG_ROLE_NOUNS = frozenset(
    """
    company firm agency publication newspaper outlet broadcaster network channel retailer chain airline carrier
    organisation organization charity group manufacturer producer supplier insurer lender bank website paper
    """.split()
)


FEMALE_WORDS = frozenset(
    "mrs mrs. ms ms. miss dame lady queen princess duchess countess spokeswoman chairwoman congresswoman "
    "businesswoman councilwoman actress sister mother wife daughter woman girl grandmother aunt widow".split()
)


MALE_WORDS = frozenset(
    "mr mr. sir lord king prince duke count spokesman chairman congressman businessman councilman actor brother "
    "father husband son man boy grandfather uncle widower pope cardinal archbishop bishop".split()
)


# Common first names whose gender is settled; a name outside the lists leaves the gender unknown.
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
    kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy
    shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
    megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison
    doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
    isabella charlotte rose alexis kayla hillary nikki nancy angela theresa ursula jacinda kamala elizabeth greta
    malala yvette priti margrethe christine ilhan alexandria tulsi kirsten amy elaine carrie tsai ingrid fatima
    aisha leila yulia svetlana natalia olga irina tatiana elena ana lucia carmen isabel sofia giulia francesca
    chiara beatriz marta agnieszka katarzyna magdalena ewa anna joanna abby ada adele adriana agnes aileen alana
    alba alexandra alicia alina alison alma amelia angelica angelina anita anne annette antonia april ariana arlene
    audrey aurora ava beatrice belinda bella bernadette beth bethany bianca bonnie bridget brooke camila candice
    cara carla caroline cassandra catalina cecilia celia celine charlene chelsea chloe claire clara claudia colleen
    constance cora corinne courtney daisy daphne darlene dawn debbie delia delphine dolores dora doreen dorothy
    edith eileen eleanor eliza ella ellen eloise elsa emilia erica erin esther eva faith felicity fiona flora
    florence frida gabriela gabrielle gail gemma geraldine gina gladys gwen hanna harriet hazel heidi helena
    henrietta hilda holly hope ida imogen ines irene iris isla ivy jade jana jane jasmine jeanette jeanne jenna
    jessie jill jocelyn josephine joy juanita juliana june justine karin karina kate katharina kathy katie katrin
    kendra kira kristen kristina laila lara lea leah lena leona lily liz lola lorena lorna lorraine louise lucy
    luisa lydia mabel madeleine maggie maia mandy manuela marcela margarita margot mariana marianne marina marion
    marisa marjorie marlene martina matilda maureen maxine may maya melanie melinda mercedes meredith mia michaela
    mildred miranda miriam molly monica muriel nadia nadine naomi natasha nathalie nina nora norma olive paola paula
    pauline pearl penelope petra phoebe phyllis pia polly priscilla ramona regina renata rita roberta robyn rosa
    rosalind rosemary roxanne ruby sabine sabrina sally selena selin serena sheila silvia sonia sophie stella
    susanne suzanne sylvia tamara tanya tara tessa thea tina tracy valentina valerie vanessa vera veronica viola
    violet vivian wanda wendy whitney yasmin yolanda yvonne zara zoe zoey nurul siti aisyah priya anjali sunita
    deepika pooja neha kavita lakshmi mei ling yuko keiko akiko hana sakura ji-yeon min-ji seo-yeon
    """.split()
)


MALE_NAMES = frozenset(
    """
    james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark
    donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
    nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
    raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
    bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
    philip louis boris emmanuel vladimir xi recep mohammed muhammad ahmed ali hassan hussein omar mustafa abdul
    ibrahim yusuf mike bill ted jim tom bob dick steve nick tony chuck mitch lindsey bernie pete hulusi mevlut
    tayyip benjamin ivan sergei dmitry alexei mikhail andrzej jan piotr krzysztof tomasz pawel marek jacek carlos
    luis miguel jorge pedro manuel antonio francisco javier giuseppe marco luca giovanni hans klaus jurgen wolfgang
    stefan pierre jean-claude francois adil qasem hassan narendra rahul imran abraham adrian ahmad alberto alejandro
    alfred alfredo allen alvaro amir andre andreas andres angelo anton antoine armando arnold axel barry ben bernard
    bertrand bjorn blake brad bradley brendan brett bruno caleb calvin cameron carlo cedric cesar chad charlie
    christoph christophe claude clifford clint colin conor craig curtis dale damian damien dan danny darren dave
    dean declan derek desmond diego dirk dominic don doug duncan dustin dwight earl ed eddie edgar eduardo edwin
    elias elliot emil emilio enrique erik ernest ernesto esteban evan fabian felipe felix fernando finn florian
    francis franco frederick fritz gareth gavin geoffrey gerard gerhard gilbert glen glenn gordon graham grant greg
    guillaume gustavo guy hamid harry harvey hector helmut herbert heinrich horst howard hugh hugo ian igor isaac
    jake jamal jared jeff jens jeremiah jerome jesus jimmy joachim joao joel johan johannes jon jonas josef julian
    julio karl ken kurt lance lars leo leon leonard leonardo lewis liam lionel lloyd lorenzo lucas ludwig luigi luke
    malcolm manfred marc marcel marcelo marcus mario markus martin mateo mathias matteo matthias maurice max
    maximilian mehmet melvin michel milan miles mohamed mohammad moritz murray nathaniel neil nelson niall nicolas
    niklas nils noel norman oliver olivier oscar otto owen pablo pascal paulo perry phil philippe rafael ralf ramon
    randall raul ray reggie reinhard rene ricardo rick rob rodney rodrigo roland roman ross rudolf rupert salvador
    sami santiago sebastian sergio seth shane simon stanley stephane stuart sven terrence theo theodore thierry tim
    tobias todd tomas travis trevor tyrone ulrich uwe victor viktor warren werner wesley wilfred will winston xavier
    yannick yves ahmet emre murat kemal hakan burak cem selim serkan tarik volkan rajesh ravi sanjay suresh vijay
    amit anil arjun rohan vikram hiroshi takashi kenji haruki jin-woo min-ho
    """.split()
)


def gender_of(name: str, role: str | None = None, mention: str | None = None) -> str | None:
    """ "f" or "m" from a title or role word ("Mrs", "spokeswoman", "King") or a common first name; else None."""
    for phrase in (role, mention):
        if not phrase:
            continue
        for w in phrase.lower().replace(",", " ").split():
            if w in FEMALE_WORDS:
                return "f"
            if w in MALE_WORDS:
                return "m"
    words = name.split()
    first = words[0].lower() if words else ""
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None
