/* borderless.c — rules for tables printed without ruling lines: put in
 * the gaps that the table's lines leave between columns and rows. */
#include "pdf.h"

#include <math.h>
#include <string.h>

#define BIN 0.25           /* points: the grain of the gaps of a borderless table */
#define MIN_TABLE_LINES 3  /* lines of several runs that make a borderless table */
#define MIN_COLUMN_GAP 0.5 /* glyph sizes: the narrowest gap between columns */
#define MIN_ROW_GAP 1.5    /* points: rows are this much further apart than lines (padding) */
#define TITLE_WIDTH 0.5    /* a line of one run wider than this part of the page's text parts tables */
#define SPARSE_COLUMN 0.35 /* a column inked less than this part of the most inked one */

/* A table printed without ruling lines still has its columns apart and its
 * rows apart: cells are padded.  Lines with two or more runs of text far
 * apart are the table's; the x ranges no such line inks are the gaps
 * between columns, and the y ranges no table line inks are the gaps between
 * rows.  Rules are put in the middle of those gaps, and the page is read
 * as a bordered one (research/pdf-tables.md §4).  Vertical rules span the
 * table's lines, horizontal ones are only between rows, so that a row cut
 * by the page break is seen as one, as with borders.  A merged cell's text
 * stays in the row it is printed in. */


/* Whether a glyph of LINE crosses one of the GAPS (pairs of x0, x1). */
static gboolean
borderless_line_crosses(const Line *line, const GArray *gaps)
{
    for (guint k = 0; k < line->glyphs->len; k++) {
        const Glyph *g = g_ptr_array_index(line->glyphs, k);
        for (guint i = 0; i + 1 < gaps->len; i += 2)
            if (g->x2 > g_array_index(gaps, double, i) && g->x1 < g_array_index(gaps, double, i + 1))
                return TRUE;
    }
    return FALSE;
}

/* Whether LINE lies between LEFT and RIGHT without crossing CUTS. */
static gboolean
borderless_line_fits(const Line *line, const GArray *cuts, double left, double right)
{
    return slx_pdf_line_left(line) >= left && slx_pdf_line_right(line) <= right && !borderless_line_crosses(line, cuts);
}

/* The inner column SIDES (all but the table's edges) as narrow gaps
 * (x0, x1) appended to OUT, for borderless_line_crosses(): a line crossing one spans
 * two columns. */
static void
borderless_sides_as_gaps(const GArray *sides, GArray *out)
{
    for (guint k = 1; k + 1 < sides->len; k++) {
        double x = g_array_index(sides, double, k), lo = x - BIN, hi = x + BIN;
        g_array_append_val(out, lo);
        g_array_append_val(out, hi);
    }
}

/* Empty runs of at least MIN_RUN bins in INKED[0..n), as pairs of bin
 * indexes (start, end) appended to OUT. */
static void
borderless_empty_runs(const guint8 *inked, guint n, guint min_run, GArray *out)
{
    for (guint i = 0; i < n;) {
        if (inked[i]) {
            i++;
            continue;
        }
        guint start = i;
        while (i < n && !inked[i])
            i++;
        if (i - start >= min_run) {
            double a = start, b = i;
            g_array_append_val(out, a);
            g_array_append_val(out, b);
        }
    }
}

/* Columns: x bins of BIN points that no line of several runs inks,
 * among LINES[FIRST..LAST], appended to GAPS as pairs (x0, x1). */
static void
borderless_column_gaps(const GArray *lines, guint first, guint last, double size, double x_min,
                 double x_max, GArray *gaps)
{
    guint nx = (guint)ceil((x_max - x_min) / BIN) + 1;
    guint8 *inked = g_new0(guint8, nx);
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (slx_pdf_line_runs(l) < 2)
            continue;
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            guint a = (guint)floor((g->x1 - x_min) / BIN), b = (guint)ceil((g->x2 - x_min) / BIN);
            for (guint x = a; x < MIN(b, nx); x++)
                inked[x] = 1;
        }
    }
    borderless_empty_runs(inked, nx, (guint)ceil(MIN_COLUMN_GAP * size / BIN), gaps);
    g_free(inked);
    for (guint i = 0; i < gaps->len; i++)
        g_array_index(gaps, double, i) = x_min + g_array_index(gaps, double, i) * BIN;
}

