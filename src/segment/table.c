/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment/table.c — table rows: headers, cells aligned to columns, continuations.
 *
 * Why the cells of a row are aligned rather than read by position: in
 * exports of merged cells the 種別 cell exists on the first row of a group
 * only, and vendors drop or insert columns half-way through a document
 * (seed 001 loses 種別 and 備考 after item 34; seed 004 puts the item name
 * in the 種別 slot for items 26–38).  table_align_row() therefore matches the
 * cells, in order, to the header's columns, in order, scoring how well each
 * cell fits each column (a number fits No., a known 種別 fits 種別, text close
 * to a catalog name fits the name column …), and keeps the best alignment.
 * Cells may skip columns; no cell is ever dropped. */
#include "internal.h"

#include <string.h>

#define NEG_INF (-1e9)
#define POSITION_BONUS 0.3

/* One cell of a row being segmented. */
typedef struct {
    char *text;               /* normalized, CJK spaces kept */
    SlxKey *key;              /* NULL until needed (table_cell_key) */
    glong chars;
    double name_sim, template_sim;   /* likeness to catalog names and 規定内容; < 0 until needed */
    int number;               /* whether it is an item number; < 0 until needed */
    int marker;               /* its SlxMarker or -1; < -1 until needed */
} Cell;

/* A cell of normalized TEXT (taken). */
static Cell
table_cell(char *text)
{
    return (Cell){text, NULL, g_utf8_strlen(text, -1), -1, -1, -1, -2};
}

/* Cell C's match key, made the first time it is asked for: most cells of
 * a table under a header it knows are put in their column as they are. */
static const SlxKey *
table_cell_key(Cell *c)
{
    if (c->key == NULL)
        c->key = slx_key_new(c->text);
    return c->key;
}

/* The likeness of cell C to catalog names or templates, computed once: the
 * alignment asks for it once per column. */
static double
table_cell_similarity(const Context *cx, Cell *c, gboolean names)
{
    double *slot = names ? &c->name_sim : &c->template_sim;
    if (*slot < 0)
        *slot = slx_seg_best_similarity(cx, table_cell_key(c), names);
    return *slot;
}

/* Whether cell C is an item number (「12」, 「No.3」, 「(4)」), asked once:
 * the alignment asks once per column. */
static gboolean
table_cell_is_number(const Context *cx, Cell *c)
{
    if (c->number < 0)
        c->number = slx_seg_is_number(cx, c->text);
    return c->number;
}

/* Cell C's marker (○, 有, N/A …) or -1, looked up once.  C's text is
 * normalized already but for the spaces next to Japanese, which the marker
 * lookup drops: a cell of more characters than a bracketed marker besides
 * its spaces is none, and is not normalized a second time to say so. */
static int
table_cell_marker(const Context *cx, Cell *c)
{
    if (c->marker >= -1)
        return c->marker;
    const SlxVocabulary *v = &cx->patterns->vocab;
    glong chars = 0;
    for (const char *p = c->text; *p; p = g_utf8_next_char(p))
        chars += *p != ' ';
    c->marker = chars > v->marker_chars + 2 ? -1 : slx_marker_of(v, c->text);
    return c->marker;
}

/* ---- alignment ------------------------------------------------------- */

static gboolean
table_is_ascii(const char *s)
{
    for (; *s; s++)
        if ((guchar)*s >= 0x80)
            return FALSE;
    return TRUE;
}

