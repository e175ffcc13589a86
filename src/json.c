/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.c — the few JSON primitives the writers need. */
#include "json.h"

#include <math.h>

void
slx_json_string(GString *out, const char *s)
{
    if (s == NULL) {
        g_string_append(out, "null");
        return;
    }
    /* JSON is UTF-8: a string that is not (it never should be) is written
     * with U+FFFD for the broken bytes rather than as a broken line. */
    char *valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
    if (valid)
        s = valid;
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':  g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
    g_free(valid);
}

void
slx_json_number(GString *out, double v)
{
    if (!isfinite(v)) {
        g_string_append(out, "null");
        return;
    }
    /* Whole numbers as integers: 1209600, not 1.2096e+06. */
    if (v == floor(v) && fabs(v) < 1e15) {
        g_string_append_printf(out, "%.0f", v == 0 ? 0.0 : v);
        return;
    }
    /* The fewest significant digits that read back as V: 99.99, not
     * 99.989999999999995.  17 digits always do. */
    char buf[G_ASCII_DTOSTR_BUF_SIZE], fmt[8];
    for (int prec = 1; prec <= 17; prec++) {
        g_snprintf(fmt, sizeof fmt, "%%.%dg", prec);
        g_ascii_formatd(buf, sizeof buf, fmt, v);
        if (g_ascii_strtod(buf, NULL) == v)
            break;
    }
    g_string_append(out, buf);
}

void
slx_json_key(GString *out, const char *key, gboolean first)
{
    if (!first)
        g_string_append_c(out, ',');
    slx_json_string(out, key);
    g_string_append_c(out, ':');
}
