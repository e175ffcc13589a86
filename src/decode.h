/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.h — bytes in any Japanese encoding → UTF-8, with ICU.
 *
 * normalization.md §A6: BOM first, then strict UTF-8, then charset detection
 * on the whole document (never per cell), CP932 when detection is unsure. */
#ifndef SLX_DECODE_H
#define SLX_DECODE_H

#include <glib.h>

typedef struct {
    char *utf8;            /* decoded text, NUL-terminated, BOM removed */
    gsize len;
    const char *encoding;  /* "UTF-8", "UTF-16LE", "Shift_JIS", "EUC-JP", ... (static) */
    gboolean guessed;      /* detection was unsure: decoded as the CP932 fallback */
} SlxDecoded;

/* Decode BYTES.  On failure returns FALSE and sets ERROR (SLX_ERROR_BINARY,
 * SLX_ERROR_INVALID_UTF8 or SLX_ERROR_DECODE, with the byte offset). */
gboolean slx_decode(const guint8 *bytes, gsize len, SlxDecoded *out, GError **error);

/* The same with DECLARED, a charset the document names (HTML <meta>; may
 * be NULL), tried first and kept only if the bytes decode in it cleanly,
 * and MARKUP, which tells the detector to ignore tags. */
gboolean slx_decode_full(const guint8 *bytes, gsize len, const char *declared, gboolean markup,
                         SlxDecoded *out, GError **error);

void slx_decoded_clear(SlxDecoded *d);

/* The other way: UTF-8 TEXT (LEN bytes) → CHARSET (an ICU name), for an
 * output a legacy program reads.  A character CHARSET cannot hold becomes
 * '?'; *LOST counts them and *FIRST_LOST (if not NULL) is the first.
 * FALSE with ERROR when ICU has no such converter or TEXT is not UTF-8. */
gboolean slx_encode(const char *text, gsize len, const char *charset, GString *out, guint *lost,
                    gunichar *first_lost, GError **error);

#endif