/* How well non-empty cell C fits a column of role R. */
static double
table_fit(const Context *cx, Cell *c, SlxColumnRole r, gboolean headerless)
{
    switch (r) {
    case SLX_COL_NO:
        return table_cell_is_number(cx, c) ? 3.0 : NEG_INF;
    case SLX_COL_CATEGORY:
        if (slx_seg_is_category(cx, table_cell_key(c)->text))
            return 2.0;
        /* A short label of the vendor's own: 「共通」, 「availability」. */
        return c->chars <= (table_is_ascii(c->text) ? 16 : 8) ? 0.2 : -3.0;
    case SLX_COL_NAME: {
        if (table_cell_is_number(cx, c))
            return -3.0;
        double sim = table_cell_similarity(cx, c, TRUE);
        double s = 0.5 + 1.5 * sim;
        /* Without a header, a cell that is an item's name exactly is the
         * name, though it is a unit's too (稼働率, 稼働率(%)). */
        if (headerless && sim >= 1.0)
            s += 0.5;
        return c->chars > 40 ? s - 1.0 : s;
    }
    case SLX_COL_TEMPLATE:
        return 0.3 + 1.5 * table_cell_similarity(cx, c, FALSE);
    case SLX_COL_UNIT:
        if (slx_seg_is_unit(cx, table_cell_key(c)->text))
            return 2.0;
        return c->chars <= 10 ? 0.1 : -2.0;
    case SLX_COL_EXAMPLE:
        return 0.3;
    case SLX_COL_ANSWER:
        if (table_cell_marker(cx, c) >= 0)
            return 1.0;
        /* Without a header to say where the template is, a cell that opens
         * with a figure (24時間365日, 99.9%, 7世代) is an answer, not 規定内容
         * that happens to share a bigram with one. */
        return headerless && g_ascii_isdigit(c->text[0]) ? 1.0 : 0.5;
    case SLX_COL_REMARKS:
        return 0.4;
    default:
        return 0.0;
    }
}

/* Assign each of the N cells to one of the M roles (or to none), keeping
 * both in order and maximizing the total fit.  OUT[i] is the role index
 * of cell i, or -1.  HEADERLESS: the roles are the default ones, no header
 * row said them. */
static void
table_align_row(const Context *cx, Cell *cells, guint n, const SlxColumnRole *roles, guint m,
                gboolean headerless, int *out)
{
    /* score[i][j]: best total for the first i cells and the first j roles. */
    double *score = g_new(double, (gsize)(n + 1) * (m + 1));
    guint8 *move = g_new0(guint8, (gsize)(n + 1) * (m + 1));   /* 1 skip role, 2 skip cell, 3 assign */
#define AT(i, j) ((gsize)(i) * (m + 1) + (j))
    for (gsize k = 0; k < (gsize)(n + 1) * (m + 1); k++)
        score[k] = NEG_INF;
    score[AT(0, 0)] = 0;
    for (guint i = 0; i <= n; i++) {
        for (guint j = 0; j <= m; j++) {
            double s = score[AT(i, j)];
            if (s <= NEG_INF / 2)
                continue;
            if (j < m && s > score[AT(i, j + 1)]) {
                score[AT(i, j + 1)] = s;
                move[AT(i, j + 1)] = 1;
            }
            if (i < n) {
                gboolean empty = *cells[i].text == '\0';
                double skip = s + (empty ? 0.0 : -5.0);
                if (skip > score[AT(i + 1, j)]) {
                    score[AT(i + 1, j)] = skip;
                    move[AT(i + 1, j)] = 2;
                }
                if (j < m) {
                    double f = empty ? 0.0 : table_fit(cx, &cells[i], roles[j], headerless);
                    /* A cell under its own header is where it belongs unless
                     * its content clearly fits elsewhere: a 規定内容 rewritten
                     * as the vendor's own question resembles no catalog
                     * template, yet it is not the answer. */
                    double a = s + f + (i == j ? POSITION_BONUS : 0.0);
                    if (f > NEG_INF / 2 && a > score[AT(i + 1, j + 1)]) {
                        score[AT(i + 1, j + 1)] = a;
                        move[AT(i + 1, j + 1)] = 3;
                    }
                }
            }
        }
    }
    for (guint i = 0; i < n; i++)
        out[i] = -1;
    guint i = n, j = m;
    while (i > 0 || j > 0) {
        guint8 mv = move[AT(i, j)];
        if (mv == 1) {
            j--;
        } else if (mv == 2) {
            i--;
        } else if (mv == 3) {
            out[i - 1] = (int)(j - 1);
            i--;
            j--;
        } else {
            break;
        }
    }
#undef AT
    g_free(score);
    g_free(move);
}

