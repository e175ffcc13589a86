#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_mutations.sh — damaged documents never stop the batch: 300 corpus
# documents with bytes flipped, cut, or markup, quotes, NULs and broken
# UTF-8 inserted (fixed seed, so the run is repeatable).  slaxtract must
# exit 0 or 1, write one valid JSON record per input in order, and each
# record has either an error or a result.
set -u
TEST_NAME=mutations
. "$(dirname "$0")/testlib.sh"
PY=/usr/bin/python3

"$PY" - "$top_srcdir/corpus" "$T" <<'PYEOF'
import glob, os, random, sys
random.seed(20261122)
srcs = sorted(f for f in glob.glob(os.path.join(sys.argv[1], "*")) if os.path.isfile(f))
inserts = [b"\t", b"\n", b'"', b"<td>", b"<table>", b"</tr>", b"\x00", b"\xe3\x80", b"\\",
           b"|", b"<td rowspan=999 colspan=999>", b"<h3>1.1 ", b"\xef\xbb\xbf", b"\x1b$B",
           b"TLS1.", b"%%%%%", b"9" * 50, b"<div>" * 600, b"&#x110000;", b"\r"]
for i in range(300):
    data = bytearray(open(random.choice(srcs), "rb").read())
    for _ in range(random.randint(1, 30)):
        op = random.random()
        if op < 0.4 and data:
            data[random.randrange(len(data))] = random.randrange(256)
        elif op < 0.6 and data:
            p = random.randrange(len(data))
            del data[p:p + random.randint(1, 200)]
        elif op < 0.85:
            p = random.randrange(len(data) + 1)
            data[p:p] = random.choice(inserts)
        else:
            data = data[:random.randrange(len(data) + 1)]
    open(os.path.join(sys.argv[2], "m_%03d" % i), "wb").write(bytes(data))
PYEOF

"$SLX" "$T"/m_* > "$T/out.jsonl" 2> "$T/err"; st=$?
check "exit 0 or 1 (got $st)" '[ $st -eq 0 ] || [ $st -eq 1 ]'
check "one record per document" '[ $(wc -l < "$T/out.jsonl") -eq 300 ]'
"$PY" - "$T/out.jsonl" "$T" <<'PYEOF' > "$T/verdict"
import json, os, sys
bad = 0
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
for i, line in enumerate(lines):
    try:
        d = json.loads(line)
    except ValueError as e:
        print("line %d is not JSON: %s" % (i + 1, e)); bad += 1; continue
    if d["file"] != os.path.join(sys.argv[2], "m_%03d" % i):
        print("line %d is for %s" % (i + 1, d["file"])); bad += 1
    if d["error"] is None and not (d["items"] or d["extra_items"]):
        print("line %d has neither an error nor rows" % (i + 1)); bad += 1
print("bad", bad)
PYEOF
check "every record valid JSON, in order, error or result" 'grep -q "^bad 0$" "$T/verdict"' || cat "$T/verdict"
# Poppler's Cairo font engine prints a damaged font's failure straight to
# stderr ("some font thing failed", an fprintf with no API to silence it),
# and so does libjpeg a damaged scan's image ("Corrupt JPEG data: …", its
# default message handler under Poppler's DCT decoder); beside them, only
# our own lines: a failed document named, the summary.
grep -v -x -e "some font thing failed" -e "font type [0-9]* not handled" \
    -e "Corrupt JPEG data: .*" "$T/err" |
    grep -v "^slaxtract: " > "$T/ours"
check "nothing on stderr but Poppler's font messages and ours" '[ ! -s "$T/ours" ]' || head -5 "$T/ours"
finish
