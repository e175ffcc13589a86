/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.c — a page's rows: the horizontal rules cut it into bands, the
 * vertical rules crossing a band bound its cells, glyphs go into the cell
 * they stand in, and a cell with no rule above it continues the one above
 * (a merged 種別). */
#include "pdf.h"

#include <math.h>

#define TABLE_RULE 40      /* points: a vertical rule this long is a table's */
#define TABLE_EDGE 100     /* points: so is a horizontal rule this long */

static gboolean
table_rule_covers(const GArray *rules, double pos, double at)
{
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        if (fabs(r->pos - pos) <= SAME_POS && r->from - SAME_POS <= at && at <= r->to + SAME_POS)
            return TRUE;
    }
    return FALSE;
}

/* Distinct positions of RULES (within SAME_POS), sorted; with FROM < TO,
 * only the rules that run the whole way from FROM to TO (a cell's side runs
 * the full height of its row; a glyph's stroke does not). */
static GArray *
table_positions(const GArray *rules, double from, double to)
{
    GArray *p = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        if (from < to && !(r->from - SAME_POS <= from && to <= r->to + SAME_POS))
            continue;
        g_array_append_val(p, r->pos);
    }
    g_array_sort(p, slx_pdf_by_double);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < p->len; i++) {
        double v = g_array_index(p, double, i);
        if (out->len == 0 || v - g_array_index(out, double, out->len - 1) > SAME_POS)
            g_array_append_val(out, v);
    }
    g_array_free(p, TRUE);
    return out;
}

typedef struct {
    double x0, x1;
    GPtrArray *glyphs;     /* Glyph * */
    guint group;           /* merged-cell group (union-find root) */
} Cell;

typedef struct {
    double y0, y1;
    GArray *cells;         /* Cell */
} Band;

