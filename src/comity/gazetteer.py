"""The actor gazetteer: states, organisations, seats of power, role nouns, office holders and
news agencies, loaded from the editable tables in ``data/actors``.

This module only holds the facts and answers lookups ("who was India's defence minister on
2018-12-13?", "what does 'Kremlin' name?"). Finding mentions in parsed text and composing actor
codes from them is the job of :mod:`comity.actors`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from .data import data_path, read_tsv, split_list
from .records import Actor

#: How the entries of a kind are matched in text: proper names case-sensitively (so that the
#: pronoun "us" is not the United States), role nouns case-insensitively.
PROPER_KINDS = {"country", "adjective", "people", "city", "seat", "igo", "person", "agency", "region"}

#: Which office a person is coded by when terms overlap on a date.
OFFICE_PRIORITY = ("head_of_state", "head_of_government", "defence_minister", "foreign_minister",
                   "secretary_general", "commission_president", "council_president",
                   "high_representative", "interior_minister", "finance_minister",
                   "national_security_adviser", "army_chief", "speaker")
#: Offices that rank below every national one when a shared name could mean either ("Carney"
#: the governor of Delaware or of the Bank of England; "Bayraktar" the energy minister rather
#: than the drone maker's chairman)
MINOR_OFFICES = ("regional_governor", "mayor", "business_leader")


def office_rank(office: str) -> int:
    """An office's place when a shared name could mean holders of several: OFFICE_PRIORITY's
    order, then every other national office, then MINOR_OFFICES."""
    if office in OFFICE_PRIORITY:
        return OFFICE_PRIORITY.index(office)
    return len(OFFICE_PRIORITY) + (office in MINOR_OFFICES)

#: Sectors of an office when no role phrase in roles.tsv names it.
DEFAULT_OFFICE_SECTORS = ("GOV",)

#: Name order for deriving the short form news uses after the first mention: family name first.
FAMILY_NAME_FIRST = {"CHN", "TWN", "PRK", "KOR", "HKG", "MAC"}

#: States where a name of three short syllables is Chinese, family name first ("Lee Hsien
#: Loong", "Ng Chee Meng"), beside Malay, Indian and Western names written given name first.
CHINESE_NAME_STATES = {"SGP", "MYS"}
CHINESE_SYLLABLE = re.compile(r"^[A-Z][a-z]{0,4}$")

#: One romanised Chinese or Korean syllable, the shape of a family name ("Tsai", "Huang",
#: "Yoon"): a Western given name written first ("Karen Kuo", "Carrie Lam") has another shape.
FAMILY_NAME_SYLLABLE = re.compile(r"^[^aeiouy]*[aeiouy]+(ng|rk|n|m|k|l|p|r|t|h)?$", re.IGNORECASE)

#: States whose names are given name then father's name: news shortens them to the given name
#: ("Abiy Ahmed" is "Abiy", "Isaias Afwerki" is "Isaias").
GIVEN_NAME_SHORT = {"ETH", "ERI"}

#: States whose names carry no family name: news writes them whole ("Min Aung Hlaing", "Soe
#: Htut"), and their last syllable names no one in particular.
NO_FAMILY_NAME = {"MMR"}

#: A middle initial between two names ("Dinesh K. Tripathi").
MIDDLE_INITIAL = re.compile(r"(?<=\w) [A-Z]\. (?=[A-Z])")
#: The Arabic article a family name may carry ("al-Sudani", "el-Sisi"), which news often drops.
ARABIC_ARTICLE = re.compile(r"^(?:[Aa][lnrstdz]|[Ee]l|[Aa]sh|[Aa]th)-(?=[A-Z])")

#: Two letters are enough for a family name written first ("Xi"), when no one else has it.
SHORTEST_SHORT_NAME = 2

#: Sector given to people outside any recorded term of office (CAMEO's "elites").
FORMER_OFFICIAL_SECTOR = "ELI"
GOVERNMENT_SECTOR = "GOV"
BUSINESS_SECTOR = "BUS"
#: How many years before a first recorded government or company office a person is still
#: read as government or business (holding a post the gazetteer does not list).
GOVERNMENT_APPRENTICESHIP_YEARS = 5
PARTY, OPPOSITION = "PTY", "OPP"
#: Where party_government.tsv begins: before it, a party's place is not known.
PARTY_RECORD_START = "2010-01-01"


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer phrase names."""

    kind: str
    country: str | None = None
    igo: str | None = None
    sectors: tuple[str, ...] = ()
    office: str | None = None
    person: str | None = None
    role_kind: str | None = None
    #: when a named body is what the entry says (ISO dates; empty: always): the Taliban are
    #: an armed group until they take Kabul, Afghanistan's government after
    start: str | None = None
    end: str | None = None
    #: the states a region of fixed membership counts ("the three Baltic states")
    members: tuple[str, ...] = ()

    def valid_on(self, date: str | None) -> bool:
        """Whether the entry holds on a date; with no date, whether it holds now."""
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    office: str
    start: str
    end: str | None
    #: a full code of the holder's own, for leaders of a group coded apart from any state
    #: ("IMGMUSISI" for the Islamic State's caliphs)
    code: str | None = None

    def covers(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


def plural_forms(phrase: str) -> list[str]:
    """Regular plurals of a role phrase's last word ("minister" -> "ministers")."""
    head, _, last = phrase.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("arch"):
        forms = [last + "s"]        # "monarchs", "oligarchs", "patriarchs"
    elif last.endswith(("s", "x", "sh", "ch")):
        forms = [last + "es"] if not last.endswith("s") else []
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith("man"):
        forms = [last[:-3] + "men"]
    else:
        forms = [last + "s"]
    return [prefix + form for form in forms]


def strip_accents(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Gazetteer:
    """All actor facts, indexed for lookup."""

    def __init__(self) -> None:
        self.proper: dict[str, list[Entry]] = defaultdict(list)
        self.roles: dict[str, list[Entry]] = defaultdict(list)
        self.terms: dict[str, list[Term]] = defaultdict(list)
        self.office_sectors: dict[str, tuple[str, ...]] = {}
        self.holders: dict[tuple[str, str], list[tuple[str, Term]]] = defaultdict(list)
        self.country_names: dict[str, str] = {}
        self.organisation_names: dict[str, str] = {}
        self.agencies: set[str] = set()
        #: the seats of government in countries.tsv ("Beijing", "Washington"): as the one who
        #: speaks or acts they stand for the government
        self.capitals: set[str] = set()
        #: nouns that describe a state ("the kingdom"), each with the states it can describe
        #: (empty: any state; state_nouns.tsv)
        self.state_nouns: dict[str, frozenset[str]] = {}
        #: a party's spells in national government, by (party, state); listed with none, it
        #: was in opposition throughout (party_government.tsv)
        self.party_periods: dict[tuple[str, str], list[tuple[str, str | None]]] = {}

    # -- building -------------------------------------------------------------------------
    def add_proper(self, phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        variants = {phrase, strip_accents(phrase)}
        for variant in variants:
            if entry not in self.proper[variant]:
                self.proper[variant].append(entry)

    def add_role(self, phrase: str, entry: Entry, with_plurals: bool = True) -> None:
        phrase = phrase.strip().lower()
        forms = [phrase] + (plural_forms(phrase) if with_plurals else [])
        for form in forms:
            if entry not in self.roles[form]:
                self.roles[form].append(entry)

    @classmethod
    def load(cls) -> "Gazetteer":
        gaz = cls()
        for row in read_tsv("actors/countries.tsv"):
            code = row["code"]
            gaz.country_names[code] = row["name"]
            for name in [row["name"], *split_list(row.get("aliases"))]:
                gaz.add_proper(name, Entry("country", country=code))
                if name.lower().startswith("the "):
                    gaz.add_proper(name[4:], Entry("country", country=code))
            for adjective in split_list(row.get("adjectives")):
                gaz.add_proper(adjective, Entry("adjective", country=code))
            for city in split_list(row.get("cities")):
                gaz.add_proper(city, Entry("city", country=code))
                gaz.capitals.add(city)
        for row in read_tsv("actors/regions.tsv"):
            # known only to keep a state's name inside them from naming that state
            for name in [row["name"], *split_list(row.get("aliases"))]:
                gaz.add_proper(name, Entry("region", igo=row.get("bloc") or None,
                                           members=tuple((row.get("members") or "").split())))
        for row in read_tsv("actors/peoples.tsv"):
            # a people with one home state names it as its demonym does: "Yoruba leaders"
            for name in [row["name"], *split_list(row.get("aliases"))]:
                gaz.add_proper(name, Entry("people", country=row["country"]))
        for row in read_tsv("actors/organisations.tsv"):
            gaz.organisation_names[row["code"]] = row["name"]
            for name in [row["name"], *split_list(row.get("aliases"))]:
                gaz.add_proper(name, Entry("igo", igo=row["code"]))
        for row in read_tsv("actors/seats.tsv"):
            gaz.add_proper(row["phrase"], Entry("seat", country=row["country"],
                                                sectors=tuple(row["sectors"].split())))
        for row in read_tsv("actors/state_nouns.tsv"):
            gaz.state_nouns[row["noun"]] = frozenset((row.get("states") or "").split())
        for row in read_tsv("actors/roles.tsv"):
            sectors = tuple(row["sectors"].split())
            office = row.get("office") or None
            entry = Entry("role", sectors=sectors, office=office, role_kind=row.get("kind") or None)
            gaz.add_role(row["phrase"], entry, with_plurals=row.get("kind") != "group")
            if office and office not in gaz.office_sectors:
                gaz.office_sectors[office] = sectors
        gaz._load_party_government()
        for table in ("actors/institutions.tsv", "actors/armed_groups.tsv", "actors/ngos.tsv",
                      "actors/parties.tsv"):
            for row in read_tsv(table):
                gaz._add_named_body(row)
        for row in read_tsv("actors/user_roles.tsv", missing_ok=True):
            gaz.add_role(row["phrase"], Entry("role", sectors=tuple(row["sectors"].split()),
                                              office=row.get("office") or None,
                                              role_kind=row.get("kind") or None))
        for row in read_tsv("actors/news_agencies.tsv"):
            gaz.agencies.add(row["name"])
            for name in [row["name"], *split_list(row.get("aliases"))]:
                gaz.add_proper(name, Entry("agency", country=row.get("country") or None,
                                           person=row["name"]))
        # Places before people: a surname that a city has ("Lagos") is not kept as a short name
        gaz._load_places()
        gaz._load_office_holders()
        gaz._load_user_actors()
        return gaz

    def _load_places(self) -> None:
        """Cities and regions below country level (places.tsv, built by
        scripts/build_places.py): a place names its state as a capital does. A phrase that
        already names a state or body keeps that sense alone."""
        for row in read_tsv("actors/places.tsv", missing_ok=True):
            name = row["name"]
            if name in self.proper or strip_accents(name) in self.proper:
                continue
            self.add_proper(name, Entry("city", country=row["country"]))
        # (and the bases, yards and nuclear sites too small for it, kept by hand: sites.tsv)
        for row in read_tsv("actors/sites.tsv"):
            for name in [row["name"], *split_list(row.get("aliases"))]:
                if name not in self.proper and strip_accents(name) not in self.proper:
                    self.add_proper(name, Entry("city", country=row["country"]))

    def _load_user_actors(self) -> None:
        """Actors a user imported (``comity import petrarch-dictionary``): states, organisations
        and dated people, each with a full CAMEO code, read from the COMITY_DATA folder."""
        for row in read_tsv("actors/user_actors.tsv", missing_ok=True):
            code, kind, phrase = row["code"], row.get("kind"), row["phrase"]
            country, sectors = split_code(code)
            names = [phrase, *split_list(row.get("aliases"))]
            if kind == "person":
                office = "user:" + code
                self.office_sectors.setdefault(office, sectors)
                term = Term(country=country, office=office, start=row.get("start") or "0000-01-01",
                            end=row.get("end") or None)
                self.terms[phrase].append(term)
                entry = Entry("person", person=phrase)
            elif kind == "country" or (len(code) == 3 and not code.startswith("IGO")):
                entry = Entry("country", country=country)
            elif country.startswith("IGO"):
                entry = Entry("igo", igo=code)
            else:
                entry = Entry("body", country=country, sectors=sectors)
            for name in names:
                self.add_proper(name, entry)

    def _load_party_government(self) -> None:
        """When each listed party was in national government (party_government.tsv)."""
        for row in read_tsv("actors/party_government.tsv", missing_ok=True):
            periods = self.party_periods.setdefault((row["party"], row["country"]), [])
            if row["role"] != "opposition":
                periods.append((row["start"], row.get("end") or None))

    def _add_named_body(self, row: dict[str, str]) -> None:
        """A named institution or group: its state and sectors, or a full code of its own
        ("IMGMUSISI" for a transnational group). A party whose spells in government are
        listed is an opposition party (OPP) out of them."""
        country = row.get("country") or None
        sectors = tuple((row.get("sectors") or "").split())
        code = row.get("code") or None
        periods = self.party_periods.get((row["name"], country or ""))
        if periods is not None and sectors == (PARTY,):
            entries = _party_entries(country, code, sorted(periods))
        else:
            entries = [Entry("body", country=country, sectors=sectors, person=code,
                             start=row.get("start") or None, end=row.get("end") or None)]
        for name in [row["name"], *split_list(row.get("aliases"))]:
            # news writes a service in the singular or the plural: "Uganda People's Defence
            # Force(s)", "Kenya Defence Force(s)"
            number = (name[:-1] if name.endswith(" Forces") else name + "s" if name.endswith(" Force") else None)
            for form in (name, number) if number else (name,):
                for entry in entries:
                    self.add_proper(form, entry)

    def _load_office_holders(self) -> None:
        surname_owners: dict[str, set[str]] = defaultdict(set)
        for row in read_tsv("actors/office_holders.tsv"):
            name = row["name"]
            term = Term(country=row["country"], office=row["office"], start=row["start"],
                        end=row.get("end") or None, code=row.get("code") or None)
            self.terms[name].append(term)
            self.holders[(term.country, term.office)].append((name, term))
            forms = [name, *split_list(row.get("aliases"))]
            # "Dinesh Tripathi" as well as "Dinesh K. Tripathi": news often drops a middle initial
            forms += [bare for form in forms if (bare := MIDDLE_INITIAL.sub(" ", form)) != form]
            for form in forms:
                self.add_proper(form, Entry("person", person=name))
                # "Erdoğan" as well as "Erdogan": every spelling gives a short form, but not a
                # word an alias adds ("Valencia" of "Jorge Luis Vargas Valencia", "Chairman" of
                # "Chairman Mao"; the primary name's words in another order are kept)
                short = self._short_name(form, term.country)
                if form != name and not any(_spells_same(short, word) for word in name.split()):
                    continue
                if len(short) > SHORTEST_SHORT_NAME or term.country in FAMILY_NAME_FIRST:
                    surname_owners[short].add(name)
                    # "Sisi" as well as "el-Sisi", "Sudani" as well as "al-Sudani"
                    bare = ARABIC_ARTICLE.sub("", short)
                    if bare != short and len(bare) > SHORTEST_SHORT_NAME:
                        surname_owners[bare].add(name)
        taken = set(self.proper)
        common = {line.strip() for line in data_path("actors/common_names.txt").read_text(
            encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
        for short, owners in surname_owners.items():
            # A short name is only safe when it names nothing else and is not a name many
            # people share ("Mohammed", "Singh", "Kim"). Office holders who share one ("Bush",
            # "Gandhi") each get an entry; the document date chooses (person_for_date).
            # ("Some" for Abel Some would read "Some 500 troops" as him; "He" for He Lifeng)
            # ("Tábora" for Rocío Tábora is the Tanzanian town "Tabora" when written without accents)
            if len(short) >= SHORTEST_SHORT_NAME and short not in taken and strip_accents(short) not in taken \
                    and short not in common \
                    and strip_accents(short).lower() not in STOP_WORDS:
                for owner in sorted(owners):
                    self.add_proper(short, Entry("person", person=owner))

    @staticmethod
    def _short_name(name: str, country: str) -> str:
        parts = [p for p in re.split(r"\s+", name) if p not in {"Jr.", "Sr.", "II", "III"}]
        if not parts or country in NO_FAMILY_NAME:
            return name
        chinese = country in CHINESE_NAME_STATES and len(parts) == 3 and all(
            CHINESE_SYLLABLE.match(part) for part in parts)
        western_order = country in FAMILY_NAME_FIRST and len(parts) == 2 and "-" not in parts[1] \
            and not FAMILY_NAME_SYLLABLE.match(parts[0])
        if western_order:
            return parts[-1]
        return parts[0] if chinese or country in FAMILY_NAME_FIRST | GIVEN_NAME_SHORT else parts[-1]

    # -- lookups --------------------------------------------------------------------------
    def sectors_of_office(self, office: str) -> tuple[str, ...]:
        return self.office_sectors.get(office, DEFAULT_OFFICE_SECTORS)

    def term_on(self, person: str, date: str | None, office: str | None = None) -> Term | None:
        """The term a person held on a date (the latest one when no date is given); of two
        held at once, the one of ``office`` when given (the title the text uses: "ISI chief
        Asim Malik" while he is also national security adviser), else the higher, and of two
        equal ones the state office over a post outside government (a minister who also runs
        the state oil company is coded as the minister)."""
        terms = self.terms.get(person, [])
        if not terms:
            return None
        if date is None:
            return max(terms, key=lambda t: t.start)
        current = [t for t in terms if t.covers(date)]
        if not current:
            return None
        return min(current, key=lambda t: (t.office != office, office_rank(t.office),
                                            GOVERNMENT_SECTOR not in self.sectors_of_office(t.office)))

    def person_for_date(self, persons: list[str], date: str | None) -> str:
        """Which of several people a shared name ("Bush", "Gandhi", "George Bush") means on a
        date: the one in office on it; else the one whose last term before it ended most
        recently; else (all terms later) the one whose term began last; with no date,
        the one who held the highest office, then the latest ("Bush" is a president, not a
        police chief)."""
        candidates = list(dict.fromkeys(persons))
        if len(candidates) == 1:
            return candidates[0]

        def latest_start(person: str) -> str:
            return max((t.start for t in self.terms.get(person, [])), default="")

        def highest_office(person: str) -> tuple[int, str]:
            return (-min((office_rank(t.office) for t in self.terms.get(person, [])),
                         default=len(OFFICE_PRIORITY)), latest_start(person))

        if date is None:
            return max(candidates, key=highest_office)
        in_office = [p for p in candidates if self.term_on(p, date) is not None]
        if in_office:
            if len(in_office) == 1:
                return in_office[0]
            # two holders on the date (a president and a prime minister sharing a surname):
            # the higher office, then the longer in it (the news shortens the name of the
            # one long in office: "Orban" in 2020 is Viktor, not Romania's new Ludovic)

            def standing(person: str) -> tuple[int, str]:
                term = self.term_on(person, date)
                return (office_rank(term.office), term.start)

            return min(in_office, key=standing)

        def last_end(person: str) -> str:
            ends = [t.end for t in self.terms.get(person, []) if t.end is not None and t.end < date]
            return max(ends, default="")

        ended = [p for p in candidates if last_end(p)]
        if ended:
            return max(ended, key=last_end)
        return max(candidates, key=latest_start)

    def person_actor(self, person: str, date: str | None, text: str = "", office: str | None = None) -> Actor:
        """The CAMEO actor of a known office holder on a date (in ``office``, when the text's
        title names one of the offices held that day)."""
        term = self.term_on(person, date, office)
        if term is not None:
            return self._actor_for_term(term, person, text)
        terms = self.terms[person]
        first = min(terms, key=lambda t: t.start)
        branch = next((s for s in (GOVERNMENT_SECTOR, BUSINESS_SECTOR) if s in self.sectors_of_office(first.office)),
                      None)
        if (date is not None and date < first.start and not first.country.startswith("IGO") and branch
                and int(first.start[:4]) - int(date[:4]) <= GOVERNMENT_APPRENTICESHIP_YEARS):
            # Shortly before a first recorded government office most people held a lesser one
            # the gazetteer does not list (a minister before defence, a governor or mayor
            # before the presidency), so they are government, not elites; so a firm's head
            # was its officer before (Huawei's finance chief before she chaired it).
            return Actor.build(first.country, (branch,), person, text)
        # Outside every recorded term: coded as one of the country's elites (a former or
        # future office holder), as CAMEO codes former officials.
        # (a state's before an organisation's: a former UN human rights chief who was Chile's
        # president is a Chilean elite)
        national = [t for t in terms if not t.country.startswith("IGO")]
        latest = max(national or terms, key=lambda t: t.start)
        if national and all(self.sectors_of_office(t.office) == (BUSINESS_SECTOR,) for t in national):
            # (one who only ever ran firms is still in business, not a former official:
            # Isabel dos Santos after she left Sonangol)
            return Actor.build(latest.country, (BUSINESS_SECTOR,), person, text)
        if latest.country.startswith("IGO"):
            return Actor.build(None, (FORMER_OFFICIAL_SECTOR,), person, text, igo=latest.country)
        return Actor.build(latest.country, (FORMER_OFFICIAL_SECTOR,), person, text)

    def _actor_for_term(self, term: Term, person: str, text: str) -> Actor:
        sectors = self.sectors_of_office(term.office)
        if term.country.startswith("IGO"):
            return Actor.build(None, (), person, text, igo=term.country)
        if term.code:
            return Actor(term.code, term.country, sectors, person, text)
        return Actor.build(term.country, sectors, person, text)

    def holders_named(self, office: str, word: str, date: str) -> set[str]:
        """The holders of an office in any state on a date whose name has ``word``: "Premier
        Li" in 2024 is Li Qiang, the one head of government of that name."""
        return {name for (_, key), held in self.holders.items() if key == office
                for name, term in held if term.covers(date) and word in name.split()}

    def holder_of(self, country: str, office: str, date: str | None) -> str | None:
        """Who held an office in a country on a date: no one when several held it at once
        ("a US senator" names no one senator; a handover day still names the office's holder)."""
        if date is None:
            return None
        covering = [(name, term) for name, term in self.holders.get((country, office), []) if term.covers(date)]
        if len({name for name, term in covering if date not in (term.start, term.end)}) > 1:
            return None
        return covering[0][0] if covering else None


def split_code(code: str) -> tuple[str, tuple[str, ...]]:
    """A CAMEO actor code as its state (or IGO code) and three-letter sectors:
    "RUSGOVMIL" -> ("RUS", ("GOV", "MIL")), "IGOUNO" -> ("IGOUNO", ())."""
    if code.startswith("IGO"):
        return code[:6], ()
    return code[:3], tuple(code[i:i + 3] for i in range(3, len(code), 3))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of this installation, loaded once per process."""
    return Gazetteer.load()


def _party_entries(country: str | None, code: str | None, periods: list[tuple[str, str | None]]) -> list[Entry]:
    """A party's entries through time: PTY in government and before the record begins, OPP
    out of government after it begins."""
    def entry(sector: str, start: str | None, end: str | None) -> Entry:
        own = code.replace(PARTY, sector) if code else None
        return Entry("body", country=country, sectors=(sector,), person=own, start=start, end=end)

    entries: list[Entry] = []
    out_since: str | None = None    # the day its last spell in government ended
    if not periods or periods[0][0] > PARTY_RECORD_START:
        entries.append(entry(PARTY, None, PARTY_RECORD_START))
        out_since = PARTY_RECORD_START
    for start, end in periods:
        if out_since is not None and out_since < start:
            entries.append(entry(OPPOSITION, out_since, start))
        # (a spell begun before the record opens holds from the beginning)
        entries.append(entry(PARTY, start if entries else None, end))
        out_since = end
        if end is None:
            break
    if out_since is not None:
        entries.append(entry(OPPOSITION, out_since, None))
    return entries


def state_existed(code: str, date: str | None) -> bool:
    """Whether a state still existed on a date: the Soviet Union did not after 1991 (ISO 3166-3
    withdrawal dates, via pycountry)."""
    dissolved = pycountry.historic_countries.get(alpha_3=code)
    withdrawn = getattr(dissolved, "withdrawal_date", None) if dissolved is not None else None
    return withdrawn is None or date is None or date < withdrawn


def _spells_same(word: str, other: str) -> bool:
    """Whether two short names are spellings of one name ("Erdoğan", "Erdogan"; "Zelenskyy",
    "Zelensky"; "al-Sisi", "Sisi"): the same first letters once accents and articles are gone."""
    def bare(text: str) -> str:
        return ARABIC_ARTICLE.sub("", strip_accents(text)).lower()
    return bare(word)[:3] == bare(other)[:3]
