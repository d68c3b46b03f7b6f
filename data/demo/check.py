#!/usr/bin/env python3
"""Validate the attache demo corpus (data/demo/demo.jsonl) and print counts.

Checks: every line is a JSON object; required fields present and non-empty;
unique ids of the form demo-NNN; ISO dates (YYYY-MM-DD) within 2015-2025;
lang in {it, en}; text between 120 and 300 words; paragraphs separated by a
blank line.  Also prints articles per language and source, and a rough count
of the countries mentioned (with a small built-in list of names and
demonyms) and of the country pairs named in the same article and sentence.

Usage: python3 data/demo/check.py [path/to/demo.jsonl]
Exit status 0 if the corpus is valid, 1 otherwise.  Python 3 stdlib only.
"""
import collections
import datetime
import itertools
import json
import os
import re
import sys

REQUIRED = ("id", "title", "date", "source", "lang", "text")
LANGS = {"it", "en"}
MIN_WORDS, MAX_WORDS = 120, 300
MIN_YEAR, MAX_YEAR = 2015, 2025

# Rough gazetteer, only for the statistics: country -> surface forms.
# Forms are '|'-separated; a form ending in '*' matches any ending (russ* -> russo, russa, russi, russe).
COUNTRIES = {
    "Afghanistan": "Afghanistan|afghan*|Afghan*",
    "Algeria": "Algeria|algerin*",
    "Armenia": "Armenia|armen*|Armenian*",
    "Australia": "Australia|australian*",
    "Austria": "Austria",
    "Azerbaijan": "Azerbaigian|Azerbaijan|azer*|Azerbaijani*",
    "Bahrain": "Bahrain|Bahraini",
    "Belarus": "Bielorussia|Belarus|bielorus*|Belarusian*",
    "Brazil": "Brasile|Brazil|brasilian*|Brazilian*",
    "Burkina Faso": "Burkina",
    "Canada": "Canada",
    "Chad": "Ciad|Chad|Chadian",
    "China": "Cina|China|cines*|Chinese",
    "Côte d'Ivoire": "Côte d'Ivoire",
    "Cyprus": "Cipro|Cyprus",
    "Denmark": "Danimarca|Denmark|danes*",
    "Egypt": "Egitto|Egypt|egizian*|Egyptian*",
    "Eritrea": "Eritrea",
    "Ethiopia": "Etiopia|Ethiopia|Ethiopian*",
    "Finland": "Finlandia|Finland|finlandes*|Finnish",
    "France": "Francia|France|frances*|French",
    "Germany": "Germania|Germany|tedesc*|German",
    "Greece": "Grecia|Greece|grec*|Greek",
    "Hungary": "Ungheria|Hungary|unghers*|Hungarian*",
    "India": "India|indian*|Indian*",
    "Indonesia": "Indonesia|Indonesian*",
    "Iran": "Iran|iranian*|Iranian*",
    "Iraq": "Iraq",
    "Israel": "Israele|Israel|israelian*|Israeli*",
    "Italy": "Italia|Italy|italian*|Italian*",
    "Japan": "Giappone|Japan",
    "Jordan": "Giordania|Jordan",
    "Kazakhstan": "Kazakistan|Kazakhstan|kazak*",
    "Kenya": "Kenya|Kenyan",
    "Kyrgyzstan": "Kirghizistan",
    "Lebanon": "Libano|Lebanon",
    "Libya": "Libia|Libya|libic*|Libyan*",
    "Lithuania": "Lituania|Lithuania",
    "Mali": "Mali",
    "New Zealand": "New Zealand",
    "Niger": "Niger|nigerin*",
    "Nigeria": "Nigerian",
    "North Korea": "Corea del Nord|North Korea|nordcorean*|North Korean*|Pyongyang",
    "Norway": "Norvegia|Norway|norveges*|Norwegian",
    "Oman": "Oman",
    "Palestine": "palestines*|Palestinian*",
    "Philippines": "filippin*|Philippines",
    "Poland": "Polonia|Poland|polacc*|Polish",
    "Qatar": "Qatar",
    "Russia": "Russia|russ*|Russian*|Soviet*|sovietic*",
    "Saudi Arabia": "Arabia Saudita|Saudi*|saudit*",
    "Senegal": "Senegal",
    "Somalia": "Somalia",
    "South Africa": "Sudafrica|South Africa*|sudafrican*",
    "South Korea": "Corea del Sud|South Korea|sudcorean*",
    "South Sudan": "South Sudan",
    "Sudan": "Sudan|sudanes*|Sudanese",
    "Sweden": "Svezia|Sweden|svedes*|Swedish",
    "Syria": "Siria|Syria|sirian*|Syrian*",
    "Tajikistan": "Tagikistan",
    "Thailand": "thailandes*|Thailand",
    "Turkey": "Turchia|Turkey|turc*|Turkish",
    "Ukraine": "Ucraina|Ukraine|ucrain*|Ukrainian*",
    "United Arab Emirates": "Emirati Arabi Uniti|United Arab Emirates|Emirati*|emiratin*|UAE",
    "United Kingdom": "Regno Unito|United Kingdom|britannic*|British",
    "United States": "Stati Uniti|United States|statunitens*|american*|American*|USA|US",
    "Vietnam": "Vietnam",
    "Yemen": "Yemen|yemenit*",
}