static guint
table_find_root(guint *parent, guint i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* Rules whose middle lies on a glyph are strokes of it (ー, 一, the stems
 * of a big title), not a cell's side, which the cell's padding keeps off
 * the text.  A glyph's ink is taken as the middle half of its width about
 * its centre, both ways: its box may be taller than the line pitch. */
static void
table_drop_glyph_strokes(GArray *rules, const GArray *glyphs, gboolean horizontal)
{
    for (guint i = rules->len; i-- > 0;) {
        const Rule *r = &g_array_index(rules, Rule, i);
        double mid = (r->from + r->to) / 2;
        double x = horizontal ? mid : r->pos, y = horizontal ? r->pos : mid;
        for (guint k = 0; k < glyphs->len; k++) {
            const Glyph *g = &g_array_index(glyphs, Glyph, k);
            double half = 0.25 * (g->x2 - g->x1);
            double cx = (g->x1 + g->x2) / 2, cy = (g->y1 + g->y2) / 2;
            if (fabs(x - cx) <= half && fabs(y - cy) <= half) {
                g_array_remove_index(rules, i);
                break;
            }
        }
    }
}

/* Whether the text of band B is one line of one run cut by column sides:
 * a cell spanning columns. */
static gboolean
table_spans_columns(const Band *b)
{
    GPtrArray *whole = g_ptr_array_new();
    guint filled = 0;
    for (guint c = 0; c < b->cells->len; c++) {
        const GPtrArray *g = g_array_index(b->cells, Cell, c).glyphs;
        filled += g->len > 0;
        g_ptr_array_extend(whole, (GPtrArray *)g, NULL, NULL);
    }
    gboolean spans = FALSE;
    if (filled >= 2) {
        GArray *lines = slx_pdf_visual_lines(whole);
        spans = lines->len == 1 && slx_pdf_line_runs(&g_array_index(lines, Line, 0)) == 1;
        slx_pdf_lines_free(lines);
    }
    g_ptr_array_free(whole, TRUE);
    return spans;
}

/* The extent of the page's table from its rules: where the long vertical
 * rules are (a table's sides span many rows; horizontal rules elsewhere
 * are strokes of text joined into runs), and where the last lines of a
 * row cut by the page break make short column rules that meet the
 * table's edge, a horizontal rule longer than any text.  *BOTTOM < 0 when
 * the page has no table rules. */
static void
table_extent(const GArray *hr, const GArray *vr, double *top, double *bottom)
{
    *top = G_MAXDOUBLE;
    *bottom = -1;
    for (guint i = 0; i < vr->len; i++) {
        const Rule *r = &g_array_index(vr, Rule, i);
        if (r->to - r->from >= TABLE_RULE) {
            *top = MIN(*top, r->from);
            *bottom = MAX(*bottom, r->to);
        }
    }
    for (guint i = 0; i < hr->len; i++) {
        const Rule *h = &g_array_index(hr, Rule, i);
        if (h->to - h->from < TABLE_EDGE)
            continue;
        for (guint j = 0; j < vr->len; j++) {
            const Rule *v = &g_array_index(vr, Rule, j);
            gboolean meets = v->pos >= h->from - SAME_POS && v->pos <= h->to + SAME_POS &&
                             (fabs(v->to - h->pos) <= 2 * SAME_POS || fabs(v->from - h->pos) <= 2 * SAME_POS);
            if (meets) {
                *top = MIN(*top, MIN(v->from, h->pos));
                *bottom = MAX(*bottom, MAX(v->to, h->pos));
            }
        }
    }
}

/* Keep of HR and VR the sides of cells: horizontal rules within the
 * table's extent that run from one vertical rule to another, vertical
 * rules that meet a horizontal one (a row cut by the page break only at
 * its top), and again, the rules left standing.  Strokes of glyphs (一,
 * ー, the stems of a big title) are no cell's side. */
static void
table_keep_cell_sides(GArray *hr, GArray *vr, double top, double bottom)
{
    for (guint i = hr->len; i-- > 0;) {
        const Rule *r = &g_array_index(hr, Rule, i);
        if (r->pos < top - SAME_POS || r->pos > bottom + SAME_POS)
            g_array_remove_index(hr, i);
    }
    for (int pass = 0; pass < 2; pass++) {
        for (guint i = hr->len; i-- > 0;)
            if (slx_pdf_rule_crossings(&g_array_index(hr, Rule, i), vr) < 2)
                g_array_remove_index(hr, i);
        for (guint i = vr->len; i-- > 0;)
            if (slx_pdf_rule_crossings(&g_array_index(vr, Rule, i), hr) < 1)
                g_array_remove_index(vr, i);
    }
}

/* The heights that part rows: the horizontal rules, and the ends of the
 * column rules where a row cut by a page break has no rule above (or
 * below) it on this page.  *CUT_TOP is the top of such a row at the top
 * of the page, or -1. */
static GArray *
table_row_edges(const GArray *hr, const GArray *vr, double *cut_top)
{
    GArray *ys = table_positions(hr, 0, 0);
    *cut_top = -1;
    if (vr->len == 0 || ys->len == 0)
        return ys;
    double first = g_array_index(ys, double, 0), last = g_array_index(ys, double, ys->len - 1);
    double top = G_MAXDOUBLE, bottom = 0;
    for (guint i = 0; i < vr->len; i++) {
        const Rule *r = &g_array_index(vr, Rule, i);
        if (r->from < first - 3 && r->to >= first - SAME_POS)   /* reaches the table */
            top = MIN(top, r->from);
        if (r->to > last + 3 && r->from <= last + SAME_POS)
            bottom = MAX(bottom, r->to);
    }
    if (top < first - 3) {
        g_array_prepend_val(ys, top);
        *cut_top = top;
    }
    if (bottom > last + 3 && bottom < G_MAXDOUBLE)
        g_array_append_val(ys, bottom);
    return ys;
}

/* Bands between the row edges YS with at least two vertical rules of VR
 * crossing them: the table's rows, each cut into cells. */
static GArray *
table_bands(const GArray *ys, const GArray *vr)
{
    GArray *bands = g_array_new(FALSE, FALSE, sizeof(Band));
    for (guint k = 0; k + 1 < ys->len; k++) {
        double y0 = g_array_index(ys, double, k), y1 = g_array_index(ys, double, k + 1);
        if (y1 - y0 < 3)
            continue;
        GArray *xs = table_positions(vr, y0, y1);
        if (xs->len >= 2) {
            Band b = {y0, y1, g_array_new(FALSE, FALSE, sizeof(Cell))};
            for (guint i = 0; i + 1 < xs->len; i++) {
                Cell c = {g_array_index(xs, double, i), g_array_index(xs, double, i + 1),
                          g_ptr_array_new(), 0};
                g_array_append_val(b.cells, c);
            }
            g_array_append_val(bands, b);
        }
        g_array_free(xs, TRUE);
    }
    return bands;
}

static void
table_bands_free(GArray *bands)
{
    for (guint k = 0; k < bands->len; k++) {
        GArray *cells = g_array_index(bands, Band, k).cells;
        for (guint c = 0; c < cells->len; c++)
            g_ptr_array_unref(g_array_index(cells, Cell, c).glyphs);
        g_array_free(cells, TRUE);
    }
    g_array_free(bands, TRUE);
}

/* Each glyph of GLYPHS into the cell of BANDS its centre stands in; the
 * glyphs in none are returned: they are outside the table. */
static GPtrArray *
table_place_glyphs(GArray *glyphs, GArray *bands)
{
    GPtrArray *outside = g_ptr_array_new();
    for (guint i = 0; i < glyphs->len; i++) {
        Glyph *g = &g_array_index(glyphs, Glyph, i);
        double cx = (g->x1 + g->x2) / 2, cy = (g->y1 + g->y2) / 2;
        gboolean placed = FALSE;
        for (guint k = 0; k < bands->len && !placed; k++) {
            Band *b = &g_array_index(bands, Band, k);
            if (cy < b->y0 || cy > b->y1)
                continue;
            for (guint c = 0; c < b->cells->len && !placed; c++) {
                Cell *cell = &g_array_index(b->cells, Cell, c);
                if (cx >= cell->x0 && cx <= cell->x1) {
                    g_ptr_array_add(cell->glyphs, g);
                    placed = TRUE;
                }
            }
        }
        if (!placed)
            g_ptr_array_add(outside, g);
    }
    return outside;
}

/* Merged cells: a cell with no rule of HR above it joins the cell above
 * it.  Returns the glyphs of each group (root id → GPtrArray of Glyph *);
 * each cell's group is its root. */
static GHashTable *
table_merge_cells(GArray *bands, const GArray *hr)
{
    guint ncells = 0;
    for (guint k = 0; k < bands->len; k++)
        ncells += g_array_index(bands, Band, k).cells->len;
    guint *parent = g_new(guint, MAX(ncells, 1));
    guint id = 0;
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        for (guint c = 0; c < b->cells->len; c++, id++) {
            Cell *cell = &g_array_index(b->cells, Cell, c);
            parent[id] = id;
            cell->group = id;
            if (k == 0)
                continue;
            Band *above = &g_array_index(bands, Band, k - 1);
            double mid = (cell->x0 + cell->x1) / 2;
            if (fabs(above->y1 - b->y0) > SAME_POS || table_rule_covers(hr, b->y0, mid))
                continue;
            for (guint a = 0; a < above->cells->len; a++) {
                Cell *up = &g_array_index(above->cells, Cell, a);
                if (fabs(up->x0 - cell->x0) <= SAME_POS && fabs(up->x1 - cell->x1) <= SAME_POS)
                    parent[id] = table_find_root(parent, up->group);
            }
        }
    }
    GHashTable *groups = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify)g_ptr_array_unref);
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        for (guint c = 0; c < b->cells->len; c++) {
            Cell *cell = &g_array_index(b->cells, Cell, c);
            cell->group = table_find_root(parent, cell->group);
            GPtrArray *all = g_hash_table_lookup(groups, GUINT_TO_POINTER(cell->group));
            if (all == NULL) {
                all = g_ptr_array_new();
                g_hash_table_insert(groups, GUINT_TO_POINTER(cell->group), all);
            }
            g_ptr_array_extend(all, cell->glyphs, NULL, NULL);
        }
    }
    g_free(parent);
    return groups;
}