/* ---- row kinds ------------------------------------------------------- */

/* The cells of GR, from column SKIP on (the columns before it are a
 * spreadsheet viewer's frame). */
static Cell *
table_make_cells(const SlxBlock *gr, guint skip, guint *n)
{
    *n = gr->cells->len > skip ? gr->cells->len - skip : 0;
    Cell *cells = g_new0(Cell, *n ? *n : 1);
    for (guint i = 0; i < *n; i++)
        cells[i] = table_cell(slx_normalize(g_ptr_array_index(gr->cells, i + skip), -1,
                                            SLX_NORM_KEEP_CJK_SPACES));
    return cells;
}

static void
table_free_cells(Cell *cells, guint n)
{
    for (guint i = 0; i < n; i++) {
        g_free(cells[i].text);
        slx_key_free(cells[i].key);
    }
    g_free(cells);
}

/* A header row names at least two different column roles and has no
 * item number.  Returns the roles, or NULL. */
static GArray *
table_header_roles(const Context *cx, Cell *cells, guint n)
{
    GArray *roles = g_array_sized_new(FALSE, FALSE, sizeof(SlxColumnRole), n);
    guint named = 0, seen = 0;
    for (guint i = 0; i < n; i++) {
        SlxColumnRole r = SLX_COL_NONE;
        if (*cells[i].text) {
            if (table_cell_is_number(cx, &cells[i])) {
                g_array_free(roles, TRUE);
                return NULL;
            }
            r = slx_header_role(&cx->patterns->vocab, cells[i].text);
            if (r != SLX_COL_NONE && !(seen & (1u << r))) {
                seen |= 1u << r;
                named++;
            }
        }
        g_array_append_val(roles, r);
    }
    if (named < 2) {
        g_array_free(roles, TRUE);
        return NULL;
    }
    /* Columns without a known label hold something of the vendor's: an
     * answer ("音読さん"), the template under a label of their own (decided
     * by content in classify_unknown_columns), or nothing at all.  Empty
     * cells before the first label are the sheet's margin (a table that
     * starts at column B), not a response column. */
    guint margin = 0;
    while (margin < n && !*cells[margin].text)
        margin++;
    for (guint i = margin; i < roles->len; i++)
        if (g_array_index(roles, SlxColumnRole, i) == SLX_COL_NONE && !*cells[i].text)
            g_array_index(roles, SlxColumnRole, i) = SLX_COL_REMARKS;
    if (!(seen & (1u << SLX_COL_ANSWER))) {
        SlxColumnRole a = SLX_COL_ANSWER;
        g_array_append_val(roles, a);
    }
    return roles;
}

/* A column under an unknown label whose cells resemble the catalog's
 * 規定内容 is the template column; any other unknown column is an answer,
 * except a column with neither a label nor cells (the sheet's margin when
 * a table starts at B4): that is no column, and stays SLX_COL_NONE, so
 * that rows do not look as if they started in an answer column.  Looks at
 * the rows up to the next header, at most LOOKAHEAD of them. */
#define LOOKAHEAD 60
#define TEMPLATE_COLUMN_LIKENESS 0.5