def build_patterns():
    pats = {}
    for country, forms in COUNTRIES.items():
        alts = []
        for form in forms.split("|"):
            if form.endswith("*"):
                alts.append(re.escape(form[:-1]) + r"\w*")
            else:
                alts.append(re.escape(form))
        pats[country] = re.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(alts))
    return pats


def countries_in(text, pats):
    return {c for c, p in pats.items() if p.search(text)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "demo.jsonl")
    errors = []
    ids = set()
    arts = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append("line %d: empty line" % n)
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append("line %d: invalid JSON: %s" % (n, e))
                continue
            if not isinstance(a, dict):
                errors.append("line %d: not an object" % n)
                continue
            missing = [k for k in REQUIRED if not isinstance(a.get(k), str) or not a[k].strip()]
            if missing:
                errors.append("line %d: missing or empty field(s): %s" % (n, ", ".join(missing)))
                continue
            extra = set(a) - set(REQUIRED)
            if extra:
                errors.append("line %d: unexpected field(s): %s" % (n, ", ".join(sorted(extra))))
            if not re.fullmatch(r"demo-\d{3}", a["id"]):
                errors.append("line %d: bad id %r" % (n, a["id"]))
            if a["id"] in ids:
                errors.append("line %d: duplicate id %s" % (n, a["id"]))
            ids.add(a["id"])
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"]):
                    raise ValueError
                d = datetime.date.fromisoformat(a["date"])
                if not MIN_YEAR <= d.year <= MAX_YEAR:
                    errors.append("line %d: date %s outside %d-%d" % (n, a["date"], MIN_YEAR, MAX_YEAR))
            except ValueError:
                errors.append("line %d: bad ISO date %r" % (n, a["date"]))
            if a["lang"] not in LANGS:
                errors.append("line %d: lang %r not in %s" % (n, a["lang"], sorted(LANGS)))
            words = len(a["text"].split())
            if not MIN_WORDS <= words <= MAX_WORDS:
                errors.append("line %d: %s has %d words (want %d-%d)" % (n, a["id"], words, MIN_WORDS, MAX_WORDS))
            if "\n" in a["text"].replace("\n\n", "") or "\n\n\n" in a["text"]:
                errors.append("line %d: paragraphs must be separated by exactly one blank line" % n)
            if a["text"] != a["text"].strip():
                errors.append("line %d: text has leading or trailing whitespace" % n)
            a["_words"] = words
            arts.append(a)

    pats = build_patterns()
    by_lang = collections.Counter(a["lang"] for a in arts)
    by_source = collections.Counter(a["source"] for a in arts)
    mentioned = collections.Counter()
    art_pairs = collections.Counter()
    sent_pairs = collections.Counter()
    for a in arts:
        body = a["title"] + "\n\n" + a["text"]
        cs = countries_in(body, pats)
        mentioned.update(cs)
        art_pairs.update(itertools.combinations(sorted(cs), 2))
        for sent in re.split(r"(?<=[.!?])\s+|\n\n", body):
            sc = countries_in(sent, pats)
            sent_pairs.update(itertools.combinations(sorted(sc), 2))
    russia = {c for p in art_pairs for c in p if "Russia" in p and c != "Russia"}
    words = [a["_words"] for a in arts]

    print("file:      %s" % path)
    print("articles:  %d (%s)" % (len(arts), ", ".join("%s %d" % kv for kv in sorted(by_lang.items()))))
    if words:
        print("words:     min %d, max %d, mean %.0f, total %d" % (min(words), max(words), sum(words) / len(words), sum(words)))
        print("dates:     %s .. %s" % (min(a["date"] for a in arts), max(a["date"] for a in arts)))
    print("sources:   %d" % len(by_source))
    for s, k in by_source.most_common():
        print("  %-22s %d" % (s, k))
    print("countries: %d mentioned (rough built-in list)" % len(mentioned))
    print("  " + ", ".join("%s %d" % kv for kv in mentioned.most_common()))
    print("pairs:     %d distinct country pairs in the same article, %d in the same sentence"
          % (len(art_pairs), len(sent_pairs)))
    print("Russia co-occurs (same article) with %d countries" % len(russia))
    if errors:
        print("\n%d error(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
