/* write_jsonl.c — a record → one line of JSON (OUTPUT.md §1).
 * Field order follows the contract so that a person reading a line finds
 * the fields where the spec shows them. */
#include "write_jsonl.h"
#include "error.h"
#include "json.h"
#include "match.h"

static const char *const flag_names[] = {
    "number_mismatch", "template_mismatch", "same_as_previous", "truncated",
    "duplicate", "template_example", "low_confidence",
};

static void
write_flags(GString *out, guint flags)
{
    g_string_append_c(out, '[');
    gboolean first = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(flag_names); i++) {
        if (flags & (1u << i)) {
            if (!first)
                g_string_append_c(out, ',');
            slx_json_string(out, flag_names[i]);
            first = FALSE;
        }
    }
    g_string_append_c(out, ']');
}

static void
write_page(GString *out, guint page)
{
    if (page)
        g_string_append_printf(out, "%u", page);
    else
        g_string_append(out, "null");
}

/* An item (catalog fields first) or, when it matched no catalog item, an
 * extra row (its printed number and name), OUTPUT.md §1 ITEM and EXTRA. */
static void
write_item(GString *out, const SlxItemRecord *it)
{
    const SlxCatalogItem *ci = it->item;
    g_string_append_c(out, '{');
    if (ci) {
        slx_json_key(out, "id", TRUE);
        slx_json_string(out, ci->id);
        slx_json_key(out, "key", FALSE);
        slx_json_string(out, ci->key);
        slx_json_key(out, "name", FALSE);
        slx_json_string(out, ci->name);
        slx_json_key(out, "category", FALSE);
        slx_json_string(out, ci->category);
        slx_json_key(out, "no", FALSE);
        slx_json_string(out, it->no);
    } else {
        slx_json_key(out, "no", TRUE);
        slx_json_string(out, it->no);
        slx_json_key(out, "name", FALSE);
        slx_json_string(out, it->name);
    }
    slx_json_key(out, "answer", FALSE);
    slx_json_string(out, slx_answer_name(it->answer));
    slx_json_key(out, "values", FALSE);
    g_string_append(out, "[]");
    slx_json_key(out, "text", FALSE);
    slx_json_string(out, it->text);
    slx_json_key(out, "page", FALSE);
    write_page(out, it->page);
    if (ci) {
        slx_json_key(out, "confidence", FALSE);
        slx_json_number(out, it->confidence);
        slx_json_key(out, "flags", FALSE);
        write_flags(out, it->flags);
    }
    g_string_append_c(out, '}');
}

static void
write_items(GString *out, const GPtrArray *items)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < items->len; i++) {
        if (i)
            g_string_append_c(out, ',');
        write_item(out, g_ptr_array_index(items, i));
    }
    g_string_append_c(out, ']');
}

static void
write_strings(GString *out, const GPtrArray *a)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < a->len; i++) {
        if (i)
            g_string_append_c(out, ',');
        slx_json_string(out, g_ptr_array_index(a, i));
    }
    g_string_append_c(out, ']');
}

void
slx_write_jsonl(GString *out, const SlxRecord *r)
{
    g_string_append_c(out, '{');
    slx_json_key(out, "file", TRUE);
    slx_json_string(out, r->file);
    slx_json_key(out, "format", FALSE);
    slx_json_string(out, r->format);
    slx_json_key(out, "encoding", FALSE);
    slx_json_string(out, r->encoding);
    slx_json_key(out, "sha256", FALSE);
    slx_json_string(out, r->sha256);
    slx_json_key(out, "pages", FALSE);
    write_page(out, r->pages);
    slx_json_key(out, "title", FALSE);
    slx_json_string(out, r->title);
    slx_json_key(out, "service", FALSE);
    slx_json_string(out, r->service);
    slx_json_key(out, "catalog", FALSE);
    slx_json_string(out, r->catalog);
    slx_json_key(out, "items", FALSE);
    write_items(out, r->items);
    slx_json_key(out, "extra_items", FALSE);
    write_items(out, r->extra_items);
    slx_json_key(out, "missing", FALSE);
    write_strings(out, r->missing);
    slx_json_key(out, "warnings", FALSE);
    write_strings(out, r->warnings);
    slx_json_key(out, "error", FALSE);
    if (r->error) {
        g_string_append_c(out, '{');
        slx_json_key(out, "code", TRUE);
        slx_json_string(out, r->error->domain == SLX_ERROR
                                 ? slx_error_code_name((SlxErrorCode)r->error->code) : "error");
        slx_json_key(out, "message", FALSE);
        slx_json_string(out, r->error->message);
        g_string_append_c(out, '}');
    } else {
        g_string_append(out, "null");
    }
    g_string_append(out, "}\n");
}