static void
table_classify_unknown_columns(const Context *cx, const SlxDocument *grid, guint from, guint skip,
                               const Cell *header, guint header_cells, GArray *roles)
{
    SlxColumnRole *rl = (SlxColumnRole *)(void *)roles->data;
    for (guint col = 0; col < roles->len; col++) {
        if (rl[col] != SLX_COL_NONE)
            continue;
        double sum = 0;
        guint cells_seen = 0;
        for (guint r = from; r < grid->blocks->len && r < from + LOOKAHEAD; r++) {
            const SlxBlock *gr = g_ptr_array_index(grid->blocks, r);
            if (gr->kind == SLX_BLOCK_SHEET)
                break;   /* the next sheet's columns are its own */
            if (gr->kind != SLX_BLOCK_ROW)
                continue;
            const char *raw = slx_block_cell(gr, col + skip);
            if (*raw == '\0')
                continue;
            char *n = slx_normalize(raw, -1, SLX_NORM_DEFAULT);
            if (slx_header_role(&cx->patterns->vocab, n) != SLX_COL_NONE) {
                g_free(n);
                break;   /* the next header */
            }
            SlxKey *key = slx_key_new(n);
            sum += slx_seg_best_similarity(cx, key, FALSE);
            cells_seen++;
            g_free(n);
            slx_key_free(key);
        }
        if (cells_seen == 0 && (col >= header_cells || *header[col].text == '\0'))
            continue;
        rl[col] = cells_seen > 0 && sum / cells_seen >= TEMPLATE_COLUMN_LIKENESS
                      ? SLX_COL_TEMPLATE : SLX_COL_ANSWER;
    }
}

/* A header row of labels this vocabulary does not know (a look-alike's
 * 「開示項目 | 開示内容」): short cells, no number, over rows that start with
 * an item number.  Its columns are then named by what the rows below hold,
 * column by column: numbers are No., short texts the name, text resembling
 * the catalog's 規定内容 the template, the rest the answer.  Returns NULL
 * when ROW (cells CELLS) is no such header. */
#define UNKNOWN_LABEL_CHARS 12
#define UNKNOWN_HEADER_ROWS 8
#define NAME_COLUMN_CHARS 16

static GArray *
table_unknown_header_roles(const Context *cx, const SlxDocument *doc, guint index, guint skip,
                     Cell *cells, guint n)
{
    for (guint i = 0; i < n; i++)
        if (cells[i].chars > UNKNOWN_LABEL_CHARS || strstr(cells[i].text, "。") ||
            table_cell_is_number(cx, &cells[i]) || table_cell_marker(cx, &cells[i]) >= 0)
            return NULL;
    /* The rows below: how many start with a number, and their width. */
    guint rows = 0, numbered = 0, width = 0;
    for (guint r = index + 1; r < doc->blocks->len && rows < UNKNOWN_HEADER_ROWS; r++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, r);
        if (b->kind == SLX_BLOCK_SHEET)
            break;
        if (b->kind != SLX_BLOCK_ROW || slx_block_filled(b) < 2)
            continue;
        rows++;
        char *first = slx_normalize(slx_block_cell(b, skip), -1, SLX_NORM_DEFAULT);
        numbered += slx_seg_is_number(cx, first);
        g_free(first);
        width = MAX(width, b->cells->len > skip ? b->cells->len - skip : 0);
    }
    if (rows < 3 || numbered * 4 < rows * 3)
        return NULL;

    GArray *roles = g_array_sized_new(FALSE, FALSE, sizeof(SlxColumnRole), width);
    gboolean have_no = FALSE, have_name = FALSE;
    for (guint col = 0; col < width; col++) {
        guint seen = 0, numbers = 0;
        double chars = 0, template_sim = 0;
        for (guint r = index + 1; r < doc->blocks->len && seen < LOOKAHEAD; r++) {
            const SlxBlock *b = g_ptr_array_index(doc->blocks, r);
            if (b->kind == SLX_BLOCK_SHEET)
                break;
            const char *raw = b->kind == SLX_BLOCK_ROW ? slx_block_cell(b, col + skip) : "";
            if (*raw == '\0')
                continue;
            char *t = slx_normalize(raw, -1, SLX_NORM_DEFAULT);
            SlxKey *key = slx_key_new(t);
            seen++;
            numbers += slx_seg_is_number(cx, t);
            chars += key->chars;
            template_sim += slx_seg_best_similarity(cx, key, FALSE);
            slx_key_free(key);
            g_free(t);
        }
        SlxColumnRole role = SLX_COL_ANSWER;
        if (seen == 0)
            role = SLX_COL_REMARKS;
        else if (!have_no && numbers * 5 >= seen * 4)
            role = SLX_COL_NO, have_no = TRUE;
        else if (!have_name && chars / seen <= NAME_COLUMN_CHARS)
            role = SLX_COL_NAME, have_name = TRUE;
        else if (template_sim / seen >= TEMPLATE_COLUMN_LIKENESS)
            role = SLX_COL_TEMPLATE;
        g_array_append_val(roles, role);
    }
    if (!have_no || !have_name) {
        g_array_free(roles, TRUE);
        return NULL;
    }
    return roles;
}

