/* write_csv.c — records → CSV, one row per (document, item).
 * The byte order mark and the CP932 variant are the output's business
 * (main.c); this file writes UTF-8 text. */
#include "write_csv.h"
#include "write_jsonl.h"

#include <string.h>

static const char *const columns[] = {
    "file", "service", "id", "key", "name", "category", "no", "answer", "primary",
    "values", "text", "page", "confidence", "flags",
};

void
slx_csv_field(GString *out, const char *field)
{
    if (field == NULL)
        return;
    if (strpbrk(field, ",\"\r\n") == NULL) {
        g_string_append(out, field);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = field; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

static void
write_row(GString *out, char **fields)
{
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) {
        if (i)
            g_string_append_c(out, ',');
        slx_csv_field(out, fields[i]);
    }
    g_string_append(out, "\r\n");
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
