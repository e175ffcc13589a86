/* record.c — the output record of one document. */
#include "record.h"

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

SlxRecord *
slx_record_new(const char *file)
{
    SlxRecord *r = g_new0(SlxRecord, 1);
    r->file = g_strdup(file);
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
    g_free(r->sha256);
    g_free(r->title);
    g_free(r->service);
    g_ptr_array_unref(r->items);
    g_ptr_array_unref(r->extra_items);
    g_ptr_array_unref(r->missing);
    g_ptr_array_unref(r->warnings);
    g_clear_error(&r->error);
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
