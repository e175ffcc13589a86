/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charset.c — ICU's converters and charset detector, the module
 * slaxtract-charset.so: bytes in a named charset → UTF-8, a guess at the
 * charset of bytes, and UTF-8 → a legacy charset for an output.  Which
 * charset a document is in is decode.c's decision; ICU (with the C++
 * runtime and 30 MB of data it maps) costs a start 2 ms, which a run of
 * UTF-8 documents does not pay. */
#include "decode.h"
#include "error.h"

#include <gmodule.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

static gboolean
charset_to_utf8(const guint8 *b, gsize len, const char *charset, SlxDecoded *out, GError **error)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(charset, &st);
    if (U_FAILURE(st)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE,
                    "no converter for %s: %s", charset, u_errorName(st));
        return FALSE;
    }
    ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);

    /* Every supported charset needs at most one UTF-16 unit per byte. */
    gsize cap = len + 2;
    UChar *u = g_new(UChar, cap);
    UChar *target = u;
    const char *source = (const char *)b;
    ucnv_toUnicode(cv, &target, u + cap, &source, (const char *)b + len, NULL, TRUE, &st);
    gboolean ok = U_SUCCESS(st);
    if (!ok) {
        char bad[8];
        int8_t nbad = sizeof bad;
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cv, bad, &nbad, &st2);
        gsize offset = (gsize)(source - (const char *)b) - (U_SUCCESS(st2) ? (gsize)nbad : 0);
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE,
                    "byte 0x%02X at offset %" G_GSIZE_FORMAT " is not valid %s",
                    offset < len ? b[offset] : 0, offset, charset);
    }
    ucnv_close(cv);
    if (ok) {
        glong n8 = 0;
        GError *e = NULL;
        char *s = g_utf16_to_utf8(u, target - u, NULL, &n8, &e);
        if (s == NULL) {
            g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE, "%s: %s", charset, e->message);
            g_error_free(e);
            ok = FALSE;
        } else {
            out->utf8 = s;
            out->len = (gsize)n8;
        }
    }
    g_free(u);
    return ok;
}

static gboolean
charset_detect(const guint8 *b, gsize len, gboolean markup, char *name, gsize size,
               int *confidence)
{
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&st);
    if (U_FAILURE(st))
        return FALSE;
    gboolean found = FALSE;
    ucsdet_enableInputFilter(det, markup);
    ucsdet_setText(det, (const char *)b, (int32_t)MIN(len, (gsize)G_MAXINT32), &st);
    const UCharsetMatch *m = ucsdet_detect(det, &st);
    if (U_SUCCESS(st) && m != NULL) {
        int32_t conf = ucsdet_getConfidence(m, &st);
        const char *n = ucsdet_getName(m, &st);
        if (U_SUCCESS(st) && n != NULL) {
            g_strlcpy(name, n, size);   /* the detector owns N */
            *confidence = conf;
            found = TRUE;
        }
    }
    ucsdet_close(det);
    return found;
}

typedef struct {
    guint lost;
    gunichar first;
} CharsetLosses;

/* ICU calls this for a character the charset cannot hold: count it, then
 * let ICU write the substitution character. */
static void U_CALLCONV
charset_count_loss(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
                   int32_t length, UChar32 point, UConverterCallbackReason reason, UErrorCode *err)
{
    CharsetLosses *losses = (CharsetLosses *)context;
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
        if (losses->lost++ == 0)
            losses->first = (gunichar)point;
    }
    UCNV_FROM_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, point, reason, err);
}

static gboolean
charset_from_utf8(const char *text, gsize len, const char *charset, GString *out, guint *lost,
                  gunichar *first_lost, GError **error)
{
    glong n16 = 0;
    GError *e = NULL;
    gunichar2 *u = g_utf8_to_utf16(text, (glong)len, NULL, &n16, &e);
    if (u == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE, "not UTF-8: %s", e->message);
        g_error_free(e);
        return FALSE;
    }
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(charset, &st);
    if (U_FAILURE(st)) {
        g_free(u);
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE, "no converter for %s: %s", charset,
                    u_errorName(st));
        return FALSE;
    }
    CharsetLosses losses = {0, 0};
    ucnv_setSubstChars(cv, "?", 1, &st);
    ucnv_setFromUCallBack(cv, charset_count_loss, &losses, NULL, NULL, &st);
    int32_t cap = UCNV_GET_MAX_BYTES_FOR_STRING((int32_t)n16, ucnv_getMaxCharSize(cv));
    gsize at = out->len;
    g_string_set_size(out, at + (gsize)cap);
    int32_t n = ucnv_fromUChars(cv, out->str + at, cap, (const UChar *)u, (int32_t)n16, &st);
    ucnv_close(cv);
    g_free(u);
    if (U_FAILURE(st)) {
        g_string_truncate(out, at);
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE, "cannot write %s: %s", charset,
                    u_errorName(st));
        return FALSE;
    }
    g_string_truncate(out, at + (gsize)n);
    *lost = losses.lost;
    if (first_lost)
        *first_lost = losses.first;
    return TRUE;
}

G_MODULE_EXPORT const SlxCharsetModule slx_charset_module = {charset_to_utf8, charset_detect,
                                                             charset_from_utf8};
