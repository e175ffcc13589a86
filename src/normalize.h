/* SPDX-License-Identifier: GPL-3.0-or-later */
/* normalize.h — Japanese text normalization shared by every reader.
 *
 * Implements ../shared/research/normalization.md §C steps 2–6: circled digits
 * protected, NFKC (utf8proc, never LUMP or STRIPMARK), tilde and dash families
 * folded, ー between digits made a dash, counters ヶ/ケ/カ/箇 unified, radicals
 * mapped to ideographs, white space unified and collapsed. */
#ifndef SLX_NORMALIZE_H
#define SLX_NORMALIZE_H

#include <glib.h>

typedef enum {
    SLX_NORM_DEFAULT = 0,
    /* Keep a collapsed space between CJK characters.  The answer classifier
     * needs the word boundary in 「有 3ヶ月前」 that the default drops. */
    SLX_NORM_KEEP_CJK_SPACES = 1 << 0,
} SlxNormFlags;

/* Normalize LEN bytes of valid UTF-8 (LEN < 0: NUL-terminated).
 * Returns a newly allocated string (g_free); leading and trailing white
 * space are removed. */
char *slx_normalize(const char *utf8, gssize len, SlxNormFlags flags);

/* TRUE for the code points the CJK space rule applies to (kana, ideographs,
 * CJK punctuation, full-width forms). */
gboolean slx_is_cjk(gunichar c);

/* The code point at P, as g_utf8_get_char() says it, for the per-character
 * loops of normalization and match keys: ASCII and the three-byte
 * sequences of Japanese are decoded inline, the rest by GLib, which also
 * says what bytes that are not UTF-8 are (the continuation bytes are
 * checked first for that, so a NUL ends the sequence). */
static inline gunichar
slx_utf8_get_char(const char *p)
{
    const guchar *u = (const guchar *)p;
    if (u[0] < 0x80)
        return u[0];
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
        return ((gunichar)(u[0] & 0x0F) << 12) | ((gunichar)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return g_utf8_get_char(p);
}

#endif
