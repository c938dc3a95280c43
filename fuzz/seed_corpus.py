#!/usr/bin/env python3
"""Writes the committed seed corpora fuzz/corpus/<target>/ from seeds/*.txt,
tests/fixtures/** and hostile snippets. Re-run after changing the snippets:
    python3 fuzz/seed_corpus.py
Separator for multi-part targets: the byte 0xFF (never in UTF-8 text)."""
import glob, hashlib, os, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
SEP = b"\xff"

def rd(p):
    with open(os.path.join(ROOT, p), "rb") as f:
        return f.read()

HOSTILE = [
    "The company said revenue rose—5% to $10 billion.",
    "The strike ended Monday at 9 a.m. on Tuesday.",
    "Officials in İzmir said chips were offered in exchange for rare earths.",
    "In İzmir, prices rose 5%, wages 6% and rents —7%.",
    "In ẞtadt, prices rose 5%, wages 6% and rents —7%.",
    "IN İZMİR, PRİCES ROSE 5%, WAGES 6% AND RENTS —7%. ẞ STRAẞE ROSE 10% TO $5 BİLLİON.",
    "Tariffs were cut to 30% from 145% – a 115-point drop – on June 9–10, 2025 (Monday).",
    "He said: “We did not agree,” adding… ‘never’ — 5 per cent (5%) … 2025-06-09 (June 9).",
    "The deal (signed June 9 (Monday) (local time)) ((( ))) )))(((",
    "Revenue rose 5%-6%-7%-–—8% to $1-$2-$3 billion-",
    "—5%",
    "5—",
    "$",
    "—",
    "(",
    ")",
    "“",
    "\u0301\u0301\u0301",
    "Cafe\u0301 prices rose 5\u0301% on June\u200b 9\u200d, 2025.",
    "👩‍👩‍👧‍👦 said revenue rose 🚀5% to $10 billion on June 9 🇬🇧.",
    "中国商务部6月9日表示，关税从145%降至30%。“我们不同意，”他说。",
    "\ufeffLONDON, June 10 (Reuters) - Tariffs rose 5%.\r\rThey fell 6% on Tuesday.\r",
    "Tariffs rose 5%.\r\nThey fell 6% on Tuesday.\r\n\r\n\"Yes,\" he said.",
    "Prices rose 5%\x00 on June 9\x00, 2025.\x00",
    "Officials met at 1 p.m. local time (8 a.m. ET, 12:00 GMT, 17:30 IST) on June 9.",
    "From Monday to Wednesday, June 3-5, by April 1, on February 30, 2025 and 31/04/2025.",
    "The H2O-7 and H20 and Н20 (Cyrillic) chips and the ΗΙ0 part were sold.",
    "Mr. Lutnick, Dr. Smith and Sen. Jones said the U.S. and U.K. agreed. e.g. 5 p.c.",
    "China did not deny that rare earths were not offered in exchange for chips, he denied.",
    "\"Unclosed quote he said 5% on June 9",
    "<p>The strike ended <b>Monday</b> at 9 a.m. on <i>Tuesday</i>.</p><script>5%</script>",
    "# Title\n\n> quote 5%\n\n* list — 6%\n\n```\ncode 7%\n```\n[link 8%](http://x)\n",
]

def truncated_utf8():
    b = "In İzmir prices rose 5% — wages 6%… “ok”".encode()
    return [b[:k] for k in (4, 5, len(b) - 1, len(b) - 2)]

def big():
    h2o = b"H2O " * 2000
    dates = []
    i = 0
    while sum(len(d) + 1 for d in dates) < 20000:
        dates.append(["June 9 2025", "2025-06-10", "Monday", "9 a.m.", "10/06/2025",
                      "last week", "March 3 - 5", "5%", "$10 billion", "145 percent"][i % 10])
        i += 1
    return [h2o, " ".join(dates).encode()]

def hostile_bytes():
    out = [h.encode() for h in HOSTILE]
    out += truncated_utf8()
    out += [b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf", b"\x00", b"\r", b"\n\n\n", b"a\x80b 5% \xfe"]
    return out

def txts(pattern):
    return [rd(os.path.relpath(p, ROOT)) for p in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))]

