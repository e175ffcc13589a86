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

#endif