static GArray *
table_default_roles(void)
{
    static const SlxColumnRole d[] = {SLX_COL_NO, SLX_COL_CATEGORY, SLX_COL_NAME,
                                      SLX_COL_TEMPLATE, SLX_COL_UNIT, SLX_COL_ANSWER,
                                      SLX_COL_REMARKS};
    GArray *roles = g_array_sized_new(FALSE, FALSE, sizeof(SlxColumnRole), G_N_ELEMENTS(d));
    g_array_append_vals(roles, d, G_N_ELEMENTS(d));
    return roles;
}

/* The 種別 CAT (a match key) that ROW's name NAME opens with, if the rest
 * is the better name: cut off the name into ROW's category. */
static gboolean
table_split_category(const Context *cx, SlxRow *row, const SlxKey *name, const char *cat)
{
    const char *name_key = name->text;
    if (!g_str_has_prefix(name_key, cat) || strlen(name_key) <= strlen(cat))
        return FALSE;
    SlxKey *rest = slx_key_from_match_key(name_key + strlen(cat));
    gboolean better = slx_seg_best_name_similarity(cx, rest) > slx_seg_best_name_similarity(cx, name);
    slx_key_free(rest);
    if (!better)
        return FALSE;
    /* Cut the same number of characters off the printed name. */
    glong n = g_utf8_strlen(cat, -1);
    const char *p = row->name;
    for (glong k = 0; k < n && *p; ) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isspace(c))
            k++;
        p = g_utf8_next_char(p);
    }
    row->category = g_strndup(row->name, (gsize)(p - row->name));
    char *rest_name = g_strdup(p);
    g_strstrip(rest_name);
    g_free(row->name);
    row->name = rest_name;
    return TRUE;
}

/* 「可用性サービス時間」 (a number and 種別 glued to the name): split the
 * 種別 off when the rest is the better name. */
static void
table_split_glued_category(const Context *cx, SlxRow *row)
{
    if (row->name == NULL || row->category != NULL)
        return;
    SlxKey *name = slx_key_new(row->name);
    gboolean split = FALSE;
    for (guint c = 0; c < cx->patterns->catalogs->len && !split; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, cat->category_keys);
        while (!split && g_hash_table_iter_next(&it, &key, NULL))
            split = table_split_category(cx, row, name, key);
    }
    slx_key_free(name);
}

/* If the first cell is 「1可用性サービス時間」, make it two cells. */
static void
table_split_glued_number(const Context *cx, Cell **cells, guint *n)
{
    guint f = 0;
    while (f < *n && *(*cells)[f].text == '\0')
        f++;
    if (f >= *n || f > 0)
        return;
    char *num, *rest;
    if (!slx_seg_glued(cx, (*cells)[f].text, &num, &rest))
        return;
    *cells = g_renew(Cell, *cells, *n + 1);
    memmove(&(*cells)[f + 2], &(*cells)[f + 1], (*n - f - 1) * sizeof(Cell));
    g_free((*cells)[f].text);
    slx_key_free((*cells)[f].key);
    (*cells)[f] = table_cell(num);
    (*cells)[f + 1] = table_cell(rest);
    (*n)++;
}

