/* similarity.c — fuzzy comparison of item names and template text. */
#include "similarity.h"

#include <stdlib.h>
#include <string.h>

char *
slx_match_key(const char *s)
{
    GString *out = g_string_sized_new(strlen(s));
    for (; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (c < 0x80) {
            if (g_ascii_isalnum((char)c))
                g_string_append_c(out, g_ascii_tolower((char)c));
            continue;
        }
        GUnicodeType t = g_unichar_type(c);
        switch (t) {
        case G_UNICODE_SPACE_SEPARATOR:
        case G_UNICODE_CONNECT_PUNCTUATION:
        case G_UNICODE_DASH_PUNCTUATION:
        case G_UNICODE_CLOSE_PUNCTUATION:
        case G_UNICODE_FINAL_PUNCTUATION:
        case G_UNICODE_INITIAL_PUNCTUATION:
        case G_UNICODE_OTHER_PUNCTUATION:
        case G_UNICODE_OPEN_PUNCTUATION:
            continue;
        default:
            break;
        }
        if (c == 0x30FB)   /* ・ is Po in Unicode 6+, but be explicit */
            continue;
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

static int
cmp_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

/* Sorted bigrams of S; returns their count. */
static gsize
bigrams(const char *s, guint64 **out)
{
    glong n = g_utf8_strlen(s, -1);
    if (n < 2) {
        *out = NULL;
        return 0;
    }
    guint64 *b = g_new(guint64, (gsize)n - 1);
    gunichar prev = g_utf8_get_char(s);
    gsize k = 0;
    for (const char *p = g_utf8_next_char(s); *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        b[k++] = ((guint64)prev << 32) | c;
        prev = c;
    }
    qsort(b, k, sizeof *b, cmp_u64);
    *out = b;
    return k;
}

double
slx_similarity(const char *a, const char *b)
{
    if (*a == '\0' || *b == '\0')
        return 0.0;
    if (strcmp(a, b) == 0)
        return 1.0;
    guint64 *ba, *bb;
    gsize na = bigrams(a, &ba), nb = bigrams(b, &bb);
    if (na == 0 || nb == 0) {
        g_free(ba);
        g_free(bb);
        return 0.0;
    }
    gsize i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (ba[i] == bb[j]) {
            common++;
            i++;
            j++;
        } else if (ba[i] < bb[j]) {
            i++;
        } else {
            j++;
        }
    }
    g_free(ba);
    g_free(bb);
    return 2.0 * (double)common / (double)(na + nb);
}

gboolean
slx_key_contains(const char *haystack, const char *needle)
{
    return *needle != '\0' && strstr(haystack, needle) != NULL;
}
