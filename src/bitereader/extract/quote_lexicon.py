"""Word lists the quote extractor leans on: speech verbs, titles, organisation words, given names.

General English newswire vocabulary only; nothing here is taken from a particular article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def words(text: str) -> list[str]:
    """Split a whitespace-separated word list (kept as a block of text so it reads like prose)."""
    return text.split()


def _inflect(base: str) -> tuple[str, ...]:
    """Regular verb forms: say it once, match said/says/saying without listing them all."""
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("sh", "ch", "ss", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


_REGULAR_SPEECH = """
add admit acknowledge agree announce answer argue ask assert assure boast caution
claim comment complain conclude concede confirm contend continue counter cry declare deny
emphasise emphasize exclaim explain highlight indicate inform insist joke lament maintain
mention muse note object observe pledge post predict proclaim promise propose protest
quip recall recount reflect reiterate remark remind repeat reply report respond retort reveal
scoff shout signal state stress suggest testify thunder tweet urge vow warn whisper wonder
quote share rule conclude estimate
"""
_IRREGULAR_SPEECH = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "speak": ("spoke",),
    "read": ("reads",),
    "go on": ("went on",),
    "put it": ("put it",),
}
_NAMING = """
call describe characterise characterize label brand dub term praise condemn criticise criticize
hail welcome slam blast dismiss decry accuse
"""
_WRITTEN = "release issue publish"

SPEECH_FORMS: frozenset[str] = frozenset(
    form
    for words in (_REGULAR_SPEECH, _NAMING, _WRITTEN)
    for base in words.split()
    for form in _inflect(base)
) | frozenset(f for forms in _IRREGULAR_SPEECH.values() for f in forms)

NAMING_FORMS: frozenset[str] = frozenset(f for b in _NAMING.split() for f in _inflect(b))
"""Verbs that name or judge ("called it", "described him as"): a fragment follows them."""

WRITTEN_FORMS: frozenset[str] = frozenset(f for b in _WRITTEN.split() for f in _inflect(b))

RECIPIENT_FORMS: frozenset[str] = frozenset(
    f for b in ("inform", "assure", "remind", "ask", "warn", "urge") for f in _inflect(b)
) | {"tell", "tells", "told", "telling"}
"""Verbs that take the listener before the words ("told reporters", "assured the crowd")."""

NOUN_LIKE_FORMS: frozenset[str] = frozenset(
    words(
        """
        report reports state states post posts note notes issue issues release releases claim
        claims comment comments answer answers promise promises quote quotes tweet tweets signal
        signals counter counters estimate estimates rule rules remark remarks reply replies object
        objects protest protests repeat repeats share shares stress call calls label labels brand
        brands term terms welcome welcomes blast blasts hail praise cry cries joke jokes pledge
        pledges vow vows warning continue continues answer reading
        """
    )
)
"""Forms that are as often nouns ("the states", "a report"): verbs only after a subject."""


def trie_pattern(words: frozenset[str]) -> str:
    """One regular expression for many words, shaped as a trie so matching stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    # Spelled as briefly as the engine allows, since the worker processes compile the longest
    # of these at start-up: last letters as one class ("[ds]", which is what the parser makes
    # of "(?:d|s)" anyway) and no group of its own around a lone letter, a class or a group
    # made optional. The compiled expression is the same as with the longer spelling.
    def build(node: dict) -> str:
        ends = "" in node
        letters = sorted(ch for ch in node if ch)
        if not letters:
            return ""
        if len(letters) > 1 and all(node[ch].keys() == {""} for ch in letters):
            body = "[" + "".join(re.escape(ch) for ch in letters) + "]"
            return body + "?" if ends else body
        branches = [re.escape(ch) + build(node[ch]) for ch in letters]
        if len(branches) > 1:
            body = "(?:" + "|".join(branches) + ")"
            return body + "?" if ends else body
        if not ends:
            return branches[0]
        # A lone letter (escaped or not) takes the "?" itself.
        return branches[0] + "?" if node[letters[0]].keys() == {""} else f"(?:{branches[0]})?"

    return build(trie)


