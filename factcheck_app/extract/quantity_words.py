"""Word tables the quantity rules read: units, currencies, the words that end a
counted noun phrase, and the capitalised words before a number that are not names."""
from __future__ import annotations

# Measurement units: the unit is the word itself, not a counted noun phrase.
UNIT_WORDS = frozenset("""
km kms kilometre kilometres kilometer kilometers mile miles m metre metres meter meters cm mm ft foot feet
inch inches yard yards mph kph km/h knots kg kgs kilogram kilograms kilo kilos g gram grams lb lbs pound
pounds ounce ounces oz ton tons tonne tonnes litre litres liter liters gallon gallons barrel barrels bpd
acre acres hectare hectares sq square degree degrees °c °f celsius fahrenheit ghz mhz gb mb tb kb kw mw gw
kwh mwh gwh watts volts points point calories megawatts gigawatts megapixels
""".split())
TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year
years decade decades century centuries night nights weekend weekends quarter quarters term terms""".split())
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "usd$": "USD", "au$": "AUD", "a$": "AUD",
                  "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "nt$": "TWD",
                  "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR",
                  "r$": "BRL"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                  "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rubles": "RUB",
                  "roubles": "RUB", "francs": "CHF", "pesos": "MXN", "cent": "cents", "cents": "cents",
                  "pence": "pence", "won": "KRW"}
# Words that end a counted noun phrase: prepositions, determiners, conjunctions,
# auxiliaries, pronouns and adverbs that follow numbers in news prose.
STOP_WORDS = frozenset("""
at in on of to for from with by about into onto over under after before during since per against between
than as across through toward towards near around within without among upon via amid off up down out
the a an and or but nor that which who whom whose this these those its their his her our your my
is are was were be been being has have had will would can could may might must shall should do does did
more less also still now then so not only each apiece ago earlier later too already last next each
when where while if because although though whereas yet just even
""".split())
IRREGULAR_PLURALS = frozenset("""people aircraft police staff personnel sheep fish children men women
cattle data media feet teeth mice geese series species troops crew livestock""".split())
# Capitalised words before a number that are not names: months and weekdays
# ("June 30"), and money words that start a sentence.
NOT_NAMES = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
us uk eu""".split())
LOWER_LEAD = frozenset("""the a an in on at about only some all nearly over and but with of by for to from
around almost more less up just another its their his her our after before since while when than as
approximately roughly between among including exactly estimated those these within under every each
plus minus like unlike until whereas total only at""".split())