/* ---- table rows ------------------------------------------------------ */

/* Where English cells copied together meet: 「1availabilityService
 * hoursHours during which … (including …)There will be …」 — a lower-case
 * letter, a closing bracket or a full stop run straight into a capitalized word or an
 * acronym (Yes/NoTLS 1.2), and a leading number into a word.  Only a line with two such
 * meetings or more is split: one is a name (GitHub), not a row. */
#define GLUED_MIN_SPLITS 2

static gboolean
table_glue_before(const char *t, gsize i)
{
    if (i == 0 || !t[i + 1])
        return FALSE;
    gboolean end = g_ascii_islower(t[i - 1]) || strchr(").]%.", t[i - 1]) != NULL;
    if (!end || !g_ascii_isupper(t[i]))
        return FALSE;
    if (g_ascii_islower(t[i + 1]))
        return TRUE;                  /* …hoursService */
    /* …Yes/NoTLS 1.2: an acronym of two letters or more after a lower-case
     * letter (SaaS ends in one) */
    gsize k = i;
    while (g_ascii_isupper(t[k]))
        k++;
    return g_ascii_islower(t[i - 1]) && k - i >= 2 && !g_ascii_isalpha(t[k]);
}

static void
table_split_glued_words(Cell **cells, guint *n)
{
    const char *t = (*cells)[0].text;
    gsize len = strlen(t), ascii = 0;
    for (gsize i = 0; i < len; i++)
        ascii += (guchar)t[i] < 0x80;
    if (len == 0 || ascii * 5 < len * 4)
        return;                       /* Japanese cells meet without such marks */
    GArray *at = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize digits = 0;
    while (g_ascii_isdigit(t[digits]))
        digits++;
    if (digits > 0 && digits <= 3 && g_ascii_isalpha(t[digits]))
        g_array_append_val(at, digits);
    for (gsize i = digits + 1; i < len; i++)
        if (table_glue_before(t, i))
            g_array_append_val(at, i);
    if (at->len >= GLUED_MIN_SPLITS) {
        guint m = at->len + 1;
        Cell *out = g_new0(Cell, m);
        gsize from = 0;
        for (guint k = 0; k < m; k++) {
            gsize to = k < at->len ? g_array_index(at, gsize, k) : len;
            char *text = g_strstrip(g_strndup(t + from, to - from));
            out[k] = table_cell(text);
            from = to;
        }
        table_free_cells(*cells, *n);
        *cells = out;
        *n = m;
    }
    g_array_free(at, TRUE);
}

/* A row of column letters A, B, C … from the first filled cell on, with
 * only empty cells before it: a spreadsheet viewer's frame.  Returns the
 * number of columns before the letters (the row numbers), or -1. */
static int
table_frame_columns(const Cell *cells, guint n)
{
    guint first = 0;
    while (first < n && *cells[first].text == '\0')
        first++;
    if (first == 0 || n - first < 3)
        return -1;
    for (guint i = first; i < n; i++)
        if (strlen(cells[i].text) != 1 || cells[i].text[0] != (char)('A' + (i - first)))
            return -1;
    return (int)first;
}

/* The table's left edge: the first column of the header in force that is
 * a column (a table that starts at B4 leaves column A as margin); 0
 * before any header. */
static guint
table_left_edge(const Segmenter *sg)
{
    guint edge = 0;
    while (sg->roles && edge < sg->roles->len &&
           g_array_index(sg->roles, SlxColumnRole, edge) == SLX_COL_NONE)
        edge++;
    return edge;
}