def reference_pattern(pattern: str, compiled: bool, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, for an expression that the compiled build (`compiled`
    True, as the calling module tells) reads character by character instead: there it is
    compiled only when first used, by the tests that compare the two ways, so that the worker
    processes do not compile it at start-up."""
    if not compiled:
        return re.compile(pattern, flags)
    return _OnFirstUse(pattern, flags)  # type: ignore[return-value]


class _OnFirstUse:
    """A regular expression that compiles itself when first used (see `reference_pattern`)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)  # found without this call from now on
        return value


COMPILED = not __file__.endswith(".py")
"""Compiled by Cython, as the other extractors then are (see `quotes.COMPILED`)."""

_VERB_INITIALS = frozenset(form[0] for form in SPEECH_FORMS)
"""The letters a speech verb can start with."""

_SHORT_STRETCH = 32
"""Below this many characters a plain search costs less than the skipping one."""

SHORTEST_VERB = min(len(form) for form in SPEECH_FORMS)
"""No stretch shorter than this holds a speech verb (after a quote it is often "." or " ")."""


class _SpeechVerbs:
    """Finds speech verbs with one trie-shaped expression, whole words only."""

    trie = trie_pattern(SPEECH_FORMS)
    """The verbs as one alternation, with no boundaries, for composing patterns."""
    pattern = r"\b" + trie + r"\b"
    """The verbs as a regular expression, for composing anchored patterns."""

    def __init__(self) -> None:
        trie = self.trie
        self._re = re.compile(r"(?<![\w’'-])" + trie + r"(?![\w’'-])")
        # The same verbs, each found with the character before it. A pattern that opens with
        # a look-behind is tried at every position; one that opens with a character class
        # (ASCII only, so the engine tests a bitmap) skips the letters inside words, and the
        # look-behind then rules out the non-ASCII letters the class lets through.
        # (The compiled extractors read stretches character by character instead of searching
        # them, and the worker processes need not compile this at start-up.)
        self._after_break = reference_pattern(
            r"[^a-zA-Z0-9_’'-](?<![\w’'-])(" + trie + r")(?![\w’'-])", COMPILED
        )

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Each speech verb in `text[pos:endpos]`."""
        return self._re.finditer(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """The speech verb that starts right at `pos` in `text[:endpos]`, if one does."""
        # Setting up a match costs more than looking at the one letter a verb opens with.
        if pos < 0 or text[pos : pos + 1] in _VERB_INITIALS:
            return self._re.match(text, pos, endpos)
        return None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first speech verb in `text[pos:endpos]`, if any."""
        end = len(text) if endpos is None else endpos
        if end - pos < SHORTEST_VERB:
            return None  # no verb fits, and setting up even a plain search costs thousands
        if end - pos < _SHORT_STRETCH:
            return self._re.search(text, pos, end)  # too short to repay the two extra calls
        # A verb right at `pos` has the character before it outside the range: `_after_break`
        # cannot find it.
        m = self.match(text, pos, end)
        if m is not None:
            return m
        m = self._after_break.search(text, pos, end)
        # The verb matched on its own, so callers get the match `self._re.search` returns.
        return None if m is None else self._re.match(text, m.start(1), end)

    def fullmatch(self, word: str) -> bool:
        """True when `word` is a speech verb."""
        return word in SPEECH_FORMS


SPEECH_VERB_RE = _SpeechVerbs()

TITLES: frozenset[str] = frozenset(
    words(
        """
    president vice prime minister secretary senator sen sen. rep rep. representative congressman
    congresswoman governor gov gov. mayor judge justice chief director general attorney
    attorney-general chancellor dr dr. doctor prof prof. professor mr mr. mrs mrs. ms ms. miss
    sir dame lord lady king queen prince princess crown pope archbishop bishop cardinal rev rev.
    reverend rabbi imam sheikh ambassador envoy commissioner chairman chairwoman chair chairperson
    ceo cfo coo founder coach captain capt capt. lt lt. col col. colonel sgt sgt. sergeant officer
    detective inspector superintendent constable commander admiral marshal major speaker leader
    spokesman spokeswoman spokesperson deputy acting former ex interim assistant associate
    executive head premier mp mep mla msp senior defence defense foreign interior health home
    finance treasury trade justice education environment transport energy labor labour state
    federal national special presidential deputy-general secretary-general under-secretary
    chief-executive manager editor correspondent analyst economist lawyer advocate barrister
    solicitor prosecutor counsel agent sheriff councillor councilor alderman senior-minister
    principal dean provost rector vice-chancellor general-secretary fr father brother sister
    mother emeritus lieutenant private corporal first member
    """
    )
)
"""Words that stand before a name as a title or office ("US Defence Secretary Pete Hegseth")."""

