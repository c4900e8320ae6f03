"""Arms transfers: the weapon systems a news story names and the deals around them, SIPRI-style.

Three steps, each with its own class:

* :class:`WeaponGazetteer` holds the weapon systems of ``data/transfers/weapons.tsv`` (and the
  user's additions, e.g. imported from a SIPRI register) and looks names up the way news writes
  them ("S400", "S-400s", "Talwar-class").
* :class:`SystemFinder` marks systems in a parsed document: gazetteer names, and designations
  the gazetteer lacks when a category noun stands next to them ("K9 howitzers", "Type 054A
  frigates").
* :class:`TransferExtractor` reads the deal around each system from the dependency parse: the
  stage from the outermost deal word above the system ("talks on the purchase of X" is talks,
  "contracts for the delivery of X" a contract), supplier and recipient from that word's frame
  (the subject of "buy" receives, the subject of "sell" supplies, the two sides of "sign ...
  with" are told apart by the system's producer), quantity, value and the year of the stage.

:func:`merge_transfers` makes one record of a deal mentioned in several sentences or articles.
The words are data (``data/transfers/*.yaml|tsv``); this module only knows the grammar.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors import conjuncts
from .data import data_path, read_tsv, read_yaml, split_list
from .dates import resolve_date, shift_days
from .gazetteer import gazetteer, state_existed
from .records import Document, Transfer

#: The English words this module reads deals by are language data: each constant below is the
#: key of the same name in data/transfers/words.yaml, which says what it is for.
_WORDS = read_yaml("transfers/words.yaml")
MEANING_PARTICLES = set(_WORDS["meaning_particles"])
COMMANDING_VERBS = frozenset(_WORDS["commanding_verbs"])
HELPING_VERBS = set(_WORDS["helping_verbs"])
CHOOSING_VERBS = set(_WORDS["choosing_verbs"])
PREFERRING_VERBS = set(_WORDS["preferring_verbs"])
CARGO_NOUNS = set(_WORDS["cargo_nouns"])
CARRYING_VERBS = frozenset(_WORDS["carrying_verbs"])
PACKAGE_PREPOSITIONS = frozenset(_WORDS["package_prepositions"])
GIVING_NOUNS = frozenset(_WORDS["giving_nouns"])
NOT_SHORT_NAMES = frozenset(_WORDS["not_short_names"])
PLACE_WORDS = set(_WORDS["place_words"])
LICENCE_NOUNS = set(_WORDS["licence_nouns"])
DEAL_PRONOUNS = set(_WORDS["deal_pronouns"])
THREAT_PREPOSITIONS = frozenset(_WORDS["threat_prepositions"])
DEFINITE_DETERMINERS = set(_WORDS["definite_determiners"])
KIND_NOUNS = {noun: frozenset(words) for noun, words in _WORDS["kind_nouns"].items()}
DESIGNATION_PREFIXES = set(_WORDS["designation_prefixes"])
VARIANT_PREFIXES = set(_WORDS["variant_prefixes"])
PAIRING_WORDS = set(_WORDS["pairing_words"])
NUMBER_WORDS = dict(_WORDS["number_words"])
NUMBER_MULTIPLIERS = dict(_WORDS["number_multipliers"])
AGGREGATE_WORDS = set(_WORDS["aggregate_words"])
YEAR_PREPOSITIONS = set(_WORDS["year_prepositions"])

# -- names ------------------------------------------------------------------------------------

WEAPONS_FILE = "transfers/weapons.tsv"
#: The user's additions to the weapon gazetteer, read from the ``COMITY_DATA`` folder;
#: ``comity gazetteer import-sipri`` writes it.
USER_WEAPONS_FILE = "transfers/weapons.user.tsv"
#: Entity types of dates and amounts, which no weapon name without digits is written as.
TIME_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT"}
WEAPON_COLUMNS = ["designation", "aliases", "nato_name", "category", "producer", "maker", "description"]

CATEGORIES = ("aircraft", "air-defence", "anti-submarine", "armoured-vehicle", "artillery",
              "engine", "missile", "naval-weapon", "satellite", "sensor", "ship", "other")

CLAUSE_POS = {"VERB", "AUX"}
# The side of a deal taken by whoever does what a deal word's frame says: its subject ("India
# bought"), its "by" agent ("delivered by Russia") and the agent of a participle on the goods
# ("howitzers supplied by Germany"). A frame that names no side of its own ("arrival") leaves
# its doer a party.
DOER_SIDE = {"buyer": "recipient", "seller": "supplier", "pledge": "supplier", "expel": "supplier",
             "possess": "recipient", "party": "party"}
NOUN_POS = {"NOUN", "PROPN"}
#: Dependency labels that keep a word inside the noun phrase of the system it modifies.
MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod", "npadvmod", "appos", "quantmod"}
#: Kinds of actor-gazetteer mentions that name a state (not a weapon).
STATE_MENTION_KINDS = {"country", "adjective", "people", "city", "seat", "person", "igo", "agency"}

#: How far a value or a date may hang from the words of the deal.
MAX_ATTACHMENT_STEPS = 6
#: "The jets" refers back to a system this many sentences before at most.
REFERENCE_SENTENCES = 4
#: Moods of a deal word that report no step at all: refused, cancelled or denied, or only
#: imagined ("would have bought").
REFUSED_MOODS = {"refusal", "cancelled", "hypothetical"}
#: A neighbouring sentence may give a deal's value ("Officials put its value at ...") up to
#: this many sentences after the deal.
NEIGHBOUR_SENTENCES = 2

#: Calibres, generations and ordinals look like designations but are not ("155mm", "4th").
NOT_DESIGNATION = re.compile(r"^(\d+(\.\d+)?(mm|cm|km|kg|t|m|nm|hp|kn|kw)|\d+(st|nd|rd|th)|\d{4}s?)$",
                             re.IGNORECASE)
DESIGNATION_SHAPE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-/.]*$")
CLASS_WORD = "class"
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj"}
YEAR_LIKE = re.compile(r"^(1[89]|20)\d\d$")


def name_key(text: str) -> str:
    """The form names are compared in: lower case, letters and digits only ("S-400" = "S400")."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


#: Stages whose words, governing a cancelling word, agree to the cancelling ("agreed to tear up
#: the contract"), not to the deal.
AGREEING_STAGES = frozenset({"talks", "agreed"})


class TransferDataError(ValueError):
    """A transfers data file that cannot be used (missing column, unknown category)."""


# -- the weapon gazetteer ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class WeaponSystem:
    designation: str
    aliases: tuple[str, ...] = ()
    nato_name: str | None = None
    category: str | None = None
    producers: tuple[str, ...] = ()
    maker: str | None = None
    description: str | None = None
    curated: bool = True        # False for names imported in bulk (a SIPRI register)

    @property
    def producer(self) -> str | None:
        return self.producers[0] if self.producers else None

    def names(self) -> list[str]:
        found = [self.designation, *self.aliases]
        if self.nato_name:
            found.append(self.nato_name)
        return found


class WeaponGazetteer:
    """Weapon systems by every name news gives them."""

    def __init__(self, systems: Iterable[WeaponSystem] = ()):
        self.systems: list[WeaponSystem] = []
        self.index: dict[str, list[tuple[WeaponSystem, str]]] = {}
        self.by_maker: dict[str, list[WeaponSystem]] = {}
        self.short_names: set[str] = set()
        self.longest = 1
        self._prefixes: frozenset[str] | None = None
        self._prefixes_size = 0
        for system in systems:
            self.add(system)

    def add(self, system: WeaponSystem) -> None:
        self.systems.append(system)
        if system.maker:
            for maker in re.split(r"\s*[|/;]\s*", system.maker):
                if len(name_key(maker)) >= 3:
                    self.by_maker.setdefault(name_key(maker), []).append(system)
        for name in system.names():
            # One key for every spelling: "Talwar class" and "Talwar-class", "S-400" and "S400".
            key = name_key(name)
            if len(key) < 2:
                continue
            entries = self.index.setdefault(key, [])
            if all(existing is not system for existing, _ in entries):
                entries.append((system, name))
            # tokens a name may take: its letter and digit runs and the hyphens between them
            self.longest = max(self.longest, len(re.findall(r"[A-Za-z]+|\d+", name)) + 2)

    def lookup(self, name: str, category: str | None = None) -> WeaponSystem | None:
        """The system a name stands for; ``category`` (from a noun next to the name) settles
        names shared by several systems ("Growler" the missile and the aircraft)."""
        found = self.candidates(name_key(name))
        if not found:
            return None
        return _pick(found, category)[0]

    def candidates(self, key: str) -> list[tuple[WeaponSystem, str]]:
        return self.index.get(key, [])

    def prefixes(self) -> frozenset[str]:
        """Every beginning of every name key: a span whose key is not among them can neither
        be a name nor grow into one, which lets the finder stop early."""
        if self._prefixes is None or self._prefixes_size != len(self.index):
            self._prefixes = frozenset(key[:k] for key in self.index for k in range(1, len(key) + 1))
            self._prefixes_size = len(self.index)
        return self._prefixes

    def knows(self, name: str) -> bool:
        return bool(self.candidates(name_key(name)))

    def add_short_names(self) -> None:
        """News shortens "CH-47F Chinook" to "Chinook": the name after a designation becomes a
        name of its own when no other system shares it. Such names count like imported ones
        (only as a proper noun or before a category noun)."""
        owners: dict[str, set[int]] = {}
        systems: dict[int, WeaponSystem] = {}
        for system in self.systems:
            if not system.curated:
                continue
            for name in system.names():
                words = name.split()
                if len(words) >= 2 and any(c.isdigit() for c in words[0]) and words[-1].isalpha() \
                        and words[-1][:1].isupper() and len(words[-1]) >= 4:
                    owners.setdefault(name_key(words[-1]), set()).add(id(system))
                    systems[id(system)] = system
        titles = {name_key(role) for role in gazetteer().roles} | NOT_SHORT_NAMES
        for key, ids in owners.items():
            # (a title or a common word is no weapon's name: "King Salman" is no Sea King)
            if len(ids) == 1 and key not in self.index and key not in titles:
                system = systems[next(iter(ids))]
                short = next(w for n in system.names() for w in [n.split()[-1]] if name_key(w) == key)
                derived = WeaponSystem(system.designation, system.aliases, system.nato_name, system.category,
                                       system.producers, system.maker, system.description, curated=False)
                self.index[key] = [(derived, short)]
                self.short_names.add(key)

    @classmethod
    def load(cls) -> "WeaponGazetteer":
        gaz = cls()
        for path, curated in ((data_path(WEAPONS_FILE), True), (user_weapons_path(), False)):
            if path is None or not path.exists():
                continue
            for system in read_weapon_rows(path, curated):
                gaz.add(system)
        gaz.add_short_names()
        gaz.drop_shadowed_imports()
        return gaz

    def drop_shadowed_imports(self) -> None:
        """A name imported in bulk that begins a curated system's name (a register's "Leopard"
        frigate, the curated Leopard 2 tanks) is too ambiguous to keep."""
        curated = {key for key, entries in self.index.items() if any(s.curated for s, _ in entries)}
        for key, entries in list(self.index.items()):
            if key not in self.short_names and all(not s.curated for s, _ in entries) and key.isalpha() and any(
                    other != key and other.startswith(key) for other in curated):
                del self.index[key]


def _pick(found: list[tuple[WeaponSystem, str]], category: str | None) -> tuple[WeaponSystem, str]:
    if category:
        for system, form in found:
            if system.category == category:
                return system, form
    curated = [item for item in found if item[0].curated]
    return (curated or found)[0]


def _makers_states(mention: "SystemMention", date: str | None) -> tuple[str, ...]:
    """The states of a system's makers when the state that made it is gone: "Russia's S-300"
    is Russia's to sell, the Soviet design now being built by Russia's Almaz-Antey."""
    system = mention.system
    if system is None or not system.maker or all(state_existed(p, date) for p in system.producers):
        return ()
    proper = gazetteer().proper
    return tuple(dict.fromkeys(entry.country for maker in re.split(r"\s*[|/;]\s*", system.maker)
                               for entry in proper.get(maker, ()) if entry.kind == "body" and entry.country))


def user_weapons_path() -> Path | None:
    """Where the user's additions to the weapon gazetteer live (inside ``COMITY_DATA``)."""
    folder = os.environ.get("COMITY_DATA")
    return Path(folder) / USER_WEAPONS_FILE if folder else None