/* The commonest gap (points, to half a point) between the inked runs of
 * each of the NCOLS columns of COL_INK (NY bins each). */
static double
borderless_leading(const guint8 *col_ink, guint ncols, guint ny)
{
    GArray *heights = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint c = 0; c < ncols; c++) {
        g_array_set_size(runs, 0);
        borderless_empty_runs(col_ink + (gsize)c * ny, ny, 1, runs);
        for (guint i = 0; i + 1 < runs->len; i += 2) {
            double a = g_array_index(runs, double, i), b = g_array_index(runs, double, i + 1);
            if (a > 0 && b < ny) {      /* between two lines of the column */
                double h = (b - a) * BIN;
                g_array_append_val(heights, h);
            }
        }
    }
    double leading = 0;
    guint votes = 0;
    for (guint i = 0; i < heights->len; i++) {
        double h = g_array_index(heights, double, i);
        guint n = 0;
        for (guint k = 0; k < heights->len; k++)
            n += fabs(g_array_index(heights, double, k) - h) <= 0.5;
        if (n > votes || (n == votes && h < leading))
            votes = n, leading = h;
    }
    g_array_free(runs, TRUE);
    g_array_free(heights, TRUE);
    return leading;
}

/* Whether the first column of COL_INK is inked in bins [A, B). */
static gboolean
borderless_column_inked(const guint8 *col_ink, guint ny, guint a, guint b)
{
    for (guint y = a; y < MIN(b, ny); y++)
        if (col_ink[y])
            return TRUE;
    return FALSE;
}

/* Rows parted everywhere but in one column: a merged cell (種別 spanning
 * rows, printed across the gap between them, one character per line) fills
 * the gap there.  Such a gap is a stretch of at least MIN_GAP points that
 * only column C inks, with other columns inked right above and right below
 * it (the rows it parts), no rule in it already (a stretch reaching
 * through a gap between rows is a tall cell beside short ones), and a No.
 * on either side.  COL_INK holds NCOLS columns of NY bins from Y_MIN;
 * rules go from LEFT to RIGHT into HR, whose rules from index FROM are this
 * table's. */
static void
borderless_merged_cell_rules(const guint8 *col_ink, guint ncols, guint ny, double y_min, double min_gap,
                  guint from, double left, double right, GArray *hr)
{
    guint8 *others = g_new(guint8, ny);
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
    guint nrules = hr->len;
    for (guint c = 0; c < ncols; c++) {
        memset(others, 0, ny);
        for (guint o = 0; o < ncols; o++)
            if (o != c)
                for (guint y = 0; y < ny; y++)
                    others[y] |= col_ink[(gsize)o * ny + y];
        g_array_set_size(runs, 0);
        borderless_empty_runs(others, ny, 1, runs);
        for (guint k = 0; k + 1 < runs->len; k += 2) {
            guint a = (guint)g_array_index(runs, double, k), b = (guint)g_array_index(runs, double, k + 1);
            if (a == 0 || b == ny || (b - a) * BIN < min_gap)
                continue;
            gboolean inked = FALSE, ruled = FALSE;
            for (guint y = a; y < b && !inked; y++)
                inked = col_ink[(gsize)c * ny + y];
            double y0 = y_min + a * BIN, y1 = y_min + b * BIN;
            double above = y_min, below = y_min + ny * BIN;   /* the rules around */
            for (guint i = from; i < hr->len; i++) {
                double pos = g_array_index(hr, Rule, i).pos;
                ruled |= i < nrules && pos >= y0 && pos <= y1;
                if (pos < y0)
                    above = MAX(above, pos);
                if (pos > y1)
                    below = MIN(below, pos);
            }
            /* Each side a record of its own: the first column (No.) is
             * inked on both (a tall cell beside short ones is not). */
            if (inked && !ruled && c > 0 &&
                borderless_column_inked(col_ink, ny, (guint)((above - y_min) / BIN), a) &&
                borderless_column_inked(col_ink, ny, b, (guint)MIN((below - y_min) / BIN, ny))) {
                Rule r = {(y0 + y1) / 2, left, right, FALSE};
                g_array_append_val(hr, r);
            }
        }
    }
    g_array_free(runs, TRUE);
    g_free(others);
}

