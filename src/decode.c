/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.c — bytes in any Japanese encoding → UTF-8: which encoding they
 * are in is decided here; ICU converts them and guesses when nothing
 * else tells, from the module slaxtract-charset.so (charset.c), which a
 * run of UTF-8 documents never loads (README, "Speed").
 *
 * Why each step is where it is:
 * - A BOM is the only certain signal, so it goes first.
 * - Valid UTF-8 of any length is UTF-8 in practice; detection is skipped.
 * - Text that is almost all well-formed UTF-8 but has a few broken bytes is
 *   a damaged UTF-8 file, not Shift_JIS: detection would "succeed" and
 *   produce mojibake, so it is an error naming the offset instead.
 * - ucsdet needs "a few hundred bytes" (ucsdet.h), so it runs once on the
 *   whole document; below 50 confidence CP932 is the most likely truth for
 *   Japanese business documents.
 * - Every decoder stops at the first invalid sequence: a wrong guess must be
 *   reported, never papered over with U+FFFD.
 * ICU's "Shift_JIS" is ibm-943_P15A-2003, i.e. CP932 with the NEC and IBM
 * extensions (①, ㈱, ～ as U+FF5E), which is what Windows writes. */
#include "decode.h"
#include "error.h"
#include "module.h"

#include <string.h>

SLX_MODULE_CALLBACKS(decode, slx_error_quark);

#define DETECT_MIN_CONFIDENCE 50

void
slx_decoded_clear(SlxDecoded *d)
{
    g_free(d->utf8);
    memset(d, 0, sizeof *d);
}

/* Bytes that never occur in text in any of our encodings (ESC is allowed:
 * ISO-2022-JP uses it). */
static gboolean
looks_binary(const guint8 *b, gsize len)
{
    gsize n = MIN(len, 8192), ctrl = 0;
    for (gsize i = 0; i < n; i++) {
        if (b[i] == 0)
            return TRUE;
        if ((b[i] < 0x09) || (b[i] > 0x0D && b[i] < 0x20 && b[i] != 0x1B) || b[i] == 0x7F)
            ctrl++;
    }
    return ctrl * 100 > n;  /* more than 1 % control bytes */
}

static gboolean
has_iso2022jp_escapes(const guint8 *b, gsize len)
{
    static const char *const escapes[] = {"\x1b$B", "\x1b$@", "\x1b$(D", "\x1b(J", "\x1b(I"};
    /* One pass to each ESC (memchr), not one over the text per escape. */
    for (const guint8 *p = b, *end = b + len; (p = memchr(p, 0x1b, (gsize)(end - p))) != NULL; p++)
        for (gsize i = 0; i < G_N_ELEMENTS(escapes); i++) {
            gsize n = strlen(escapes[i]);
            if ((gsize)(end - p) >= n && memcmp(p, escapes[i], n) == 0)
                return TRUE;
        }
    return FALSE;
}

/* Length of the well-formed UTF-8 sequence at P (2..4), or 0. */
static gsize
utf8_seq_len(const guint8 *p, const guint8 *end)
{
    gunichar c = g_utf8_get_char_validated((const char *)p, end - p);
    if (c == (gunichar)-1 || c == (gunichar)-2 || c < 0x80)
        return 0;
    return (gsize)(g_utf8_next_char((const char *)p) - (const char *)p);
}

/* If BYTES are UTF-8 with damage, return TRUE and the offset of the first
 * broken byte.  The test: at least 90 % of the non-ASCII bytes form
 * well-formed sequences.  Shift_JIS and EUC-JP text form valid sequences
 * only by accident, far below that ratio. */
static gboolean
is_damaged_utf8(const guint8 *b, gsize len, gsize *first_bad)
{
    gsize high = 0, in_seq = 0, bad = 0;
    const guint8 *end = b + len;
    *first_bad = 0;
    for (const guint8 *p = b; p < end;) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        gsize n = utf8_seq_len(p, end);
        if (n > 0) {
            high += n;
            in_seq += n;
            p += n;
        } else {
            if (bad++ == 0)
                *first_bad = (gsize)(p - b);
            high++;
            p++;
        }
    }
    return bad > 0 && in_seq >= 6 && in_seq * 10 >= high * 9;
}

/* ICU converter name → the name written in the output. */
static const char *
canonical_name(const char *icu_name)
{
    static const char *const names[] = {
        "UTF-8", "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP", "ISO-2022-JP",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(icu_name, names[i]) == 0)
            return names[i];
    return NULL;
}

/* ICU's converters and detector, from the module slaxtract-charset.so
 * (charset.c), loaded by the first document that is not UTF-8 or ASCII. */
