/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_csv.c — records → CSV, one row per (document, item).
 * The byte order mark and the CP932 variant are the output's business
 * (main.c); this file writes UTF-8 text. */
#include "write_csv.h"
#include "check.h"
#include "write_jsonl.h"

#include <string.h>

static const char *const columns[] = {
    "file", "service", "id", "key", "name", "category", "no", "answer", "primary",
    "values", "text", "page", "confidence", "flags",
};

/* Whether a spreadsheet would take FIELD for a formula (OWASP's CSV
 * injection list): it starts with =, +, @, a tab, a carriage return, or a
 * - that does not start a number (-5 stays a number). */
static gboolean
csv_looks_like_formula(const char *field)
{
    switch (field[0]) {
    case '=': case '+': case '@': case '\t': case '\r':
        return TRUE;
    case '-':
        return !g_ascii_isdigit(field[1]) && field[1] != '.';
    default:
        return FALSE;
    }
}

void
slx_csv_field(GString *out, const char *field)
{
    if (field == NULL)
        return;
    /* A vendor's text, a file name or a service name is never run: a
     * leading apostrophe keeps it text. */
    const char *guard = csv_looks_like_formula(field) ? "'" : "";
    if (strpbrk(field, ",\"\r\n") == NULL) {
        g_string_append(out, guard);
        g_string_append(out, field);
        return;
    }
    g_string_append_c(out, '"');
    g_string_append(out, guard);
    for (const char *p = field; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

static void
write_fields(GString *out, char **fields, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, ',');
        slx_csv_field(out, fields[i]);
    }
    g_string_append(out, "\r\n");
}

static void
write_row(GString *out, char **fields)
{
    write_fields(out, fields, G_N_ELEMENTS(columns));
}

void
slx_write_csv(GString *out, const GPtrArray *records)
{
    write_row(out, (char **)columns);
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        for (guint i = 0; i < rec->items->len; i++) {
            const SlxItemRecord *it = g_ptr_array_index(rec->items, i);
            GString *values = g_string_new(NULL);
            slx_write_values(values, it->values);
            char *page = it->page ? g_strdup_printf("%u", it->page) : NULL;
            char conf[G_ASCII_DTOSTR_BUF_SIZE];
            g_ascii_formatd(conf, sizeof conf, "%.2f", it->confidence);
            char *flags = slx_flags_joined(it->flags);
            char *fields[G_N_ELEMENTS(columns)] = {
                rec->file, rec->service, it->item->id, it->item->key, it->item->name,
                it->item->category, it->no, (char *)slx_answer_name(it->answer), it->primary,
                values->str, it->text, page, conf, flags,
            };
            write_row(out, fields);
            g_free(flags);
            g_free(page);
            g_string_free(values, TRUE);
        }
    }
}

void
slx_write_csv_checks(GString *out, const GPtrArray *records)
{
    static const char *const check_columns[] = {"file", "service", "id", "label", "item",
                                                "result", "because", "value"};
    write_fields(out, (char **)check_columns, G_N_ELEMENTS(check_columns));
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        for (guint i = 0; rec->checks && i < rec->checks->len; i++) {
            const SlxCheck *c = g_ptr_array_index(rec->checks, i);
            GString *value = g_string_new(NULL);
            if (c->value)
                slx_write_value(value, c->value);
            char *fields[G_N_ELEMENTS(check_columns)] = {
                rec->file, rec->service, c->requirement->id, c->requirement->label,
                c->requirement->item, (char *)slx_check_result_name(c->result), c->because,
                value->str,
            };
            write_fields(out, fields, G_N_ELEMENTS(check_columns));
            g_string_free(value, TRUE);
        }
    }
}