/* One row block per band of BANDS, appended to BLOCKS (PdfBlock).  A
 * merged cell's text goes to every band it covers.  Without borders, a
 * row of one cell (a section, colspan) cut at the column sides is one
 * cell again.  The first band, at CUT_TOP, with its first cell (No.)
 * empty, is the rest of the last row of the page before. */
static void
table_emit_rows(GArray *bands, GHashTable *groups, gboolean borderless, double cut_top,
                guint page, GArray *blocks)
{
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        PdfBlock pb = {b->y0, slx_block_new(SLX_BLOCK_ROW, 0, page), FALSE, 0};
        pb.block->continues = k == 0 && b->y0 == cut_top && b->cells->len > 1 &&
                              g_array_index(b->cells, Cell, 0).glyphs->len == 0;
        GPtrArray *whole = g_ptr_array_new();
        for (guint c = 0; c < b->cells->len; c++)
            g_ptr_array_extend(whole, g_array_index(b->cells, Cell, c).glyphs, NULL, NULL);
        pb.block->confidence = slx_pdf_glyphs_confidence(whole);
        if (borderless && table_spans_columns(b)) {
            slx_block_take_cell(pb.block, slx_pdf_assemble(whole));
        } else {
            for (guint c = 0; c < b->cells->len; c++) {
                Cell *cell = &g_array_index(b->cells, Cell, c);
                GPtrArray *all = g_hash_table_lookup(groups, GUINT_TO_POINTER(cell->group));
                GPtrArray *copy = g_ptr_array_copy(all, NULL, NULL);
                slx_block_take_cell(pb.block, slx_pdf_assemble(copy));
                g_ptr_array_unref(copy);
            }
        }
        g_ptr_array_unref(whole);
        g_array_append_val(blocks, pb);
    }
}

