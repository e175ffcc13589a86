/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record_wire.c — a record as bytes: from a worker process to the batch,
 * and into the cache of a later run (cache.c).
 *
 * Nothing of one process's memory goes over: a catalog item is named by
 * its catalog's id and its own, and found again in the patterns of the
 * process that unpacks it; a constant string the record points to (a
 * format, a unit, a role) goes as text and is interned on arrival (an
 * interned string of a worker's, such as an e-mail's charset, does not
 * exist in the batch).  Checks are not packed: the batch makes them. */
#include "record_wire.h"
#include "error.h"

#include <string.h>

#define WIRE_NULL G_MAXUINT32

/* ---- packing ------------------------------------------------------------- */

static void
wire_u32(GByteArray *out, guint32 v)
{
    g_byte_array_append(out, (const guint8 *)&v, sizeof v);
}

static void
wire_u64(GByteArray *out, guint64 v)
{
    g_byte_array_append(out, (const guint8 *)&v, sizeof v);
}

static void
wire_double(GByteArray *out, double v)
{
    g_byte_array_append(out, (const guint8 *)&v, sizeof v);
}

static void
wire_str(GByteArray *out, const char *s)
{
    if (s == NULL) {
        wire_u32(out, WIRE_NULL);
        return;
    }
    gsize n = strlen(s);
    wire_u32(out, (guint32)n);
    g_byte_array_append(out, (const guint8 *)s, (guint)n);
}

static void
wire_strs(GByteArray *out, const GPtrArray *a)
{
    wire_u32(out, a ? a->len : WIRE_NULL);
    for (guint i = 0; a && i < a->len; i++)
        wire_str(out, g_ptr_array_index(a, i));
}

static void
wire_value(GByteArray *out, const SlxValue *v)
{
    wire_u32(out, v->kind);
    wire_str(out, v->text);
    wire_str(out, v->role);
    wire_u32(out, v->bound);
    wire_u64(out, v->start);
    wire_double(out, v->value);
    wire_u32(out, (guint32)v->has_from | (guint32)v->vague << 1 | (guint32)v->valueless << 2 |
                      (guint32)v->count_known << 3 | (guint32)v->disabled << 4);
    wire_double(out, v->from);
    wire_str(out, v->unit);
    wire_u32(out, (guint32)v->count);
    wire_str(out, v->per);
    wire_str(out, v->from_time);
    wire_str(out, v->to_time);
    wire_str(out, v->days);
    wire_str(out, v->schedule);
    wire_str(out, v->name);
    wire_str(out, v->version);
    wire_strs(out, v->items);
}

static void
wire_item(GByteArray *out, const SlxItemRecord *it)
{
    wire_str(out, it->item ? it->item->id : NULL);
    wire_str(out, it->no);
    wire_str(out, it->name);
    wire_u32(out, it->answer);
    wire_str(out, it->text);
    wire_u32(out, it->values->len);
    for (guint i = 0; i < it->values->len; i++)
        wire_value(out, g_ptr_array_index(it->values, i));
    wire_str(out, it->primary);
    wire_u32(out, it->page);
    wire_double(out, it->confidence);
    wire_u32(out, it->flags);
}

static void
wire_items(GByteArray *out, const GPtrArray *items)
{
    wire_u32(out, items->len);
    for (guint i = 0; i < items->len; i++)
        wire_item(out, g_ptr_array_index(items, i));
}

void
slx_record_pack(const SlxRecord *r, GByteArray *out)
{
    wire_str(out, r->file);
    wire_str(out, r->file_raw);
    wire_str(out, r->format);
    wire_str(out, r->encoding);
    wire_str(out, r->sha256);
    wire_u32(out, r->pages);
    wire_u32(out, r->ocr);
    wire_str(out, r->title);
    wire_str(out, r->service);
    wire_str(out, r->catalog);
    wire_items(out, r->items);
    wire_items(out, r->extra_items);
    wire_strs(out, r->missing);
    wire_strs(out, r->warnings);
    wire_u32(out, r->error ? (guint32)r->error->code : WIRE_NULL);
    wire_str(out, r->error ? r->error->message : NULL);
}

/* ---- unpacking ----------------------------------------------------------- */

typedef struct {
    const guint8 *p, *end;
    gboolean bad;        /* ran past the end, or named what is not there */
    const SlxCatalog *catalog;   /* the record's catalog, for its items */
} Wire;

static gboolean
wire_take(Wire *w, void *dst, gsize n)
{
    if (w->bad || (gsize)(w->end - w->p) < n) {
        w->bad = TRUE;
        memset(dst, 0, n);
        return FALSE;
    }
    memcpy(dst, w->p, n);
    w->p += n;
    return TRUE;
}

static guint32
unwire_u32(Wire *w)
{
    guint32 v;
    wire_take(w, &v, sizeof v);
    return v;
}

static guint64
unwire_u64(Wire *w)
{
    guint64 v;
    wire_take(w, &v, sizeof v);
    return v;
}

static double
unwire_double(Wire *w)
{
    double v;
    wire_take(w, &v, sizeof v);
    return v;
}

static char *
unwire_str(Wire *w)
{
    guint32 n = unwire_u32(w);
    if (n == WIRE_NULL || w->bad)
        return NULL;
    if ((gsize)(w->end - w->p) < n) {
        w->bad = TRUE;
        return NULL;
    }
    char *s = g_strndup((const char *)w->p, n);
    w->p += n;
    return s;
}