ORG_WORDS: frozenset[str] = frozenset(
    words(
        """
    department ministry office agency council committee commission university college school
    institute institution association party union organization organisation bank fund court
    police society foundation government forces force army navy air group news post times
    press company corporation corp corp. inc inc. ltd ltd. llc plc co co. club team federation
    authority board bureau service services centre center network tv radio channel nations
    states assembly parliament senate congress house cabinet administration embassy consulate
    hospital church league alliance coalition movement front trust charity initiative project
    program programme media journal herald tribune daily weekly magazine review industries
    holdings secretariat guard marines command fleet corps brigade regiment squad legion
    republic kingdom commonwealth province county region district agency airlines airways
    railways museum library laboratory laboratories lab labs observatory academy network
    review gazette telegraph observer standard chronicle courier express mirror wire reuters
    bloomberg afp bbc cnn npr pbs abc nbc cbs fox
    """
    )
)
"""Words that make a capitalised run an organisation rather than a person."""

PLACE_WORDS: frozenset[str] = frozenset(
    words(
        """
    bay port city river street island islands mountains mount sea ocean valley
    beach square road avenue airport station bridge canal coast gulf strait peninsula
    desert forest hill hills falls harbour harbor town village capital north south east west
    northern southern eastern western central new san santa los las united
    """
    )
)

NOT_NAMES: frozenset[str] = frozenset(
    words(
        """
    the a an this that these those it its he she they we i you his her their our my your him
    them us me in on at for with after before however but and or yet so then there here also
    still even just now what who why how where which when while as since although though
    meanwhile earlier later last next per despite following under over around one another some
    many most both all each every if because speaking according asked calling regarding
    prompted faced amidst among like unlike currently presently specifically allegedly
    reportedly officially yesterday today tonight tomorrow monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october
    november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep.
    sept sept. oct oct. nov nov. dec dec. mr mrs ms dr no yes not never nothing nobody everyone
    everybody anyone something someone god thanks thank please dear oh well ok okay instead
    indeed besides furthermore moreover overall similarly likewise finally first second third
    during until within without between through throughout towards toward by from into onto
    upon about above below across against along amid beside beyond near off out past via
    outside inside
    """
    )
)
"""Capitalised words at the start of a sentence that are not names."""

PREPOSITIONS: frozenset[str] = frozenset(
    words(
        """
    of in on at for with to from by about against into onto over under between among amid
    through during after before since until toward towards near via per like unlike across
    behind beyond within without upon outside inside
    """
    )
)

ROLE_NOUNS: frozenset[str] = frozenset(
    words(
        """
    lawmakers lawmaker officials official director leader president spokesman spokeswoman
    spokesperson minister secretary chief executive commissioner chairman chairwoman attorney
    coach head lawyer prosecutor police authorities government troops forces member members
    staff staffer staffers aide aides adviser advisers advisor spokesmen analyst analysts
    researcher researchers scientist scientists professor expert experts official spokespeople
    representative representatives senator senators governor mayor judge manager managers
    employee employees worker workers supporters critics fans players player captain founder
    owner owners investor investors economist economists correspondent reporter editor
    chairperson envoy ambassador diplomat diplomats agency ministry department officer officers
    general generals commander commanders soldiers voters residents citizens leaders cabinet
    party party's team's group's designer actor actress singer writer author student students
    teacher teachers doctor doctors nurse nurses parents mother father wife husband son
    daughter brother sister legislators legislator negotiators negotiator activist activists
    campaigners campaigner candidate candidates executive executives counterpart counterparts
    journalist journalists broadcaster columnist commentator host presenter
    """
    )
)
"""Lowercase nouns that follow a capitalised modifier ("US lawmakers", "Labour Party leader")."""

WRITTEN_SOURCES: frozenset[str] = frozenset(
    words(
        """
    statement resolution post tweet tweets document documents website site page blog letter
    report decree order memo release note account feed filing ruling verdict judgment judgement
    announcement communique communiqué declaration bill law text message email e-mail
    press-release leaflet notice manifesto petition study paper survey
    """
    )
)

DETERMINERS: frozenset[str] = frozenset(
    words(
        """
    a an the one two three four five six several some many another other most few this that
    these those his her their its our each every any both all no
    """
    )
)

