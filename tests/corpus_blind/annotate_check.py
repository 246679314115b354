#!/usr/bin/env python3
"""Check the hand-made annotations of the blind test corpus against the texts.

Adapted from tests/corpus/annotate_check.py for tests/corpus_blind/ (see README.md,
"Changes to the checker"): its own EXEMPT list; money units JPY, INR, marks; more number
words (lakh, crore, Russian collective numerals двое/трое/оба...); a superscript digit
after a full stop no longer counts as "inside a number"; a measure unit written
directly after the digits ('75ml', '-10C') is allowed after a span.

For every X.txt in this folder there must be an X.jsonl.  The script verifies that:

* each record has exactly the documented fields, with valid types and enum values;
* the record's `text` occurs at its `line` (1-based) and `col` (0-based, in Unicode
  characters; lines are split on "\\n" only) and does not start or end inside a word
  or a number;
* `value`, `low`, `high`, `qualifier`, `vague`, `is_claim` and `category` agree with
  each other (see README.md for the conventions);
* records are sorted by position and their spans do not overlap;
* every number-like token of the text (any digit, including superscripts; an
  English or Russian number word; a Roman numeral) lies inside some annotated span,
  unless it is listed in EXEMPT below with a reason.

It only checks and reports; it changes nothing.  Run: python3 annotate_check.py
Exit status 0 when everything holds, 1 otherwise.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = ["file", "line", "col", "text", "value", "low", "high", "unit", "qualifier",
          "is_claim", "category", "vague", "note"]
QUALIFIERS = {"exact", "about", "over", "under", "at_least", "at_most", "almost", "range"}
CLAIM_CATEGORIES = {"count", "percent", "fraction", "multiplier", "duration", "age", "rate",
                    "money", "measure"}
NONCLAIM_CATEGORIES = {"year", "year_range", "date", "time", "ordinal", "footnote", "page",
                       "slide_counter", "list_number", "identifier", "relative_time"}
# Non-claim categories whose records carry no number (value, low and high are null).
NULL_VALUE_CATEGORIES = {"date", "time", "identifier", "slide_counter"}

# Number-like tokens that are deliberately not annotated: (file, line, token, reason).
EXEMPT = [
    ("bulletin_factbox_en.txt", 16, "²", "unit exponent in 'km²', not a footnote"),
    ("table_text_en.txt", 3, "thousand", "scale label of the table ('figures are in thousand tonnes'), no figure"),
    ("table_text_en.txt", 5, "thousand", "scale label in the table caption ('thousand tonnes'), no figure"),
]
# Money units accepted for category 'money' (the original checker: USD, GBP, EUR, RUB).
MONEY_UNITS = ("USD", "GBP", "EUR", "RUB", "JPY", "INR", "marks")  # 'marks': invented historical currency
# Unit abbreviations that may follow a span's last digit directly, with no space
# ('75ml', '200lbs', '-10C', '4C'): the unit is not part of the span.
ATTACHED_UNITS = {"ml", "mg", "lbs", "kg", "km", "cm", "mm", "C"}

EN_WORDS = set("""zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions bn
trillion dozen dozens half halves halved quarter quarters third thirds fifth fifths twice
double doubled triple tripled twofold threefold fourfold tenfold once first second tenth
several few handful lakh lakhs crore crores""".split())
RU_EXACT = set("""один одна одно одну два две двух три трёх трех пять сто двести триста
пятьсот пятисот треть вдвое втрое тыс млн млрд двое трое четверо оба обе обоих обеих""".split())
RU_PREFIXES = ("четыр", "пят", "шест", "семь", "восем", "девят", "десят", "двадцат",
               "тридцат", "сорок", "тысяч", "миллион", "миллиард", "полтор", "полутор",
               "половин", "четверт", "перв", "втор", "трет", "несколько", "дюжин")
ROMAN = re.compile(r"^(?:[IVXLCDM]{2,}|[ХI]{2,})$")  # Latin numerals, or Cyrillic Х look-alikes
WORD = re.compile(r"[^\W\d_]+")
# Runs of digits, including superscripts and other No-category digits ('¹', '²').
DIGITS = re.compile(r"[\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u00bc-\u00be\u2150-\u215e]+")


def is_word_char(c):
    """Letters and decimal digits; superscript digits (category No) do not count."""
    return c.isalpha() or unicodedata.category(c) == "Nd"


def is_number_word(tok):
    low = tok.lower()
    if low in EN_WORDS or low in RU_EXACT:
        return True
    if any(low.startswith(p) for p in RU_PREFIXES):
        return True
    return bool(ROMAN.match(tok))


def number_like_tokens(line):
    """Yield (start, end, token) for every number-like token of one line."""
    for m in DIGITS.finditer(line):
        yield m.start(), m.end(), m.group()
    for m in WORD.finditer(line):
        if is_number_word(m.group()):
            yield m.start(), m.end(), m.group()


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_record(r, lines, errs, where):
    if list(r.keys()) != FIELDS:
        errs.append(f"{where}: fields {list(r.keys())} != {FIELDS}")
        return False
    text, line, col = r["text"], r["line"], r["col"]
    if not isinstance(text, str) or not text or "\n" in text:
        errs.append(f"{where}: bad text {text!r}")
        return False
    if not (isinstance(line, int) and 1 <= line <= len(lines)):
        errs.append(f"{where}: line {line} out of range")
        return False
    s = lines[line - 1]
    if not isinstance(col, int) or s[col:col + len(text)] != text:
        errs.append(f"{where}: text {text!r} not at line {line} col {col} "
                    f"(found {s[col:col + len(text)]!r})")
        return False
    end = col + len(text)
    if is_word_char(text[0]) and col > 0 and is_word_char(s[col - 1]):
        errs.append(f"{where}: {text!r} starts inside a word")
    if is_word_char(text[-1]) and end < len(s) and is_word_char(s[end]):
        tail = WORD.match(s, end)
        attached = (text[-1].isdigit() and tail is not None
                    and tail.group() in ATTACHED_UNITS)
        if not attached:
            errs.append(f"{where}: {text!r} ends inside a word")
    if (unicodedata.category(text[0]) == "Nd" and col >= 2 and s[col - 1] in ".,"
            and unicodedata.category(s[col - 2]) == "Nd"):
        errs.append(f"{where}: {text!r} starts inside a number")
    if (unicodedata.category(text[-1]) == "Nd" and end + 1 < len(s) and s[end] in ".,"
            and unicodedata.category(s[end + 1]) == "Nd"):
        errs.append(f"{where}: {text!r} ends inside a number")

    v, lo, hi, q, cat = r["value"], r["low"], r["high"], r["qualifier"], r["category"]
    if q not in QUALIFIERS:
        errs.append(f"{where}: bad qualifier {q!r}")
    if not isinstance(r["is_claim"], bool) or not isinstance(r["vague"], bool):
        errs.append(f"{where}: is_claim and vague must be booleans")
    if r["is_claim"] and cat not in CLAIM_CATEGORIES:
        errs.append(f"{where}: claim with non-claim category {cat!r}")
    if not r["is_claim"] and cat not in NONCLAIM_CATEGORIES:
        errs.append(f"{where}: non-claim with claim category {cat!r}")
    if not isinstance(r["unit"], str) or not r["unit"]:
        errs.append(f"{where}: unit must be a non-empty string")
    if r["note"] is not None and not isinstance(r["note"], str):
        errs.append(f"{where}: note must be a string or null")
    for name, x in (("value", v), ("low", lo), ("high", hi)):
        if x is not None and not is_num(x):
            errs.append(f"{where}: {name} must be a number or null")
            return True
    if v is not None:
        if lo != v or hi != v:
            errs.append(f"{where}: value {v} but low/high {lo}/{hi}")
        if q == "range" or r["vague"]:
            errs.append(f"{where}: a range or vague amount must have value null")
    elif cat in NULL_VALUE_CATEGORIES and (lo is not None or hi is not None):
        errs.append(f"{where}: {cat} records carry no number")
    elif cat not in NULL_VALUE_CATEGORIES:
        if lo is None or hi is None or not lo < hi:
            errs.append(f"{where}: value null needs low < high (got {lo}, {hi})")
        if r["is_claim"] and not (q == "range" or (r["vague"] and q == "about")):
            errs.append(f"{where}: claim with null value must be a range or vague 'about'")
    if q == "range" and v is not None:
        errs.append(f"{where}: qualifier range with a value")
    if cat == "percent" and r["unit"] not in ("percent", "percentage points"):
        errs.append(f"{where}: percent with unit {r['unit']!r}")
    if cat == "fraction" and (r["unit"] != "fraction" or v is None or not 0 < v < 1):
        errs.append(f"{where}: fraction must have unit 'fraction' and 0 < value < 1")
    if cat == "money" and r["unit"] not in MONEY_UNITS:
        errs.append(f"{where}: money with unit {r['unit']!r}")
    return True


def check_file(txt_name, errs):
    base = txt_name[:-4]
    with open(os.path.join(HERE, txt_name), encoding="utf-8", newline="") as f:
        body = f.read()
    lines = body.split("\n")
    jpath = os.path.join(HERE, base + ".jsonl")
    if not os.path.exists(jpath):
        errs.append(f"{txt_name}: missing {base}.jsonl")
        return None
    records = []
    with open(jpath, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if raw.strip():
                records.append((n, json.loads(raw)))
    spans = []
    for n, r in records:
        where = f"{base}.jsonl:{n}"
        if r.get("file") != txt_name:
            errs.append(f"{where}: file {r.get('file')!r} != {txt_name!r}")
        if check_record(r, lines, errs, where):
            spans.append((r["line"], r["col"], r["col"] + len(r["text"]), where))
    for a, b in zip(spans, spans[1:]):
        if (b[0], b[1]) < (a[0], a[1]):
            errs.append(f"{b[3]}: records out of order")
        elif a[0] == b[0] and b[1] < a[2]:
            errs.append(f"{b[3]}: span overlaps {a[3]}")
    covered = {}
    for ln, c0, c1, _ in spans:
        covered.setdefault(ln, []).append((c0, c1))
    exempt = {(ln, tok) for f, ln, tok, _ in EXEMPT if f == txt_name}
    for ln, s in enumerate(lines, 1):
        for start, end, tok in number_like_tokens(s):
            if any(c0 <= start and end <= c1 for c0, c1 in covered.get(ln, [])):
                continue
            if (ln, tok) in exempt:
                continue
            errs.append(f"{txt_name}:{ln}:{start}: number-like token {tok!r} not annotated")
    claims = sum(1 for _, r in records if r.get("is_claim") is True)
    return claims, len(records) - claims


def main():
    errs = []
    names = sorted(n for n in os.listdir(HERE) if n.endswith(".txt"))
    for name in names:
        counts = check_file(name, errs)
        if counts:
            print(f"{name:24} claims {counts[0]:3}  non-claims {counts[1]:3}")
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} error(s)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
