/* segment.c — grid rows → checklist rows with named fields.
 *
 * Why the cells of a row are aligned rather than read by position: in
 * exports of merged cells the 種別 cell exists on the first row of a group
 * only, and vendors drop or insert columns half-way through a document
 * (seed 001 loses 種別 and 備考 after item 34; seed 004 puts the item name
 * in the 種別 slot for items 26–38).  align_row() therefore matches the
 * cells, in order, to the header's columns, in order, scoring how well each
 * cell fits each column (a number fits No., a known 種別 fits 種別, text close
 * to a catalog name fits the name column …), and keeps the best alignment.
 * Cells may skip columns; no cell is ever dropped. */
#include "segment.h"
#include "normalize.h"
#include "similarity.h"

#include <math.h>
#include <string.h>

#define NEG_INF (-1e9)
#define POSITION_BONUS 0.3

/* The context every decision of this file needs. */
typedef struct {
    const SlxPatterns *patterns;
    GHashTable *categories;   /* match keys of known 種別 */
    GHashTable *units;        /* match keys of known 測定単位 */
    GRegex *number_re;        /* a cell that is an item number */
    GRegex *glued_re;         /* 「1可用性サービス時間」, 「1.1 サービス時間」 */
    GRegex *section_re;       /* 「1.アプリケーション運用」 */
    GRegex *heading_re;       /* 「1.1. サービス時間」: number and name */
} Context;

/* One cell of a row being segmented. */
typedef struct {
    char *text;               /* normalized, CJK spaces kept */
    SlxKey *key;
    glong chars;
    double name_sim, template_sim;   /* likeness to catalog names and 規定内容; < 0 until needed */
} Cell;

/* ---- small helpers --------------------------------------------------- */

static void
response_free(gpointer p)
{
    SlxResponse *r = p;
    g_free(r->text);
    g_free(r);
}

static void
row_free(gpointer p)
{
    SlxRow *r = p;
    g_free(r->no);
    g_free(r->category);
    g_free(r->name);
    g_free(r->template_text);
    g_free(r->unit);
    g_free(r->example);
    g_ptr_array_unref(r->responses);
    g_free(r->section);
    g_free(r);
}

void
slx_table_free(SlxTable *t)
{
    if (t == NULL)
        return;
    g_free(t->title);
    g_free(t->untitled);
    g_free(t->service);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

char *
slx_row_response_text(const SlxRow *row)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < row->responses->len; i++) {
        const SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (*r->text == '\0')
            continue;
        if (s->len)
            g_string_append_c(s, ' ');
        g_string_append(s, r->text);
    }
    char *joined = g_string_free(s, FALSE);
    char *out = slx_normalize(joined, -1, SLX_NORM_DEFAULT);
    g_free(joined);
    return out;
}

SlxColumnRole
slx_header_role(const SlxVocabulary *v, const char *label)
{
    char *key = slx_match_key(label);
    SlxColumnRole found = SLX_COL_NONE;
    /* Exact labels first, then suffix labels ("*回答"). */
    for (int pass = 0; pass < 2 && found == SLX_COL_NONE; pass++) {
        for (int r = 0; r < SLX_COL_N && found == SLX_COL_NONE; r++) {
            GPtrArray *labels = v->labels[r];
            for (guint i = 0; i < labels->len; i++) {
                const char *l = g_ptr_array_index(labels, i);
                if (pass == 0 && l[0] != '*' && strcmp(l, key) == 0)
                    found = (SlxColumnRole)r;
                else if (pass == 1 && l[0] == '*' && *key && g_str_has_suffix(key, l + 1))
                    found = (SlxColumnRole)r;
                if (found != SLX_COL_NONE)
                    break;
            }
        }
    }
    g_free(key);
    return found;
}

/* The best similarity of KEY to any item's names (NAMES) or to any item's
 * template text, over every catalog. */
static double
best_similarity(const Context *cx, const SlxKey *key, gboolean names)
{
    double best = 0;
    for (guint c = 0; c < cx->patterns->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            if (!names) {
                best = MAX(best, slx_key_similarity(key, it->template_key));
                continue;
            }
            for (guint k = 0; k < it->name_keys->len; k++)
                best = MAX(best, slx_key_similarity(key, g_ptr_array_index(it->name_keys, k)));
        }
    }
    return best;
}

static double
best_name_similarity(const Context *cx, const SlxKey *key)
{
    return best_similarity(cx, key, TRUE);
}

/* The likeness of cell C to catalog names or templates, computed once: the
 * alignment asks for it once per column. */
static double
cell_similarity(const Context *cx, Cell *c, gboolean names)
{
    double *slot = names ? &c->name_sim : &c->template_sim;
    if (*slot < 0)
        *slot = best_similarity(cx, c->key, names);
    return *slot;
}

/* ---- alignment ------------------------------------------------------- */

/* How well non-empty cell C fits a column of role R. */
static double
fit(const Context *cx, Cell *c, SlxColumnRole r)
{
    switch (r) {
    case SLX_COL_NO:
        return g_regex_match(cx->number_re, c->text, 0, NULL) ? 3.0 : NEG_INF;
    case SLX_COL_CATEGORY:
        if (g_hash_table_contains(cx->categories, c->key->text))
            return 2.0;
        return c->chars <= 8 ? 0.2 : -3.0;
    case SLX_COL_NAME: {
        if (g_regex_match(cx->number_re, c->text, 0, NULL))
            return -3.0;
        double s = 0.5 + 1.5 * cell_similarity(cx, c, TRUE);
        return c->chars > 40 ? s - 1.0 : s;
    }
    case SLX_COL_TEMPLATE:
        return 0.3 + 1.5 * cell_similarity(cx, c, FALSE);
    case SLX_COL_UNIT:
        if (g_hash_table_contains(cx->units, c->key->text))
            return 2.0;
        return c->chars <= 10 ? 0.1 : -2.0;
    case SLX_COL_EXAMPLE:
        return 0.3;
    case SLX_COL_ANSWER:
        return slx_marker_of(&cx->patterns->vocab, c->text) >= 0 ? 1.0 : 0.5;
    case SLX_COL_REMARKS:
        return 0.4;
    default:
        return 0.0;
    }
}