TIME_WORDS: frozenset[str] = frozenset(
    words(
        """
    day days week weeks month months year years morning afternoon evening night time moment
    weekend today yesterday tonight earlier later monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december then meanwhile decade decades century hour hours minute minutes season
    """
    )
)

MALE_WORDS: frozenset[str] = frozenset(
    words(
        """
    mr mr. sir lord king prince duke earl baron count spokesman chairman congressman
    businessman father husband son brother grandfather uncle nephew boy man gentleman monk
    priest actor emperor sultan sheikh widower fr fr.
    """
    )
)
FEMALE_WORDS: frozenset[str] = frozenset(
    words(
        """
    mrs mrs. ms ms. miss dame lady queen princess duchess countess baroness spokeswoman
    chairwoman congresswoman businesswoman mother wife daughter sister grandmother aunt niece
    girl woman nun actress empress widow
    """
    )
)

# Common given names whose gender is rarely in doubt; used only to choose between "he" and
# "she" candidates. Names widely given to both sexes are left out on purpose.
MALE_NAMES: frozenset[str] = frozenset(
    words(
        """
    aaron abdul abdullah adam adrian ahmed ahmad alan albert alberto alejandro alexander alexei
    alfred ali andre andrea andreas andrew andrzej andy angus anthony antonio arthur barack barry
    ben benjamin bernard bill billy bob boris brandon brett brian bruce bryan carl carlos charles
    charlie chuck colin craig daniel danny darren david dennis derek dick dmitry donald doug
    douglas duncan edward emmanuel enrique eric ernest evan francis francisco frank fred
    frederick gary gavin george gerald giuseppe gordon graham greg gregory guy hamid hans harold
    harry hassan henry hugh hugo ian ibrahim isaac ivan jack jacob jake james jamal javier jay
    jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jonathan jorge jose joseph juan
    julian justin karl keith ken kenneth kevin khalid kurt larry lee leo leonard liam luis luke
    marco marcus mark martin matt matthew max michael miguel mike mohamed mohammad mohammed
    muhammad nathan neil nicholas nick nigel noah oliver omar oscar owen patrick paul pedro pete
    peter philip phil pierre rafael ralph raymond richard rick robert roberto roger ronald roy
    russell ryan salman sam samuel scott sean sergei simon stanley stefan stephen steve steven
    stuart ted terry thomas tim timothy todd tom tommy tony victor vincent vladimir walter wayne
    william xavier yusuf zach
    """
    )
)
FEMALE_NAMES: frozenset[str] = frozenset(
    words(
        """
    abigail adriana agnes aisha alice alicia alison amanda amber amelia amy ana angela angelina
    anita ann anna anne annie barbara beatrice betty beverly brenda bridget carla carmen carol
    caroline catherine charlotte chloe christina christine claire clara claudia cynthia daisy
    deborah debra denise diana diane donna doris dorothy elena eleanor elizabeth ella ellen
    emily emma erin esther eva eve fatima fiona frances gabriela gloria grace hannah heather
    helen helena holly ingrid irene isabel isabella jacqueline jane janet janice jennifer jessica
    joan joanna josephine joyce judith judy julia julie karen kate katherine kathleen kathryn
    katie laura lauren linda lisa lois louise lucy lydia margaret maria marie marina marion
    martha mary maya megan melanie melissa michelle monica nancy natalia natalie nicola nicole
    nina olga olivia pamela patricia paula pauline penelope penny priya rachel rebecca rita
    rosa rose ruth sally samantha sandra sara sarah sharon sheila sophia sophie stephanie susan
    suzanne tanya tatiana teresa theresa tina valerie vanessa victoria virginia wendy yvonne
    zoe
    """
    )
)

ELISIONS: tuple[str, ...] = ("em", "til", "cause", "n", "tis", "twas", "bout", "round")
"""Words that open with an apostrophe ('em, 'til), so the mark is not an opening quote."""

ABBREVIATIONS: frozenset[str] = frozenset(
    words(
        """
    mr mrs ms dr prof st jr sr no gen sen rep gov lt col sgt capt jan feb mar apr jun jul aug sep
    sept oct nov dec inc ltd co corp vs etc e.g i.e approx dept est fig mt ft rev fr u.s u.k u.n
    a.m p.m
    """
    )
)