def read_weapon_rows(path: Path, curated: bool = True) -> Iterable[WeaponSystem]:
    """The systems of a weapons TSV file (the layout of ``weapons.tsv``)."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in ("designation", "category", "producer") if c not in (reader.fieldnames or [])]
        if missing:
            raise TransferDataError(f"{path}: missing column(s) {', '.join(missing)}")
        for number, row in enumerate(reader, 2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("designation"):
                continue
            category = row.get("category") or None
            if category and category not in CATEGORIES:
                raise TransferDataError(f"{path}: row {number}: unknown category {category!r}")
            yield WeaponSystem(
                designation=row["designation"],
                aliases=tuple(split_list(row.get("aliases"))),
                nato_name=row.get("nato_name") or None,
                category=category,
                producers=tuple(p.upper() for p in re.split(r"[|/,; ]+", row.get("producer") or "") if p),
                maker=row.get("maker") or None,
                description=row.get("description") or None,
                curated=curated)


@cache
def weapon_gazetteer() -> WeaponGazetteer:
    """The weapon gazetteer of this installation, loaded once per process."""
    return WeaponGazetteer.load()


# -- the deal vocabulary ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DealWord:
    """A word that reports a deal: its stage and which of its arguments supplies/receives."""

    stage: str
    frame: str          # buyer, seller, party, arrival
    words: tuple[str, ...]   # the lemma first, then the words that must accompany it


@dataclass
class TransferLexicon:
    order: list[str]
    unasserted: dict[str, str | None]
    verbs: dict[str, list[DealWord]]
    nouns: dict[str, list[DealWord]]
    light_verbs: frozenset[str]
    content_verbs: frozenset[str]
    licence_cues: tuple[str, ...]
    unit_nouns: frozenset[str]
    goods_nouns: frozenset[str]
    origin_words: frozenset[str]
    recipient_preps: frozenset[str]
    supplier_preps: frozenset[str]
    party_preps: frozenset[str]
    adjunct_preps: frozenset[str]
    company_words: frozenset[str]
    planned_modifiers: frozenset[str]
    pending_markers: frozenset[str]
    possibility_nouns: frozenset[str]
    approach_words: frozenset[str]
    possibility_enders: frozenset[str]
    firm_agreements: frozenset[str]
    argument_preps: frozenset[str]
    categories: dict[tuple[str, ...], str]
    longest_category: int

    def rank(self, stage: str) -> int:
        return self.order.index(stage)

    def single_category_nouns(self) -> frozenset[str]:
        """The one-word category nouns ("frigate", "howitzer")."""
        return frozenset(phrase[0] for phrase in self.categories if len(phrase) == 1)

    def is_generic(self, name: str) -> bool:
        """Whether a name is only a category phrase ("frigate", "rocket system")."""
        words = tuple(_category_words(name.lower()))
        return words in self.categories or (words[:-1] + (words[-1].rstrip("s"),)) in self.categories if words else False

    def ends_in_category(self, name: str) -> bool:
        """Whether a name ends with a category noun ("BrahMos missile", "Typhoon jet")."""
        words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
        if len(words) < 2:
            return False
        last = words[-1][:-1] if words[-1].endswith("s") else words[-1]
        return (last,) in self.categories or (words[-1],) in self.categories

    def category_at(self, token: Token) -> tuple[str | None, int]:
        """The category a noun names with the words before it, and where that phrase starts
        ("air defence missile systems" -> air-defence)."""
        if token.pos_ not in NOUN_POS and not (token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS):
            return None, token.i        # ("drones" is sometimes tagged a verb in object position)
        words: list[tuple[str, int]] = []
        doc = token.doc
        i = token.i
        while i >= 0 and token.i - i < 8:
            t = doc[i]
            if t.is_punct and t.text != "-" or (i < token.i and t.pos_ in {"DET", "NUM", "ADP", "CCONJ"}):
                break
            text = t.lemma_.lower() if i == token.i else t.lower_
            words[:0] = [(w, i) for w in _category_words(text)]
            i -= 1
        heads = [words[-1][0]] if words else []
        if heads and heads[0] == token.lower_ and heads[0].endswith("s"):
            # a capitalised plural keeps its s as lemma ("Rocket Systems")
            heads.append(heads[0][:-1])
        for head in heads:
            words[-1] = (head, words[-1][1])
            for length in range(min(len(words), self.longest_category), 0, -1):
                phrase = tuple(w for w, _ in words[-length:])
                category = self.categories.get(phrase)
                if category:
                    return category, words[-length][1]
        return None, token.i


def _category_words(text: str) -> list[str]:
    text = text.replace("defense", "defence").replace("armored", "armoured")
    return [w for w in re.split(r"[\s\-]+", text) if w]


def _deal_words(entries: dict, stage: str) -> list[DealWord]:
    found = []
    for frame, words in (entries or {}).items():
        if frame not in {"buyer", "seller", "party", "arrival", "expel", "possess", "pledge"}:
            raise TransferDataError(f"stages.yaml: {stage}: unknown frame {frame!r}")
        for word in words or []:
            parts = tuple(str(word).lower().split())
            found.append(DealWord(stage, frame, parts))
    return found


def load_transfer_lexicon() -> TransferLexicon:
    raw = read_yaml("transfers/stages.yaml")
    order = [str(s) for s in raw["order"]]
    verbs: dict[str, list[DealWord]] = {}
    nouns: dict[str, list[DealWord]] = {}
    for stage, entry in (raw.get("stages") or {}).items():
        if stage not in order:
            raise TransferDataError(f"stages.yaml: stage {stage!r} is not in order")
        for word in _deal_words(entry.get("verbs"), stage):
            verbs.setdefault(word.words[0], []).append(word)
        for word in _deal_words(entry.get("nouns"), stage):
            # Nouns carry their modifiers before the head ("intergovernmental agreement"); a
            # phrase with "of" has its head before it ("letter of intent"), and the parser may
            # hang what follows on either word, so it is found from both.
            nouns.setdefault(word.words[-1], []).append(word)
            if "of" in word.words[1:]:
                head = word.words[word.words.index("of") - 1]
                nouns.setdefault(head, []).append(word)
    for index in (verbs, nouns):
        for words in index.values():
            words.sort(key=lambda w: len(w.words), reverse=True)
    unasserted = {str(k): (str(v) if v else None) for k, v in (raw.get("unasserted") or {}).items()}
    categories: dict[tuple[str, ...], str] = {}
    for row in read_tsv("transfers/category_nouns.tsv"):
        if row["category"] not in CATEGORIES:
            raise TransferDataError(f"category_nouns.tsv: unknown category {row['category']!r}")
        categories[tuple(_category_words(row["phrase"].lower()))] = row["category"]

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return TransferLexicon(
        order=order, unasserted=unasserted, verbs=verbs, nouns=nouns,
        light_verbs=words("light_verbs"), content_verbs=words("content_verbs"),
        licence_cues=tuple(str(w).lower() for w in raw.get("licence_cues") or []),
        unit_nouns=words("unit_nouns"), goods_nouns=words("goods_nouns"), origin_words=words("origin_words"),
        recipient_preps=words("recipient_prepositions"), supplier_preps=words("supplier_prepositions"),
        party_preps=words("party_prepositions"), adjunct_preps=words("adjunct_prepositions"),
        company_words=words("company_words"), planned_modifiers=words("planned_modifiers"),
        pending_markers=words("pending_markers"),
        possibility_nouns=words("possibility_nouns"),
        approach_words=words("approach_words"),
        possibility_enders=words("possibility_enders"),
        firm_agreements=words("firm_agreements"),
        argument_preps=words("argument_prepositions"),
        categories=categories, longest_category=max((len(k) for k in categories), default=1))


@cache
def transfer_lexicon() -> TransferLexicon:
    return load_transfer_lexicon()


# -- money ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Money:
    start: int          # character offsets in the text searched
    end: int
    value: float
    currency: str


class MoneyReader:
    """Finds amounts of money in text: "$5.43 billion", "Rs 39,000 crore", "5 billion euros",
    "€8bn"."""

    NUMBER = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"

    def __init__(self, table: dict):
        self.scales = {str(k).lower(): float(v) for k, v in (table.get("scales") or {}).items()}
        self.prefix_codes: dict[str, str] = {}
        self.suffix_codes: dict[str, str] = {}
        for code, forms in (table.get("prefixes") or {}).items():
            for form in forms:
                self.prefix_codes[str(form)] = str(code)
        for code, forms in (table.get("suffixes") or {}).items():
            for form in forms:
                self.suffix_codes[str(form).lower()] = str(code)
        scales = "|".join(re.escape(s) for s in sorted(self.scales, key=len, reverse=True))
        prefixes = "|".join(re.escape(p) for p in sorted(self.prefix_codes, key=len, reverse=True))
        suffixes = "|".join(re.escape(s) for s in sorted(self.suffix_codes, key=len, reverse=True))
        scale = rf"(?:[\s-]*(?P<scale{{n}}>(?i:{scales}))(?![A-Za-z]))?"
        self.pattern = re.compile(
            rf"(?<![A-Za-z])(?P<pre>{prefixes})\s?(?P<num1>{self.NUMBER})" + scale.format(n=1)
            + rf"(?:\s+(?P<suf1>(?i:{suffixes}))(?![A-Za-z]))?"
            + rf"|(?<![\w.,])(?P<num2>{self.NUMBER})" + scale.format(n=2)
            + rf"\s*(?P<suf2>(?i:{suffixes}))(?![A-Za-z])")

    def find(self, text: str) -> list[Money]:
        found = []
        for match in self.pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("num1"):
                number, scale = groups["num1"], groups.get("scale1")
                code = self.prefix_codes[groups["pre"]]
            else:
                number, scale = groups["num2"], groups.get("scale2")
                code = self.suffix_codes[groups["suf2"].lower()]
            try:
                value = float(number.replace(",", ""))
            except ValueError:
                continue
            value *= self.scales.get((scale or "").lower(), 1.0)
            found.append(Money(match.start(), match.end(), value, code))
        return found


@cache
def money_reader() -> MoneyReader:
    return MoneyReader(read_yaml("transfers/money.yaml"))


# -- finding systems in text ------------------------------------------------------------------

def _variant_mark(token: Token) -> bool:
    """A model mark written after a known name: one word of letters and digits mixed ("360i",
    "M3"), not a plain number, which counts or sizes rather than marks."""
    text = token.text
    return (any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)
            and text.isalnum() and not token.like_num)


@dataclass(slots=True)
class SystemMention:
    """A weapon system named in a document."""

    start: int                   # token span of the name
    end: int
    anchor: Token                # the head of the noun phrase the system is in
    name: str                    # what records call it: the designation, or as written
    designation: str             # the canonical designation (the key of a deal)
    category: str | None
    system: WeaponSystem | None  # None for systems the gazetteer lacks
    generic: bool = False        # a category noun without a designation ("two frigates")
    counted: bool = False        # a number standing for the story's last system ("donate six")
    inferred: bool = False       # named from elsewhere: an earlier sentence, the maker

    @property
    def written_name(self) -> bool:
        """Whether the words of the span name the system (not "six", "the frigates")."""
        return not (self.generic or self.counted or self.inferred)

    @property
    def producer(self) -> str | None:
        return self.system.producer if self.system else None

    @property
    def producers(self) -> tuple[str, ...]:
        return self.system.producers if self.system else ()


class SystemFinder:
    """Marks weapon systems in parsed text."""

    def __init__(self, weapons: WeaponGazetteer, lexicon: TransferLexicon):
        self.weapons = weapons
        self.lexicon = lexicon
        #: the signs of the currency forms money.yaml knows ("A$", "€"): a token with one is
        #: part of an amount, never of a system's name
        self.currency_signs = frozenset(ch for form in money_reader().prefix_codes for ch in form
                                        if not (ch.isalnum() or ch.isspace() or ch == "."))

    def find(self, doc: Doc | Span, actor_mentions: dict | None = None) -> list[SystemMention]:
        """The systems of a sentence (or document), in order."""
        actor_mentions = actor_mentions or {}
        found = self._gazetteer_names(doc, actor_mentions)
        taken = {i for m in found for i in range(m.start, m.end)} | {m.anchor.i for m in found}
        for mention in self._designations(doc, actor_mentions, taken):
            if not any(i in taken for i in range(mention.start, mention.end)):
                found.append(mention)
                taken.update(range(mention.start, mention.end))
                taken.add(mention.anchor.i)
        # "LRSAM systems for India's first aircraft carrier (and its destroyers)": the platforms
        # a system is for are not themselves supplied
        anchors = {m.anchor.i for m in found}
        platforms = {m.anchor.i for m in found if m.anchor.dep_ == "pobj" and m.anchor.head.lower_ == "for"
                     and (m.anchor.head.head.i in anchors or m.anchor.head.i - 1 in anchors)}
        platforms |= {m.anchor.i for m in found if m.anchor.dep_ == "conj" and m.anchor.head.i in platforms}
        # "transport planes carrying anti-tank weapons landed in Kyiv": what carries the goods
        # is not among them
        platforms |= {m.anchor.i for m in found if any(
            _carrying(c) and any(o.dep_ in {"dobj", "obj"} for o in c.children) for c in m.anchor.children)}
        found = sorted((m for m in found if m.anchor.i not in platforms), key=lambda m: m.start)
        return [m for m, following in zip(found, [*found[1:], None])
                if following is None or not _names_the_same_goods(m, following)]

    # -- gazetteer names ------------------------------------------------------------------
    def _gazetteer_names(self, doc: Doc | Span, actor_mentions: dict) -> list[SystemMention]:
        tokens = list(doc)
        found: list[SystemMention] = []
        i = 0
        while i < len(tokens):
            match = self._longest_at(tokens, i, actor_mentions)
            if match is None:
                i += 1
                continue
            length, system, form = match
            start, end = tokens[i].i, tokens[i].i + length
            if i + length < len(tokens) and _variant_mark(tokens[i + length]):
                end += 1    # "King Air 360i": a variant the gazetteer lacks, of the system it knows
                length += 1
            anchor, category = self._anchor(tokens[0].doc, start, end)
            # Records name a known system by its designation ("Talwar-class frigates" are
            # Project 11356); the span in the document keeps how the news wrote it.
            found.append(SystemMention(start, end, anchor, system.designation, system.designation,
                                       system.category or category, system))
            i += length
        return found

    def _longest_at(self, tokens: list[Token], i: int, actor_mentions: dict
                    ) -> tuple[int, WeaponSystem, str] | None:
        first = tokens[i]
        if first.is_punct or first.is_space or not first.text[:1].isalnum():
            return None
        prefixes = self.weapons.prefixes()
        reachable, key = 0, ""
        for length in range(1, min(self.weapons.longest, len(tokens) - i) + 1):
            if any(ch in self.currency_signs for ch in tokens[i + length - 1].text):
                break   # "A$100 million" is money, not the A-100 rocket launcher
            key += name_key(tokens[i + length - 1].text)
            if key not in prefixes and not (key.endswith("s") and key[:-1] in prefixes):
                break
            reachable = length
        for length in range(reachable, 0, -1):
            span = tokens[i:i + length]
            last = span[-1]
            if last.is_punct or any(t.is_space or (t.is_punct and t.text not in "-/.") for t in span):
                continue
            text = "".join(t.text + t.whitespace_ for t in span).strip()
            key = name_key(text)
            candidates = self.weapons.candidates(key)
            plural = text.endswith("s") and len(key) > 3 and (text[-2:-1].isdigit() or text[-2:-1].isupper())
            if (not candidates or plural) and key.endswith("s") and len(key) > 3:
                # "S-400s", "Rafales"; a lower-case s after a designation is a plural even
                # when a variant ends in S ("MiG-29s" are MiG-29s, not MiG-29S)
                candidates = self.weapons.candidates(key[:-1]) or candidates
            if not candidates:
                continue
            after = last.i + 1
            if after < len(last.doc) and last.doc[after].text[:1].isupper() and \
                    last.doc[after].lower_.rstrip(".") in self.lexicon.company_words:
                return None     # "BrahMos Aerospace", "Dassault Aviation": the maker
            category, _ = self._following_category(span[-1])
            system, form = _pick(candidates, category)
            if self._plausible(span, system, form, category, actor_mentions):
                return length, system, form
        return None

    def _following_category(self, last: Token) -> tuple[str | None, int]:
        doc = last.doc
        for j in range(last.i + 1, min(last.i + 5, len(doc))):
            category, _ = self.lexicon.category_at(doc[j])
            if category:
                return category, j
            if doc[j].pos_ not in NOUN_POS | {"ADJ", "PUNCT"}:
                break
        return None, -1

    def _plausible(self, span: list[Token], system: WeaponSystem, form: str, category: str | None,
                   actor_mentions: dict) -> bool:
        """Names without digits are ordinary words too ("Tiger", "Bay", "Rotem"): they count
        only written as proper names, not naming a state, and not inside a longer name ("Tiger
        Woods", "Bay of Bengal", "Hyundai Rotem"). Names imported in bulk or shortened rather
        than curated must also be written as the gazetteer writes them ("ROTEM" is not
        "Rotem") and stand capitalised inside a sentence, as a proper noun or before a category
        noun."""
        text = "".join(t.text for t in span)
        first = span[0]
        if len(span) > 1 and first.is_lower and first.is_alpha and first.pos_ == "DET":
            return False    # "a 10-year memorandum" is no A-10
        if any(c.isdigit() for c in text):
            return True
        if not first.text[:1].isupper():
            return False
        if any(t.ent_type_ in TIME_ENTITIES for t in span):
            return False    # "in May" is no Il-38 (NATO name "May")
        for token in span:
            mention = actor_mentions.get(token.i)
            if mention is not None and (mention.end - mention.start) >= len(span) and \
                    mention.kinds() & STATE_MENTION_KINDS:
                return False
        if self._inside_longer_name(span, actor_mentions):
            return False
        if system.curated:
            return True
        if name_key(text) == name_key(form) and text.replace("-", "").replace(" ", "") != \
                form.replace("-", "").replace(" ", "") and text.rstrip("s") != form.replace(" ", ""):
            return False
        # capitalised inside a sentence, or tagged a proper noun, or before a category noun
        return first.i != first.sent.start or first.pos_ == "PROPN" or category is not None

    def _inside_longer_name(self, span: list[Token], actor_mentions: dict) -> bool:
        """Whether a name is part of a longer proper name: "Hyundai Rotem", "Tiger Woods",
        "Bay of Bengal" (a proper noun next to it that names neither a state nor a maker:
        "MBDA Meteor" is the Meteor)."""
        doc = span[0].doc
        before, after = span[0].i - 1, span[-1].i + 1
        if after + 1 < len(doc) and doc[after].lower_ == "of" and doc[after + 1].pos_ == "PROPN":
            return True
        for i in (before, after):
            if 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() \
                    and doc[i].is_alpha and i not in actor_mentions \
                    and name_key(doc[i].text) not in self.weapons.by_maker:
                return True
        return False

    def _anchor(self, doc: Doc, start: int, end: int) -> tuple[Token, str | None]:
        """The head of the noun phrase a name modifies ("S-400 Triumf air defence systems"
        -> systems), with the category its nouns name."""
        span = doc[start:end]
        anchor = span.root
        category = None
        while anchor.dep_ in MODIFIER_DEPS and anchor.head.i >= end and _is_nominal(anchor.head):
            head = anchor.head
            head_category, _ = self.lexicon.category_at(head)
            unit = head.lemma_.lower() in self.lexicon.unit_nouns
            # (a goods noun that another name modifies is that one's: "Bradley fighting vehicles
            # and Berlin Marder vehicles")
            goods = head.lemma_.lower() in self.lexicon.goods_nouns and not any(
                t.pos_ == "PROPN" and t.dep_ in {"compound", "poss"} and not start <= t.i < end
                for t in head.subtree if t.i < head.i)
            if head_category or unit or goods:
                anchor = head
                # ("three batteries of BrahMos missiles" are missiles, counted by the battery)
                category = category if unit else head_category or category
                continue
            break
        if category is None:
            category, _ = self.lexicon.category_at(span.root if anchor.lemma_.lower() in self.lexicon.unit_nouns
                                                   else anchor)
        if category is None and anchor == span.root:
            # The parser may hang the name apart from its noun ("send Leopard 2 battle tanks"):
            # a category noun right after the name, past descriptions, is its noun all the same.
            j = end
            while j < len(doc) and j < end + 4:
                category_after, _ = self.lexicon.category_at(doc[j])
                if category_after and _is_nominal(doc[j]):
                    return doc[j], category_after
                if not (doc[j].text == "-" or doc[j].is_alpha and doc[j].text[:1].islower()
                        and doc[j].pos_ in {"ADJ", "NOUN", "VERB"}):
                    break
                j += 1
        return anchor, category

    # -- designations the gazetteer lacks -------------------------------------------------
    def _designations(self, doc: Doc | Span, actor_mentions: dict, taken: set[int]
                      ) -> list[SystemMention]:
        """Category nouns with a designation before or after them ("K9 self-propelled
        howitzers", "Hangor-class submarines", "fighter jet J-20"), and without one
        ("two frigates"), which only count in a deal that names both sides."""
        found = []
        for token in doc:
            if token.i in taken:
                continue
            category, phrase_start = self.lexicon.category_at(token)
            if category is None or (token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in NOUN_POS
                                    and self.lexicon.category_at(token.head)[0]):
                continue
            run = self._designation_before(token, phrase_start, actor_mentions, taken)
            if run is None:
                run = self._designation_after(token, taken)
            if run is None:
                if token.pos_ == "NOUN" and not any(i in taken for i in range(phrase_start, token.i + 1)):
                    name = token.doc[phrase_start:token.i + 1].text
                    lemma = " ".join([t.lower_ for t in token.doc[phrase_start:token.i]] + [token.lemma_.lower()])
                    found.append(SystemMention(phrase_start, token.i + 1, token, name, lemma, category,
                                               None, generic=True))
                continue
            start, end = run
            name = _designation_text(token.doc[start:end])
            system = self.weapons.lookup(name, category)
            if system is None and token.doc[start].lower_ in VARIANT_PREFIXES:
                continue    # "18 new Block 52 jets": a production run of a family told apart
            if system is not None:
                found.append(SystemMention(start, end, token, system.designation, system.designation,
                                           system.category or category, system))
            else:
                found.append(SystemMention(start, end, token, name, name, category, None))
        return found

    def _designation_before(self, head: Token, phrase_start: int, actor_mentions: dict,
                            taken: set[int]) -> tuple[int, int] | None:
        doc = head.doc
        i = phrase_start - 1
        skipped = 0
        # Descriptions between a designation and its noun: "self-propelled", "long-range".
        while i >= 0 and skipped < 6:
            t = doc[i]
            if (t.text == "-" and not t.whitespace_) or (
                    t.text[:1].islower() and not t.like_num and t.is_alpha and _in_phrase_of(t, head)
                    and t.pos_ in {"ADJ", "NOUN", "VERB", "ADV", "PROPN"}
                    and t.lower_ not in DESIGNATION_PREFIXES and t.lower_ != CLASS_WORD):
                i -= 1
                skipped += 1
                continue
            break
        end = i + 1
        start = end
        while i >= 0:
            t = doc[i]
            if t.text == "-" and not t.whitespace_ and start < end:
                i -= 1
                continue
            if t.i in taken or not _in_phrase_of(t, head):
                break
            if t.i in actor_mentions and actor_mentions[t.i].kinds():
                break
            joined_class = t.lower_ == CLASS_WORD and i > 0
            if t.lower_ in self.lexicon.company_words and t.text[:1].isupper():
                return None     # "the Dassault Aviation aircraft": a maker's name
            if _designation_like(t) or joined_class or _proper_name_like(t, actor_mentions) \
                    or (t.lower_ in DESIGNATION_PREFIXES and t.text[:1].isupper() and start < end) \
                    or (t.like_num and i > 0 and (doc[i - 1].lower_ in DESIGNATION_PREFIXES
                                                  or _proper_name_like(doc[i - 1], actor_mentions))):
                start = i
                i -= 1
                continue
            break
        while start < end and doc[start].text == "-":
            start += 1
        if start >= end:
            return None
        tokens = [doc[j] for j in range(start, end) if doc[j].text != "-"]
        if all(t.lower_ in DESIGNATION_PREFIXES | {CLASS_WORD} for t in tokens):
            return None
        if all(t.like_num for t in tokens):
            return None         # a count: "36 jets"
        if tokens[0].lower_ == CLASS_WORD:
            return None
        return start, end

    def _designation_after(self, head: Token, taken: set[int]) -> tuple[int, int] | None:
        doc = head.doc
        j = head.i + 1
        if j < len(doc) and j not in taken and _designation_like(doc[j]) and (
                doc[j].head == head or head.head == doc[j]) and doc[j].dep_ in {"appos", "compound", "npadvmod", "nummod", "dobj", "pobj", "nsubj", "nsubjpass"}:
            return j, j + 1
        return None


def _is_clause(token: Token) -> bool:
    """Whether a word heads a clause; a plural noun the tagger took for a verb in object or
    subject position ("produce 48 TB2 drones") does not."""
    return token.pos_ in CLAUSE_POS and not (token.dep_ in NOMINAL_DEPS - {"conj"} and token.tag_ != "VBG")


def _is_nominal(token: Token) -> bool:
    return token.pos_ in NOUN_POS or (token.pos_ == "VERB" and not _is_clause(token))


def _in_phrase_of(token: Token, head: Token) -> bool:
    current = token
    for _ in range(4):
        if current == head:
            return True
        if current.dep_ not in MODIFIER_DEPS | {"punct"} or current.head == current:
            return False
        current = current.head
    return current == head


def _proper_name_like(token: Token, actor_mentions: dict) -> bool:
    """A capitalised name that may be a system's ("Pinaka", "Hellfire", "Talwar"), not a
    state, office holder, date or amount. (The tagger often takes unknown names for adjectives
    or nouns; the actor gazetteer knows the names that are not systems.)"""
    if token.i == token.sent.start or not token.text[:1].isupper() or not token.is_alpha:
        return False
    if token.pos_ not in {"PROPN", "ADJ", "NOUN"} or token.i in actor_mentions:
        return False
    return token.ent_type_ not in {"DATE", "TIME", "MONEY", "CARDINAL"}


def _designation_like(token: Token) -> bool:
    text = token.text
    if NOT_DESIGNATION.match(text) or token.ent_type_ in {"DATE", "TIME", "PERCENT"} and not any(c.isalpha() for c in text):
        return False
    if token.ent_type_ == "MONEY":
        return False
    return bool(DESIGNATION_SHAPE.match(text))


def _designation_text(span: Span) -> str:
    text = span.text
    text = re.sub(r"\s*-\s*(class)\b", r" \1", text, flags=re.IGNORECASE)
    if text.endswith("s") and re.search(r"\d[A-Za-z]*s$", text) and not text.endswith("ss"):
        text = text[:-1]       # "F-16s"
    return text.strip(" -")


# -- reading deals ----------------------------------------------------------------------------

@dataclass
class Roles:
    """What the words of one deal say about its two sides."""

    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)   # states on the system's own noun

    def explicit(self) -> bool:
        return bool(self.suppliers or self.recipients or self.parties)

    def add(self, role: str, countries: Iterable[str | None]) -> None:
        target = {"supplier": self.suppliers, "recipient": self.recipients, "party": self.parties}[role]
        for country in countries:
            if country and country not in target:
                target.append(country)

    def prefer(self, role: str, countries: Iterable[str | None]) -> None:
        """Put ``countries`` first among the candidates for ``role``."""
        target = {"supplier": self.suppliers, "recipient": self.recipients, "party": self.parties}[role]
        first = [c for c in dict.fromkeys(countries) if c]
        target[:] = first + [c for c in target if c not in first]


@dataclass
class DealReading:
    stage: str
    node: Token                 # the word that decides the stage
    asserted: bool
    nodes: list[Token]          # every deal word and clause on the way up from the system
    roles: Roles
    word: DealWord | None = None


class TransferExtractor:
    """Reads arms transfers from parsed documents. Build one per process; it holds the tables."""

    def __init__(self, nlp: Language | None = None, weapons: WeaponGazetteer | None = None,
                 lexicon: TransferLexicon | None = None, coder=None):
        from .events import EventCoder
        from .lexicon import lexicon as event_lexicon
        from .ontology import ontology

        self.nlp = nlp
        self.weapons = weapons or weapon_gazetteer()
        self.lexicon = lexicon or transfer_lexicon()
        self.money = money_reader()
        self.finder = SystemFinder(self.weapons, self.lexicon)
        # The event coder knows the mood of a clause and who does what it says; both matter
        # here too ("plans to buy", "contracts ... signed with India").
        self.coder = coder or EventCoder(event_lexicon(), ontology())

    # -- entry point ----------------------------------------------------------------------
    def extract(self, document: Document, parsed: Doc, resolver, mentions: dict | None = None
                ) -> list[Transfer]:
        """The deals of one document, one record per deal with every mention as a source."""
        mentions = mentions or {}
        records: list[Transfer] = []
        sentences = list(parsed.sents)
        found_in: dict[int, list[Transfer]] = {}
        history: list[tuple[int, SystemMention]] = []
        fallbacks: dict[int, str | None] = {}
        saved_speaker = getattr(resolver, "speaker", None)
        try:
            for index, sentence in enumerate(sentences):
                if resolver is not None:
                    resolver.speaker = self.coder._speaker(sentence, resolver)
                systems = self.finder.find(sentence, mentions)
                systems += self._counted_ellipsis(sentence, index, systems, history)
                for mention in systems:
                    if mention.generic:
                        self._refer_back(mention, history, mentions)
                    if mention.generic:
                        self._by_maker(mention, sentence)
                    if not mention.generic and not _passed_over(mention.anchor):
                        history.append((index, mention))
                sentence_records: list[Transfer] = []
                previous = _latest_deal(found_in, index)
                for mention in systems:
                    for record in self._transfers(document, parsed, index, sentence, mention, systems,
                                                  resolver, mentions, previous, records + sentence_records):
                        if mention.counted and not self._names_recipient(mention.anchor.head):
                            # ("Norway will donate six, and Belgium 30": the other giver is no
                            # recipient; the story's earlier deals say who receives)
                            record.recipient = None
                        sentence_records.append(record)
                        if record.recipient is None and record.supplier is not None:
                            fallbacks[id(record)] = (_recipient_told(records, record)
                                                     or self._recipient_nearby(sentence, record.supplier, mentions))
                for record in self._gapped_givers(sentence, sentence_records, mentions):
                    sentence_records.append(record)
                    if record.recipient is None:
                        fallbacks[id(record)] = next((fallbacks.get(id(r)) for r in sentence_records
                                                      if fallbacks.get(id(r))), None)
                sentence_records = _paired_in_order(sentence, sentence_records, mentions)
                recent = [i for i in found_in if index - NEIGHBOUR_SENTENCES <= i < index]
                orphan = self._orphan_stage(document, sentence, index,
                                            sentence_records or (found_in[max(recent)] if recent else []))
                if orphan is not None:
                    sentence_records.append(orphan)
                if sentence_records:
                    found_in[index] = sentence_records
                    records.extend(sentence_records)
                elif found_in:
                    self._value_from_neighbour(sentence, index, found_in)
                    self._name_told_goods(sentence, index, systems, found_in, mentions)
                    if self._names_deal(sentence):
                        # "The State Department approved the possible sale on Monday. It covers
                        # 108 Abrams tanks": a sentence on the deal just told keeps it the one
                        # that "it" and "the package" go on to mean
                        found_in[index] = found_in[max(found_in)]
        finally:
            if resolver is not None:
                resolver.speaker = saved_speaker
        return merge_transfers(_generic_into_specific(_same_family(_complete(records, fallbacks))))

    def _gapped_givers(self, sentence: Span, records: list[Transfer], mentions: dict) -> list[Transfer]:
        """"Denmark will send 19 F-16s to Ukraine, Norway six and the Netherlands 24": a state
        joined to the sentence's deal with only a number, its verb and goods left out, gives that
        many of the same system to the same recipient."""
        givers = [r for r in records if r.supplier]
        if len({(r.supplier, r.recipient, r.designation) for r in givers}) != 1:
            return []
        deal = givers[0]
        found: list[Transfer] = []
        for token in sentence:
            number = _gapped_number(token)
            if number is None:
                continue
            states = _states_named(sentence.doc[token.left_edge.i:token.i + 1], mentions)
            count = parse_count([number.text])
            if len(states) != 1 or states[0] in (deal.supplier, deal.recipient) or count is None:
                continue
            told = sentence.doc[token.i:number.i + 1]
            record = replace(deal, supplier=states[0], quantity=count, value=None, currency=None,
                             value_usd=None, span=(told.start_char, told.end_char))
            record.sources = [_source(record)]
            found.append(record)
        return found

    def _name_told_goods(self, sentence: Span, index: int, systems: list[SystemMention],
                         found_in: dict[int, list[Transfer]], mentions: dict) -> None:
        """"Greece will buy three French frigates ... The warships, of the new Belharra design,
        will be built by Naval Group"; "confirmed the arrival of the shipment, which officials
        identified as NLAWs": a sentence on goods just told only by their kind, that names one
        system of that kind, names them."""
        latest = max(found_in)
        if index - latest > REFERENCE_SENTENCES:
            return
        named = [m for m in systems if not m.generic and not m.counted and not _passed_over(m.anchor)]
        if any(m.system is not None for m in named):
            named = [m for m in named if m.system is not None]    # (not a stray capitalised word)
        told_kinds = {m.category for m in systems if m.generic and _definite(m.anchor)}
        states = set(_states_named(sentence, mentions))
        for record in found_in[latest]:
            if not self.lexicon.is_generic(record.designation or record.system):
                continue
            same_kind = [r for r in found_in[latest] if r.category == record.category
                         and self.lexicon.is_generic(r.designation or r.system)]
            # (not another maker's boats the sentence names with their state: "cancel its deal
            # with France's Naval Group for 12 submarines" after the American ones)
            names = {m.designation: m for m in named if m.category == record.category and not (
                m.producers and record.supplier not in m.producers and set(m.producers) & states)}
            if len(same_kind) == 1 and len(names) == 1 and (
                    record.category in told_kinds or self._names_deal(sentence)):
                mention = next(iter(names.values()))
                record.system, record.designation = mention.name, mention.designation
                record.maker = mention.system.maker if mention.system else record.maker
                name = sentence.doc[mention.start:mention.end]
                record.reported_as = name.text
                record.sources.append({**_source(record), "sentence_index": index,
                                       "sentence": sentence.text.strip(), "names_system": True,
                                       "span": [name.start_char, name.end_char]})

    def _names_deal(self, sentence: Span) -> bool:
        """Whether a sentence names a deal already told by a definite deal noun ("the possible
        sale", "the package")."""
        return any(self._deal_told(t) for t in sentence)

    def _deal_told(self, noun: Token) -> bool:
        """A definite deal noun that names no goods of its own: the deal already told ("the
        sale", "the package"; not "the sale of 12 jets")."""
        return _definite(noun) and self._noun_word(noun) is not None and not _has_of_object(noun)

    def _orphan_stage(self, document: Document, sentence: Span, index: int,
                      targets: list[Transfer]) -> Transfer | None:
        """"The plan had been abandoned", "the first deliveries had begun": a step reported
        without naming the system takes the one deal just reported further."""
        deals = {(t.supplier, t.recipient, name_key(t.designation or t.system)) for t in targets
                 if t.supplier and t.recipient}
        if len(deals) != 1:
            return None
        target = next(t for t in targets if t.supplier and t.recipient)
        rank = self.lexicon.rank
        for token in sentence:
            node = word = None
            if _is_clause(token):
                verb_word = self._verb_word(token)
                # (a deal that is delivered, or one that collapses; not "the deal provides for")
                roles = {"nsubj", "nsubjpass", "dobj"} if verb_word is not None and \
                    verb_word.stage == "cancelled" else {"nsubjpass", "dobj"}
                arguments = [c for c in token.children if c.dep_ in roles]
                if verb_word is not None and verb_word.stage in {"cancelled", "delivery"} and any(
                        self._deal_told(a) for a in arguments):
                    node, word = token, verb_word
            elif token.pos_ in NOUN_POS and token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                noun_word = self._noun_word(token)
                if noun_word is not None and noun_word.stage == "delivery" and not _has_of_object(token) \
                        and token.head.lemma_.lower() in self.lexicon.light_verbs:
                    node, word = token, noun_word
            if node is None:
                continue
            asserted = self._asserted(node, document.date)
            if asserted is None:
                continue
            stage = word.stage if asserted else self._unasserted_stage(word, node)
            if stage is None or rank(stage) <= rank(target.stage):
                continue
            reading = DealReading(stage, node, asserted, [node], Roles(), word)
            year = self._year(reading, sentence, document.date, None, [])
            record = Transfer(
                doc_id=document.id, supplier=target.supplier, recipient=target.recipient,
                system=target.system, category=target.category, stage=stage, year=year,
                sentence=sentence.text.strip(), span=(node.idx, node.idx + len(node.text)),
                sentence_index=index, maker=target.maker, designation=target.designation,
                doc_date=document.date, reported_as=target.reported_as)
            record.sources = [_source(record)]
            return record
        return None

    def _counted_ellipsis(self, sentence: Span, index: int, systems: list[SystemMention],
                          history: list[tuple[int, SystemMention]]) -> list[SystemMention]:
        """"Norway said it would donate six", "committed to delivering 30 by 2028": a number
        standing alone as what a deal verb moves counts the system the story named last."""
        if not history or index - history[-1][0] > REFERENCE_SENTENCES:
            return []
        taken = {i for m in systems for i in range(m.start, m.end)} | {m.anchor.i for m in systems}
        earlier = history[-1][1]
        found = []
        for token in sentence:
            if (token.i in taken or token.pos_ != "NUM" or token.dep_ not in {"dobj", "nsubjpass"}
                    or token.ent_type_ in {"MONEY", "PERCENT", "DATE", "TIME"} or YEAR_LIKE.match(token.text)
                    or any(c.dep_ == "prep" for c in token.children) or self._verb_word(token.head) is None):
                continue
            found.append(SystemMention(token.i, token.i + 1, token, earlier.name, earlier.designation,
                                       earlier.category, earlier.system, counted=True))
        return found

    def _names_recipient(self, verb: Token) -> bool:
        """Whether a deal verb names whom it goes to: "to Kyiv", "gave Ukraine six"."""
        return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in self.lexicon.recipient_preps)
                   for c in verb.children)

    def _refer_back(self, mention: SystemMention, history: list[tuple[int, SystemMention]],
                    mentions: dict) -> None:
        """"The jets", "these helicopters": a definite category noun names the last system of
        its category mentioned shortly before."""
        anchor = mention.anchor
        determiners = {c.lower_ for c in anchor.children if c.dep_ in {"det", "poss"}}
        if not determiners & DEFINITE_DETERMINERS:
            return
        sentence_index = max((i for i, _ in history), default=None)
        # "the American jets" only names an earlier system made in the United States.
        origin = {e.country for c in anchor.children if c.dep_ in {"amod", "compound"}
                  for m in [mentions.get(c.i)] if m is not None
                  for e in m.entries if e.kind in {"country", "adjective", "people"} and e.country}
        for index, earlier in reversed(history):
            if sentence_index is not None and sentence_index - index > REFERENCE_SENTENCES:
                break
            if origin and not origin & set(earlier.producers):
                continue
            if not _of_kind(earlier, anchor.lemma_.lower()):
                continue    # ("the drones" are not the cargo planes that flew them in)
            if earlier.category == mention.category:
                mention.name, mention.designation = earlier.name, earlier.designation
                mention.system, mention.generic, mention.inferred = earlier.system, False, True
                return

    def _by_maker(self, mention: SystemMention, sentence: Span) -> None:
        """"A contract with BrahMos Aerospace for anti-ship missiles": a category noun in a
        sentence that names a maker is the maker's one system of that category."""
        tokens = list(sentence)
        found: list[WeaponSystem] = []
        for i in range(len(tokens)):
            if not tokens[i].text[:1].isupper():
                continue
            if i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].pos_ == "PROPN":
                continue        # inside a longer name: "Hindustan Aeronautics" is not "Aeronautics"
            for length in range(1, 5):
                key = name_key("".join(t.text for t in tokens[i:i + length]))
                for system in self.weapons.by_maker.get(key, []):
                    if system.category == mention.category and system not in found:
                        found.append(system)
        # A maker's family of variants ("BrahMos", "BrahMos-NG", "BrahMos-II") stands for its root.
        roots = [f for f in found if all(name_key(o.designation).startswith(name_key(f.designation)) for o in found)]
        if len(found) == 1 or len(roots) == 1:
            system = roots[0] if roots else found[0]
            mention.system, mention.generic, mention.inferred = system, False, True
            mention.designation = system.designation
            mention.name = system.designation

    # -- one system in one sentence -------------------------------------------------------
    def _transfers(self, document: Document, parsed: Doc, index: int, sentence: Span,
                   mention: SystemMention, systems: list[SystemMention], resolver,
                   mentions: dict, previous: Transfer | None = None,
                   told: list[Transfer] = ()) -> list[Transfer]:
        """The records one system mention gives: one per seller the deal names."""
        reading = self.read_deal(mention, sentence, document.date, resolver, mentions)
        if reading is None:
            return []
        roles = reading.roles
        # (the sides found below add the story's; a state with a number of its own after the
        # recipient is a gapped giver: "to Ukraine, Norway six and the Netherlands 24")
        gapped = _gapped_states(sentence, mentions) if len(roles.recipients) > 1 else []
        named_buyers = [c for c in roles.recipients if c not in gapped]
        if reading.node.lower_ in DEAL_PRONOUNS and previous is None:
            return []       # "It includes 36 F-16s" only after a deal just told
        same_deal = previous is not None and not roles.explicit() and _definite(reading.node)
        if same_deal:
            # "The package includes Meteor missiles": the deal just reported, with its sides
            # and stage.
            roles.add("supplier", [previous.supplier])
            roles.add("recipient", [previous.recipient])
        supplier, recipient = self._sides(mention, reading, sentence, resolver, mentions, systems, told)
        if supplier is not None and supplier == recipient:
            return []  # domestic procurement
        named = roles.suppliers + roles.recipients + roles.parties + roles.modifiers
        if mention.generic and not (supplier in named and recipient in named):
            return []  # "two frigates" only count between two named sides
        if mention.system is None and not (reading.roles.suppliers or reading.roles.parties) \
                and supplier is None:
            return []
        value = self._value(sentence, reading, mention, systems)
        quantity = self._quantity(mention, systems)
        stage = reading.stage
        if stage == "agreed" and reading.asserted and (quantity or value) and \
                reading.node.lemma_.lower() in self.lexicon.firm_agreements:
            # An agreement that fixes how many or how much is an order, as SIPRI counts it.
            stage = "contract"
        year = self._year(reading, sentence, document.date, mention, systems)
        if same_deal and reading.asserted:
            stage, year = previous.stage, previous.year
        name = parsed[mention.start:mention.end]
        span = (name.start_char, name.end_char)
        text = sentence.text.strip()
        record = Transfer(
            doc_id=document.id, supplier=supplier, recipient=recipient, system=mention.name,
            category=mention.category, stage=stage, quantity=quantity,
            value=value[0] if value else None, currency=value[1] if value else None,
            value_usd=value[2] if value else None, year=year, sentence=text, span=span,
            sentence_index=index, maker=mention.system.maker if mention.system else None,
            designation=mention.designation, doc_date=document.date,
            reported_as=name.text if mention.written_name else None)
        record.sources = [_source(record)]
        if reading.word is not None and reading.word.frame == "possess":
            # "Greece flies F-16s": background, not news of a step in a deal
            record.sources[0]["background"] = True
        records = [record]
        for seller in roles.suppliers:
            if seller not in (supplier, recipient) and seller not in mention.producers and supplier is not None \
                    and not mention.generic:
                # "Denmark and the Netherlands committed to hand Ukraine F-16s": each seller's
                # deal is a record of its own
                other = replace(record, supplier=seller)
                other.sources = [_source(other)]
                records.append(other)
        for buyer in named_buyers:
            if buyer not in (supplier, recipient) and buyer not in roles.suppliers and recipient is not None \
                    and not mention.generic:
                # "approved the sale of THAAD missiles to Saudi Arabia and the UAE": each
                # buyer's deal is a record of its own
                other = replace(record, recipient=buyer)
                other.sources = [_source(other)]
                records.append(other)
        return records

    # -- stage ----------------------------------------------------------------------------
    def read_deal(self, mention: SystemMention, sentence: Span, doc_date: str | None,
                  resolver=None, mentions: dict | None = None) -> DealReading | None:
        """The stage of the deal a system is part of and the words that report it."""
        path = self.path_up(mention.anchor, sentence)
        words: list[tuple[Token, DealWord]] = []
        nodes: list[Token] = []
        for position, node in enumerate(path):
            nodes.append(node)
            below = path[position - 1] if position else None
            for word_node, word in self._deal_words_at(node, path):
                if word_node == node and not self._takes_goods(node, word, below):
                    continue
                if word_node not in [n for n, _ in words]:
                    words.append((word_node, word))
                    if word_node not in nodes:
                        nodes.append(word_node)
        # Verbs and nouns hanging off the chain that tell who signed: "contracts for X signed
        # with India".
        for node in list(nodes):
            for child in node.children:
                if child.dep_ in {"acl", "relcl"} and child.pos_ in CLAUSE_POS and child not in nodes:
                    lemma = child.lemma_.lower()
                    if lemma in self.lexicon.light_verbs or lemma in self.lexicon.verbs:
                        nodes.append(child)
        # What a clause on the system itself says: "12 Su-30MKI aircraft to be built under
        # licence", "the jets, almost all of which have been delivered", "the S-400s it ordered".
        own = []
        for head in [mention.anchor, *_conjunct_chain(mention.anchor)][:1]:
            for child in head.children:
                if child.dep_ in {"acl", "relcl"} and child.pos_ in CLAUSE_POS and child not in path:
                    found = self._deal_words_at(child, [head])
                    if child.dep_ == "acl" and child.tag_ == "VBG":
                        # "Mirage 2000 jets flying from the French base": the system does the
                        # act, so only its arrival is a step in a deal
                        found = [(n, w) for n, w in found if w.frame == "arrival"]
                    own.extend(found)
        main = self._decide(words, nodes, mention, doc_date, resolver, mentions)
        inner = self._decide(own, [n for n, _ in own], mention, doc_date, resolver, mentions)
        if main is None or (inner is not None and self.lexicon.rank(inner.stage) > self.lexicon.rank(main.stage)):
            if inner is not None and main is not None:
                for role in ("suppliers", "recipients", "parties"):
                    for country in getattr(main.roles, role):
                        if country not in getattr(inner.roles, role):
                            getattr(inner.roles, role).append(country)
                inner.nodes = main.nodes + inner.nodes
            return inner
        return main

    def _decide(self, words: list[tuple[Token, DealWord]], nodes: list[Token],
                mention: SystemMention, doc_date: str | None, resolver,
                mentions: dict | None) -> DealReading | None:
        """The outermost deal word decides; an unasserted one gives way to the one inside it.
        A contract or agreement for production under licence is a licensed production ("signed a
        contract for the production of AK-203 rifles in India")."""
        licensed = [n for n, w in words if w.stage == "licensed-production" and self._licensed(n, mention, mentions)]
        for position in range(len(words) - 1, -1, -1):
            node, word = words[position]
            if word.stage == "licensed-production" and node not in licensed:
                continue
            rank = self.lexicon.rank
            if any(_done_alongside(inner, node) and rank(inner_word.stage) > rank(word.stage)
                   for inner, inner_word in words[:position]):
                # "has chosen the radars, placing an order for four": the act alongside goes further
                continue
            judged = node
            cancelling = next(((n, w) for n, w in words[:position] if w.stage == "cancelled"), None)
            if word.stage in AGREEING_STAGES and cancelling is not None:
                # "have agreed to tear up the contract for two Mistral carriers": agreeing to
                # cancel a deal cancels it, as told as the agreeing is
                node, word = cancelling
            asserted = self._asserted(judged, doc_date)
            if asserted is None:
                continue
            stage = word.stage if asserted else self._unasserted_stage(word, node)
            if stage is None:
                continue
            if stage in {"agreed", "contract"} and any(n in licensed for n, _ in words[:position]):
                stage = "licensed-production"
            roles = Roles()
            for other_node, other_word in words:
                if other_word.stage == "licensed-production" and other_node not in licensed:
                    continue    # "to be built in Italy" by a maker there: where it is made, no party
                self._collect_roles(other_node, other_word, roles, resolver, mention)
            for node_extra in nodes:
                if node_extra.dep_ in {"acl", "relcl"} and node_extra not in [n for n, _ in words]:
                    self._collect_roles(node_extra, DealWord("", "party", (node_extra.lemma_,)),
                                        roles, resolver, mention)
            if resolver is not None and word.frame in {"buyer", "party", "arrival"}:
                # "took delivery of 5,000 rifles, 20 trucks and 5,000 helmets from Russia": a
                # "from" hung on the goods, or on the last of goods joined to them, supplies
                roles.add("supplier", [country for goods in [mention.anchor, *conjuncts(mention.anchor)]
                                       for prep in goods.children if prep.dep_ == "prep"
                                       and prep.lower_ in self.lexicon.supplier_preps
                                       for o in prep.children if o.dep_ == "pobj"
                                       for country in _countries(resolver.actors(o))])
            return DealReading(stage, node, asserted, list(nodes), roles, word)
        return None

    def path_up(self, token: Token, sentence: Span) -> list[Token]:
        """The words from a system up to the top of its clause chain. The chain goes on through
        infinitives and participles ("signed contracts to buy X", "a deal to supply X") and into
        a clause that reports a deal ("agreed that X would be built in India"), but not into a
        coordinated, subordinate or relative clause: "took delivery of X, and Y removed Z from
        the F-35 programme" says nothing about the F-35 deal."""
        path = [token]
        current = token
        passed_deal = False
        while current.head != current and sentence.start <= current.head.i < sentence.end:
            if _is_clause(current) and not self._clause_passes(current):
                break
            if current.dep_ == "npadvmod" and current.head.pos_ in CLAUSE_POS:
                break
            if _passed_over(current):
                break       # "chose the F-35 over Saab's Gripen": the Gripen was passed over
            if current.dep_ == "prep" and (current.lower_ in self.lexicon.adjunct_preps or passed_deal
                                           and current.lower_ not in self.lexicon.argument_preps):
                # "bought in response to India's purchase of X": past a deal word, only a
                # preposition that gives a deal its topic ("talks on", "contract for") goes on.
                break
            passed_deal = passed_deal or (current.pos_ in NOUN_POS and self._noun_word(current) is not None)
            if current is not token and not passed_deal and current.pos_ in NOUN_POS \
                    and current.dep_ not in {"appos", "conj", "compound"} and not self._carrier(current) \
                    and not self._verb_phrase_noun(current) and path[-2].dep_ not in {"appos", "conj"}:
                # (a name with the system in apposition is the system: "INS Tushil, a Project
                # 11356 frigate"; a list's first item stands where the others do: "Bradley
                # fighting vehicles and Marder vehicles")
                # "a plan for an enveloping fire with Hwasong-12s", "the second version of
                # India's Tejas": below its deal word a system hangs only from other systems,
                # units and amounts.
                break
            following = current.head
            if current.dep_ == "relcl" and self._noun_word(following) is None:
                # the parser's usual slip: the goods' clause hung on the last noun before it
                following = self._deal_noun_above(following) or following
            current = following
            path.append(current)
            if len(path) > 24:
                break
        return path

    def _verb_phrase_noun(self, noun: Token) -> bool:
        """Whether a noun is the object that makes its verb a deal verb, the goods hanging on
        it: "possession" in "took possession of two gunships", "charge" in "took charge of"."""
        verb = noun.head
        if noun.dep_ not in {"dobj", "obj"} or verb.pos_ not in CLAUSE_POS:
            return False
        word = self._verb_word(verb)
        return word is not None and noun.lemma_.lower() in word.words[1:]

    def _deal_noun_above(self, noun: Token) -> Token | None:
        """"a package drawn from American stocks that also includes 32 Bradleys": the deal
        noun whose participle or prepositional phrase ends in the noun a relative clause of its
        goods was hung on."""
        current = noun
        for _ in range(4):
            if current.dep_ not in {"pobj", "prep", "acl"} or current.head == current:
                return None
            current = current.head
            if current.pos_ in NOUN_POS and self._noun_word(current) is not None:
                return current
        return None

    def _carrier(self, noun: Token) -> bool:
        """Whether a noun between a system and its deal word passes the deal on: another
        system or category noun, a unit ("batch", "squadron"), an amount ("$2 billion worth")."""
        lemma = noun.lemma_.lower()
        return (self.lexicon.category_at(noun)[0] is not None or lemma in self.lexicon.unit_nouns
                or lemma in self.lexicon.goods_nouns or noun.ent_type_ in {"MONEY", "CARDINAL", "QUANTITY"}
                or lemma in self.money.suffix_codes or lemma in {"worth", "value"})

    def _clause_passes(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        modality = self.coder.modality
        if _carrying(verb):
            return True     # "planes carrying anti-tank weapons landed": the goods arrive with them
        if not (self._verb_word(verb) is not None or lemma in self.lexicon.light_verbs
                or lemma in self.lexicon.content_verbs or lemma in modality.transparent_verbs
                or lemma in modality.intent_verbs or verb.pos_ == "AUX"):
            return False    # "to replace the Chetak fleet": what another act is about
        dep = verb.dep_
        if dep == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True         # "a deal to deliver X" is an infinitive, not a relative clause
        if dep == "relcl" and lemma in self.lexicon.content_verbs and (
                self._noun_word(verb.head) is not None or self._deal_noun_above(verb.head) is not None):
            return True         # "a package for Ukraine that includes 32 Bradleys": the package's goods
        if dep in {"conj", "parataxis", "relcl"}:
            return False
        if dep == "advcl":
            return not any(c.dep_ == "mark" and c.lower_ != "to" for c in verb.children)
        if dep == "ccomp":
            governor = verb.head
            return governor.lemma_.lower() in self.lexicon.verbs and self._verb_word(governor) is not None
        return True

    def _takes_goods(self, node: Token, word: DealWord, below: Token | None) -> bool:
        """Whether a deal verb has the system where its goods go. A system that is the active
        subject does the act itself ("the jets will fly from the carrier"), except that it
        arrives; a possession verb holds its goods as object ("Greece flies F-16s")."""
        if below is None or not _is_clause(node):
            return True
        if word.frame in {"possess", "pledge"}:
            return below.dep_ in {"dobj", "obj", "conj"}
        if word.frame == "arrival":
            # "transport planes landed in Tonga with relief supplies", "an Il-76 landed in Bamako
            # with four helicopters": a flight that brings goods, no delivery of the plane
            return below.lower_ == "with" or not any(c.dep_ == "prep" and c.lower_ == "with" and any(
                o.lemma_.lower() in CARGO_NOUNS or self.lexicon.category_at(o)[0] is not None
                for o in c.subtree) for c in node.children)
        if below.dep_ in {"prep", "advmod", "npadvmod"} and below.lower_ in PLACE_WORDS:
            return False    # "dropped bombs ahead of the destroyer": where, not what
        return below.dep_ not in {"nsubj", "csubj"}

    def _deal_words_at(self, node: Token, path: list[Token]) -> list[tuple[Token, DealWord]]:
        lemma = node.lemma_.lower()
        found: list[tuple[Token, DealWord]] = []
        if node.pos_ in CLAUSE_POS:
            word = self._verb_word(node)
            below = next((c for c in node.children if c in path), None)
            if word is not None and lemma in self.lexicon.light_verbs and below is not None and \
                    self._noun_word(below) is not None:
                word = None     # "announced its plan to buy the drones": the noun decides
            if word is not None:
                found.append((node, word))
            elif lemma in self.lexicon.light_verbs or lemma in self.lexicon.content_verbs:
                # "sign a contract", "place an order", "the deal includes": the noun decides.
                below = next((c for c in node.children if c in path), None)
                carries = below is None or below.dep_ in {"dobj", "obj", "attr", "xcomp", "nsubjpass"} or (
                    lemma == "be" and below.dep_ == "prep" and below.lower_ == "for") or (
                    # "It covers 108 Abrams tanks, with machine guns ... and 250 Stinger missiles"
                    lemma in self.lexicon.content_verbs and below.dep_ == "prep"
                    and below.lower_ in PACKAGE_PREPOSITIONS)
                for child in node.children:
                    if child in path:
                        continue
                    if child.dep_ in {"dobj", "obj", "nsubjpass"} or (
                            carries and lemma in self.lexicon.content_verbs and child.dep_ in {"nsubj", "attr"}):
                        noun_word = self._noun_word(child)
                        if noun_word is None and child.lower_ in DEAL_PRONOUNS and child.dep_ == "nsubj" \
                                and lemma in self.lexicon.content_verbs:
                            # "It covers 108 Abrams tanks": the deal just told, as "the deal" would
                            noun_word = next(iter(self.lexicon.nouns.get("package", [])), None)
                        if noun_word is not None:
                            found.append((child, noun_word))
        elif node.pos_ in NOUN_POS:
            word = self._noun_word(node)
            if word is not None:
                found.append((node, word))
        return found

    def _verb_word(self, verb: Token) -> DealWord | None:
        if verb.lemma_.lower() in COMMANDING_VERBS and any(
                c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                for c in verb.children):
            # "ordered a MiG-29 fighter to escort the plane": a command, not a purchase (but
            # "chose the Mogami frigate to replace its Anzacs" is a choice for a purpose)
            return None
        lemma = verb.lemma_.lower()
        # (with the objects of its prepositions: "took two helicopters into service")
        around = {w for c in verb.children for w in (c.lower_, c.lemma_.lower())} | {
            g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
        # "six F-16s had been sent up", "sent back": a particle makes another verb
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"} & MEANING_PARTICLES
        for word in self.lexicon.verbs.get(lemma, []):
            if all(w in around for w in word.words[1:]) and particles <= set(word.words[1:]):
                return word
        return None

    def _noun_word(self, noun: Token) -> DealWord | None:
        if noun.pos_ not in NOUN_POS:
            return None
        lemma = noun.lemma_.lower()
        candidates = self.lexicon.nouns.get(lemma) or self.lexicon.nouns.get(noun.lower_)
        if not candidates:
            return None
        before = [t.lower_ for t in noun.doc[max(noun.i - 4, 0):noun.i]]
        for word in candidates:
            if word.words[-1] not in {lemma, noun.lower_}:
                # the head of an "of" phrase: the words after it must follow ("letters of
                # offer and acceptance")
                at = word.words.index("of") - 1
                after = [t.lower_ for t in noun.doc[noun.i + 1:noun.i + len(word.words) - at]]
                if after == list(word.words[at + 1:]) and _ends_with(before, list(word.words[:at])):
                    return word
                continue
            needed = list(word.words[:-1])
            if not needed or _ends_with(before, needed):
                return word
        return None

    def _asserted(self, node: Token, doc_date: str | None) -> bool | None:
        """True for a step taken, False for one planned or asked for, None for one refused,
        cancelled, denied or negated ("refused to send Leopard tanks" is no step at all)."""
        if node.pos_ in CLAUSE_POS:
            if node.dep_ in {"csubj", "csubjpass"} and any(
                    c.dep_ == "aux" and c.lower_ in self.coder.modality.hypothetical_auxiliaries
                    for c in node.head.children):
                return False        # "sending the tanks would only prolong the war"
            prospect = self._prospect_of(node)
            if prospect is not None:
                # "discussed the possibility of Ukraine receiving Gripens" is a step talked of;
                # "ended Saab's hopes of selling the Gripen" none
                return None if prospect.head.lemma_.lower() in self.lexicon.possibility_enders else False
            if node.dep_ == "advcl" and node.tag_ in {"VBP", "VBZ"} and any(
                    c.dep_ == "mark" and c.lower_ in self.lexicon.pending_markers for c in node.children):
                return False        # "until the new fighters arrive": not yet
            mood = self.coder.mood(node)
        else:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
                return False        # "no contract has been signed"
            if any(c.dep_ in {"amod", "compound"} and c.lower_ in self.lexicon.planned_modifiers
                   for c in node.children):
                return False        # "India's planned purchase"
            governor = node.head
            modality = self.coder.modality
            if node.dep_ in {"nsubj", "nsubjpass"} and (
                    governor.lemma_.lower() in modality.intent_verbs | modality.intent_adjectives
                    or any(c.dep_ == "acomp" and c.lemma_.lower() in modality.intent_adjectives
                           for c in governor.children)):
                return False        # "a contract is expected to be signed", "is due to"
            mood = self.coder.noun_mood(node, doc_date)
        if mood.kind == "hypothetical" and not mood.negated and node.pos_ in CLAUSE_POS \
                and self._terms_of_a_deal(node):
            return False    # "Under the package, Taiwan would receive two frigates": the deal's terms
        if mood.negated or mood.kind in REFUSED_MOODS:
            return None
        return mood.kind == "asserted"

    def _terms_of_a_deal(self, verb: Token) -> bool:
        """Whether a clause in "would" tells what a deal provides ("under the package"), not
        what would happen if something else did ("if Congress agrees")."""
        under = any(prep.dep_ == "prep" and prep.lower_ == "under" and any(
            o.dep_ == "pobj" and self._noun_word(o) is not None for o in prep.children) for prep in verb.children)
        markers = self.coder.modality.hypothetical_markers
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children)
                          for c in verb.children)
        return under and not conditional

    def _unasserted_stage(self, word: DealWord, node: Token) -> str | None:
        """The stage of a step planned or asked for; one only talked of as a possibility is
        at the talks."""
        if node.pos_ in CLAUSE_POS and self._prospect_of(node) is not None:
            return "talks"
        return self.lexicon.unasserted.get(word.stage)

    def _prospect_of(self, node: Token) -> Token | None:
        """The noun ("possibility", "prospect") a deal verb follows with "of" and no verb
        between (the parser may hang "of Ukraine one day receiving" anywhere)."""
        for token in reversed(node.doc[max(node.sent.start, node.i - 6):node.i]):
            if token.pos_ in CLAUSE_POS or token.pos_ == "AUX":
                return None
            if token.lower_ == "of" and token.head.lemma_.lower() in self.lexicon.possibility_nouns:
                return token.head
            if token.lower_ == "to" and token.head.lower_ in self.lexicon.approach_words:
                # "moved closer to buying 48 more Typhoons": a step towards a deal, not the deal
                return token.head
        return None

    def _licensed(self, node: Token, mention: SystemMention, mentions: dict | None) -> bool:
        """Manufacture is a licensed production only with a word saying so ("under licence",
        "locally") or in a state other than the producer's ("built in India")."""
        clause = node
        while clause.pos_ not in CLAUSE_POS and clause.head != clause:
            clause = clause.head
        region = {t.i for t in clause.subtree} | {t.i for t in node.subtree}
        sentence = node.sent
        text = " " + " ".join(t.lower_ for t in sentence if t.i in region) + " "
        if any(f" {cue} " in text for cue in self.lexicon.licence_cues):
            return True
        if mentions and mention.producers:
            for token in sentence:
                if token.i in region and token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
                    # ("built in the state of Victoria": the place the noun is of)
                    named = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in c.children if g.dep_ == "pobj"), token)
                    states = _states_named(token.doc[named.i:named.i + 1], mentions)
                    if states and states[0] not in mention.producers:
                        return True
        return False

    # -- supplier and recipient -----------------------------------------------------------
    def _collect_roles(self, node: Token, word: DealWord, roles: Roles, resolver,
                       mention: SystemMention) -> None:
        if resolver is None:
            return
        # (a pledge names its sides as a sale does)
        frame = "seller" if word.frame == "pledge" else word.frame
        if frame == "party" and node.pos_ in CLAUSE_POS:
            # "the State Department approved the sale", "the council approved the purchase":
            # either side approves, and the deal noun it approves says which
            frame = next((inner.frame for inner in map(self._noun_word, (
                c for c in node.children if c.dep_ in {"dobj", "obj"})) if inner is not None
                and inner.frame in {"seller", "buyer"}), frame)
        subject_role = DOER_SIDE.get(frame)
        if node.pos_ in CLAUSE_POS:
            helper = node.head if node.dep_ in {"xcomp", "ccomp"} and node.head.lemma_.lower() in HELPING_VERBS else None
            # (the helped state is the helper's object, or the subject of a small clause)
            helped = None if helper is None else next(
                (c for c in [*helper.children, *node.children]
                 if (c.head == helper and c.dep_ in {"dobj", "obj"})
                 or (c.head == node and c.dep_ == "nsubj" and node.dep_ == "ccomp")), None)
            if helped is not None and frame in {"buyer", "possess"}:
                # "the United States and Britain will help Australia acquire submarines": the
                # helped state gets them, the helpers supply them
                roles.add("recipient", _countries(resolver.actors(helped)))
                roles.add("supplier", _countries(self.coder.clause_subject(helper, resolver)))
            elif subject_role:
                doers = _countries(self._doer(node, frame, resolver))
                roles.add(self._buying_side(node, frame, doers, resolver), doers)
            if frame == "expel":
                # "after it was removed from the F-35 programme": the one put out is the
                # passive's subject
                roles.add("recipient", [country for c in node.children if c.dep_ == "nsubjpass"
                                        for country in _countries(resolver.actors(c))])
            children = list(node.children)
            dative = [c for c in children if c.dep_ in {"dative", "iobj"}]
            if frame in {"seller", "expel"}:
                # "supply India with S-400s", "arm Ukraine", "removed Turkey from the F-35
                # programme": a state as object receives (or was to).
                dative += [c for c in children if c.dep_ in {"dobj", "obj"}
                           and c.i not in range(mention.start, mention.end) and c != mention.anchor]
            for d in dative:
                if d.pos_ in NOUN_POS | {"PRON"}:
                    roles.add("recipient" if frame in {"seller", "expel"} else "party",
                              _countries(resolver.actors(d)))
            if frame == "arrival":
                # "howitzers supplied by Germany and the Netherlands have reached Ukraine": the
                # place reached receives; those the goods are said to come from supply them
                for reached in (c for c in children if c.dep_ in {"dobj", "obj"}):
                    roles.add("recipient", _countries(resolver.actors(reached)))
                if any(c.dep_ == "prep" and c.lower_ == "with" and mention.anchor in c.subtree for c in children):
                    # "a Russian An-124 landed in Bangui with ten BRDM-2s": the state whose
                    # aircraft or ship brings the goods sends them
                    carriers = [c for c in children if c.dep_ == "nsubj"]
                    roles.add("supplier", [country for c in carriers
                                           for country in _countries(resolver.actors(c))])
                goods = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
                for participle in (p for g in goods for p in g.children if p.dep_ == "acl"):
                    # ("supplied by Germany" supplies; "ordered by Indonesia" receives)
                    said = self._verb_word(participle)
                    role = DOER_SIDE.get(said.frame) if said is not None else None
                    for agent in (a for a in participle.children if a.dep_ == "agent") if role else ():
                        agents = [country for o in agent.children if o.dep_ == "pobj"
                                  for country in _countries(resolver.actors(o, expand_conj=True))]
                        roles.add(self._buying_side(participle, said.frame, agents, resolver), agents)
                        if said.frame == "buyer":
                            roles.add("recipient", self._bought_for(participle, resolver))
        else:
            owners = [c for c in node.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                      and c.i not in range(mention.start, mention.end)]
            for owner in owners:
                if subject_role:
                    roles.add(subject_role, _countries(resolver.actors(owner, expand_conj=True)))
            children = list(node.children)
            governor = node.head
            if node.dep_ in {"dobj", "obj", "nsubjpass", "attr"} and governor.pos_ in CLAUSE_POS and \
                    governor.lemma_.lower() in self.lexicon.light_verbs:
                # "India and Russia concluded a contract", "Russia began deliveries to India",
                # "Iraq became the third buyer of ...": the light verb's subject and
                # prepositions belong to the noun.
                self._collect_roles(governor, word, roles, resolver, mention)
        for prep in (c for c in children if c.dep_ in {"prep", "agent", "dative"}):
            # (not the system's own phrase: in "an order for French submarines" the French
            # make the goods, they do not receive them)
            objects = [o for o in prep.children if o.dep_ == "pobj"
                       and o != mention.anchor and not mention.start <= o.i < mention.end]
            if not objects:
                continue
            if word.stage == "licensed-production" and self._licence_roles(objects, roles, resolver):
                continue
            countries = [c for o in objects for c in _countries(resolver.actors(o))]
            p = prep.lower_
            if prep.dep_ == "agent" or p == "by":
                # "delivered by Russia", "the purchase by India"
                roles.add(DOER_SIDE.get(frame, "party"), countries)
            elif p in self.lexicon.supplier_preps and frame in {"buyer", "party", "arrival"}:
                roles.add("supplier", countries)
            elif p in self.lexicon.recipient_preps and frame in {"seller", "arrival"}:
                roles.add("recipient", countries)
            elif p == "to" and frame == "party":
                roles.add("recipient", countries)   # "froze the delivery ... to Saudi Arabia"
            elif p == "for" and frame in {"party", "buyer"}:
                roles.add("recipient", countries)
            elif p in self.lexicon.party_preps and not (frame == "seller" and p == "with"):
                roles.add("party", countries)
            elif p in {"in", "at"} and frame == "arrival":
                roles.add("recipient", countries)
            elif p == "in" and word.stage == "licensed-production" and countries:
                # "to be built in India": where a licence production happens is who receives.
                roles.prefer("recipient", countries)

    def _buying_side(self, verb: Token, frame: str, buyers: list[str], resolver) -> str:
        """The side a deal verb's doer is on. A buyer is the recipient unless it buys for
        another state ("aircraft bought by the United States for the Afghan Air Force"): then
        it supplies them, as aid, and the state it buys for receives."""
        side = DOER_SIDE[frame]
        if frame == "buyer" and buyers and any(c not in buyers for c in self._bought_for(verb, resolver)):
            return "supplier"
        return side

    def _bought_for(self, verb: Token, resolver) -> list[str]:
        """The states a purchase is made for: the objects of the verb's own "for" that are
        no goods ("an order for 42 Rafale jets from France") and not the buyer's own ("for
        its navy")."""
        return [country for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for o in prep.children if o.dep_ == "pobj" and self.lexicon.category_at(o)[0] is None
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
                for country in _countries(resolver.actors(o))]

    def _licence_roles(self, objects: list[Token], roles: Roles, resolver) -> bool:
        """"Under licence from Russia", "under a joint venture with Russia": the licensor
        supplies, the partner is a side. Whether the objects were such words."""
        found = False
        for licence in objects:
            if licence.lemma_.lower() not in LICENCE_NOUNS:
                continue
            found = True
            for inner in licence.children:
                if inner.dep_ != "prep":
                    continue
                countries = [c for o in inner.children if o.dep_ == "pobj" for c in _countries(resolver.actors(o))]
                if inner.lower_ in self.lexicon.supplier_preps:
                    roles.add("supplier", countries)
                elif inner.lower_ in self.lexicon.party_preps:
                    roles.add("party", countries)
        return found

    def _doer(self, verb: Token, frame: str, resolver) -> list:
        """Who does what a deal verb says. A passive or a participle without its agent ("the
        systems bought from Russia", "would be manufactured in India") does not say who buys
        or sells; for the two sides of a signing the reporting clause's subject is one of them
        ("contracts ... signed with India", said by Russia's minister)."""
        passive = any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN")
        if passive and frame != "party":
            for child in verb.children:
                if child.dep_ == "agent":
                    return [a for o in child.children if o.dep_ == "pobj" for a in resolver.actors(o)]
            return []
        doers = self.coder.clause_subject(verb, resolver)
        if not doers and any(c.dep_ == "nsubj" and c.lower_ in {"it", "they", "we"} for c in verb.children):
            # "The United States said it would send ...": the pronoun is the speaker.
            speech = verb
            while speech.dep_ in {"ccomp", "conj", "xcomp"} and speech.head != speech:
                speech = speech.head
                if speech.lemma_.lower() in self.coder.modality.speech_verbs:
                    return self.coder.clause_subject(speech, resolver)
        return doers

    def _sides(self, mention: SystemMention, reading: DealReading, sentence: Span, resolver,
               mentions: dict, systems: list[SystemMention], told: list[Transfer] = ()
               ) -> tuple[str | None, str | None]:
        roles = reading.roles
        self._system_phrase_roles(mention, roles, resolver, mentions)
        producers = mention.producers
        suppliers = list(roles.suppliers)
        # A producer named among the recipients is rarely one ("GE signed an agreement with
        # HAL to produce F414 engines in India"): the others come first.
        recipients = sorted((r for r in roles.recipients if r not in suppliers), key=lambda r: r in producers)
        supplier = suppliers[0] if suppliers else None
        recipient = recipients[0] if recipients else None
        parties = [p for p in roles.parties if p not in (supplier, recipient)]
        if supplier is None and recipient is None:
            known = [p for p in parties if p in producers]
            if known:
                supplier = known[0]
                others = [p for p in parties if p != supplier]
                recipient = others[0] if others else None
            elif len(parties) == 1 and any(n.lemma_.lower() in GIVING_NOUNS for n in reading.nodes):
                # "Germany announced a package: two Patriot launchers, 40 Marders": who announces
                # a package gives its goods, whoever made them
                supplier = parties[0]
            elif len(parties) == 1:
                recipient = parties[0]
            elif len(parties) == 2 and mention.system is None:
                # "the contract was signed between LIG Nex1 and the Saudi defence ministry"
                # after Riyadh agreed to buy from Seoul: the sides as the story's deal has them
                earlier = next((r for r in reversed(told) if {r.supplier, r.recipient} == set(parties)), None)
                if earlier is not None:
                    supplier, recipient = earlier.supplier, earlier.recipient
        elif supplier is None:
            others = [p for p in parties if p != recipient]
            supplier = next((p for p in others if p in producers), others[0] if others else None)
        elif recipient is None:
            # ("France and Italy agreed to supply the SAMP/T": parties that both supply are
            # no recipient of each other)
            others = [p for p in parties if p not in suppliers]
            recipient = others[0] if others else None
        if supplier is None and recipient is not None:
            # ("Russian S-300s": the state whose firm makes a design of a state now gone)
            makers = producers + _makers_states(mention, resolver.context.date if resolver is not None else None)
            supplier = next((m for m in roles.modifiers if m != recipient and m in makers), None)
        if recipient is None and supplier is not None:
            recipient = next((m for m in roles.modifiers if m != supplier and m not in producers), None)
        if supplier is None and recipient is not None and not producers:
            supplier = next((m for m in roles.modifiers if m != recipient), None)
        if supplier is None and recipient is not None:
            # "the first aircraft will arrive in Argentina" after Argentina bought Danish F-16s:
            # the seller the story already gave these systems, not the maker
            supplier = next((r.supplier for r in reversed(told) if r.recipient == recipient
                             and r.supplier and r.designation == mention.designation), None)
        if supplier is None and producers and recipient not in producers and state_existed(
                producers[0], resolver.context.date if resolver is not None else None):
            # (the maker's state when no seller is named; not the Soviet Union of a Soviet-made
            # S-300 that "a European country" sent in 2022)
            supplier = producers[0]
        if recipient is None and supplier is not None:
            # "sending the tanks would only make the fighting worse", the Russian embassy said,
            # after Britain pledged them to Kyiv: the recipient the story gave this deal
            recipient = next((r.recipient for r in reversed(told) if r.supplier == supplier
                              and r.designation == mention.designation and r.recipient), None)
        if recipient is None and supplier is not None:
            # "they would send infantry fighting vehicles to Ukraine, and Berlin promised a
            # Patriot battery": the recipient of the sentence's other deal
            recipient = next((r.recipient for r in reversed(told) if r.recipient and r.recipient != supplier
                              and sentence.start_char <= r.span[0] < sentence.end_char), None)
        if recipient is None and supplier is not None and resolver is not None:
            # (not the maker's state when another sells: the Netherlands sending German-made
            # howitzers "with Germany helping to train the crews" sends them to neither)
            states = [s for s in _states_named(sentence, mentions, exclude=supplier)
                      if supplier in producers or s not in producers]
            recipient = states[0] if len(states) == 1 else None
        return supplier, recipient

    def _system_phrase_roles(self, mention: SystemMention, roles: Roles, resolver,
                             mentions: dict) -> None:
        """What the system's own noun phrase says: "from Russia", "for the Indian Navy",
        "Russian-made", "India's S-400s"."""
        if resolver is None:
            return
        anchor = mention.anchor
        heads = [anchor, *_conjunct_chain(anchor)]
        doc = anchor.doc
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep"):
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                countries = [c for o in objects for c in _countries(resolver.actors(o))]
                if prep.lower_ in self.lexicon.supplier_preps:
                    roles.add("supplier", countries)
                elif prep.lower_ in self.lexicon.recipient_preps:
                    roles.add("recipient", countries)
                elif prep.lower_ in self.lexicon.party_preps:
                    roles.add("party", countries)
                elif prep.lower_ == "in" and _is_clause(head.head) and any(
                        w.stage == "licensed-production" for w in [self._verb_word(head.head)] if w):
                    # "produce F414 engines in India": where they are made receives
                    roles.prefer("recipient", countries)
                self._licence_roles(objects, roles, resolver)     # "drones under a licence from Turkey"
        # "Russian-made", "US-built": the state before an origin participle.
        for token in doc[max(mention.start - 4, anchor.left_edge.i):mention.start]:
            if token.lower_ in self.lexicon.origin_words or token.lemma_.lower() in self.lexicon.origin_words:
                before = token.i - 1
                if before >= 0 and doc[before].text == "-":
                    before -= 1
                mention_before = mentions.get(before)
                if mention_before is not None:
                    countries = [e.country for e in mention_before.entries
                                 if e.kind in {"country", "adjective", "people"} and e.country]
                    # (but a seller the deal names sells on what another state made: "Slovakia
                    # will give Ukraine its Soviet-designed MiG-29s")
                    if not roles.suppliers:
                        roles.prefer("supplier", countries[:1])
        for child in anchor.children:
            if child.dep_ == "poss":
                countries = _countries(resolver.actors(child))
                producers = mention.producers + _makers_states(mention, resolver.context.date)
                roles.add("supplier" if any(c in producers for c in countries) else "recipient", countries)
            elif child.dep_ in {"nmod", "compound", "amod"} and child.i not in range(mention.start, mention.end):
                # "Indian Su-30MKIs", "send Ukraine rocket systems": a state on the system's noun
                # is one side, the one the deal's words leave open.
                states = _states_named(doc[child.i:child.i + 1], mentions)
                roles.modifiers.extend(c for c in states if c not in roles.modifiers)
                if child.pos_ == "PROPN" and "conj" in {anchor.dep_, anchor.head.dep_} and \
                        set(states) & set(mention.producers):
                    # "Washington will provide Bradley vehicles and Berlin Marder vehicles": a
                    # state set before a later item of a list supplies that item, alone
                    roles.suppliers[:] = states

    def _recipient_nearby(self, sentence: Span, supplier: str, mentions: dict) -> str | None:
        """The one other state of the sentence before or after a deal whose words name no
        recipient."""
        doc = sentence.doc
        neighbours = []
        if sentence.start > 0:
            neighbours.append(doc[sentence.start - 1].sent)
        if sentence.end < len(doc):
            neighbours.append(doc[sentence.end].sent)
        for span in neighbours:
            states = _states_named(span, mentions, exclude=supplier)
            if len(states) == 1:
                return states[0]
            if len(states) > 1:
                return None
        return None

    # -- quantity, value, year ------------------------------------------------------------
    def _quantity(self, mention: SystemMention, systems: list[SystemMention]) -> int | None:
        anchor = mention.anchor
        if mention.counted:
            return parse_count([anchor.lower_])
        inside = {i for m in systems for i in range(m.start, m.end)}
        doc = anchor.doc
        # "36 Rafale jets", and "eight AH-64E Apache helicopters" where the parser hangs the
        # number on the designation.
        for head in [anchor, *(doc[i] for i in range(mention.start, mention.end))]:
            count = _count_of(head, inside)
            if count is not None:
                return count
        # "three batteries of BrahMos missiles", "two regiments of S-400"
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
            container = anchor.head.head
            if container.lemma_.lower() in self.lexicon.unit_nouns:
                return _count_of(container, inside)
        return None

    def _value(self, sentence: Span, reading: DealReading, mention: SystemMention,
               systems: list[SystemMention]) -> tuple[float, str, float | None] | None:
        amounts = self._amounts(sentence)
        if not amounts:
            return None
        deal_nodes = {n.i for n in reading.nodes} | {reading.node.i, mention.anchor.i}
        related = [(money, token) for money, token in amounts
                   if _attached_to(token, deal_nodes, across_clauses=True)]
        if not related:
            return None
        money = related[0][0]
        usd = next((m.value for m, _ in related if m.currency == "USD"), None)
        return money.value, money.currency, usd

    def _amounts(self, sentence: Span) -> list[tuple[Money, Token]]:
        text = sentence.text
        base = sentence.start_char
        found = []
        for money in self.money.find(text):
            span = sentence.doc.char_span(base + money.start, base + money.end, alignment_mode="expand")
            if span is None:
                continue
            found.append((money, span.root))
        return found

    def _year(self, reading: DealReading, sentence: Span, doc_date: str | None,
              mention: SystemMention | None, systems: list[SystemMention]) -> int | None:
        """The year of the stage: a date on the deal word, else the date of the statement that
        reports a recent or planned step ("has ordered ..., the ministry said on Tuesday"),
        else for a plan or promise the publication year (it is announced as of then). A deal
        merely mentioned, with no date, has no year."""
        own = self._own_year(reading, sentence, doc_date, systems)
        if own is not None and reading.asserted:
            return own
        node = reading.node
        clause = node if _is_clause(node) else _clause_above(node)
        interval = self.coder.interval(clause) if clause is not None else None
        shifted = shift_days(doc_date, interval[1]) if interval is not None else None
        if shifted and shifted[:4].isdigit():
            # "almost six years after Moscow blocked the sale", in a story of 2016: 2010
            return int(shifted[:4])
        if clause is not None and _tense(clause) != "past perfect":
            speech = _governing_speech(clause, self.coder.modality.speech_verbs)
            if speech is not None:
                said = self.coder.statement_date(speech, doc_date)
                if said and said[:4].isdigit() and (not reading.asserted or _tense(clause) != "past"
                                                    or said[:4] == (doc_date or "")[:4]):
                    return int(said[:4])
        if doc_date and doc_date[:4].isdigit() and (not reading.asserted or (
                clause is not None and (_tense(clause) == "perfect" or (
                    clause.tag_ in {"VBZ", "VBP"} and reading.stage in PRESENT_NEWS_STAGES)))):
            # (a step the story reports as just taken, "has signed", or a deal told as taking
            # place, "becomes the eighth buyer", is of the story's year; what a state makes or
            # flies in the present tense is a standing fact, not news)
            return int(doc_date[:4])
        return None

    def _own_year(self, reading: DealReading, sentence: Span, doc_date: str | None,
                  systems: list[SystemMention]) -> int | None:
        node = reading.node
        governor = node.head if node.pos_ in NOUN_POS and node.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} else node
        targets = {node.i, governor.i}
        if node.pos_ in NOUN_POS:
            # "a contract signed in July 2018", "an order that Pakistan placed in July 2018":
            # the clause that makes the deal dates it
            targets |= {c.i for c in node.children if c.dep_ in {"acl", "relcl"}
                        and c.lemma_.lower() in self.lexicon.light_verbs}
        inside = {i for m in systems for i in range(m.start, m.end)}
        for ent in sentence.ents:
            if any(t.i in inside for t in ent):
                continue
            # The parser sometimes takes a year for a number: "in 2022" counts as a date.
            bare_year = (ent.label_ == "CARDINAL" and len(ent) == 1 and YEAR_LIKE.match(ent.text)
                         and ent.root.head.lower_ in YEAR_PREPOSITIONS)
            if ent.label_ != "DATE" and not bare_year:
                continue
            if not _attached_to(ent.root, targets):
                continue
            resolved = resolve_date(ent.text, doc_date, False)
            if resolved and resolved[:4].isdigit():
                return int(resolved[:4])
        return None

    def _value_from_neighbour(self, sentence: Span, index: int,
                              found_in: dict[int, list[Transfer]]) -> None:
        """"Officials put its value at 7.87 billion euros": a sentence that names no system
        but a deal word and an amount gives the value of the deal just before it."""
        recent = [i for i in found_in if index - NEIGHBOUR_SENTENCES <= i < index]
        if not recent:
            return
        records = found_in[max(recent)]
        deals = {(r.supplier, r.recipient, name_key(r.designation or r.system)) for r in records}
        if len(deals) != 1:
            return
        lemmas = {t.lemma_.lower() for t in sentence}
        if lemmas & AGGREGATE_WORDS:
            return      # "proposals worth a total of 389 billion rupees": not one deal's price
        deal_nouns = {w for w, ws in self.lexicon.nouns.items() if any(x.stage in {"contract", "agreed"} for x in ws)}
        if not lemmas & (deal_nouns | {"value", "worth", "cost", "price", "valued"}):
            return
        amounts = self._amounts(sentence)
        if not amounts:
            return
        money = amounts[0][0]
        usd = next((m.value for m, _ in amounts if m.currency == "USD"), None)
        for record in records:
            if record.value is None:
                record.value, record.currency = money.value, money.currency
            if record.value_usd is None and usd is not None:
                record.value_usd = usd


