/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.h — bytes in any Japanese encoding → UTF-8 (and back, for outputs).
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

/* What the module slaxtract-charset.so (charset.c, ICU) exports, by the
 * name SLX_CHARSET_MODULE; decode.c loads it for the first document that
 * needs a converter or a guess. */
typedef struct {
    /* BYTES in CHARSET (an ICU name) → OUT->utf8 and OUT->len; FALSE with
     * ERROR (SLX_ERROR_DECODE) at the first sequence CHARSET does not hold. */
    gboolean (*to_utf8)(const guint8 *bytes, gsize len, const char *charset, SlxDecoded *out,
                        GError **error);
    /* ICU's likeliest charset for BYTES into NAME (SIZE bytes) and its
     * *CONFIDENCE (0–100); FALSE if it has none.  MARKUP: ignore tags. */
    gboolean (*detect)(const guint8 *bytes, gsize len, gboolean markup, char *name, gsize size,
                       int *confidence);
    /* slx_encode. */
    gboolean (*from_utf8)(const char *text, gsize len, const char *charset, GString *out,
                          guint *lost, gunichar *first_lost, GError **error);
} SlxCharsetModule;
#define SLX_CHARSET_MODULE "slx_charset_module"

#endif
