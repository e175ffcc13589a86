/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.c — the blocks every reader produces. */
#include "document.h"

static void
document_block_free(gpointer p)
{
    SlxBlock *b = p;
    g_ptr_array_unref(b->cells);
    g_free(b);
}

SlxDocument *
slx_document_new(void)
{
    SlxDocument *doc = g_new0(SlxDocument, 1);
    doc->blocks = g_ptr_array_new_with_free_func(document_block_free);
    doc->warnings = g_ptr_array_new_with_free_func(g_free);
    return doc;
}

void
slx_document_free(SlxDocument *doc)
{
    if (doc == NULL)
        return;
    g_ptr_array_unref(doc->blocks);
    g_ptr_array_unref(doc->warnings);
    g_free(doc);
}

SlxBlock *
slx_block_new(SlxBlockKind kind, guint line, guint page)
{
    SlxBlock *b = g_new0(SlxBlock, 1);
    b->kind = kind;
    b->cells = g_ptr_array_new_with_free_func(g_free);
    b->line = line;
    b->page = page;
    b->confidence = 1;
    return b;
}

void
slx_document_append(SlxDocument *doc, SlxBlock *block)
{
    g_ptr_array_add(doc->blocks, block);
}

SlxBlock *
slx_document_add(SlxDocument *doc, SlxBlockKind kind, guint line, guint page)
{
    SlxBlock *b = slx_block_new(kind, line, page);
    slx_document_append(doc, b);
    return b;
}

SlxBlock *
slx_document_add_row(SlxDocument *doc, guint line, guint page)
{
    return slx_document_add(doc, SLX_BLOCK_ROW, line, page);
}

SlxBlock *
slx_document_add_text(SlxDocument *doc, SlxBlockKind kind, char *text, guint line)
{
    SlxBlock *b = slx_document_add(doc, kind, line, 0);
    slx_block_take_cell(b, text);
    return b;
}

void
slx_document_warn(SlxDocument *doc, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    g_ptr_array_add(doc->warnings, g_strdup_vprintf(format, ap));
    va_end(ap);
}

void
slx_block_take_cell(SlxBlock *block, char *text)
{
    g_ptr_array_add(block->cells, text);
}

static gboolean
document_is_blank(const char *s)
{
    for (; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (!g_unichar_isspace(c) && c != 0x3000)
            return FALSE;
    }
    return TRUE;
}

guint
slx_block_filled(const SlxBlock *block)
{
    guint n = 0;
    for (guint i = 0; i < block->cells->len; i++)
        if (!document_is_blank(g_ptr_array_index(block->cells, i)))
            n++;
    return n;
}

const char *
slx_block_cell(const SlxBlock *block, guint i)
{
    return i < block->cells->len ? g_ptr_array_index(block->cells, i) : "";
}

const char *
slx_block_kind_name(SlxBlockKind kind)
{
    static const char *const names[] = {"row",         "heading", "paragraph",
                                        "list_item",   "label_value", "sheet"};
    return kind < G_N_ELEMENTS(names) ? names[kind] : "?";
}