/* A constant string of the record: interned, as the worker's was static. */
static const char *
unwire_interned(Wire *w)
{
    g_autofree char *s = unwire_str(w);
    return s ? g_intern_string(s) : NULL;
}

static GPtrArray *
unwire_strs(Wire *w)
{
    guint32 n = unwire_u32(w);
    if (n == WIRE_NULL || w->bad)
        return NULL;
    GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
    for (guint32 i = 0; i < n && !w->bad; i++)
        g_ptr_array_add(a, unwire_str(w));
    return a;
}

/* Fill the fixed-size text field DST (from_time, version) from the wire. */
static void
unwire_fixed(Wire *w, char *dst, gsize size)
{
    g_autofree char *s = unwire_str(w);
    g_strlcpy(dst, s ? s : "", size);
}

static SlxValue *
unwire_value(Wire *w)
{
    SlxValue *v = g_new0(SlxValue, 1);
    v->kind = (SlxValueKind)unwire_u32(w);
    v->text = unwire_str(w);
    v->role = unwire_interned(w);
    v->bound = (SlxBound)unwire_u32(w);
    v->start = (gsize)unwire_u64(w);
    v->value = unwire_double(w);
    guint32 bits = unwire_u32(w);
    v->has_from = bits & 1, v->vague = bits >> 1 & 1, v->valueless = bits >> 2 & 1;
    v->count_known = bits >> 3 & 1, v->disabled = bits >> 4 & 1;
    v->from = unwire_double(w);
    v->unit = unwire_interned(w);
    v->count = (int)unwire_u32(w);
    v->per = unwire_interned(w);
    unwire_fixed(w, v->from_time, sizeof v->from_time);
    unwire_fixed(w, v->to_time, sizeof v->to_time);
    v->days = unwire_interned(w);
    v->schedule = unwire_interned(w);
    v->name = unwire_interned(w);
    unwire_fixed(w, v->version, sizeof v->version);
    v->items = unwire_strs(w);
    return v;
}

static SlxItemRecord *
unwire_item(Wire *w)
{
    SlxItemRecord *it = slx_item_record_new();
    g_autofree char *id = unwire_str(w);
    if (id) {
        it->item = w->catalog ? g_hash_table_lookup(w->catalog->by_id, id) : NULL;
        w->bad = w->bad || it->item == NULL;     /* packed with other patterns */
    }
    it->no = unwire_str(w);
    it->name = unwire_str(w);
    it->answer = (SlxAnswer)unwire_u32(w);
    it->text = unwire_str(w);
    guint32 n = unwire_u32(w);
    for (guint32 i = 0; i < n && !w->bad; i++)
        g_ptr_array_add(it->values, unwire_value(w));
    it->primary = unwire_str(w);
    it->page = unwire_u32(w);
    it->confidence = unwire_double(w);
    it->flags = unwire_u32(w);
    return it;
}

static void
unwire_items(Wire *w, GPtrArray *items)
{
    guint32 n = unwire_u32(w);
    for (guint32 i = 0; i < n && !w->bad; i++)
        g_ptr_array_add(items, unwire_item(w));
}

/* Replace the members of DST by those of SRC (taken), freeing SRC. */
static void
unwire_take_strs(GPtrArray *dst, GPtrArray *src)
{
    for (guint i = 0; src && i < src->len; i++)
        g_ptr_array_add(dst, g_strdup(g_ptr_array_index(src, i)));
    if (src)
        g_ptr_array_unref(src);
}

SlxRecord *
slx_record_unpack(const guint8 *data, gsize len, const char *file, const SlxPatterns *patterns,
                  gboolean same_file)
{
    Wire w = {data, data + len, FALSE, NULL};
    g_autofree char *sent_file = unwire_str(&w);
    g_autofree char *sent_raw = unwire_str(&w);
    SlxRecord *r = slx_record_new(file);
    r->format = unwire_interned(&w);
    r->encoding = unwire_interned(&w);
    r->sha256 = unwire_str(&w);
    r->pages = unwire_u32(&w);
    r->ocr = unwire_u32(&w) != 0;
    r->title = unwire_str(&w);
    r->service = unwire_str(&w);
    g_autofree char *catalog = unwire_str(&w);
    for (guint i = 0; catalog && i < patterns->catalogs->len; i++) {
        const SlxCatalog *c = g_ptr_array_index(patterns->catalogs, i);
        if (strcmp(c->id, catalog) == 0)
            w.catalog = c;
    }
    r->catalog = w.catalog ? w.catalog->id : NULL;
    w.bad = w.bad || (catalog && w.catalog == NULL);
    unwire_items(&w, r->items);
    unwire_items(&w, r->extra_items);
    unwire_take_strs(r->missing, unwire_strs(&w));
    unwire_take_strs(r->warnings, unwire_strs(&w));
    guint32 code = unwire_u32(&w);
    g_autofree char *message = unwire_str(&w);
    if (code != WIRE_NULL)
        r->error = g_error_new_literal(SLX_ERROR, (gint)code, message ? message : "");
    if (w.bad || w.p != w.end || (same_file && g_strcmp0(sent_file, r->file) != 0)) {
        slx_record_free(r);
        return NULL;
    }
    return r;
}
