"""The prefilter blanks sentences that cannot yield an event, keeping every offset."""
from __future__ import annotations

import pytest

from comity.pipeline import Coder


@pytest.fixture(scope="module")
def prefilter():
    return Coder().prefilter


STORY = ("MOSCOW, March 17 - Russia expelled 23 British diplomats on Saturday. "
         "The weather in the capital was mild. ")


def test_sentences_without_two_actors_are_blanked_in_place(prefilter) -> None:
    text = STORY + "The ceremony lasted an hour."
    filtered = prefilter.apply(text)
    assert len(filtered.text) == len(text)
    assert "ceremony" not in filtered.text and "expelled" in filtered.text
    assert filtered.sentences == 3 and filtered.kept == 2


def test_one_actor_and_a_verb_aimed_at_the_story_s_other_side_is_kept(prefilter) -> None:
    text = STORY + "Russia has denied any involvement."
    filtered = prefilter.apply(text)
    assert "denied any involvement" in filtered.text


def test_one_actor_and_a_weapon_is_kept(prefilter) -> None:
    text = STORY + "India signed a contract for five S-400 systems."
    assert "S-400" in prefilter.apply(text).text


def test_a_sentence_naming_the_story_s_two_parties_at_once_is_kept(prefilter) -> None:
    text = STORY + "The two sides will resume diplomatic relations."
    filtered = prefilter.apply(text)
    assert "resume diplomatic relations" in filtered.text


def test_a_short_sentence_opened_by_an_actor_is_kept(prefilter) -> None:
    # it brings on stage the state whose unnamed officials the next sentence quotes
    text = STORY + "\n\nLondon reacted angrily.\n\nA spokeswoman for the prime minister said so."
    filtered = prefilter.apply(text)
    assert "London reacted angrily." in filtered.text
    long_one = STORY + "London reacted angrily on Saturday evening after a long and very quiet week of waiting."
    assert "London reacted" not in prefilter.apply(long_one).text


@pytest.mark.parametrize("told, kept, blanked", [
    # "the decision": the act told before, and its doer the second party
    ("Britain said the decision was unjustified. "
     "Britain said on Sunday that a decision on the response would come soon.",
     "the decision was unjustified", "would come soon"),
    # "Singh" alone is too common a name for the gazetteer, but after "Rajnath Singh" it is the
    # person the story named, and the sentence keeps the subject a later "he" means
    ("Rajnath Singh visited Mozambique. The ceremony lasted an hour. Singh arrived in Maputo on Sunday.",
     "Singh arrived in Maputo", "ceremony"),
    # a one-actor sentence that the next sentence's pronoun points back to
    ("China's coast guard gave a very different account. It said the boat had entered Chinese "
     "waters. The coast guard gave a very different account. The boat sank.",
     "China's coast guard gave", "The coast guard gave"),
], ids=["a definite act noun", "a surname named in full before", "the antecedent of a pronoun"])
def test_a_cue_keeps_its_sentence(prefilter, told: str, kept: str, blanked: str) -> None:
    filtered = prefilter.apply(STORY + told)
    assert kept in filtered.text
    assert blanked not in filtered.text


def test_a_definite_noun_for_a_deal_is_a_cue(prefilter) -> None:
    # "the package": the deal told before, and so its two sides
    text = STORY + ("After a long review that lasted most of the year, the package was approved by "
                    "Washington on Monday.")
    assert "the package was approved" in prefilter.apply(text).text