def write(target, items):
    d = os.path.join(OUT, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for item in items:
        name = hashlib.sha1(item).hexdigest()[:16]
        with open(os.path.join(d, name), "wb") as f:
            f.write(item)

def main():
    seeds = txts("seeds/*.txt")
    fixtures_txt = [t for t in txts("tests/fixtures/**/*.txt") if t not in seeds]
    md = txts("tests/fixtures/**/*.md")
    html = txts("tests/fixtures/**/*.html")
    hostile = hostile_bytes()
    bigs = big()

    # extract: one text; `<` HTML, `#` Markdown; a leading 0x01..0x08 sets knobs.
    extract = seeds + fixtures_txt + md + html + hostile + bigs
    extract += [b"\x07" + h for h in hostile[:6]] + [b"\x06" + seeds[1]]
    write("extract", extract)

    # check: 2-4 sources split on 0xFF.
    check = [SEP.join(seeds[i:i + 2]) for i in range(0, len(seeds) - 1)]
    check += [SEP.join(fixtures_txt[i:i + 3]) for i in range(0, len(fixtures_txt), 3)]
    check += [SEP.join([html[0], md[0], fixtures_txt[0]])]
    check += [h + SEP + hostile[(i + 1) % len(hostile)] for i, h in enumerate(hostile)]
    check += [b"\x07" + SEP.join([hostile[0], hostile[1], hostile[2], hostile[3]])]
    check += [b"\x01" + seeds[0] + SEP + md[-1], bigs[0] + SEP + bigs[1][:4000]]
    write("check", check)

    # story_toml: manifests over the scratch folder's a.txt, b.txt, c.md, d.html.
    manifests = [
        b'title = "t"\ntimezone = "Europe/London"\n[[sources]]\nid = "a"\npath = "a.txt"\n'
        b'published = "2025-06-10T11:44:12+05:30"\n[[sources]]\nid = "b"\npath = "b.txt"\n'
        b'published = 2025-06-10\n[[sources]]\nid = "c"\npath = "c.md"\nrole = "draft"\n'
        b'[[sources]]\nid = "d"\npath = "./sub/../d.html"\noutlet = "D"\nurl = "http://d"\n',
        b'[[sources]]\nid = "a"\npath = "a.txt"\npublished = 2025-06-10T23:59:60Z\n',
        b'timezone = "Asia/Kolkata"\n[[sources]]\nid = "a"\npath = "a.txt"\n'
        b'[[sources]]\nid = "b"\npath = "b.txt"\npublished = "2024-02-29"\n',
        b'[[sources]]\nid = "x"\npath = "story.toml"\n[[sources]]\nid = "y"\npath = "sub"\n',
        b'[[sources]]\nid = "a"\npath = "../a.txt"\n',
        b'timezone = "Mars/Olympus"\n',
    ]
    for p in glob.glob(os.path.join(ROOT, "tests/fixtures/*/story.toml")):
        manifests.append(rd(os.path.relpath(p, ROOT)))
    manifests.append(rd("seeds/story.toml"))
    write("story_toml", manifests)

    # clean_html / clean_md: one source of that format.
    write("clean_html", html + [h for h in hostile if h.startswith(b"<")] + [
        b"<!DOCTYPE html><html><head><title>x</title></head><body><article><h1>5%</h1>"
        b"<p>Rose&mdash;5% &amp; fell &#8212;6% on June&nbsp;9 &#x1F600; &bogus; &#xD800; &#0;</p>"
        b"<p>unclosed <b><i>tags</b></i> <![CDATA[7%]]> <!-- 8% --> <br/><img alt='9%'>"
        b"</article><footer>More from us</footer></body>",
        b"<p>" * 500 + b"5%",
        b"<",
        b"<p>\xe2\x80",
        b"<script>",
        b"<p>a</p>" + "İ—ẞ—5%".encode() * 50,
    ] + md[:1])
    write("clean_md", md + [h for h in hostile if h.startswith(b"#")] + [
        b"# H\n\nText with **bold 5%** and _it 6%_ and `code 7%` and [link](x) ![img 8%](y)\n\n"
        b"| a | b |\n|---|---|\n| 5% | 6% |\n\n- [ ] task\n1. one\n\n<div>html 9%</div>\n\n---\n",
        b"> " * 200 + b"5%",
        b"*" * 300,
        b"[" * 300 + b"]" * 300,
        b"\\\n" * 50,
        "# İzmir — 5%\n\nrents —7% ẞ\u0301\u200d\r\r".encode(),
        b"```",
        b"\r\n#",
    ] + html[:1])

    # rules_dir: a rule file; after 0xFF, a byte picking the lexicon and its body.
    rules = txts("rules/*.toml")
    lex = {os.path.basename(p): rd(os.path.relpath(p, ROOT))
           for p in sorted(glob.glob(os.path.join(ROOT, "rules/lexicon/*.toml")))}
    names = sorted(lex)
    items = list(rules)
    for i, n in enumerate(names):
        items.append(rules[i % len(rules)] + SEP + bytes([i]) + lex[n])
    items += [b"", b"check = \"value-conflict\"\n", b"x" + SEP + bytes([3]) + b"[[x]]\n"]
    write("rules_dir", items)

if __name__ == "__main__":
    main()