/* Rules for the borderless table in LINES[FROM..TO), added to HR and VR.
 * COLUMNS holds the column sides of the table before (on the page before,
 * for the first block of a page), and gets this one's.  The first block of
 * a page is left open at the top, like a row cut by the page break. */
static void
borderless_block(const GArray *lines, guint from, guint to, gboolean opens_page, GArray *columns,
            GArray *hr, GArray *vr)
{
    guint rules_before = hr->len;

    /* The table's lines: from the first to the last line of several runs. */
    guint first = G_MAXUINT, last = 0, nmulti = 0;
    double size = 0, x_min = G_MAXDOUBLE, x_max = 0;
    for (guint i = from; i < to; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (slx_pdf_line_runs(l) < 2)
            continue;
        first = MIN(first, i);
        last = i;
        nmulti++;
        size += l->size;
        x_min = MIN(x_min, slx_pdf_line_left(l));
        x_max = MAX(x_max, slx_pdf_line_right(l));
    }
    GArray *gaps = g_array_new(FALSE, FALSE, sizeof(double));
    if (nmulti < MIN_TABLE_LINES) {
        /* Too few lines to see columns in: at most the end of the table of
         * the page before (the rest of its last row), in its columns. */
        if (columns->len < 2 || !opens_page || from >= to)
            goto out;
        borderless_sides_as_gaps(columns, gaps);
        const Line *l = &g_array_index(lines, Line, from);
        if (!borderless_line_fits(l, gaps, g_array_index(columns, double, 0),
                       g_array_index(columns, double, columns->len - 1)))
            goto out;
        first = last = from;
        size = l->size;
        x_min = g_array_index(columns, double, 0) + 1;
        x_max = g_array_index(columns, double, columns->len - 1) - 1;
    } else {
        size /= nmulti;
        borderless_column_gaps(lines, first, last, size, x_min, x_max, gaps);
    }

    /* Column sides: in the middle of each gap, unless the page before had
     * sides inside it: a column empty on this page (no 種別 on it) is
     * still there, and the rows of both pages must line up. */
    double left = x_min - 1, right = x_max + 1;
    if (columns->len >= 2 && g_array_index(columns, double, 0) <= left &&
        g_array_index(columns, double, columns->len - 1) >= right) {
        left = g_array_index(columns, double, 0);
        right = g_array_index(columns, double, columns->len - 1);
    }
    GArray *sides = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_val(sides, left);
    /* Beyond the ink, too: a column empty at the table's edge. */
    g_array_prepend_val(gaps, x_min);
    g_array_prepend_val(gaps, left);
    g_array_append_val(gaps, x_max);
    g_array_append_val(gaps, right);
    for (guint i = 0; i + 1 < gaps->len; i += 2) {
        double lo = g_array_index(gaps, double, i), hi = g_array_index(gaps, double, i + 1);
        guint before = sides->len;
        for (guint k = 1; k + 1 < columns->len; k++) {
            double x = g_array_index(columns, double, k);
            if (x > lo && x < hi)
                g_array_append_val(sides, x);
        }
        if (sides->len == before && i > 0 && i + 2 < gaps->len) {
            double mid = (lo + hi) / 2;
            g_array_append_val(sides, mid);
        }
    }
    g_array_append_val(sides, right);
    g_array_set_size(columns, 0);
    g_array_append_vals(columns, sides->data, sides->len);
    x_min = left + 1;
    x_max = right - 1;

    /* Lines next to the table that stay inside its columns belong to it:
     * the rest of a row cut by the page break, a last wrapped line. */
    GArray *cuts = g_array_new(FALSE, FALSE, sizeof(double));
    borderless_sides_as_gaps(sides, cuts);
    while (first > from && borderless_line_fits(&g_array_index(lines, Line, first - 1), cuts, left, right))
        first--;
    while (last + 1 < to && borderless_line_fits(&g_array_index(lines, Line, last + 1), cuts, left, right))
        last++;
    g_array_free(cuts, TRUE);
    /* A glyph inks one glyph size about its centre (its box can be taller
     * than the line pitch). */
    double y_min = G_MAXDOUBLE, y_max = 0;
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            y_min = MIN(y_min, (g->y1 + g->y2) / 2 - size / 2);
            y_max = MAX(y_max, (g->y1 + g->y2) / 2 + size / 2);
        }
    }
    double top = y_min - 1, bottom = y_max + 1;
    for (guint i = 0; i < sides->len; i++) {
        Rule r = {g_array_index(sides, double, i), top, bottom, FALSE};
        g_array_append_val(vr, r);
    }
    g_array_free(sides, TRUE);

    /* Rows: y bins the table's lines do not ink, a glyph inking one glyph
     * size about its centre.  The lines of one cell are the leading apart;
     * rows are further apart by the cells' padding.  So the commonest gap
     * is taken for the leading, and gaps wider by MIN_ROW_GAP part rows; if
     * none is wider, every line is a row.  A merged cell (種別) printed
     * across the rows it spans would close the gaps between them: columns
     * inked much less than the others (merged 種別, No., 備考) are left out
     * of the gaps, and the rule goes where they leave room if they do. */
    guint ny = (guint)ceil((y_max - y_min) / BIN) + 1, ncols = vr->len - 1;
    guint8 *col_ink = g_new0(guint8, (gsize)ncols * ny);
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            double cx = (g->x1 + g->x2) / 2, mid = (g->y1 + g->y2) / 2;
            guint c = 0;
            while (c + 1 < ncols && cx > g_array_index(vr, Rule, c + 1).pos)
                c++;
            double a = floor((mid - size / 2 - y_min) / BIN), b = ceil((mid + size / 2 - y_min) / BIN);
            for (guint y = (guint)MAX(a, 0); y < MIN((guint)MAX(b, 0), ny); y++)
                col_ink[(gsize)c * ny + y] = 1;
        }
    }
    guint *coverage = g_new0(guint, ncols), most = 0;
    for (guint c = 0; c < ncols; c++) {
        for (guint y = 0; y < ny; y++)
            coverage[c] += col_ink[(gsize)c * ny + y];
        most = MAX(most, coverage[c]);
    }
    guint8 *inked_all = g_new0(guint8, ny), *inked = g_new0(guint8, ny);
    for (guint c = 0; c < ncols; c++)
        for (guint y = 0; y < ny; y++) {
            inked_all[y] |= col_ink[(gsize)c * ny + y];
            if (coverage[c] >= SPARSE_COLUMN * most)
                inked[y] |= col_ink[(gsize)c * ny + y];
        }
    g_free(coverage);
    GArray *row_gaps = g_array_new(FALSE, FALSE, sizeof(double));
    borderless_empty_runs(inked, ny, 1, row_gaps);
    g_free(inked);
    /* Inside the table only (rounding can leave a bin free at its end). */
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, row_gaps->len - 1) >= ny - 1)
        g_array_set_size(row_gaps, row_gaps->len - 2);
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, 0) == 0)
        g_array_remove_range(row_gaps, 0, 2);
    /* The leading is the commonest gap between lines in a column (to half
     * a point): cells have more lines than rows have cells, and lines in
     * another font or size can be closer. */
    double leading = borderless_leading(col_ink, ncols, ny), widest = 0;
    for (guint i = 0; i + 1 < row_gaps->len; i += 2)
        widest = MAX(widest, (g_array_index(row_gaps, double, i + 1) - g_array_index(row_gaps, double, i)) * BIN);
    /* Evenly spaced lines are rows of one line each, in a table; the end
     * of the page before's table alone is more likely one cut row. */
    gboolean every_line = widest < leading + MIN_ROW_GAP && nmulti >= MIN_TABLE_LINES;
    if (widest < leading + MIN_ROW_GAP && !every_line)
        g_array_set_size(row_gaps, 0);
    GArray *stretches = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i + 1 < row_gaps->len; i += 2) {
        guint a = (guint)g_array_index(row_gaps, double, i), b = (guint)g_array_index(row_gaps, double, i + 1);
        if (!every_line && (b - a) * BIN < leading + MIN_ROW_GAP)
            continue;
        /* Where the sparse columns leave room: each stretch of the gap no
         * column inks that is itself a row gap (a section row printed in
         * sparse columns only lies between two), else the widest one (a
         * merged cell printed across the rows it spans). */
        double best_a = a, best_b = b, best = 0;
        guint added = 0;
        g_array_set_size(stretches, 0);
        borderless_empty_runs(inked_all + a, b - a, 1, stretches);
        for (guint k = 0; k + 1 < stretches->len; k += 2) {
            double start = a + g_array_index(stretches, double, k);
            double end = a + g_array_index(stretches, double, k + 1);
            if ((end - start) * BIN >= leading + MIN_ROW_GAP) {
                Rule r = {y_min + (start + end) / 2 * BIN, x_min - 1, x_max + 1, FALSE};
                g_array_append_val(hr, r);
                added++;
            }
            if (end - start > best)
                best = end - start, best_a = start, best_b = end;
        }
        if (added == 0) {
            Rule r = {y_min + (best_a + best_b) / 2.0 * BIN, x_min - 1, x_max + 1, FALSE};
            g_array_append_val(hr, r);
        }
    }
    g_array_free(stretches, TRUE);
    g_free(inked_all);
    if (!every_line)
        borderless_merged_cell_rules(col_ink, ncols, ny, y_min, leading + MIN_ROW_GAP, rules_before,
                          x_min - 1, x_max + 1, hr);
    g_free(col_ink);
    /* Closed at the bottom; at the top too, but for the first table of the
     * page, which may continue a row of the page before. */
    Rule closing = {bottom, x_min - 1, x_max + 1, FALSE};
    g_array_append_val(hr, closing);
    if (!opens_page && hr->len > rules_before) {
        Rule opening = {top, x_min - 1, x_max + 1, FALSE};
        g_array_append_val(hr, opening);
    }
    g_array_free(row_gaps, TRUE);
