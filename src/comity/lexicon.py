"""The event lexicon: verb and noun patterns and the modality tables, read from ``data/events``.

Patterns are data; this module validates them against the ontology and indexes them by lemma
so the coder can look them up. Nothing here knows about any particular CAMEO code.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

from .data import read_yaml
from .ontology import Ontology, by_longest_prefix, ontology


class LexiconError(ValueError):
    """A pattern file that cannot be used (unknown code, missing field, bad value)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    kind: str                       # "verb" or "noun"
    head: str                       # lemma of the trigger word
    with_words: tuple[str, ...]     # further words that must accompany it (particles, compounds)
    objects: frozenset[str] = frozenset()
    objects_exclude: frozenset[str] = frozenset()
    targets_exclude: frozenset[str] = frozenset()   # nouns that are never the target ("reporters")
    target: tuple[str, ...] = ("object",)
    domains: tuple[tuple[str, str], ...] = ()
    doer_domains: tuple[tuple[str, str], ...] = ()   # refine by who acts ("protesters stormed")
    state_code: str | None = None   # the code when a state or its organs act ("China protested": 114)
    place_doer: bool = False        # agentless passive: the owner of the "from" place acts
    owner_doer: bool = False        # agentless passive: the owner of what is acted on acts ("X's troops will be withdrawn")
    host_place: bool = False        # agentless passive: where one is received ("in the Kremlin") is the host's
    holder_place: bool = False      # a participle: where one is held ("citizens held in Iran") holds them
    converse_code: str | None = None  # also coded the other way with this code (host 043, guest 042)
    reciprocal: bool = False
    mutual: bool = False            # CAMEO's reciprocal events: "A held talks with B" is also B->A
    no_target: bool = False
    requires_word: frozenset[str] = frozenset()
    requires_prep: frozenset[str] = frozenset()
    clause_source: bool = True
    converse: bool = False          # the subject receives: "received weapons from Germany"
    buyer_intends: bool = False     # with converse: a planned purchase is the buyer's intent
    story_target: bool = False
    pair_target: bool = False       # with no target, the story's two main states ("brokered the agreement")
    no_object_ok: bool = False
    place_target: bool = False      # with no target named, the state where it happens is one
    negative: bool = False          # a denial made by negating ("had no involvement in")
    doers: frozenset[str] = frozenset()   # the subject must be one of these ("troops left")
    doers_exclude: frozenset[str] = frozenset()   # the subject may not be one of these ("fighters flew into Syria")
    planned_only: bool = False      # coded only when planned, promised or held out ("would retaliate")
    travel: bool = False            # the one who goes: in the passive, the one carried ("was flown to Moscow")
    complements: frozenset[str] = frozenset()   # the only acts it may ask for ("invited X to visit", not "to withdraw")
    object_owner: str | None = None  # "self": the object is the doer's own ("sent its ambassador back"); "other": never
    standing: bool = False          # told in a clause that describes a party, a standing relation, no event ("rebels backed by Iran")

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (bool(self.objects), len(self.with_words), bool(self.requires_word))