# -- syntax helpers ---------------------------------------------------------------------------



def _clause_above(token: Token) -> Token | None:
    current = token
    while current.head != current:
        current = current.head
        if _is_clause(current):
            return current
    return None


def _carrying(verb: Token) -> bool:
    """Whether a verb is a craft's carrying of goods: "planes carrying anti-tank weapons"."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in CARRYING_VERBS


def _done_alongside(node: Token, outer: Token) -> bool:
    """Whether a deal word is an act told alongside another as its participle clause ("chose
    the radars, placing an order for four"), the noun of such a clause's light verb included."""
    clause = node if node.pos_ in CLAUSE_POS else node.head
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head == outer \
        and not any(c.dep_ == "mark" for c in clause.children)


#: Stages a present-tense clause reports as news of the day ("signs", "becomes a buyer").
PRESENT_NEWS_STAGES = frozenset({"talks", "agreed", "contract"})


def _tense(verb: Token) -> str:
    """Roughly: "past perfect" (had ordered), "perfect" (has ordered), "past", or "present"."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if "had" in auxiliaries:
        return "past perfect"
    if auxiliaries & {"has", "have", "'ve", "'s"}:
        return "perfect"
    if verb.tag_ == "VBD" or auxiliaries & {"was", "were"}:
        return "past"
    return "present"


def _governing_speech(verb: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose content a clause is ("..., the ministry said on Tuesday")."""
    current = verb
    for _ in range(6):
        if current.lemma_.lower() in speech_verbs and current is not verb:
            return current
        if current.head == current or current.dep_ not in {"ccomp", "xcomp", "conj", "parataxis", "advcl"}:
            break
        current = current.head
    if current.lemma_.lower() in speech_verbs and current is not verb:
        return current
    # "X has ordered Y, the ministry said": said hangs below the clause, or below the one the
    # deal's clause completes ("has cleared Morocco to buy 25 F-16s, the agency said")
    for clause in dict.fromkeys((verb, current)):
        for child in clause.children:
            if child.lemma_.lower() in speech_verbs and (child.dep_ in {"parataxis", "ccomp", "advcl"} or (
                    # (parsed as a second clause with its own subject: "..., the agency said")
                    child.dep_ == "conj" and child.i > clause.i
                    and any(g.dep_ == "nsubj" for g in child.children))):
                return child
    return None


def _has_of_object(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in noun.children)


def _passed_over(token: Token) -> bool:
    """Whether a word hangs on "over" after a verb of choosing ("chose the F-35 over Saab's
    Gripen"): what was not chosen, neither a deal's goods nor what "the aircraft" refers to."""
    current = token
    while current.head != current and current.dep_ not in {"nsubj", "nsubjpass", "ROOT"}:
        if current.dep_ == "prep" and current.lower_ in {"over", "to"}:
            # ("choosing the German tank over South Korea's K2": or hung on what was chosen;
            # "the design was preferred to the MEKO A-200")
            chooser = current.head.head if current.head.dep_ == "dobj" else current.head
            if chooser.lemma_.lower() in CHOOSING_VERBS and (
                    current.lower_ == "over" or chooser.lemma_.lower() in PREFERRING_VERBS):
                return True
        current = current.head
    return False


def _definite(noun: Token) -> bool:
    """A noun with a definite determiner or a possessive pronoun ("the package", "its deal")."""
    return (noun.pos_ in NOUN_POS and any(
        c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE_DETERMINERS | {"this", "that"} for c in noun.children)
    ) or noun.lower_ in DEAL_PRONOUNS


def _latest_deal(found_in: dict[int, list[Transfer]], index: int) -> Transfer | None:
    """The deal reported last, in this sentence's neighbourhood, when there is one (its first
    record: stage and sides)."""
    recent = [i for i in found_in if index - NEIGHBOUR_SENTENCES <= i < index]
    if not recent:
        return None
    complete = [r for r in found_in[max(recent)] if r.supplier and r.recipient]
    sides = {(r.supplier, r.recipient) for r in complete}
    if len(sides) != 1:
        return None
    # the deal as reported so far: its most advanced stage in the story
    same = [r for records in found_in.values() for r in records
            if (r.supplier, r.recipient) == next(iter(sides)) and r.designation == complete[0].designation]
    rank = transfer_lexicon().rank
    return max(same, key=lambda r: (rank(r.stage), r.year is not None))


def _states_named(span: Span, mentions: dict, exclude: str | None = None) -> list[str]:
    states: list[str] = []
    for token in span:
        mention = mentions.get(token.i)
        if mention is None or mention.start != token.i or _absolute_subject(token) or _named_threat(token):
            continue
        for entry in mention.entries:
            if entry.kind in {"country", "adjective", "people", "city", "seat"} and entry.country \
                    and entry.country != exclude and entry.country not in states:
                states.append(entry.country)
    return states


def _named_threat(token: Token) -> bool:
    """A state's adjective on what is fended off: "shield the country from Russian cruise
    missiles" names the threat, not a side of a deal."""
    head = token
    while head.dep_ in {"amod", "compound"} and head.head != head:
        head = head.head
    return head is not token and head.dep_ == "pobj" and head.head.lower_ in THREAT_PREPOSITIONS


def _absolute_subject(token: Token) -> bool:
    """The subject of an absolute phrase ("with Germany helping to train the crews"): a side
    that does something beside the deal, not a side of it."""
    head = token
    while head.dep_ in {"compound", "det"} and head.head != head:
        head = head.head
    verb = head.head
    return head.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with"


def _gapped_number(token: Token) -> Token | None:
    """The number of a giver joined to a list with only a number of its own, its verb and
    goods left out ("Norway six"); None for any other word (a giver with goods of its own is a
    clause of its own)."""
    if token.dep_ != "conj" or token.pos_ != "PROPN":
        return None
    numbers = [c for c in token.children if c.dep_ == "nummod" and c.pos_ == "NUM"]
    if len(numbers) != 1 or any(c.pos_ in NOUN_POS and c.dep_ not in {"compound", "conj"}
                                for c in token.children):
        return None
    return numbers[0]


def _paired_in_order(sentence: Span, records: list[Transfer], mentions: dict) -> list[Transfer]:
    """"Patriot and THAAD interceptors to Saudi Arabia and the UAE respectively": a sentence
    that pairs its goods with its buyers (or sellers) in order gives the n-th goods to the n-th
    side, where its records would otherwise give each goods to each side."""
    if not any(t.lower_ in PAIRING_WORDS for t in sentence):
        return records
    goods = list(dict.fromkeys(r.system for r in sorted(records, key=lambda r: r.span[0])))
    if len(goods) < 2 or len(records) != len(goods) ** 2:
        return records      # (not each of n goods to each of n sides)
    for side in ("recipient", "supplier"):
        sides = {getattr(r, side) for r in records}
        if len(sides) != len(goods):
            continue
        order = [state for state in _states_named(sentence, mentions) if state in sides]
        if len(order) != len(goods):
            continue
        pairs = dict(zip(goods, order))
        return [r for r in records if pairs[r.system] == getattr(r, side)]
    return records


def _gapped_states(sentence: Span, mentions: dict) -> list[str]:
    """The states of the gapped givers of a sentence."""
    return [state for token in sentence if _gapped_number(token) is not None
            for state in _states_named(sentence.doc[token.left_edge.i:token.i + 1], mentions)]


def _names_the_same_goods(family: SystemMention, specific: SystemMention) -> bool:
    """"300 Patriot MIM-104E GEM-T missiles": a name run straight into another of the same
    state's make (at most two designation words between, no comma or conjunction) is the
    family of the goods the later name specifies, not goods of its own."""
    if family.generic or specific.generic or family.designation == specific.designation \
            or not set(family.producers) & set(specific.producers):
        return False        # ("Arrow 3 missile defence system" is one name and its kind)
    between = family.anchor.doc[family.end:specific.start]
    return len(between) <= 2 and all(
        any(ch.isdigit() for ch in t.text) and not t.is_punct and t.pos_ != "CCONJ" for t in between)


def _conjunct_chain(token: Token) -> list[Token]:
    """The members of the coordination a noun is in ("K2 tanks and K9 howitzers from Korea")."""
    top = token
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    members = [top]
    stack = [top]
    while stack:
        item = stack.pop()
        for child in item.children:
            if child.dep_ == "conj" and child not in members:
                members.append(child)
                stack.append(child)
    return [m for m in members if m != token]


def _ends_with(words: list[str], needed: list[str]) -> bool:
    joined = " ".join(words)
    return joined.endswith(" ".join(needed)) or joined.replace(" - ", "-").endswith(" ".join(needed))


def _countries(actors) -> list[str]:
    return [a.country for a in actors if getattr(a, "country", None)]


def _count_of(noun: Token, excluded: set[int]) -> int | None:
    for child in noun.children:
        counted = child.dep_ in {"nummod", "quantmod"} or (
            child.dep_ == "compound" and child.pos_ == "NUM" and child.text.replace(",", "").isdigit())
        if counted and child.i not in excluded:
            if child.ent_type_ in {"MONEY", "PERCENT"} or YEAR_LIKE.match(child.text):
                continue
            words = [t for t in child.subtree if t.i not in excluded and (t.like_num or t.lower_ in NUMBER_WORDS)]
            count = parse_count([t.lower_ for t in words])
            if count is not None:
                return count
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and noun.tag_ == "NN":
            continue
    return None


def parse_count(words: list[str]) -> int | None:
    """The number words or digits say: "36", "five", "two dozen", "1,000", "twenty-four"."""
    if not words:
        return None
    total = 0
    current = 0
    seen = False
    for word in words:
        for part in word.replace(",", "").split("-"):
            if part.isdigit():
                current += int(part)
                seen = True
            elif part in NUMBER_MULTIPLIERS:
                current = max(current, 1) * NUMBER_MULTIPLIERS[part]
                seen = True
            elif part in NUMBER_WORDS and part not in {"a", "an"}:
                current += NUMBER_WORDS[part]
                seen = True
            elif part in {"a", "an", "and"}:
                continue
            else:
                try:
                    current += int(float(part))
                    seen = True
                except ValueError:
                    return None
    total += current
    return total if seen and 0 < total < 10_000_000 else None


def _attached_to(token: Token, targets: set[int], across_clauses: bool = False) -> bool:
    """Whether a word hangs from one of ``targets`` within a few steps up the tree, without
    passing another clause unless ``across_clauses``."""
    current = token
    for _ in range(MAX_ATTACHMENT_STEPS):
        if current.i in targets:
            return True
        if current.head == current:
            return False
        current = current.head
        if not across_clauses and current.pos_ in CLAUSE_POS and current.i not in targets:
            return False
    return current.i in targets


def _source(record: Transfer) -> dict[str, Any]:
    return {"doc_id": record.doc_id, "sentence_index": record.sentence_index,
            "sentence": record.sentence, "span": list(record.span), "stage": record.stage,
            "year": record.year, "doc_date": record.doc_date, "reported_as": record.reported_as}


# -- merging ----------------------------------------------------------------------------------

def deal_key(record: Transfer | dict) -> tuple[str | None, str | None, str]:
    """What makes two mentions the same deal: supplier, recipient and system."""
    get = record.get if isinstance(record, dict) else (lambda k, d=None: getattr(record, k, d))
    name = get("designation") or get("system") or ""
    system = weapon_gazetteer().lookup(name) if name else None
    return get("supplier"), get("recipient"), name_key(system.designation if system else name)


def transfer_id(record: Transfer | dict) -> str:
    """A stable id for a deal: the same supplier, recipient and system give the same id."""
    supplier, recipient, system = deal_key(record)
    return hashlib.sha1(f"{supplier}|{recipient}|{system}".encode("utf-8")).hexdigest()[:16]


def merge_transfers(records: Iterable[Transfer | dict]) -> list[Transfer]:
    """One record per deal: the most advanced stage with its year, the largest quantity and
    value given, and every mention as a source."""
    lexicon = transfer_lexicon()
    merged: dict[tuple, Transfer] = {}
    for item in records:
        record = _as_transfer(item)
        if not record.sources:
            record.sources = [_source(record)]
        key = deal_key(record)
        current = merged.get(key)
        if current is None:
            merged[key] = record
            continue
        _merge_into(current, record, lexicon)
    return list(merged.values())


def _background(record: Transfer) -> bool:
    return bool(record.sources) and all(s.get("background") for s in record.sources)


def _take_step(current: Transfer, other: Transfer) -> None:
    """The record takes the other's step: its stage, year and the sentence that tells it."""
    current.stage, current.year = other.stage, other.year
    current.sentence, current.span = other.sentence, other.span
    current.sentence_index = other.sentence_index


def _merge_into(current: Transfer, other: Transfer, lexicon: TransferLexicon) -> None:
    current_background, other_background = _background(current), _background(other)
    seen = {(s.get("doc_id"), s.get("sentence_index"), tuple(s.get("span") or ())) for s in current.sources}
    for source in other.sources:
        key = (source.get("doc_id"), source.get("sentence_index"), tuple(source.get("span") or ()))
        if key not in seen:
            current.sources.append(source)
            seen.add(key)
    rank = lexicon.rank
    later, earlier = (other, current) if (other.year or 0) > (current.year or 0) else (current, other)
    if current.year is not None and other.year is not None and later.year - earlier.year > 1 \
            and rank(later.stage) <= rank(earlier.stage):
        # years apart, and the later step no further on: two deals for one system ("cleared
        # Morocco to buy 25 F-16s" in 2019 after it "ordered its first 24 F-16s in 2008"), and
        # the record is the later deal's (a contract of 2018 delivered in 2021 is one deal)
        if later is current:
            return
        _take_step(current, other)
        current.quantity, current.value, current.currency, current.value_usd = (
            other.quantity, other.value, other.currency, other.value_usd)
        return
    if current_background != other_background:
        # what a system's owner flies or operates only tells a stage when nothing else does
        better = current_background
    else:
        better = rank(other.stage) > rank(current.stage) or (
            other.stage == current.stage and current.year is None and other.year is not None)
    if better:
        _take_step(current, other)
        if other.doc_id != current.doc_id:
            pass   # the record stays filed under the first document that reported the deal
    if other.quantity is not None and (current.quantity is None or other.quantity > current.quantity):
        current.quantity = other.quantity
    if other.value is not None and (current.value is None or (
            other.currency == current.currency and other.value > current.value)):
        current.value, current.currency = other.value, other.currency
    if other.value_usd is not None and (current.value_usd is None or other.value_usd > current.value_usd):
        current.value_usd = other.value_usd
    current.category = current.category or other.category
    current.maker = current.maker or other.maker
    current.reported_as = current.reported_as or other.reported_as


def _as_transfer(item: Transfer | dict) -> Transfer:
    if isinstance(item, Transfer):
        return item
    fields = set(Transfer.__dataclass_fields__)
    data = {k: v for k, v in item.items() if k in fields}
    if "span" in data and data["span"] is not None:
        data["span"] = tuple(data["span"])
    data.setdefault("sources", [])
    data["sources"] = list(data.get("sources") or [])
    return Transfer(**data)


def _generic_into_specific(records: list[Transfer]) -> list[Transfer]:
    """Within one story, "rocket systems" sent to Ukraine and the "HIMARS" of the same package
    are one deal: a record without a designation joins the one designated record of its
    category between the same sides."""
    lexicon = transfer_lexicon()
    for record in records:
        if not lexicon.is_generic(record.designation or record.system):
            continue
        # ("The deal covers three batteries": a unit of whatever system the deal is for)
        unit = (record.designation or "").lower() in lexicon.unit_nouns
        specific = [r for r in records if (r.supplier, r.recipient) == (record.supplier, record.recipient)
                    and (r.category == record.category or unit)
                    and not lexicon.is_generic(r.designation or r.system)]
        if not specific:
            continue
        # the nearest mention before it, else the nearest after it
        nearest = min(specific, key=lambda r: (r.sentence_index > record.sentence_index,
                                               abs(record.sentence_index - r.sentence_index)))
        record.designation = record.system = nearest.designation or nearest.system
        record.category = nearest.category
        record.reported_as = nearest.reported_as
    return records


def _same_family(records: list[Transfer]) -> list[Transfer]:
    """Within one story, "Leopard 2 tanks" and "14 Leopard 2A6 tanks" sent by the same
    supplier to the same recipient are one deal: the family name takes the variant's."""
    for record in records:
        key = name_key(record.designation or record.system)
        for other in records:
            other_key = name_key(other.designation or other.system)
            if (other.supplier, other.recipient) == (record.supplier, record.recipient) and \
                    len(key) >= 3 and other_key.startswith(key) and len(other_key) > len(key) \
                    and other_key[len(key)].isalnum() and key[-1].isdigit() != other_key[len(key)].isdigit():
                record.designation, record.system = other.designation, other.system
                record.category = other.category or record.category
                break
    return records


def _recipient_told(told: list[Transfer], record: Transfer) -> str | None:
    """The state the story's earlier deals of a record's seller, or of its system, went to:
    "Poland will hand over four MiG-29s" after Poland promised Kyiv warplanes."""
    earlier = [r for r in reversed(told) if r.recipient]
    by_seller = next((r.recipient for r in earlier if r.supplier == record.supplier), None)
    return by_seller or next((r.recipient for r in earlier if r.designation == record.designation
                              and r.recipient != record.supplier), None)


def _complete(records: list[Transfer], fallbacks: dict[int, str | None] | None = None) -> list[Transfer]:
    """Records missing a side join a complete record of the same system in the document when
    exactly one fits, else take the recipient the neighbouring sentences give (``fallbacks``,
    by record id); others are dropped (a transfer needs both sides)."""
    fallbacks = fallbacks or {}
    complete = [r for r in records if r.supplier and r.recipient]
    kept = list(complete)
    # "Latvia and Lithuania will send Stinger missiles" in a story of arms for Ukraine: a
    # giver's deal that names no recipient goes to the one recipient of the story's others
    story_recipients = {r.recipient for r in complete}
    for record in records:
        if record.supplier and record.recipient:
            continue
        key = name_key(record.designation or record.system)
        fits = {(r.supplier, r.recipient) for r in complete
                if name_key(r.designation or r.system) == key
                and record.supplier in (None, r.supplier) and record.recipient in (None, r.recipient)}
        if len(fits) == 1:
            record.supplier, record.recipient = next(iter(fits))
            kept.append(record)
        elif not fits and record.supplier and fallbacks.get(id(record)):
            record.recipient = fallbacks[id(record)]
            kept.append(record)
        elif not fits and record.supplier and len(story_recipients) == 1 \
                and record.supplier not in story_recipients:
            record.recipient = next(iter(story_recipients))
            kept.append(record)
    kept.sort(key=lambda r: (r.sentence_index, r.span))
    return kept


# -- public helpers ---------------------------------------------------------------------------

def has_transfer_cue(sentence: Span | Doc, weapons: WeaponGazetteer | None = None,
                     lexicon: TransferLexicon | None = None) -> bool:
    """Whether a sentence may report an arms transfer: it names a weapon system of the
    gazetteer or a kind of weapon ("frigates", "howitzers"). Works on tokenized text without a
    parse, so a cheap pass before the parser can keep such sentences even when they name only
    one state ("India signed a contract for five S-400 systems")."""
    weapons = weapons or weapon_gazetteer()
    lexicon = lexicon or transfer_lexicon()
    nouns = lexicon.single_category_nouns()
    tokens = [t for t in sentence]
    for i, token in enumerate(tokens):
        lower = token.lower_
        if lower in nouns or lower.rstrip("s") in nouns or lower[:-2] in nouns and lower.endswith("es"):
            return True
        if not (token.text[:1].isupper() or any(c.isdigit() for c in token.text)):
            continue
        for length in range(1, 5):
            key = name_key("".join(t.text for t in tokens[i:i + length]))
            if len(key) >= 2 and (weapons.candidates(key) or key.endswith("s") and weapons.candidates(key[:-1])):
                return True
    return False


JSONL_FIELDS = ["doc_id", "supplier", "recipient", "system", "reported_as", "category", "quantity", "value",
                "currency", "value_usd", "stage", "year", "sentence", "span"]


def transfer_record(transfer: Transfer) -> dict[str, Any]:
    """The flat record of ``comity transfers --format jsonl``: the documented fields first,
    then the canonical designation, maker, id and sources."""
    d = transfer.to_dict()
    record = {k: d.get(k) for k in JSONL_FIELDS}
    record["designation"] = d.get("designation")
    record["maker"] = d.get("maker")
    record["sentence_index"] = d.get("sentence_index")
    record["doc_date"] = d.get("doc_date")
    record["id"] = transfer_id(transfer)
    record["sources"] = d.get("sources") or []
    return record


def extract_transfers(text: str, date: str | None = None, doc_id: str = "text") -> list[Transfer]:
    """The transfers of one text, with ``date`` as its publication date."""
    from .pipeline import code_one

    return code_one(text, date, doc_id).transfers


def _of_kind(system: SystemMention, noun: str) -> bool:
    """Whether an earlier system is of the kind a noun names ("drone": a UAV), as far as its
    gazetteer description tells; a noun of no particular kind, or a system described nowhere,
    always fits."""
    words = KIND_NOUNS.get(noun)
    description = system.system.description if system.system is not None else None
    if not words or not description:
        return True
    return bool(set(re.split(r"[\s/(),;-]+", description.lower())) & words)
