/* SPDX-License-Identifier: GPL-3.0-or-later */
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

SlxKey *
slx_key_from_match_key(const char *key)
{
    SlxKey *k = g_new0(SlxKey, 1);
    k->text = g_strdup(key);
    k->chars = g_utf8_strlen(key, -1);
    k->n = bigrams(key, &k->bigrams);
    return k;
}

SlxKey *
slx_key_new(const char *normalized)
{
    char *key = slx_match_key(normalized);
    SlxKey *k = slx_key_from_match_key(key);
    g_free(key);
    return k;
}

void
slx_key_free(gpointer p)
{
    SlxKey *k = p;
    if (k == NULL)
        return;
    g_free(k->text);
    g_free(k->bigrams);
    g_free(k);
}

double
slx_key_similarity(const SlxKey *a, const SlxKey *b)
{
    if (*a->text == '\0' || *b->text == '\0')
        return 0.0;
    if (strcmp(a->text, b->text) == 0)
        return 1.0;
    if (a->n == 0 || b->n == 0)
        return 0.0;
    gsize i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->bigrams[i] == b->bigrams[j]) {
            common++;
            i++;
            j++;
        } else if (a->bigrams[i] < b->bigrams[j]) {
            i++;
        } else {
            j++;
        }
    }
    return 2.0 * (double)common / (double)(a->n + b->n);
}

double
slx_similarity(const char *a, const char *b)
{
    SlxKey *ka = slx_key_from_match_key(a), *kb = slx_key_from_match_key(b);
    double s = slx_key_similarity(ka, kb);
    slx_key_free(ka);
    slx_key_free(kb);
    return s;
}

gboolean
slx_key_contains(const char *haystack, const char *needle)
{
    return *needle != '\0' && strstr(haystack, needle) != NULL;
}
