#!/usr/bin/env python3
"""ingest_gen.py: writes a synthetic news corpus for attache-index tests and
benchmarks: plain-text files (with titles, date markers, datelines and
boilerplate, as scraped) or JSON Lines. Deterministic for a given seed.

    ingest_gen.py [--jsonl] [--seed N] [--files-per-dir N] DIR MEGABYTES
"""
import argparse
import json
import os
import random

COUNTRIES_IT = ["Russia", "Bielorussia", "Ucraina", "Turchia", "Armenia", "Azerbaigian",
                "Stati Uniti", "Cina", "Francia", "Germania", "Italia", "Iran", "Siria",
                "Libia", "Kazakistan", "Polonia", "Serbia", "Georgia", "Moldavia", "India"]
CAPITALS_IT = ["Mosca", "Minsk", "Kiev", "Ankara", "Erevan", "Baku", "Washington", "Pechino",
               "Parigi", "Berlino", "Roma", "Teheran", "Damasco", "Tripoli"]
PERSONS = ["Vladimir Putin", "Alexander Lukashenko", "Recep Tayyip Erdogan", "Sergei Shoigu",
           "Emmanuel Macron", "Olaf Scholz", "Xi Jinping", "Joe Biden"]
VERBS_COOP = ["ha firmato un accordo con", "ha rafforzato la cooperazione militare con",
              "ha avviato esercitazioni congiunte con", "ha incontrato i vertici di"]
VERBS_CONF = ["ha accusato", "ha condannato le azioni di", "ha imposto sanzioni contro",
              "ha minacciato", "ha bombardato le posizioni di"]
FILLER = ["Secondo fonti diplomatiche, i colloqui sono durati diverse ore.",
          "Il portavoce del ministero ha confermato la notizia in conferenza stampa.",
          "Gli analisti ritengono che la decisione avrà conseguenze nella regione.",
          "La notizia è stata diffusa dalle agenzie internazionali nel pomeriggio.",
          "Non sono stati resi noti ulteriori dettagli sull'incontro."]
BOILER = ["Contenuto Pubblicitario", "Lascia un commento",
          "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
          "Autore foto: Redazione", "Iscriviti alla nostra newsletter"]
AGENCIES = ["askanews", "ANSA", "AGI", "Adnkronos"]


def sentence(r):
    a = r.choice(COUNTRIES_IT + CAPITALS_IT)
    b = r.choice(COUNTRIES_IT + CAPITALS_IT)
    if r.random() < 0.3:
        return r.choice(FILLER)
    who = r.choice(PERSONS) if r.random() < 0.3 else a
    verb = r.choice(VERBS_COOP if r.random() < 0.5 else VERBS_CONF)
    return f"{who} {verb} {b}, secondo quanto riferito da fonti ufficiali."


def article(r, i):
    title = f"{r.choice(COUNTRIES_IT)} e {r.choice(COUNTRIES_IT)}: notizia numero {i}"
    paras = []
    for _ in range(r.randint(3, 9)):
        paras.append(" ".join(sentence(r) for _ in range(r.randint(2, 6))))
    y, m, d = r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28)
    return title, paras, f"{y:04d}-{m:02d}-{d:02d}", r.choice(AGENCIES)


def plain(r, i):
    title, paras, date, agency = article(r, i)
    kind = r.randint(0, 3)
    lines = []
    if kind == 0:
        lines += [title, "", title, ""]
    elif kind == 1:
        lines += [f" date {date[:7]} " + paras.pop(0), ""]
    elif kind == 2:
        lines += [title, "", f"Roma, {int(date[8:])} nov. ({agency}) – " + paras.pop(0), ""]
    else:
        lines += ["Contenuto Pubblicitario", title, "", title, ""]
    for p in paras:
        lines += [p, ""]
        if r.random() < 0.1:
            lines += [r.choice(BOILER), ""]
    if r.random() < 0.3:
        lines += ["AGI", ""]
    eol = "\r\n" if r.random() < 0.1 else "\n"
    return eol.join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files-per-dir", type=int, default=500)
    ap.add_argument("dir")
    ap.add_argument("megabytes", type=float)
    a = ap.parse_args()
    r = random.Random(a.seed)
    target = int(a.megabytes * 1e6)
    os.makedirs(a.dir, exist_ok=True)
    done, i = 0, 0
    if a.jsonl:
        with open(os.path.join(a.dir, "corpus.jsonl"), "w", encoding="utf-8") as f:
            while done < target:
                title, paras, date, agency = article(r, i)
                line = json.dumps({"id": f"g{i}", "title": title, "date": date + "T10:00:00Z",
                                   "source": agency, "text": "\n\n".join(paras)},
                                  ensure_ascii=False) + "\n"
                f.write(line)
                done += len(line.encode())
                i += 1
    else:
        while done < target:
            sub = os.path.join(a.dir, f"d{i // a.files_per_dir:04d}")
            os.makedirs(sub, exist_ok=True)
            text = plain(r, i)
            with open(os.path.join(sub, f"a{i:07d}.txt"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            done += len(text.encode())
            i += 1
    print(i)


if __name__ == "__main__":
    main()
