/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.c — the output record of one document. */
#include "record.h"

#include <string.h>

static void
item_record_free(gpointer p)
{
    SlxItemRecord *it = p;
    g_free(it->no);
    g_free(it->name);
    g_free(it->text);
    if (it->values)
        g_ptr_array_unref(it->values);
    g_free(it->primary);
    g_free(it);
}

SlxItemRecord *
slx_item_record_new(void)
{
    SlxItemRecord *it = g_new0(SlxItemRecord, 1);
    it->values = g_ptr_array_new_with_free_func(slx_value_free);
    return it;
}

/* PATH with every byte that is not part of valid UTF-8 as %HH (and % as
 * %25), so that the exact bytes can be had back from text. */
static char *
escape_invalid(const char *path)
{
    GString *out = g_string_new(NULL);
    const char *p = path, *end = path + strlen(path);
    while (p < end) {
        const char *valid_end;
        g_utf8_validate(p, end - p, &valid_end);
        for (const char *q = p; q < valid_end; q++)
            if (*q == '%')
                g_string_append(out, "%25");
            else
                g_string_append_c(out, *q);
        if (valid_end < end)
            g_string_append_printf(out, "%%%02X", (guchar)*valid_end++);
        p = valid_end;
    }
    return g_string_free(out, FALSE);
}

SlxRecord *
slx_record_new(const char *file)
{
    SlxRecord *r = g_new0(SlxRecord, 1);
    /* Every writer needs UTF-8 (JSON, the workbook, the page); a path that
     * is not keeps its bytes in file_raw. */
    if (g_utf8_validate(file, -1, NULL)) {
        r->file = g_strdup(file);
    } else {
        r->file = g_utf8_make_valid(file, -1);
        r->file_raw = escape_invalid(file);
    }
    r->items = g_ptr_array_new_with_free_func(item_record_free);
    r->extra_items = g_ptr_array_new_with_free_func(item_record_free);
    r->missing = g_ptr_array_new_with_free_func(g_free);
    r->warnings = g_ptr_array_new_with_free_func(g_free);
    return r;
}

void
slx_record_free(SlxRecord *r)
{
    if (r == NULL)
        return;
    g_free(r->file);
    g_free(r->file_raw);
    g_free(r->sha256);
    g_free(r->title);
    g_free(r->service);
    g_ptr_array_unref(r->items);
    g_ptr_array_unref(r->extra_items);
    g_ptr_array_unref(r->missing);
    g_ptr_array_unref(r->warnings);
    g_clear_error(&r->error);
    if (r->checks)
        g_ptr_array_unref(r->checks);
    g_free(r);
}

void
slx_record_warn(SlxRecord *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(r->warnings, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

const char *
slx_answer_label(SlxAnswer a)
{
    switch (a) {
    case SLX_ANSWER_YES:            return "有";
    case SLX_ANSWER_PARTIAL:        return "一部";
    case SLX_ANSWER_NO:             return "無";
    case SLX_ANSWER_UNDISCLOSED:    return "非公開";
    case SLX_ANSWER_NOT_APPLICABLE: return "該当なし";
    case SLX_ANSWER_SAME_AS_PREVIOUS:
    case SLX_ANSWER_UNKNOWN:        break;
    }
    return "不明";
}

char *
slx_record_label(const SlxRecord *r)
{
    return r->service ? g_strdup(r->service) : g_path_get_basename(r->file);
}

const SlxItemRecord *
slx_record_item(const SlxRecord *r, const char *id)
{
    for (guint i = 0; i < r->items->len; i++) {
        const SlxItemRecord *it = g_ptr_array_index(r->items, i);
        if (strcmp(it->item->id, id) == 0)
            return it;
    }
    return NULL;
}

/* In the order of the SlxFlag bits (match.h) and of doc/output.md §4. */
static const char *const flag_names[] = {
    "number_mismatch", "template_mismatch", "same_as_previous", "truncated",
    "duplicate", "template_example", "low_confidence",
};

const char *
slx_flag_name(guint bit)
{
    return bit < G_N_ELEMENTS(flag_names) ? flag_names[bit] : NULL;
}

char *
slx_flags_join(guint flags, const char *(*name)(guint bit), const char *sep)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; name(i); i++)
        if (flags & (1u << i))
            g_string_append_printf(s, "%s%s", s->len ? sep : "", name(i));
    return g_string_free(s, FALSE);
}

char *
slx_flags_joined(guint flags)
{
    return slx_flags_join(flags, slx_flag_name, ";");
}
