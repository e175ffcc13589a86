/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.c — INI files (GKeyFile) that report errors at their line.
 *
 * GKeyFile parses the INI syntax, but it reports neither the line of a
 * syntax error nor the line of a key.  An analyst editing a pattern or
 * requirements file needs "file:line: message", so a small pre-scan
 * (slx_ini_index) checks the syntax itself and remembers the line of every
 * group and key; every later error is reported at the line it comes from. */
#include "ini.h"
#include "error.h"

#include <stdarg.h>
#include <string.h>



guint
slx_ini_line_of(const SlxIniSource *src, const char *group, const char *key)
{
    char *k = key ? g_strconcat(group, "\x1f", key, NULL) : g_strdup(group);
    guint line = GPOINTER_TO_UINT(g_hash_table_lookup(src->lines, k));
    g_free(k);
    return line;
}

gboolean
slx_ini_fail(GError **error, const SlxIniSource *src, const char *group, const char *key,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "%s:%u: %s", src->file,
                group ? slx_ini_line_of(src, group, key) : 0, msg);
    g_free(msg);
    return FALSE;
}

/* Check the syntax and remember where each group and key is. */
gboolean
slx_ini_index(SlxIniSource *src, const char *data, gsize len, GError **error)
{
    char *group = NULL;
    guint lineno = 0;
    const char *end = data + len;
    gboolean ok = TRUE;

    for (const char *p = data; p < end && ok;) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        const char *eol = nl ? nl : end;
        lineno++;
        char *line = g_strndup(p, (gsize)(eol - p));
        g_strstrip(line);
        if (!g_utf8_validate(line, -1, NULL)) {
            g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                        "%s:%u: not valid UTF-8", src->file, lineno);
            ok = FALSE;
        } else if (line[0] == '\0' || line[0] == '#') {
            /* blank or comment */
        } else if (line[0] == '[') {
            char *close = strchr(line, ']');
            if (close == NULL || close[1] != '\0' || close == line + 1) {
                g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                            "%s:%u: a group header must be '[name]'", src->file, lineno);
                ok = FALSE;
            } else {
                g_free(group);
                group = g_strndup(line + 1, (gsize)(close - line - 1));
                if (g_hash_table_contains(src->lines, group)) {
                    g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                                "%s:%u: group [%s] appears twice", src->file, lineno, group);
                    ok = FALSE;
                } else {
                    g_hash_table_insert(src->lines, g_strdup(group), GUINT_TO_POINTER(lineno));
                }
            }
        } else {
            char *eq = strchr(line, '=');
            if (eq == NULL || eq == line) {
                g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                            "%s:%u: expected 'key = value', '[group]' or a '#' comment",
                            src->file, lineno);
                ok = FALSE;
            } else if (group == NULL) {
                g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                            "%s:%u: key outside any [group]", src->file, lineno);
                ok = FALSE;
            } else {
                *eq = '\0';
                g_strchomp(line);
                char *k = g_strconcat(group, "\x1f", line, NULL);
                if (g_hash_table_contains(src->lines, k)) {
                    g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                                "%s:%u: key '%s' appears twice in [%s]",
                                src->file, lineno, line, group);
                    g_free(k);
                    ok = FALSE;
                } else {
                    g_hash_table_insert(src->lines, k, GUINT_TO_POINTER(lineno));
                }
            }
        }
        g_free(line);
        p = nl ? nl + 1 : end;
    }
    g_free(group);
    return ok;
}

/* Every key of GROUP must be one of ALLOWED (NULL-terminated). */
gboolean
slx_ini_check_keys(GKeyFile *kf, const SlxIniSource *src, const char *group,
           const char *const *allowed, GError **error)
{
    gsize n;
    char **keys = g_key_file_get_keys(kf, group, &n, NULL);
    gboolean ok = TRUE;
    for (gsize i = 0; i < n && ok; i++) {
        if (!g_strv_contains(allowed, keys[i])) {
            char *list = g_strjoinv(", ", (char **)allowed);
            ok = slx_ini_fail(error, src, group, keys[i], "unknown key '%s' in [%s] (expected one of: %s)",
                      keys[i], group, list);
            g_free(list);
        }
    }
    g_strfreev(keys);
    return ok;
}


GPtrArray *
slx_ini_get_strings(GKeyFile *kf, const char *group, const char *key)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    char *raw = g_key_file_get_value(kf, group, key, NULL);
    char **parts = raw ? g_strsplit(raw, ";", -1) : NULL;
    for (char **p = parts; p && *p; p++) {
        char *s = g_strstrip(g_strdup(*p));
        if (*s)
            g_ptr_array_add(out, s);
        else
            g_free(s);
    }
    g_strfreev(parts);
    g_free(raw);
    return out;
}