/* The cells of a row as one "label: value" line, as the preamble reads it. */
static char *
table_joined_label_value(const Cell *cells, guint n)
{
    GString *joined = g_string_new(NULL);
    for (guint i = 0; i < n; i++)
        if (*cells[i].text)
            g_string_append_printf(joined, "%s%s", joined->len ? ": " : "", cells[i].text);
    return g_string_free(joined, FALSE);
}

/* Whether the header roles A and B are the same columns. */
static gboolean
table_same_roles(const GArray *a, const GArray *b)
{
    return a->len == b->len &&
           memcmp(a->data, b->data, a->len * sizeof(SlxColumnRole)) == 0;
}

/* Whether CELLS (N of them) leave empty the number column of the header
 * roles RL (M of them); FALSE for a header with no number column. */
static gboolean
table_number_empty(const Cell *cells, guint n, const SlxColumnRole *rl, guint m)
{
    for (guint j = 0; j < m; j++)
        if (rl[j] == SLX_COL_NO)
            return j >= n || cells[j].text[0] == '\0';
    return FALSE;
}

/* Does a row before any header state the service ([document] service),
 * as a cover sheet's 「サービス名 | ミズナラ勤怠クラウド」 does?  Such a row
 * is the preamble's even when its label looks like an item name. */
static gboolean
table_states_service(const Context *cx, const Cell *cells, guint n)
{
    g_autofree char *joined = table_joined_label_value(cells, n);
    return slx_phrases_match(cx->patterns->vocab.service, joined);
}

