#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_isolation.sh — hostile documents never reach the network: an HTML
# page with an external DTD, entities, stylesheets, scripts, images and
# frames on a server, an XHTML page with an external entity, and a PDF
# whose open action, links and launch actions point at one, read with a
# shim (tests/no_network.so) that logs and refuses every network socket.
# A positive control proves the shim sees sockets.
set -u
TEST_NAME=isolation
. "$(dirname "$0")/testlib.sh"
PY=/usr/bin/python3
SHIM="$top_builddir/tests/no_network.so"
[ -f "$SHIM" ] || { fail "no $SHIM"; finish; exit 1; }
# An instrumented slaxtract (--enable-sanitizers) lets the shim come first.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
export ASAN_OPTIONS

URL=http://127.0.0.1:9
cat >"$T/page.html" <<HTML
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "$URL/xhtml1-strict.dtd">
<html><head><link rel="stylesheet" href="$URL/s.css"><script src="$URL/a.js"></script>
<base href="$URL/"><meta http-equiv="refresh" content="0; url=$URL/r"></head>
<body><img src="$URL/i.png"><iframe src="$URL/f.html"></iframe><object data="$URL/o"></object>
<table><tr><th>No.</th><th>項目</th><th>回答</th></tr>
<tr><td>1</td><td>サービス時間</td><td>24時間365日 <a href="$URL/x">詳細</a></td></tr></table>
</body></html>
HTML
cat >"$T/entity.html" <<HTML
<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY ext SYSTEM "$URL/e.txt"><!ENTITY % p SYSTEM "$URL/p.dtd"> %p;]>
<html><body><table><tr><th>No.</th><th>項目</th><th>回答</th></tr>
<tr><td>1</td><td>サービス時間</td><td>&ext;</td></tr></table></body></html>
HTML
"$PY" - "$T/actions.pdf" "$URL" <<'PYEOF'
import sys
path, url = sys.argv[1], sys.argv[2]
objs = [
    "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (%s/open) >> "
    "/AA << /WC << /S /Launch /F (%s/close.sh) >> >> >>" % (url, url),
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 7 0 R] >>",
    None,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Annot /Subtype /Link /Rect [50 750 300 770] /A << /S /URI /URI (%s/link) >> >>" % url,
    "<< /Type /Annot /Subtype /Link /Rect [50 700 300 720] /A << /S /GoToR /F (%s/remote.pdf) /D [0 /Fit] >> >>" % url,
]
content = b"BT /F1 12 Tf 50 760 Td (1 Service hours 24/7) Tj ET"
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, start=1):
    offsets.append(len(out))
    if o is None:
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (i, len(content)) + content + b"\nendstream\nendobj\n"
    else:
        out += b"%d 0 obj\n" % i + o.encode() + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(path, "wb").write(out)
PYEOF

rm -f "$T/net"
SLX_NETWORK_LOG="$T/net" LD_PRELOAD="$SHIM" "$SLX" "$T/page.html" "$T/entity.html" "$T/actions.pdf" \
    >"$T/out" 2>"$T/err"; st=$?
check "three hostile documents read: three records" '[ $st -le 1 ] && [ $(wc -l <"$T/out") -eq 3 ]'
check "the HTML page's table is read" 'head -1 "$T/out" | grep -q "\"id\":\"1\""'
check "no network socket asked for" '! grep -q "inet" "$T/net" 2>/dev/null'
check "the external entity was not fetched into the answer" '! sed -n 2p "$T/out" | grep -q "e.txt\"*[^\"]*http"'
# The control: the shim does see a program that opens a socket.
SLX_NETWORK_LOG="$T/control" LD_PRELOAD="$SHIM" "$PY" -c \
    'import socket
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass' 2>/dev/null
check "control: the shim logs a program's network socket" 'grep -q "socket inet" "$T/control"'
finish
