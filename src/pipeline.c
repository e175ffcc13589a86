/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pipeline.c — one document through every stage. */
#include "pipeline.h"
#include "error.h"
#include "match.h"
#include "normalize.h"
#include "read.h"
#include "segment.h"

#include <math.h>
#include <string.h>

/* The response repeats the checklist's own 設定例: the one printed on the
 * row (a vendor that kept the template's column), else the catalog's. */
static gboolean
is_template_example(const char *text, const SlxRow *row, const SlxCatalogItem *item)
{
    if (*text == '\0')
        return FALSE;
    if (row->example) {
        char *ex = slx_normalize(row->example, -1, SLX_NORM_DEFAULT);
        gboolean same = strcmp(ex, text) == 0;
        g_free(ex);
        if (same)
            return TRUE;
    }
    return item->example && strcmp(item->example, text) == 0;
}

/* How sure the row→item mapping of M is, with how sure the reader was of
 * the row's text (OCR's confidence in its words; 1 for text read as the
 * document has it): a misread name, number or answer makes the item less
 * certain, and below SLX_MATCH_LOW it is flagged for review. */
static double
item_confidence(const SlxMatch *m, guint *flags)
{
    double read = m->row->confidence;
    double c = m->confidence * read;
    if (read < 1 && c < SLX_MATCH_LOW)
        *flags |= SLX_FLAG_LOW_CONFIDENCE;
    return round(c * 100.0) / 100.0;
}

/* Fill R from the matched rows of one document. */
static void
build_items(SlxRecord *r, const SlxMatchResult *mr, const SlxPatterns *p,
            const SlxExtractor *x)
{
    const SlxCatalog *cat = mr->catalog;
    SlxItemRecord **slot = g_new0(SlxItemRecord *, cat->items->len);
    const SlxItemRecord *prev = NULL;

    for (guint i = 0; i < mr->matches->len; i++) {
        const SlxMatch *m = g_ptr_array_index(mr->matches, i);
        const SlxRow *row = m->row;
        SlxItemRecord *it = slx_item_record_new();
        it->item = m->item;
        it->no = g_strdup(row->no);
        /* Normalized like every text of the record (the row keeps spaces
         * between Japanese characters for the classifier's sake). */
        const char *name = row->name ? row->name : row->template_text;
        it->name = name ? slx_normalize(name, -1, SLX_NORM_DEFAULT) : NULL;
        it->text = slx_row_response_text(row);
        it->page = row->page;
        it->flags = m->flags;
        it->confidence = item_confidence(m, &it->flags);
        /* Values first: a stated figure of the item's quantity is an answer. */
        g_ptr_array_unref(it->values);
        it->values = slx_extract_values(x, it->text, m->item);
        it->answer = slx_classify(row, m->item, &p->vocab, it->values);
        if (it->answer == SLX_ANSWER_SAME_AS_PREVIOUS || slx_row_same_as_previous(row, &p->vocab)) {
            it->flags |= SLX_FLAG_SAME_AS_PREVIOUS;
            if (prev) {
                /* 「同上」 says what the row above says: its values, and its
                 * answer unless a marker beside it gives one. */
                if (it->answer == SLX_ANSWER_SAME_AS_PREVIOUS)
                    it->answer = prev->answer;
                for (guint k = 0; k < prev->values->len; k++)
                    g_ptr_array_add(it->values, slx_value_copy(g_ptr_array_index(prev->values, k)));
            } else {
                if (it->answer == SLX_ANSWER_SAME_AS_PREVIOUS)
                    it->answer = SLX_ANSWER_UNKNOWN;
                slx_record_warn(r, "line %u: 同上 (same as above) on the first row: nothing to copy",
                                row->line);
            }
        }
        it->primary = slx_primary(m->item, it->values);
        if (m->item && is_template_example(it->text, row, m->item))
            it->flags |= SLX_FLAG_TEMPLATE_EXAMPLE;
        prev = it;

        if (m->item == NULL) {
            g_ptr_array_add(r->extra_items, it);
        } else {
            guint k = 0;
            while (g_ptr_array_index(cat->items, k) != m->item)
                k++;
            slot[k] = it;
        }
    }
    for (guint k = 0; k < cat->items->len; k++) {
        const SlxCatalogItem *ci = g_ptr_array_index(cat->items, k);
        if (slot[k])
            g_ptr_array_add(r->items, slot[k]);
        else
            g_ptr_array_add(r->missing, g_strdup(ci->id));
    }
    g_free(slot);
}

SlxRecord *
slx_process_file(const char *path, const SlxReadOptions *opts, const SlxPatterns *p,
                 const SlxExtractor *x)
{
    return slx_process_named(path, path, opts, p, x);
}

SlxRecord *
slx_process_named(const char *path, const char *name, const SlxReadOptions *opts,
                  const SlxPatterns *p, const SlxExtractor *x)
{
    SlxRecord *r = slx_record_new(name);
    /* What OCR misreads is put right by the patterns' fixes, whoever the
     * caller is: the options are the batch's, the vocabulary is here. */
    SlxReadOptions with = opts ? *opts : (SlxReadOptions){0};
    with.ocr_fixes = p->vocab.ocr_fixes;
    SlxSource src;
    GError *error = NULL;
    gboolean ok = slx_read_document(path, &with, &src, &error);

    r->sha256 = g_strdup(src.sha256);
    if (src.sha256)
        r->format = slx_format_name(src.format);
    r->encoding = src.encoding;
    r->pages = src.pages;
    if (!ok) {
        r->error = error;
        slx_source_clear(&src);
        return r;
    }
    for (guint i = 0; i < src.doc->warnings->len; i++)
        slx_record_warn(r, "%s", (const char *)g_ptr_array_index(src.doc->warnings, i));
    if (src.encoding_guessed)
        slx_record_warn(r, "the encoding could not be detected with confidence; decoded as %s (CP932)",
                        src.encoding);
    slx_process_blocks(r, src.doc, p, x);
    slx_source_clear(&src);
    return r;
}

void
slx_process_blocks(SlxRecord *r, const SlxDocument *doc, const SlxPatterns *p,
                   const SlxExtractor *x)
{
    r->ocr = doc->ocr;
    g_autoptr(SlxTable) table = slx_segment(doc, p);
    r->title = g_strdup(table->title);
    r->service = g_strdup(table->service);
    if (table->rows->len == 0) {
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_NO_TABLE,
                    "no checklist rows found (no numbered rows or item names)");
        return;
    }

    g_autoptr(SlxMatchResult) mr = slx_match(table, p);
    r->catalog = mr->catalog->id;
    build_items(r, mr, p, x);
    if (mr->items_found < mr->catalog->min_items)
        slx_record_warn(r, "only %u of the %u items of %s were found: the document does not look "
                        "like the %s", mr->items_found, mr->catalog->items->len, mr->catalog->id,
                        mr->catalog->name ? mr->catalog->name : mr->catalog->id);
    if (table->header_rows == 0 && table->rows->len > table->text_rows)
        slx_record_warn(r, "no header row found: columns were inferred from their content");
}