/* The page's blocks from its glyphs and the rules slx_pdf_page_rules()
 * found (taken), appended to BLOCKS (PdfBlock) in no particular order.
 * COLUMNS carries the column sides of a borderless table from page to
 * page. */
void
slx_pdf_page_rows(GArray *glyphs, GArray *hr, GArray *vr, GArray *columns, guint page,
                  GArray *blocks)
{
    table_drop_glyph_strokes(hr, glyphs, TRUE);
    table_drop_glyph_strokes(vr, glyphs, FALSE);
    double top, bottom;
    table_extent(hr, vr, &top, &bottom);
    gboolean borderless = bottom < 0;
    if (!borderless) {
        g_array_set_size(columns, 0);
    } else {                      /* no ruling lines: the gaps stand for them */
        g_array_set_size(hr, 0);
        g_array_set_size(vr, 0);
        slx_pdf_infer_rules(glyphs, columns, hr, vr);
        for (guint i = 0; i < vr->len; i++) {
            top = MIN(top, g_array_index(vr, Rule, i).from);
            bottom = MAX(bottom, g_array_index(vr, Rule, i).to);
        }
    }
    table_keep_cell_sides(hr, vr, top, bottom);
    double cut_top;
    GArray *ys = table_row_edges(hr, vr, &cut_top);
    GArray *bands = table_bands(ys, vr);
    GPtrArray *outside = table_place_glyphs(glyphs, bands);
    GHashTable *groups = table_merge_cells(bands, hr);
    table_emit_rows(bands, groups, borderless, cut_top, page, blocks);
    g_hash_table_unref(groups);
    table_bands_free(bands);

    double page_right = 0;
    for (guint i = 0; i < glyphs->len; i++)
        page_right = MAX(page_right, g_array_index(glyphs, Glyph, i).x2);
    slx_pdf_text_blocks(outside, page_right, glyphs, page, blocks);
    g_ptr_array_free(outside, TRUE);
    g_array_free(ys, TRUE);
    g_array_free(hr, TRUE);
    g_array_free(vr, TRUE);
}