static const SlxCharsetModule *
decode_charset(GError **error)
{
    return slx_module_table("charset", SLX_CHARSET_MODULE, "the charset converter",
                            SLX_ERROR_DECODE, error);
}

static gboolean
convert(const guint8 *b, gsize len, const char *charset, SlxDecoded *out, GError **error)
{
    const SlxCharsetModule *m = decode_charset(error);
    return m != NULL && m->to_utf8(b, len, charset, out, error);
}

gboolean
slx_decode(const guint8 *b, gsize len, SlxDecoded *out, GError **error)
{
    return slx_decode_full(b, len, NULL, FALSE, out, error);
}

gboolean
slx_decode_full(const guint8 *b, gsize len, const char *declared, gboolean markup,
                SlxDecoded *out, GError **error)
{
    memset(out, 0, sizeof *out);

    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        b += 3;
        len -= 3;
        out->encoding = "UTF-8";
        if (!g_utf8_validate_len((const char *)b, len, NULL)) {
            const char *bad;
            g_utf8_validate_len((const char *)b, len, &bad);
            g_set_error(error, SLX_ERROR, SLX_ERROR_INVALID_UTF8,
                        "invalid UTF-8 at offset %" G_GSIZE_FORMAT,
                        (gsize)((const guint8 *)bad - b) + 3);
            return FALSE;
        }
        out->utf8 = g_strndup((const char *)b, len);
        out->len = len;
        return TRUE;
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        out->encoding = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        return convert(b + 2, len - 2, out->encoding, out, error);
    }
    /* ISO-2022-JP is 7-bit, so it is also valid UTF-8: its escape
     * sequences (JIS X 0208, 0212, JIS-Roman) must be seen first. */
    if (has_iso2022jp_escapes(b, len)) {
        out->encoding = "ISO-2022-JP";
        return convert(b, len, out->encoding, out, error);
    }
    if (looks_binary(b, len)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_BINARY,
                    "binary data: not a text, HTML, e-mail, PDF or workbook document");
        return FALSE;
    }
    if (g_utf8_validate_len((const char *)b, len, NULL)) {
        out->encoding = "UTF-8";
        out->utf8 = g_strndup((const char *)b, len);
        out->len = len;
        return TRUE;
    }
    gsize bad_at;
    if (is_damaged_utf8(b, len, &bad_at)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_INVALID_UTF8,
                    "invalid UTF-8 at offset %" G_GSIZE_FORMAT
                    " (the rest of the document is UTF-8)", bad_at);
        return FALSE;
    }

    /* A declared charset (HTML <meta>) comes after the UTF-8 check, because
     * UTF-8 Japanese often decodes "cleanly" as Shift_JIS while the reverse
     * is rare; and it is trusted only when the bytes decode in it without
     * error: pages saved by another tool keep a stale meta. */
    const char *decl = declared ? canonical_name(declared) : NULL;
    if (decl == NULL && declared &&
        (!g_ascii_strcasecmp(declared, "Windows-31J") || !g_ascii_strcasecmp(declared, "CP932") ||
         !g_ascii_strcasecmp(declared, "x-sjis") || !g_ascii_strcasecmp(declared, "MS932") ||
         !g_ascii_strcasecmp(declared, "Shift-JIS") || !g_ascii_strcasecmp(declared, "sjis")))
        decl = "Shift_JIS";
    if (decl == NULL && declared && !g_ascii_strcasecmp(declared, "EUC_JP"))
        decl = "EUC-JP";
    if (decl && strcmp(decl, "UTF-8") != 0) {
        SlxDecoded trial;
        if (convert(b, len, decl, &trial, NULL)) {
            trial.encoding = decl;
            *out = trial;
            return TRUE;
        }
    }
    const SlxCharsetModule *m = decode_charset(error);
    if (m == NULL)
        return FALSE;
    /* In HTML the markup is ASCII and says nothing of the charset. */
    char name[64];
    int confidence = 0;
    const char *charset = NULL;
    if (m->detect(b, len, markup, name, sizeof name, &confidence) &&
        confidence >= DETECT_MIN_CONFIDENCE)
        charset = canonical_name(name);
    if (charset == NULL) {
        charset = "Shift_JIS";
        out->guessed = TRUE;
    }
    out->encoding = charset;
    return convert(b, len, charset, out, error);
}

gboolean
slx_encode(const char *text, gsize len, const char *charset, GString *out, guint *lost,
           gunichar *first_lost, GError **error)
{
    const SlxCharsetModule *m = decode_charset(error);
    return m != NULL && m->from_utf8(text, len, charset, out, lost, first_lost, error);
}