@dataclass(frozen=True, slots=True)
class Modality:
    speech_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    intent_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    demand_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    cancelling_verbs: frozenset[str]
    transparent_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    deciding_verbs: frozenset[str]
    decided_roots: frozenset[str]
    falsity_words: frozenset[str]
    accusation_nouns: frozenset[str]
    blame_words: frozenset[str]
    relation_words: frozenset[str]
    preparing_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    evaluative_verbs: frozenset[str]
    approval_words: frozenset[str]
    fitting_words: frozenset[str]
    wrong_words: frozenset[str]
    praise_words: frozenset[str]
    disapproval_words: frozenset[str]
    accusing_verbs: frozenset[str]
    demand_nouns: frozenset[str]
    deadline_verbs: frozenset[str]
    deadline_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    stative_participles: frozenset[str]
    hearsay_passives: frozenset[str]
    declared_patterns: frozenset[str]
    appeal_nouns: frozenset[str]
    undergoing_verbs: frozenset[str] = frozenset()
    undergoing_copulas: frozenset[str] = frozenset()
    ranking_words: frozenset[str] = frozenset()
    ability_adjectives: frozenset[str] = frozenset()
    errand_verbs: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()
    violence_nouns: frozenset[str] = frozenset()
    draft_words: frozenset[str] = frozenset()
    voicing_verbs: frozenset[str] = frozenset()
    called_disapproval_words: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()
    phone_verbs: frozenset[str] = frozenset()
    ultimatum_markers: frozenset[str] = frozenset()
    condition_markers: frozenset[str] = frozenset()
    preventing_verbs: frozenset[str] = frozenset()
    prohibition_nouns: frozenset[str] = frozenset()
    counting_nouns: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    commitment_words: frozenset[str] = frozenset()
    committed_to: frozenset[str] = frozenset()
    generic_act_nouns: frozenset[str] = frozenset()
    speech_act_nouns: frozenset[str] = frozenset()
    judgment_nouns: frozenset[str] = frozenset()
    victim_nouns: frozenset[str] = frozenset()
    combating_verbs: frozenset[str] = frozenset()
    arrival_verbs: frozenset[str] = frozenset()
    object_control_verbs: frozenset[str] = frozenset()
    causing_verbs: frozenset[str] = frozenset()
    thanking_verbs: frozenset[str] = frozenset()
    unverified_verbs: frozenset[str] = frozenset()
    threatening_verbs: frozenset[str] = frozenset()
    feeling_participles: frozenset[str] = frozenset()
    deliberating_phrases: frozenset[str] = frozenset()
    charging_phrases: frozenset[str] = frozenset()
    effective_markers: frozenset[str] = frozenset()
    scheduled_codes: frozenset[str] = frozenset()
    dating_verbs: frozenset[str] = frozenset()
    imitation_verbs: frozenset[str] = frozenset()
    imitation_objects: frozenset[str] = frozenset()
    imitation_manners: frozenset[str] = frozenset()
    #: the verbs that tell an act a noun names ("the expulsion" points back to "expelled")
    act_noun_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    tables: dict[str, dict[str, str]] = field(default_factory=dict)

    def convert(self, table: str, code: str) -> str | None:
        """The code an action becomes under a mood: longest matching prefix wins."""
        hit = by_longest_prefix(self.tables[table], code)
        if hit is None:
            return None
        return hit if len(hit) > 2 else hit + "0"


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    domains: dict[str, frozenset[str]]
    modality: Modality
    #: arms-deal step -> (CAMEO code, the side that acts: "recipient" or "supplier", the code
    #: instead when the step's sentence calls the goods a gift)
    deal_steps: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)

    @property
    def patterns(self) -> list[Pattern]:
        return [p for group in (self.verbs, self.nouns) for ps in group.values() for p in ps]

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}