out:
    g_array_free(gaps, TRUE);
}

/* Rules for the borderless tables among GLYPHS, added to HR and VR.  A
 * page can hold several tables (one per sheet page, each with its own
 * column widths), with a title between them: a wide line of one run parts
 * them, and each gets its own columns.  COLUMNS holds the column sides of
 * the last table of the page before, and gets this page's. */
void
slx_pdf_infer_rules(GArray *glyphs, GArray *columns, GArray *hr, GArray *vr)
{
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < glyphs->len; i++)
        g_ptr_array_add(all, &g_array_index(glyphs, Glyph, i));
    GArray *lines = slx_pdf_visual_lines(all);
    g_ptr_array_free(all, TRUE);

    double x_min = G_MAXDOUBLE, x_max = 0;
    for (guint i = 0; i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        x_min = MIN(x_min, slx_pdf_line_left(l));
        x_max = MAX(x_max, slx_pdf_line_right(l));
    }
    guint from = 0;
    for (guint i = 0; i <= lines->len; i++) {
        gboolean parts = i == lines->len;
        if (!parts) {
            const Line *l = &g_array_index(lines, Line, i);
            double x1 = slx_pdf_line_left(l), x2 = slx_pdf_line_right(l);
            /* A title: wide, one run, from the left (a wide cell of the
             * last column is not). */
            parts = slx_pdf_line_runs(l) == 1 && x2 - x1 > TITLE_WIDTH * (x_max - x_min) &&
                    x1 - x_min < (1 - TITLE_WIDTH) / 2 * (x_max - x_min);
        }
        if (!parts)
            continue;
        if (i > from) {
            gboolean opens_page = from == 0;
            if (!opens_page)
                g_array_set_size(columns, 0);   /* another table, other widths */
            borderless_block(lines, from, i, opens_page, columns, hr, vr);
        }
        from = i + 1;
    }
    slx_pdf_lines_free(lines);
}