/* Assign each of the N cells to one of the M roles (or to none), keeping
 * both in order and maximizing the total fit.  OUT[i] is the role index
 * of cell i, or -1. */
static void
align_row(const Context *cx, Cell *cells, guint n, const SlxColumnRole *roles, guint m,
          int *out)
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
                    double f = empty ? 0.0 : fit(cx, &cells[i], roles[j]);
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
make_cells(const SlxBlock *gr, guint skip, guint *n)
{
    *n = gr->cells->len > skip ? gr->cells->len - skip : 0;
    Cell *cells = g_new0(Cell, *n ? *n : 1);
    for (guint i = 0; i < *n; i++) {
        cells[i].text = slx_normalize(g_ptr_array_index(gr->cells, i + skip), -1,
                                      SLX_NORM_KEEP_CJK_SPACES);
        cells[i].key = slx_key_new(cells[i].text);
        cells[i].chars = g_utf8_strlen(cells[i].text, -1);
        cells[i].name_sim = cells[i].template_sim = -1;
    }
    return cells;
}

static void
free_cells(Cell *cells, guint n)
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
header_roles(const Context *cx, Cell *cells, guint n)
{
    GArray *roles = g_array_sized_new(FALSE, FALSE, sizeof(SlxColumnRole), n);
    guint named = 0, seen = 0;
    for (guint i = 0; i < n; i++) {
        SlxColumnRole r = SLX_COL_NONE;
        if (*cells[i].text) {
            if (g_regex_match(cx->number_re, cells[i].text, 0, NULL)) {
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
     * by content in classify_unknown_columns), or nothing at all. */
    for (guint i = 0; i < roles->len; i++)
        if (g_array_index(roles, SlxColumnRole, i) == SLX_COL_NONE && !*cells[i].text)
            g_array_index(roles, SlxColumnRole, i) = SLX_COL_REMARKS;
    if (!(seen & (1u << SLX_COL_ANSWER))) {
        SlxColumnRole a = SLX_COL_ANSWER;
        g_array_append_val(roles, a);
    }
    return roles;
}

/* A column under an unknown label whose cells resemble the catalog's
 * 規定内容 is the template column; any other unknown column is an answer.
 * Looks at the rows up to the next header, at most LOOKAHEAD of them. */
#define LOOKAHEAD 60
#define TEMPLATE_COLUMN_LIKENESS 0.5

static void
classify_unknown_columns(const Context *cx, const SlxDocument *grid, guint from, guint skip,
                         GArray *roles)
{
    SlxColumnRole *rl = (SlxColumnRole *)(void *)roles->data;
    for (guint col = 0; col < roles->len; col++) {
        if (rl[col] != SLX_COL_NONE)
            continue;
        double sum = 0;
        guint cells_seen = 0;
        for (guint r = from; r < grid->blocks->len && r < from + LOOKAHEAD; r++) {
            const SlxBlock *gr = g_ptr_array_index(grid->blocks, r);
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
            sum += best_similarity(cx, key, FALSE);
            cells_seen++;
            g_free(n);
            slx_key_free(key);
        }
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
unknown_header_roles(const Context *cx, const SlxDocument *doc, guint index, guint skip,
                     const Cell *cells, guint n)
{
    for (guint i = 0; i < n; i++)
        if (cells[i].chars > UNKNOWN_LABEL_CHARS || strstr(cells[i].text, "。") ||
            g_regex_match(cx->number_re, cells[i].text, 0, NULL) ||
            slx_marker_of(&cx->patterns->vocab, cells[i].text) >= 0)
            return NULL;
    /* The rows below: how many start with a number, and their width. */
    guint rows = 0, numbered = 0, width = 0;
    for (guint r = index + 1; r < doc->blocks->len && rows < UNKNOWN_HEADER_ROWS; r++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, r);
        if (b->kind != SLX_BLOCK_ROW || slx_block_filled(b) < 2)
            continue;
        rows++;
        char *first = slx_normalize(slx_block_cell(b, skip), -1, SLX_NORM_DEFAULT);
        numbered += g_regex_match(cx->number_re, first, 0, NULL);
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
            const char *raw = b->kind == SLX_BLOCK_ROW ? slx_block_cell(b, col + skip) : "";
            if (*raw == '\0')
                continue;
            char *t = slx_normalize(raw, -1, SLX_NORM_DEFAULT);
            SlxKey *key = slx_key_new(t);
            seen++;
            numbers += g_regex_match(cx->number_re, t, 0, NULL);
            chars += key->chars;
            template_sim += best_similarity(cx, key, FALSE);
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
default_roles(void)
{
    static const SlxColumnRole d[] = {SLX_COL_NO, SLX_COL_CATEGORY, SLX_COL_NAME,
                                      SLX_COL_TEMPLATE, SLX_COL_UNIT, SLX_COL_ANSWER,
                                      SLX_COL_REMARKS};
    GArray *roles = g_array_sized_new(FALSE, FALSE, sizeof(SlxColumnRole), G_N_ELEMENTS(d));
    g_array_append_vals(roles, d, G_N_ELEMENTS(d));
    return roles;
}

/* A section row: 「アプリケーション運用」, 「3.データ管理」, 「その他」. */
static gboolean
section_of(const Context *cx, const char *text, gboolean in_table, guint *number)
{
    GMatchInfo *mi = NULL;
    char *body = g_strdup(text);
    *number = 0;
    if (g_regex_match(cx->section_re, text, 0, &mi)) {
        char *num = g_match_info_fetch(mi, 1);
        g_free(body);
        body = g_match_info_fetch(mi, 2);
        *number = (guint)g_ascii_strtoull(num, NULL, 10);
        g_free(num);
    }
    g_match_info_free(mi);
    char *key = slx_match_key(body);
    gboolean found = FALSE;
    for (guint c = 0; c < cx->patterns->catalogs->len && !found; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        for (guint s = 0; s < cat->sections->len && !found; s++) {
            const SlxCatalogSection *sec = g_ptr_array_index(cat->sections, s);
            char *k = slx_match_key(sec->name);
            found = strcmp(k, key) == 0;
            g_free(k);
            for (guint a = 0; a < sec->aliases->len && !found; a++) {
                k = slx_match_key(g_ptr_array_index(sec->aliases, a));
                found = g_ascii_strcasecmp(k, key) == 0;
                g_free(k);
            }
            if (found && *number == 0)
                *number = sec->number;
        }
    }
    /* Inside the table, any short label on its own is a section of the
     * vendor's (「その他」, 「追加項目」). */
    if (!found && in_table)
        found = *key && g_utf8_strlen(key, -1) <= 12 && !strstr(text, "。") &&
                !g_regex_match(cx->number_re, text, 0, NULL);
    g_free(key);
    g_free(body);
    return found;
}

/* Title and service from a line outside the table. */
static void
note_preamble(const Context *cx, SlxTable *t, const char *text)
{
    const SlxVocabulary *v = &cx->patterns->vocab;
    char *line = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    gboolean named_service = FALSE;
    /* The service patterns are in order of trust: a line that says
     * 「対象サービス:」 later in the preamble replaces a name read from the
     * title, never the other way round. */
    guint rank = t->service ? t->service_rank : v->service->len;
    for (guint i = 0; i < rank && !named_service; i++) {
        GMatchInfo *mi = NULL;
        if (g_regex_match(g_ptr_array_index(v->service, i), line, 0, &mi)) {
            char *s = g_match_info_fetch(mi, 1);
            if (s) {
                g_strstrip(s);
                if (*s && g_utf8_strlen(s, -1) <= 60 && !slx_phrases_match(v->not_service, s)) {
                    g_free(t->service);
                    t->service = slx_normalize(s, -1, SLX_NORM_DEFAULT);
                    t->service_rank = i;
                    named_service = TRUE;
                }
            }
            g_free(s);
        }
        g_match_info_free(mi);
    }
    if (t->title == NULL && g_utf8_strlen(line, -1) <= 80 && !strstr(line, "。")) {
        if (slx_phrases_match(v->title, line)) {
            t->title = g_strdup(line);
        } else if (!named_service && t->untitled == NULL) {
            /* No title words: the first short line that does not name the
             * service will do, unless a better one follows. */
            t->untitled = g_strdup(line);
        }
    }
    g_free(line);
}

static void
append_field(char **field, const char *text)
{
    if (*text == '\0')
        return;
    if (*field == NULL) {
        *field = g_strdup(text);
    } else {
        char *joined = g_strconcat(*field, " ", text, NULL);
        g_free(*field);
        *field = joined;
    }
}

/* Add TEXT as the response of grid column COLUMN; the rest of a cell that
 * continues (a wrapped line, a row cut by a page break) joins the response
 * of its column, so that answer and remarks do not interleave. */
static void
add_response(SlxRow *row, const char *text, SlxColumnRole role, guint column)
{
    if (*text == '\0')
        return;
    for (guint i = 0; i < row->responses->len; i++) {
        SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (r->column == column) {
            char *joined = g_strconcat(r->text, " ", text, NULL);
            g_free(r->text);
            r->text = joined;
            return;
        }
    }
    SlxResponse *r = g_new0(SlxResponse, 1);
    r->text = g_strdup(text);
    r->role = role;
    r->column = column;
    g_ptr_array_add(row->responses, r);
}

/* Put TEXT, from grid column COLUMN, into ROW's field for ROLE. */
static void
put(SlxRow *row, SlxColumnRole role, const char *text, guint column)
{
    switch (role) {
    case SLX_COL_NO:       append_field(&row->no, text); break;
    case SLX_COL_CATEGORY: append_field(&row->category, text); break;
    case SLX_COL_NAME:     append_field(&row->name, text); break;
    case SLX_COL_TEMPLATE: append_field(&row->template_text, text); break;
    case SLX_COL_UNIT:     append_field(&row->unit, text); break;
    case SLX_COL_EXAMPLE:  append_field(&row->example, text); break;
    case SLX_COL_REMARKS:  add_response(row, text, SLX_COL_REMARKS, column); break;
    default:               add_response(row, text, SLX_COL_ANSWER, column); break;
    }
}

/* 「可用性サービス時間」 (a number and 種別 glued to the name): split the
 * 種別 off when the rest is the better name. */
static void
split_glued_category(const Context *cx, SlxRow *row)
{
    if (row->name == NULL || row->category != NULL)
        return;
    GHashTableIter it;
    gpointer key;
    SlxKey *name = slx_key_new(row->name);
    const char *name_key = name->text;
    g_hash_table_iter_init(&it, cx->categories);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const char *cat = key;
        if (g_str_has_prefix(name_key, cat) && strlen(name_key) > strlen(cat)) {
            SlxKey *rest = slx_key_from_match_key(name_key + strlen(cat));
            gboolean better = best_name_similarity(cx, rest) > best_name_similarity(cx, name);
            slx_key_free(rest);
            if (better) {
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
                break;
            }
        }
    }
    slx_key_free(name);
}

static SlxRow *
new_row(const SlxBlock *gr, const char *section, guint section_number)
{
    SlxRow *row = g_new0(SlxRow, 1);
    row->responses = g_ptr_array_new_with_free_func(response_free);
    row->section = g_strdup(section);
    row->section_number = section_number;
    row->line = gr->line;
    row->page = gr->page;
    return row;
}

/* ---- the segmenter --------------------------------------------------- */

static void
context_init(Context *cx, const SlxPatterns *p)
{
    cx->patterns = p;
    cx->categories = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    cx->units = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint c = 0; c < p->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(p->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            if (it->category)
                g_hash_table_add(cx->categories, slx_match_key(it->category));
            if (it->unit)
                g_hash_table_add(cx->units, slx_match_key(it->unit));
        }
        /* Vendors put the section in the 種別 column too (アプリケーション運用). */
        for (guint s = 0; s < cat->sections->len; s++) {
            const SlxCatalogSection *sec = g_ptr_array_index(cat->sections, s);
            g_hash_table_add(cx->categories, slx_match_key(sec->name));
            for (guint a = 0; a < sec->aliases->len; a++)
                g_hash_table_add(cx->categories, slx_match_key(g_ptr_array_index(sec->aliases, a)));
        }
    }
    cx->number_re = g_regex_new("^[(]?(No\\.?\\s*)?[0-9]{1,3}([.-][0-9]{1,3})?[.)]?$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
    /* A number glued to a name, not to a unit (「12時間」, 「3月」 are figures):
     * the unit words are values.ini's. */
    char *glued = slx_expand_units(&p->vocab, "^([0-9]{1,3}(?:\\.[0-9]{1,3})?)\\.?\\s*"
                                              "((?![0-9]|%|月|{units})[^\\s[:punct:]].*)$");
    cx->glued_re = g_regex_new(glued, G_REGEX_OPTIMIZE, 0, NULL);
    g_free(glued);
    cx->section_re = g_regex_new("^(?:第)?([0-9]{1,2})[.)章]?\\s*(\\D.*)$", G_REGEX_OPTIMIZE, 0, NULL);
    cx->heading_re = g_regex_new("^(?:No\\.?\\s*)?([0-9]{1,3}(?:[.-][0-9]{1,3})*)[.)]?\\s*(\\D.*)$",
                                 G_REGEX_DOTALL | G_REGEX_CASELESS, 0, NULL);
}

static void
context_clear(Context *cx)
{
    g_hash_table_unref(cx->categories);
    g_hash_table_unref(cx->units);
    g_regex_unref(cx->number_re);
    g_regex_unref(cx->glued_re);
    g_regex_unref(cx->section_re);
    g_regex_unref(cx->heading_re);
}

/* If the first cell is 「1可用性サービス時間」, make it two cells. */
static void
split_glued_number(const Context *cx, Cell **cells, guint *n)
{
    guint f = 0;
    while (f < *n && *(*cells)[f].text == '\0')
        f++;
    if (f >= *n || f > 0)
        return;
    GMatchInfo *mi = NULL;
    if (!g_regex_match(cx->glued_re, (*cells)[f].text, 0, &mi)) {
        g_match_info_free(mi);
        return;
    }
    char *num = g_match_info_fetch(mi, 1), *rest = g_match_info_fetch(mi, 2);
    g_match_info_free(mi);
    *cells = g_renew(Cell, *cells, *n + 1);
    memmove(&(*cells)[f + 2], &(*cells)[f + 1], (*n - f - 1) * sizeof(Cell));
    g_free((*cells)[f].text);
    slx_key_free((*cells)[f].key);
    (*cells)[f] = (Cell){num, slx_key_new(num), g_utf8_strlen(num, -1), -1, -1};
    (*cells)[f + 1] = (Cell){rest, slx_key_new(rest), g_utf8_strlen(rest, -1), -1, -1};
    (*n)++;
}

/* The state of one document's segmentation. */
typedef enum {
    OPEN_SECTION,   /* a heading, an item-name line or a question: what follows is its response */
    OPEN_LINE,      /* 「名前:値」 on one line: only indented lines continue it */
} OpenKind;

typedef struct {
    Context cx;
    const SlxDocument *doc;
    SlxTable *t;
    GArray *roles;          /* the table header in force, or NULL */
    guint frame;            /* leading columns that are a sheet viewer's row numbers */
    char *section;
    guint section_number;
    SlxRow *last;           /* the table row a continuation line extends */
    GArray *last_roles;     /* the roles of LAST's cells */
    guint table_rows;       /* rows read from tables (the rest from text layouts) */
    SlxRow *open;           /* the item a text layout is filling, not yet in t->rows */
    OpenKind open_kind;
    guint open_labels;      /* label/value pairs put into OPEN so far */
    gboolean skipping;      /* under a question that names no item: its answer is not read */
    guint heading_parts;    /* parts of the number of the first numbered name line (1.1: 2), or 0 */
    GArray *transcript;     /* a table transcribed one cell per line: its header's roles, or NULL */
    guint transcript_skip;  /* blocks up to this index are the transcript's header */
    GPtrArray *cell_lines;  /* the lines of the transcribed row being read (char *) */
    char *cell_no;          /* its item number */
    const SlxBlock *cell_block; /* its first block */
    GPtrArray *doc_titles;  /* level-0 headings (<title>, Subject): noted after the rest */
} Segmenter;

/* ---- table rows ------------------------------------------------------ */

/* A row of column letters A, B, C … from the first filled cell on, with
 * only empty cells before it: a spreadsheet viewer's frame.  Returns the
 * number of columns before the letters (the row numbers), or -1. */
static int
frame_columns(const Cell *cells, guint n)
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

static void
segment_table_row(Segmenter *sg, const SlxBlock *gr, guint index)
{
    Context *cx = &sg->cx;
    SlxTable *t = sg->t;
    guint n;
    Cell *cells = make_cells(gr, sg->frame, &n);
    guint filled = 0, first = n;
    for (guint i = 0; i < n; i++)
        if (*cells[i].text) {
            filled++;
            first = MIN(first, i);
        }
    if (filled == 0) {
        free_cells(cells, n);
        return;
    }
    int frame = sg->frame == 0 && sg->roles == NULL ? frame_columns(cells, n) : -1;
    if (frame > 0) {
        sg->frame = (guint)frame;
        free_cells(cells, n);
        return;
    }

    GArray *h = filled >= 2 ? header_roles(cx, cells, n) : NULL;
    if (h)
        classify_unknown_columns(cx, sg->doc, index + 1, sg->frame, h);
    else if (filled >= 2 && sg->roles == NULL)
        h = unknown_header_roles(cx, sg->doc, index, sg->frame, cells, n);
    if (h) {
        if (sg->roles)
            g_array_free(sg->roles, TRUE);
        sg->roles = h;
        t->header_rows++;
        sg->last = NULL;  /* nothing continues across a header */
        free_cells(cells, n);
        return;
    }

    /* One cell at the left edge: a known section (「2.サポート」 would also
     * pass for a glued number), or, unless it is a glued item 「12ログの
     * 取得」, a vendor's own section label or preamble. */
    guint sec_no;
    if (filled == 1 && first == 0 &&
        !g_regex_match(cx->number_re, cells[0].text, 0, NULL) &&
        (section_of(cx, cells[0].text, FALSE, &sec_no) ||
         !g_regex_match(cx->glued_re, cells[0].text, 0, NULL))) {
        if (section_of(cx, cells[0].text, sg->roles != NULL, &sec_no)) {
            g_free(sg->section);
            sg->section = slx_normalize(cells[0].text, -1, SLX_NORM_DEFAULT);
            sg->section_number = sec_no;
            sg->last = NULL;
        } else {
            note_preamble(cx, t, cells[0].text);
        }
        free_cells(cells, n);
        return;
    }

    GArray *use = sg->roles ? sg->roles : default_roles();
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
    if (sg->last && (first >= first_response || gr->continues)) {
        /* A row cut by a page break has the columns of the row it
         * continues, which may be shifted from the header's. */
        const GArray *by = gr->continues && sg->last_roles->len == n ? sg->last_roles : use;
        const SlxColumnRole *br = (const SlxColumnRole *)(const void *)by->data;
        for (guint i = first; i < n; i++)
            put(sg->last, i < by->len ? br[i] : SLX_COL_ANSWER, cells[i].text, i);
        free_cells(cells, n);
        if (!sg->roles)
            g_array_free(use, TRUE);
        return;
    }

    split_glued_number(cx, &cells, &n);
    int *assign = g_new(int, n);
    align_row(cx, cells, n, rl, m, assign);
    SlxRow *row = new_row(gr, sg->section, sg->section_number);
    g_array_set_size(sg->last_roles, n);
    for (guint i = 0; i < n; i++) {
        SlxColumnRole role = assign[i] >= 0 ? rl[assign[i]] : SLX_COL_ANSWER;
        g_array_index(sg->last_roles, SlxColumnRole, i) = role;
        put(row, role, cells[i].text, i);
    }
    g_free(assign);
    split_glued_category(cx, row);

    gboolean item_like = row->no != NULL;
    if (!item_like && row->name) {
        SlxKey *key = slx_key_new(row->name);
        item_like = best_name_similarity(cx, key) >= 0.5;
        slx_key_free(key);
    }
    if (row->no == NULL && row->name == NULL && sg->last != NULL) {
        /* Only answer text: the rest of the row above. */
        if (row->template_text)
            append_field(&sg->last->template_text, row->template_text);
        for (guint i = 0; i < row->responses->len; i++) {
            SlxResponse *resp = g_ptr_array_index(row->responses, i);
            add_response(sg->last, resp->text, resp->role, resp->column);
        }
        row_free(row);
    } else if (sg->roles == NULL && !item_like) {
        /* Before any header: a key/value line of the preamble. */
        GString *joined = g_string_new(NULL);
        for (guint i = 0; i < n; i++)
            if (*cells[i].text)
                g_string_append_printf(joined, "%s%s", joined->len ? ": " : "", cells[i].text);
        note_preamble(cx, t, joined->str);
        g_string_free(joined, TRUE);
        row_free(row);
    } else if (row->no == NULL && row->name == NULL) {
        row_free(row);
    } else {
        g_ptr_array_add(t->rows, row);
        sg->table_rows++;
        sg->last = row;
    }
    free_cells(cells, n);
    if (!sg->roles)
        g_array_free(use, TRUE);
}

/* ---- tables transcribed one cell per line ---------------------------- */

/* Text copied from a PDF table often comes one cell per line, and a cell
 * wrapped over several lines comes as several lines (「サービスを提供する時
 * 間帯(設備やネットワ」 / 「ーク等の点検/保守の」 …).  The header gives
 * itself away: three or more lines in a row, each a column label.  After
 * it, a line that is an item number alone starts a row, and the lines up
 * to the next such number are sorted into the header's columns by what
 * they hold, the way align_row scores cells: the first lines that join
 * into a catalog name are the name, the next that join into a catalog
 * 規定内容 the template, a known 測定単位 the unit, and the rest the answer. */
static void close_open(Segmenter *sg);

#define TRANSCRIPT_LABELS 3
#define TRANSCRIPT_NAME_LINES 4
#define TRANSCRIPT_TEMPLATE_LINES 10
#define TRANSCRIPT_TEMPLATE_LIKENESS 0.4

/* The roles of the column labels that start at block INDEX, one per line,
 * when there are enough of them; *LAST receives the index of the last. */
static GArray *
transcript_header(const Segmenter *sg, guint index, guint *last)
{
    const SlxVocabulary *v = &sg->cx.patterns->vocab;
    GArray *roles = g_array_new(FALSE, FALSE, sizeof(SlxColumnRole));
    guint seen = 0;
    for (guint i = index; i < sg->doc->blocks->len; i++) {
        const SlxBlock *b = g_ptr_array_index(sg->doc->blocks, i);
        if (b->kind != SLX_BLOCK_PARAGRAPH || b->cells->len != 1)
            break;
        char *t = slx_normalize(slx_block_cell(b, 0), -1, SLX_NORM_DEFAULT);
        SlxColumnRole r = slx_header_role(v, t);
        g_free(t);
        if (r == SLX_COL_NONE || (seen & (1u << r)))
            break;
        seen |= 1u << r;
        g_array_append_val(roles, r);
        *last = i;
    }
    if (roles->len < TRANSCRIPT_LABELS) {
        g_array_free(roles, TRUE);
        return NULL;
    }
    return roles;
}

static gboolean
transcript_has(const Segmenter *sg, SlxColumnRole role)
{
    for (guint i = 0; i < sg->transcript->len; i++)
        if (g_array_index(sg->transcript, SlxColumnRole, i) == role)
            return TRUE;
    return FALSE;
}

/* Lines FROM .. TO-1 of LINES joined (a wrapped cell), normalized. */
static char *
transcript_join(GPtrArray *lines, guint from, guint to)
{
    GString *s = g_string_new(NULL);
    for (guint i = from; i < to; i++)
        g_string_append_printf(s, "%s%s", s->len ? " " : "", (char *)g_ptr_array_index(lines, i));
    char *out = slx_normalize(s->str, -1, SLX_NORM_KEEP_CJK_SPACES);
    g_string_free(s, TRUE);
    return out;
}

/* How many lines from FROM (at most MAX) join into the best likeness to
 * catalog names (NAMES) or templates; *BEST receives it. */
static guint
transcript_best_run(const Context *cx, GPtrArray *lines, guint from, guint max, gboolean names,
                    double *best)
{
    guint best_n = 0;
    *best = 0;
    for (guint n = 1; n <= max && from + n <= lines->len; n++) {
        char *joined = transcript_join(lines, from, from + n);
        SlxKey *key = slx_key_new(joined);
        double sim = best_similarity(cx, key, names);
        slx_key_free(key);
        g_free(joined);
        if (sim > *best) {
            *best = sim;
            best_n = n;
        }
    }
    return best_n;
}

/* The transcribed row read so far becomes a checklist row. */
static void
transcript_flush(Segmenter *sg)
{
    Context *cx = &sg->cx;
    GPtrArray *lines = sg->cell_lines;
    if (sg->cell_no == NULL) {
        g_ptr_array_set_size(lines, 0);
        return;
    }
    SlxRow *row = new_row(sg->cell_block, sg->section, sg->section_number);
    row->no = g_steal_pointer(&sg->cell_no);
    guint at = 0;
    double sim;
    guint n = transcript_best_run(cx, lines, at, TRANSCRIPT_NAME_LINES, TRUE, &sim);
    if (n > 0 && transcript_has(sg, SLX_COL_NAME)) {
        row->name = transcript_join(lines, at, at + n);
        at += n;
    }
    if (transcript_has(sg, SLX_COL_TEMPLATE)) {
        n = transcript_best_run(cx, lines, at, TRANSCRIPT_TEMPLATE_LINES, FALSE, &sim);
        if (n > 0 && sim >= TRANSCRIPT_TEMPLATE_LIKENESS) {
            row->template_text = transcript_join(lines, at, at + n);
            at += n;
        }
    }
    if (at < lines->len && transcript_has(sg, SLX_COL_UNIT)) {
        char *unit = slx_match_key(g_ptr_array_index(lines, at));
        if (g_hash_table_contains(cx->units, unit)) {
            row->unit = slx_normalize(g_ptr_array_index(lines, at), -1, SLX_NORM_DEFAULT);
            at++;
        }
        g_free(unit);
    }
    if (at < lines->len) {
        char *answer = transcript_join(lines, at, lines->len);
        put(row, SLX_COL_ANSWER, answer, 0);
        g_free(answer);
    }
    g_ptr_array_set_size(lines, 0);
    if (row->name == NULL && row->responses->len == 0) {
        row_free(row);
        return;
    }
    g_ptr_array_add(sg->t->rows, row);
}

/* A block that is no line ends the transcribed table. */
static void
segment_transcript_end(Segmenter *sg)
{
    if (sg->transcript == NULL)
        return;
    transcript_flush(sg);
    g_clear_pointer(&sg->transcript, g_array_unref);
}

/* A line of a transcribed table.  Returns FALSE when it is not one. */
static gboolean
segment_transcript_line(Segmenter *sg, const SlxBlock *b, guint index, const char *text)
{
    if (sg->transcript == NULL) {
        guint last = index;
        if (sg->roles != NULL || (sg->transcript = transcript_header(sg, index, &last)) == NULL)
            return FALSE;
        close_open(sg);
        sg->transcript_skip = last;
        sg->t->header_rows++;
        return TRUE;
    }
    if (index <= sg->transcript_skip)
        return TRUE;
    if (slx_phrases_match(sg->cx.patterns->vocab.rule, text)) {
        transcript_flush(sg);
        return TRUE;
    }
    /* An item number alone starts a row; one no larger than the row's own
     * is that row's answer (「5」 generations). */
    if (g_regex_match(sg->cx.number_re, text, 0, NULL) &&
        (sg->cell_no == NULL || g_ascii_strtod(text, NULL) > g_ascii_strtod(sg->cell_no, NULL))) {
        transcript_flush(sg);
        sg->cell_no = g_strdup(text);
        sg->cell_block = b;
        return TRUE;
    }
    if (sg->cell_no)
        g_ptr_array_add(sg->cell_lines, g_strdup(text));
    else
        note_preamble(&sg->cx, sg->t, text);
    return TRUE;
}

/* ---- text layouts: headings, item-name lines, label/value, Q&A ------- */

/* How closely a name must resemble a catalog name: a heading says it is a
 * heading, a bare line only its text does. */
#define HEADING_LIKENESS 0.5
#define LABEL_LIKENESS 0.85
#define NAME_LINE_LIKENESS 0.85
#define NAME_LINE_CHARS 40

/* Does NAME (normalized) resemble a catalog item name at least THRESHOLD? */
static gboolean
names_item(const Context *cx, const char *name, double threshold)
{
    SlxKey *key = slx_key_new(name);
    gboolean yes = key->chars > 0 && best_name_similarity(cx, key) >= threshold;
    slx_key_free(key);
    return yes;
}

/* The longest catalog name or alias that TEXT (normalized) contains, as a
 * match key (g_free), or NULL: a question names its item in passing
 * (「サービス時間を教えてください」). */
static char *
name_within(const Context *cx, const char *text)
{
    char *key = slx_match_key(text);
    const char *best = NULL;
    for (guint c = 0; c < cx->patterns->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            for (guint k = 0; k < it->name_keys->len; k++) {
                const SlxKey *nk = g_ptr_array_index(it->name_keys, k);
                if (nk->chars >= 2 && (best == NULL || strlen(nk->text) > strlen(best)) &&
                    slx_key_contains(key, nk->text))
                    best = nk->text;
            }
        }
    }
    g_free(key);
    return g_strdup(best);
}

/* The first regex of LIST that matches TEXT, with its match (free it). */
static GRegex *
first_match(GPtrArray *list, const char *text, GMatchInfo **mi)
{
    for (guint i = 0; i < list->len; i++) {
        GRegex *re = g_ptr_array_index(list, i);
        if (g_regex_match(re, text, 0, mi))
            return re;
        g_match_info_free(*mi);
    }
    *mi = NULL;
    return NULL;
}

/* Group 1 of the first regex of LIST that matches TEXT (g_free), or NULL. */
static char *
capture(GPtrArray *list, const char *text)
{
    GMatchInfo *mi;
    if (!first_match(list, text, &mi))
        return NULL;
    char *s = g_match_info_fetch(mi, 1);
    g_match_info_free(mi);
    return s;
}

/* A named group of MI, or NULL when it did not take part (g_free). */
static char *
fetch_named(GMatchInfo *mi, const char *name)
{
    char *s = g_match_info_fetch_named(mi, name);
    if (s && *g_strstrip(s) == '\0')
        g_clear_pointer(&s, g_free);
    return s;
}

/* The item being filled is complete.  A heading or question with nothing
 * under it is a section heading, or an excerpt cut off after it (「1.8.
 * 代替措置で提供するデ」): not an item. */
static void
close_open(Segmenter *sg)
{
    SlxRow *row = sg->open;
    sg->open = NULL;
    sg->open_labels = 0;
    if (row == NULL)
        return;
    if (sg->open_kind == OPEN_SECTION && row->responses->len == 0 && row->template_text == NULL &&
        row->unit == NULL) {
        row_free(row);
        return;
    }
    g_ptr_array_add(sg->t->rows, row);
}

static void
open_item(Segmenter *sg, const SlxBlock *b, OpenKind kind, char *no, char *name)
{
    close_open(sg);
    sg->skipping = FALSE;
    sg->last = NULL;
    SlxRow *row = new_row(b, sg->section, sg->section_number);
    row->no = no;
    row->name = name;
    sg->open = row;
    sg->open_kind = kind;
}

/* 「1.1. サービス時間」 → "1.1" and "サービス時間"; NO is NULL without a number. */
static void
split_number(const Context *cx, const char *text, char **no, char **name)
{
    GMatchInfo *mi;
    *no = NULL;
    if (g_regex_match(cx->heading_re, text, 0, &mi)) {
        *no = g_match_info_fetch(mi, 1);
        *name = g_match_info_fetch(mi, 2);
    } else {
        *name = g_strdup(text);
    }
    g_match_info_free(mi);
}

static void
set_section(Segmenter *sg, const char *text, guint number)
{
    g_free(sg->section);
    sg->section = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    sg->section_number = number;
}

static void
segment_heading(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    close_open(sg);
    sg->skipping = FALSE;
    sg->last = NULL;
    if (b->level == 0) {
        g_ptr_array_add(sg->doc_titles, g_strdup(text));
        return;
    }
    guint sec_no;
    if (b->level == 1 || !section_of(cx, text, FALSE, &sec_no)) {
        char *no, *name;
        split_number(cx, text, &no, &name);
        if (b->level > 1 && (no || names_item(cx, name, HEADING_LIKENESS))) {
            open_item(sg, b, OPEN_SECTION, no, name);
            return;
        }
        g_free(no);
        g_free(name);
        if (b->level > 1 && section_of(cx, text, TRUE, &sec_no))
            set_section(sg, text, sec_no);
        else
            note_preamble(cx, sg->t, text);
        return;
    }
    set_section(sg, text, sec_no);
}

/* A label and its value (<dt>/<dd>).  Under an item's heading, a label
 * that names a column (規定内容, 測定単位, 回答, 備考) says which field the
 * value is; any other label is the vendor's answer. */
static void
segment_label_value(Segmenter *sg, const SlxBlock *b, const char *label, const char *value)
{
    Context *cx = &sg->cx;
    if (sg->open && sg->open_kind == OPEN_SECTION) {
        SlxColumnRole role = slx_header_role(&cx->patterns->vocab, label);
        if (role == SLX_COL_NONE || role == SLX_COL_NO || role == SLX_COL_NAME)
            role = SLX_COL_ANSWER;
        put(sg->open, role, value, ++sg->open_labels);
        return;
    }
    char *no, *name;
    split_number(cx, label, &no, &name);
    if (no || names_item(cx, name, LABEL_LIKENESS)) {
        open_item(sg, b, OPEN_LINE, no, name);
        put(sg->open, SLX_COL_ANSWER, value, 0);
        close_open(sg);
        return;
    }
    g_free(no);
    g_free(name);
    close_open(sg);
    char *line = g_strconcat(label, ": ", value, NULL);
    note_preamble(cx, sg->t, line);
    g_free(line);
}

/* 「1.1」 → 2. */
static guint
number_parts(const char *no)
{
    guint n = 1;
    for (const char *p = no; *p; p++)
        n += *p == '.' || *p == '-';
    return n;
}

/* Does the paragraph TEXT start an item?  「1.1. サービス時間」, 「【5】稼働率:
 * 99.9%」, 「Service hours: 24/7」, a line that is an item's name alone. */
static gboolean
opens_item(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    const SlxVocabulary *v = &cx->patterns->vocab;
    char *no, *name;
    /* 「Service name: …」 names the service, whatever it resembles. */
    GMatchInfo *mi;
    if (slx_phrases_match(v->service, text))
        return FALSE;
    for (guint i = 0; i < v->label_value->len; i++) {
        if (!g_regex_match(g_ptr_array_index(v->label_value, i), text, 0, &mi)) {
            g_match_info_free(mi);
            continue;
        }
        no = fetch_named(mi, "no");
        name = fetch_named(mi, "name");
        char *value = fetch_named(mi, "value");
        g_match_info_free(mi);
        if (name && names_item(cx, name, no ? HEADING_LIKENESS : LABEL_LIKENESS)) {
            open_item(sg, b, OPEN_LINE, no, name);
            if (value)
                put(sg->open, SLX_COL_ANSWER, value, 0);
            g_free(value);
            return TRUE;
        }
        g_free(no);
        g_free(name);
        g_free(value);
    }

    /* Only then a heading line: a name with a number or alone.  Once a
     * numbered name line has opened an item, a short line numbered the same
     * way (1.1, 1.2 …) is the next heading whatever it names — a vendor's
     * own item, or one cut off at the end of an excerpt — and a numbered
     * list inside a response (「1. 日次」) is not. */
    split_number(cx, text, &no, &name);
    gboolean short_line = g_utf8_strlen(name, -1) <= NAME_LINE_CHARS && !strstr(name, "。");
    guint parts = no ? number_parts(no) : 0;
    gboolean heading = short_line && names_item(cx, name, NAME_LINE_LIKENESS);
    if (heading && no && sg->heading_parts == 0)
        sg->heading_parts = parts;
    else if (!heading && no && short_line && parts == sg->heading_parts &&
             g_regex_match(cx->glued_re, text, 0, NULL))   /* not a figure: 99.5%(月間) */
        heading = TRUE;
    if (heading) {
        open_item(sg, b, OPEN_SECTION, no, name);
        return TRUE;
    }
    g_free(no);
    g_free(name);
    return FALSE;
}

/* TEXT after the marks that open a heading line (「◆1 サービス時間」). */
static const char *
without_heading_mark(const SlxVocabulary *v, const char *text)
{
    for (guint i = 0; i < v->heading_mark->len; i++) {
        GMatchInfo *mi;
        int end = 0;
        if (g_regex_match(g_ptr_array_index(v->heading_mark, i), text, 0, &mi))
            g_match_info_fetch_pos(mi, 0, NULL, &end);
        g_match_info_free(mi);
        if (end > 0)
            return text + end;
    }
    return text;
}

/* A paragraph or list item.  Returns FALSE when no text layout claims it:
 * then it is read as a one-cell table row. */
static gboolean
segment_paragraph(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    const SlxVocabulary *v = &cx->patterns->vocab;
    if (slx_phrases_match(v->rule, text)) {
        close_open(sg);
        sg->skipping = FALSE;
        return TRUE;
    }
    if (sg->roles != NULL)
        return FALSE;    /* inside a table, a line is the table's */
    char *question = capture(v->question, text);
    if (question) {
        close_open(sg);
        char *name = name_within(cx, question);
        if (name)
            open_item(sg, b, OPEN_SECTION, NULL, name);
        sg->skipping = name == NULL;
        g_free(question);
        return TRUE;
    }
    if (opens_item(sg, b, without_heading_mark(v, text)))
        return TRUE;
    if (sg->open && (sg->open_kind == OPEN_SECTION || b->indent > 0)) {
        char *answer = sg->open_kind == OPEN_SECTION ? capture(v->answer, text) : NULL;
        put(sg->open, SLX_COL_ANSWER, answer ? answer : text, 0);
        g_free(answer);
        return TRUE;
    }
    close_open(sg);
    return sg->skipping;
}

static void
segment_text_block(Segmenter *sg, const SlxBlock *b, guint index)
{
    const char *raw = slx_block_cell(b, 0);
    char *text = slx_normalize(raw, -1, SLX_NORM_KEEP_CJK_SPACES);
    if (*text == '\0' && b->kind != SLX_BLOCK_LABEL_VALUE) {
        g_free(text);
        return;
    }
    if (b->kind != SLX_BLOCK_PARAGRAPH)
        segment_transcript_end(sg);
    switch (b->kind) {
    case SLX_BLOCK_HEADING:
        segment_heading(sg, b, text);
        break;
    case SLX_BLOCK_LABEL_VALUE: {
        char *value = slx_normalize(slx_block_cell(b, 1), -1, SLX_NORM_KEEP_CJK_SPACES);
        segment_label_value(sg, b, text, value);
        g_free(value);
        break;
    }
    default:
        if (b->kind == SLX_BLOCK_PARAGRAPH && segment_transcript_line(sg, b, index, text))
            break;
        if (!segment_paragraph(sg, b, text))
            segment_table_row(sg, b, index);
        break;
    }
    g_free(text);
}

/* ---- the segmenter --------------------------------------------------- */

static void
finish_title(Segmenter *sg)
{
    SlxTable *t = sg->t;
    /* A page's <title> or a mail's Subject is the title when the body
     * states none: the body's own heading says it better. */
    for (guint i = 0; i < sg->doc_titles->len && t->title == NULL; i++)
        note_preamble(&sg->cx, t, g_ptr_array_index(sg->doc_titles, i));
    if (t->title == NULL) {
        t->title = t->untitled;
        t->untitled = NULL;
    } else if (t->service == NULL && t->untitled &&
               !slx_phrases_match(sg->cx.patterns->vocab.not_service, t->untitled)) {
        /* A short line above the title that names nothing else is the
         * product's own heading (「Larkspur HR Suite」 over 「Cloud service
         * level checklist」). */
        t->service = t->untitled;
        t->untitled = NULL;
    }
}

SlxTable *
slx_segment(const SlxDocument *doc, const SlxPatterns *patterns)
{
    Segmenter sg = {0};
    context_init(&sg.cx, patterns);
    sg.doc = doc;
    sg.t = g_new0(SlxTable, 1);
    sg.t->rows = g_ptr_array_new_with_free_func(row_free);
    sg.last_roles = g_array_new(FALSE, FALSE, sizeof(SlxColumnRole));
    sg.doc_titles = g_ptr_array_new_with_free_func(g_free);
    sg.cell_lines = g_ptr_array_new_with_free_func(g_free);

    for (guint i = 0; i < doc->blocks->len; i++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, i);
        if (b->kind == SLX_BLOCK_ROW) {
            segment_transcript_end(&sg);
            close_open(&sg);
            sg.skipping = FALSE;
            segment_table_row(&sg, b, i);
        } else {
            segment_text_block(&sg, b, i);
        }
    }
    segment_transcript_end(&sg);
    close_open(&sg);
    finish_title(&sg);
    sg.t->text_rows = sg.t->rows->len - sg.table_rows;

    if (sg.roles)
        g_array_free(sg.roles, TRUE);
    g_array_free(sg.last_roles, TRUE);
    g_ptr_array_unref(sg.doc_titles);
    g_ptr_array_unref(sg.cell_lines);
    g_free(sg.cell_no);
    g_free(sg.section);
    context_clear(&sg.cx);
    return sg.t;
}