def _words(value, field_name: str, pattern_id: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise LexiconError(f"pattern {pattern_id}: {field_name} must be a list")
    return [str(v).strip().lower() for v in value if str(v).strip()]


OBJECT_OWNERS = ("self", "other")


def _object_owner(value, pattern_id: str) -> str | None:
    if value is None:
        return None
    if value not in OBJECT_OWNERS:
        raise LexiconError(f"pattern {pattern_id}: object_owner must be one of {', '.join(OBJECT_OWNERS)}")
    return str(value)


def _build(entry: dict, kind: str, onto: Ontology) -> list[Pattern]:
    pattern_id = entry.get("id")
    if not pattern_id:
        raise LexiconError(f"a {kind} pattern has no id: {entry}")
    code = str(entry.get("code", ""))
    if code not in onto:
        raise LexiconError(f"pattern {pattern_id}: unknown CAMEO code {code!r}")
    domains = entry.get("domains") or {}
    doer_domains = entry.get("doer_domains") or {}
    for domain_code in [*domains.values(), *doer_domains.values()]:
        if str(domain_code) not in onto:
            raise LexiconError(f"pattern {pattern_id}: unknown CAMEO code {domain_code!r} in domains")
    for field_name in ("state_code", "converse_code"):
        if entry.get(field_name) and str(entry[field_name]) not in onto:
            raise LexiconError(f"pattern {pattern_id}: unknown CAMEO code {entry[field_name]!r} in {field_name}")
    triggers = _words(entry.get("verbs" if kind == "verb" else "nouns"), kind + "s", pattern_id)
    if not triggers:
        raise LexiconError(f"pattern {pattern_id}: no {kind}s")
    patterns = []
    for trigger in triggers:
        words = trigger.split()
        # Verbs carry their particle after the lemma ("pull out"); nouns their modifier before
        # the head ("air strike", "phone call").
        head, extra = (words[0], words[1:]) if kind == "verb" else (words[-1], words[:-1])
        patterns.append(Pattern(
            id=str(pattern_id), code=code, kind=kind, head=head, with_words=tuple(extra),
            objects=frozenset(_words(entry.get("objects"), "objects", pattern_id)),
            objects_exclude=frozenset(_words(entry.get("objects_exclude"), "objects_exclude", pattern_id)),
            targets_exclude=frozenset(_words(entry.get("targets_exclude"), "targets_exclude", pattern_id)),
            target=tuple(_words(entry.get("target"), "target", pattern_id) or ["object"]),
            domains=tuple((str(k), str(v)) for k, v in domains.items()),
            doer_domains=tuple((str(k), str(v)) for k, v in doer_domains.items()),
            state_code=str(entry["state_code"]) if entry.get("state_code") else None,
            place_doer=bool(entry.get("place_doer", False)),
            owner_doer=bool(entry.get("owner_doer", False)),
            host_place=bool(entry.get("host_place", False)),
            holder_place=bool(entry.get("holder_place", False)),
            converse_code=str(entry["converse_code"]) if entry.get("converse_code") else None,
            reciprocal=bool(entry.get("reciprocal", False)),
            mutual=bool(entry.get("mutual", False)),
            no_target=bool(entry.get("no_target", False)),
            requires_word=frozenset(_words(entry.get("requires_word"), "requires_word", pattern_id)),
            requires_prep=frozenset(_words(entry.get("requires_prep"), "requires_prep", pattern_id)),
            clause_source=bool(entry.get("clause_source", True)),
            converse=bool(entry.get("converse", False)),
            buyer_intends=bool(entry.get("buyer_intends", False)),
            pair_target=bool(entry.get("pair_target", False)),
            story_target=bool(entry.get("story_target", False)),
            no_object_ok=bool(entry.get("no_object_ok", False)),
            place_target=bool(entry.get("place_target", False)),
            negative=bool(entry.get("negative", False)),
            doers=frozenset(_words(entry.get("doers"), "doers", pattern_id)),
            doers_exclude=frozenset(_words(entry.get("doers_exclude"), "doers_exclude", pattern_id)),
            planned_only=bool(entry.get("planned_only", False)),
            travel=bool(entry.get("travel", False)),
            complements=frozenset(_words(entry.get("complements"), "complements", pattern_id)),
            object_owner=_object_owner(entry.get("object_owner"), pattern_id),
            standing=bool(entry.get("standing", False)),
        ))
    return patterns


def load_lexicon(onto: Ontology | None = None) -> Lexicon:
    onto = onto or ontology()
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    seen_ids: set[str] = set()
    noun_file = read_yaml("events/nouns.yaml")
    for kind, entries, index in (("verb", read_yaml("events/verbs.yaml"), verbs),
                                 ("noun", noun_file["patterns"], nouns)):
        for entry in entries:
            if entry.get("id") in seen_ids:
                raise LexiconError(f"duplicate pattern id {entry.get('id')!r}")
            seen_ids.add(entry.get("id"))
            for pattern in _build(entry, kind, onto):
                index.setdefault(pattern.head, []).append(pattern)
    for index in (verbs, nouns):
        for head, patterns in index.items():
            patterns.sort(key=lambda p: p.specificity, reverse=True)
    domains = {name: frozenset(w.lower() for w in words)
               for name, words in (noun_file.get("domains") or {}).items()}
    raw = read_yaml("events/modality.yaml")
    # every word list of Modality is the modality.yaml key of the same name
    sets = {f.name: frozenset(str(w).lower() for w in raw.get(f.name, []))
            for f in fields(Modality) if f.name not in {"tables", "act_noun_verbs"}}
    act_noun_verbs = {str(noun).lower(): frozenset(str(v).lower() for v in verbs_of)
                      for noun, verbs_of in (raw.get("act_noun_verbs") or {}).items()}
    if unknown := set(act_noun_verbs) - sets["act_nouns"]:
        raise LexiconError(f"modality.yaml act_noun_verbs: not act nouns: {sorted(unknown)}")
    tables = {}
    for name in ("intent", "appeal", "demand", "refusal", "threat", "preparation"):
        table = {str(k) if str(k) != "None" else "": str(v) for k, v in (raw.get(f"{name}_codes") or {}).items()}
        for value in table.values():
            full = value if len(value) > 2 else value + "0"
            if full not in onto:
                raise LexiconError(f"modality.yaml {name}_codes: unknown CAMEO code {value!r}")
        tables[name] = table
    deal_steps = {}
    for step, entry in (read_yaml("events/deal_steps.yaml") or {}).items():
        code, side = str(entry.get("cameo", "")), str(entry.get("source", ""))
        if code not in onto or side not in {"recipient", "supplier"}:
            raise LexiconError(f"deal_steps.yaml {step}: needs a known cameo code and source "
                               f"recipient or supplier, not {entry!r}")
        gift = str(entry["as_gift"]) if entry.get("as_gift") else None
        if gift is not None and gift not in onto:
            raise LexiconError(f"deal_steps.yaml {step}: unknown as_gift code {gift!r}")
        deal_steps[str(step)] = (code, side, gift)
    modality = Modality(**sets, act_noun_verbs=act_noun_verbs, tables=tables)
    return Lexicon(verbs=verbs, nouns=nouns, domains=domains, modality=modality, deal_steps=deal_steps)


@cache
def lexicon() -> Lexicon:
    """The lexicon of this installation, loaded once per process."""
    return load_lexicon()
