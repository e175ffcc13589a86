/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_jsonl.c — a record → one line of JSON (doc/output.md §1).
 * Field order follows the contract so that a person reading a line finds
 * the fields where the spec shows them. */
#include "write_jsonl.h"
#include "check.h"
#include "error.h"
#include "json.h"
#include "match.h"

static void
write_flags(GString *out, guint flags)
{
    g_string_append_c(out, '[');
    gboolean first = TRUE;
    for (guint i = 0; slx_flag_name(i); i++) {
        if (flags & (1u << i)) {
            if (!first)
                g_string_append_c(out, ',');
            slx_json_string(out, slx_flag_name(i));
            first = FALSE;
        }
    }
    g_string_append_c(out, ']');
}

/* One value with the fields of its kind (doc/output.md §3). */
void
slx_write_value(GString *out, const SlxValue *v)
{
    g_string_append_c(out, '{');
    slx_json_key(out, "kind", TRUE);
    slx_json_string(out, slx_value_kind_name(v->kind));
    slx_json_key(out, "text", FALSE);
    slx_json_string(out, v->text);
    if (v->role) {
        slx_json_key(out, "role", FALSE);
        slx_json_string(out, v->role);
    }
    if (v->bound != SLX_BOUND_NONE) {
        slx_json_key(out, "bound", FALSE);
        slx_json_string(out, slx_bound_name(v->bound));
    }
    switch (v->kind) {
    case SLX_VALUE_DURATION:
        if (!v->valueless) {
            slx_json_key(out, "value", FALSE);
            slx_json_number(out, v->value);
        }
        slx_json_key(out, "unit", FALSE);
        slx_json_string(out, v->unit);
        slx_json_key(out, "seconds", FALSE);
        if (v->valueless)
            g_string_append(out, "null");
        else
            slx_json_number(out, slx_value_seconds(v));
        if (v->has_from) {
            slx_json_key(out, "from", FALSE);
            slx_json_number(out, v->from);
        }
        if (v->vague) {
            slx_json_key(out, "vague", FALSE);
            g_string_append(out, "true");
        }
        break;
    case SLX_VALUE_PERCENT:
        slx_json_key(out, "value", FALSE);
        slx_json_number(out, v->value);
        break;
    case SLX_VALUE_COUNT:
        slx_json_key(out, "value", FALSE);
        slx_json_number(out, v->value);
        slx_json_key(out, "unit", FALSE);
        slx_json_string(out, v->unit);
        break;
    case SLX_VALUE_FREQUENCY:
        slx_json_key(out, "count", FALSE);
        if (v->count_known)
            g_string_append_printf(out, "%d", v->count);
        else
            g_string_append(out, "null");
        slx_json_key(out, "per", FALSE);
        slx_json_string(out, v->per);
        break;
    case SLX_VALUE_TIME_RANGE:
        slx_json_key(out, "from", FALSE);
        slx_json_string(out, v->from_time);
        slx_json_key(out, "to", FALSE);
        slx_json_string(out, v->to_time);
        if (v->days) {
            slx_json_key(out, "days", FALSE);
            slx_json_string(out, v->days);
        }
        break;
    case SLX_VALUE_SCHEDULE:
        slx_json_key(out, "value", FALSE);
        slx_json_string(out, v->schedule);
        break;
    case SLX_VALUE_VERSION:
        slx_json_key(out, "name", FALSE);
        slx_json_string(out, v->name);
        slx_json_key(out, "value", FALSE);
        slx_json_string(out, v->version);
        if (v->disabled) {
            slx_json_key(out, "disabled", FALSE);
            g_string_append(out, "true");
        }
        break;
    case SLX_VALUE_LIST:
        slx_json_key(out, "items", FALSE);
        g_string_append_c(out, '[');
        for (guint i = 0; i < v->items->len; i++) {
            if (i)
                g_string_append_c(out, ',');
            slx_json_string(out, g_ptr_array_index(v->items, i));
        }
        g_string_append_c(out, ']');
        break;
    case SLX_VALUE_N:
        break;
    }
    g_string_append_c(out, '}');
}

void
slx_write_values(GString *out, const GPtrArray *values)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < values->len; i++) {
        if (i)
            g_string_append_c(out, ',');
        slx_write_value(out, g_ptr_array_index(values, i));
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
 * extra row (its printed number and name), doc/output.md §1 ITEM and EXTRA. */
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
    slx_write_values(out, it->values);
    if (ci) {
        /* Not in doc/output.md §1 (adding is allowed): the headline of §5. */
        slx_json_key(out, "primary", FALSE);
        slx_json_string(out, it->primary);
    }
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

/* The requirement checks (doc/output.md §7); label is added to the contract's
 * fields. */
static void
write_checks(GString *out, const GPtrArray *checks)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < checks->len; i++) {
        const SlxCheck *c = g_ptr_array_index(checks, i);
        g_string_append(out, i ? ",{" : "{");
        slx_json_key(out, "id", TRUE);
        slx_json_string(out, c->requirement->id);
        slx_json_key(out, "label", FALSE);
        slx_json_string(out, c->requirement->label);
        slx_json_key(out, "item", FALSE);
        slx_json_string(out, c->requirement->item);
        slx_json_key(out, "result", FALSE);
        slx_json_string(out, slx_check_result_name(c->result));
        slx_json_key(out, "because", FALSE);
        slx_json_string(out, c->because);
        slx_json_key(out, "value", FALSE);
        if (c->value)
            slx_write_value(out, c->value);
        else
            g_string_append(out, "null");
        if (c->approx) {
            slx_json_key(out, "approx", FALSE);
            g_string_append(out, "true");
        }
        g_string_append_c(out, '}');
    }
    g_string_append_c(out, ']');
}

void
slx_write_jsonl(GString *out, const SlxRecord *r)
{
    g_string_append_c(out, '{');
    slx_json_key(out, "file", TRUE);
    slx_json_string(out, r->file);
    if (r->file_raw) {
        /* Not in doc/output.md §1 (adding is allowed): the path's exact bytes. */
        slx_json_key(out, "file_raw", FALSE);
        slx_json_string(out, r->file_raw);
    }
    slx_json_key(out, "format", FALSE);
    slx_json_string(out, r->format);
    slx_json_key(out, "encoding", FALSE);
    slx_json_string(out, r->encoding);
    slx_json_key(out, "sha256", FALSE);
    slx_json_string(out, r->sha256);
    slx_json_key(out, "pages", FALSE);
    write_page(out, r->pages);
    slx_json_key(out, "ocr", FALSE);
    g_string_append(out, r->ocr ? "true" : "false");
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
    if (r->checks) {
        slx_json_key(out, "checks", FALSE);
        write_checks(out, r->checks);
    }
    g_string_append(out, "}\n");
}