void
slx_seg_table_row(Segmenter *sg, const SlxBlock *gr, guint index)
{
    Context *cx = &sg->cx;
    SlxTable *t = sg->t;
    guint n;
    Cell *cells = table_make_cells(gr, sg->frame, &n);
    if (n == 1)
        table_split_glued_words(&cells, &n);
    guint filled = 0, first = n;
    for (guint i = 0; i < n; i++)
        if (*cells[i].text) {
            filled++;
            first = MIN(first, i);
        }
    if (filled == 0) {
        table_free_cells(cells, n);
        return;
    }
    int frame = sg->frame == 0 && sg->roles == NULL ? table_frame_columns(cells, n) : -1;
    if (frame > 0) {
        sg->frame = (guint)frame;
        table_free_cells(cells, n);
        return;
    }

    GArray *h = filled >= 2 ? table_header_roles(cx, cells, n) : NULL;
    if (h)
        table_classify_unknown_columns(cx, sg->doc, index + 1, sg->frame, cells, n, h);
    else if (filled >= 2 && sg->roles == NULL)
        h = table_unknown_header_roles(cx, sg->doc, index, sg->frame, cells, n);
    if (h) {
        /* Nothing continues across a header, but the header a print
         * repeats atop each page: the row under it may be the rest of the
         * row the page break cut. */
        if (!(sg->roles && sg->last && gr->page > sg->last->page && table_same_roles(sg->roles, h)))
            sg->last = NULL;
        if (sg->roles)
            g_array_free(sg->roles, TRUE);
        sg->roles = h;
        t->header_rows++;
        table_free_cells(cells, n);
        return;
    }

    /* One cell at the table's left edge: a known section (「2.サポート」 would also
     * pass for a glued number), or, unless it is a glued item 「12ログの
     * 取得」, a vendor's own section label or preamble. */
    guint sec_no, edge = table_left_edge(sg);
    const char *lone = first < n ? cells[first].text : "";
    if (filled == 1 && first == edge && !table_cell_is_number(cx, &cells[first]) &&
        (slx_seg_section_of(cx, lone, FALSE, &sec_no) ||
         !slx_seg_glued(cx, lone, NULL, NULL))) {
        if (slx_seg_section_of(cx, lone, sg->roles != NULL, &sec_no)) {
            g_free(sg->section);
            sg->section = slx_normalize(lone, -1, SLX_NORM_DEFAULT);
            sg->section_number = sec_no;
            sg->last = NULL;
        } else {
            slx_seg_note_preamble(cx, t, lone);
        }
        table_free_cells(cells, n);
        return;
    }

    GArray *use = sg->roles ? sg->roles : table_default_roles();
    SlxColumnRole *rl = (SlxColumnRole *)(void *)use->data;
    guint m = use->len;

    /* A line that starts in the answer columns continues the row above
     * (a cell split over several lines, seed 004), and so does a row the
     * reader saw cut by a page break. */
    guint first_response = m;
    for (guint j = 0; j < m; j++)
        if (rl[j] == SLX_COL_ANSWER || rl[j] == SLX_COL_REMARKS || rl[j] == SLX_COL_UNIT ||
            rl[j] == SLX_COL_EXAMPLE) {
            first_response = j;
            break;
        }
    /* The first row of a page, under the header repeated or under none,
     * with its number cell empty in a numbered table, is the rest of the
     * last row of the page before: a print cuts a tall row at the break
     * and draws its border again on the new page (Writer, Word). */
    gboolean cut = gr->continues ||
                   (sg->last && gr->page > sg->last->page && gr->page != sg->cut_page &&
                    sg->last->no != NULL && table_number_empty(cells, n, rl, m));
    if (cut)
        sg->cut_page = gr->page;
    if (sg->last && (first >= first_response || cut)) {
        /* A row cut by a page break has the columns of the row it
         * continues, which may be shifted from the header's. */
        const GArray *by = cut && sg->last_roles->len == n ? sg->last_roles : use;
        const SlxColumnRole *br = (const SlxColumnRole *)(const void *)by->data;
        sg->last->confidence = MIN(sg->last->confidence, gr->confidence);
        for (guint i = first; i < n; i++)
            slx_seg_put(sg->last, i < by->len ? br[i] : SLX_COL_ANSWER, cells[i].text, i);
        table_free_cells(cells, n);
        if (!sg->roles)
            g_array_free(use, TRUE);
        return;
    }

    table_split_glued_number(cx, &cells, &n);
    int *assign = g_new(int, n);
    table_align_row(cx, cells, n, rl, m, sg->roles == NULL, assign);
    SlxRow *row = slx_seg_new_row(gr, sg->section, sg->section_number);
    g_array_set_size(sg->last_roles, n);
    for (guint i = 0; i < n; i++) {
        SlxColumnRole role = assign[i] >= 0 ? rl[assign[i]] : SLX_COL_ANSWER;
        g_array_index(sg->last_roles, SlxColumnRole, i) = role;
        slx_seg_put(row, role, cells[i].text, i);
    }
    g_free(assign);
    table_split_glued_category(cx, row);

    gboolean item_like = row->no != NULL;
    if (!item_like && row->name) {
        SlxKey *key = slx_key_new(row->name);
        item_like = slx_seg_best_name_similarity(cx, key) >= 0.5;
        slx_key_free(key);
    }
    if (row->no == NULL && row->name == NULL && sg->last != NULL) {
        /* Only answer text: the rest of the row above. */
        if (row->template_text)
            slx_seg_append_field(&sg->last->template_text, row->template_text);
        for (guint i = 0; i < row->responses->len; i++) {
            SlxResponse *resp = g_ptr_array_index(row->responses, i);
            slx_seg_add_response(sg->last, resp->text, resp->role, resp->column);
        }
        slx_seg_row_free(row);
    } else if (sg->roles == NULL && (!item_like || table_states_service(cx, cells, n))) {
        /* Before any header: a key/value line of the preamble. */
        g_autofree char *joined = table_joined_label_value(cells, n);
        slx_seg_note_preamble(cx, t, joined);
        slx_seg_row_free(row);
    } else if (row->no == NULL && row->name == NULL) {
        slx_seg_row_free(row);
    } else {
        slx_seg_add_row(sg, row);
        sg->table_rows++;
        sg->last = row;
    }
    table_free_cells(cells, n);
    if (!sg->roles)
        g_array_free(use, TRUE);
}

