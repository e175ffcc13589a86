/* SPDX-License-Identifier: GPL-3.0-or-later */
/* match.c — checklist rows → catalog items.
 *
 * Each kind of evidence gives a probability that row R is item I:
 *   name      the closest name or alias, squared (a half-similar name is
 *             weak evidence, an exact one strong)
 *   number    the printed number names I
 *   template  the printed 規定内容 is close to I's
 *   keyword   one of I's keywords (RPO, 計画停止, SAS70 …) appears in the
 *             name or the template
 * and they combine as a noisy OR: confidence = 1 − Π(1 − p).  Evidence that
 * points firmly at another item lowers the confidence instead, so a typo'd
 * number does not beat an exact name (number_mismatch), and a pasted wrong
 * 規定内容 does not beat name and number (template_mismatch).
 * Two rows of the same item: the more confident is kept (flag duplicate),
 * the other is reported as an extra row, so no vendor text is lost. */
#include "match.h"
#include "similarity.h"

#include <string.h>

#define P_NAME      0.95
#define P_NUMBER    0.60
#define P_TEMPLATE  0.80
#define P_KEYWORD   0.50
#define CONTRA_NAME     0.85   /* another item's name matches ≥ FIRM_NAME */
#define CONTRA_NUMBER   0.85   /* the number names another item */
#define CONTRA_TEMPLATE 0.90   /* the template is another item's */
#define FIRM_NAME       0.80
#define FIRM_TEMPLATE   0.70
#define MIN_TEMPLATE    0.30   /* weaker template likeness is no evidence */
#define UNRELATED_NAME  0.25   /* a name this far from the item's speaks against it */
#define CONTRA_UNRELATED 0.60

typedef struct {
    const SlxKey *name_key;
    const SlxKey *template_key;
    const SlxCatalogItem *by_number;
} RowKeys;

const SlxCatalogItem *
slx_item_for_number(const SlxCatalog *c, const char *no, guint section_number)
{
    if (no == NULL)
        return NULL;
    /* Keep the digits and one separator: "No.3", "(3)", "3.", "1.1", "1-1". */
    const char *p = no;
    while (*p && !g_ascii_isdigit(*p))
        p++;
    char *end;
    guint64 major = g_ascii_strtoull(p, &end, 10);
    if (end == p)
        return NULL;
    guint64 minor = 0;
    if ((*end == '.' || *end == '-') && g_ascii_isdigit(end[1]))
        minor = g_ascii_strtoull(end + 1, NULL, 10);

    guint section = 0, index = 0;
    if (minor > 0) {
        section = (guint)major;
        index = (guint)minor;
    } else if (section_number > 0) {
        /* Numbering that restarts in each section: 「3.データ管理」 then 1, 2 … */
        for (guint s = 0; s < c->sections->len; s++) {
            const SlxCatalogSection *sec = g_ptr_array_index(c->sections, s);
            if (sec->number == section_number && sec->first > 1 && major < sec->first &&
                major <= sec->last - sec->first + 1) {
                section = section_number;
                index = (guint)major;
            }
        }
    }
    if (section > 0) {
        for (guint s = 0; s < c->sections->len; s++) {
            const SlxCatalogSection *sec = g_ptr_array_index(c->sections, s);
            if (sec->number == section) {
                guint id = sec->first + index - 1;
                if (index == 0 || id > sec->last)
                    return NULL;
                char buf[16];
                g_snprintf(buf, sizeof buf, "%u", id);
                return slx_catalog_lookup(c, buf);
            }
        }
        return NULL;
    }
    char buf[24];
    g_snprintf(buf, sizeof buf, "%" G_GUINT64_FORMAT, major);
    return slx_catalog_lookup(c, buf);
}

/* Whether one of keys A and B, SIMILARITY S apart, may be inside the
 * other.  Then every bigram of the shorter is one of the longer's, and S
 * is 2 × its bigrams / both keys' bigrams: a lower S rules it out without
 * a search of the text (most names of the catalog against most rows). */
static gboolean
match_may_contain(const SlxKey *a, const SlxKey *b, double s)
{
    double inside = 2.0 * (double)MIN(a->n, b->n) / (double)(a->n + b->n);
    return s >= inside - 1e-9;
}

/* How like the name keys of IT KEY is; SCORES holds the similarity of KEY
 * to each of them (from the catalog's name index). */
static double
name_similarity(const SlxCatalogItem *it, const SlxKey *key, const double *scores)
{
    double best = 0;
    for (guint k = 0; k < it->name_keys->len; k++) {
        const SlxKey *nk = g_ptr_array_index(it->name_keys, k);
        double s = scores[k];
        /* One name inside the other (「目標復旧時間」 in 「目標復旧時間(RTO)」)
         * is nearly as good as equal, if it is most of it: 「利用者数」 is
         * not 「同時接続利用者数」. */
        glong ln = nk->chars, lk = key->chars;
        if (s < 0.85 && MIN(ln, lk) >= 4 && MIN(ln, lk) * 10 >= MAX(ln, lk) * 6 &&
            match_may_contain(nk, key, s) &&
            (strstr(key->text, nk->text) || strstr(nk->text, key->text)))
            s = 0.85;
        best = MAX(best, s);
    }
    return best;
}

static gboolean
has_keyword(const SlxCatalogItem *it, const RowKeys *rk)
{
    for (guint k = 0; k < it->keyword_keys->len; k++) {
        const char *kw = g_ptr_array_index(it->keyword_keys, k);
        if (slx_key_contains(rk->name_key->text, kw) || slx_key_contains(rk->template_key->text, kw))
            return TRUE;
    }
    return FALSE;
}

/* Is KEY cut short: the beginning of a catalog name or alias and none of
 * them whole (「代替措置で提供するデ」, where an excerpt or a page ends)? */
static gboolean
name_cut_short(const SlxCatalog *c, const SlxKey *key)
{
    if (key->chars == 0)
        return FALSE;
    gboolean prefix = FALSE;
    for (guint i = 0; i < c->items->len; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        for (guint k = 0; k < it->name_keys->len; k++) {
            const SlxKey *nk = g_ptr_array_index(it->name_keys, k);
            if (strcmp(nk->text, key->text) == 0)
                return FALSE;
            prefix |= g_str_has_prefix(nk->text, key->text);
        }
    }
    return prefix;
}

/* Score ROW against every item of C; the best item, its confidence and
 * flags.  USE_NUMBERS: the document numbers its rows as the catalog does. */
static SlxMatch *
match_row(const SlxCatalog *c, const SlxRow *row, gboolean use_numbers)
{
    RowKeys rk = {
        row->name_key, row->template_key,
        use_numbers ? slx_item_for_number(c, row->no, row->section_number) : NULL,
    };
    guint n = c->items->len;
    double *name = g_new0(double, n), *tmpl = g_new0(double, n);
    /* The row against every name and template of the catalog at once. */
    double *name_scores = g_new(double, MAX(slx_key_index_size(c->name_index), 1));
    slx_key_index_similarities(c->name_index, rk.name_key, name_scores);
    slx_key_index_similarities(c->template_index, rk.template_key, tmpl);
    guint best_name = 0, best_tmpl = 0;
    for (guint i = 0; i < n; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        if (*rk.name_key->text)
            name[i] = name_similarity(it, rk.name_key, name_scores + c->name_first[i]);
        if (name[i] > name[best_name])
            best_name = i;
        if (tmpl[i] > tmpl[best_tmpl])
            best_tmpl = i;
    }

    SlxMatch *m = g_new0(SlxMatch, 1);
    m->row = row;
    double best = -1;
    const SlxCatalogItem *chosen = NULL;
    for (guint i = 0; i < n; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        double miss = 1.0;
        miss *= 1.0 - P_NAME * name[i] * name[i];
        if (rk.by_number == it)
            miss *= 1.0 - P_NUMBER;
        if (tmpl[i] >= MIN_TEMPLATE)
            miss *= 1.0 - P_TEMPLATE * tmpl[i];
        gboolean keyword = has_keyword(it, &rk);
        if (keyword)
            miss *= 1.0 - P_KEYWORD;
        double conf = 1.0 - miss;
        if (best_name != i && name[best_name] >= FIRM_NAME && name[best_name] > name[i])
            conf *= CONTRA_NAME;
        if (rk.by_number != NULL && rk.by_number != it)
            conf *= CONTRA_NUMBER;
        if (best_tmpl != i && tmpl[best_tmpl] >= FIRM_TEMPLATE && tmpl[i] < MIN_TEMPLATE)
            conf *= CONTRA_TEMPLATE;
        /* A printed name unlike the item, with nothing else for it but the
         * number, is another checklist's row (総務省's 「1 開示情報の時点」). */
        if (*rk.name_key->text && name[i] < UNRELATED_NAME && tmpl[i] < MIN_TEMPLATE && !keyword)
            conf *= CONTRA_UNRELATED;
        if (conf > best) {
            best = conf;
            chosen = it;
        }
    }
    m->confidence = best < 0 ? 0 : best;
    /* A name cut short with nothing under it names no item for certain:
     * it is kept as an extra row, never matched. */
    if (row->responses->len == 0 && row->template_text == NULL && name_cut_short(c, rk.name_key))
        chosen = NULL;
    if (chosen && m->confidence >= SLX_MATCH_ACCEPT) {
        guint ci = 0;
        while (g_ptr_array_index(c->items, ci) != chosen)
            ci++;
        m->item = chosen;
        if (rk.by_number != NULL && rk.by_number != chosen)
            m->flags |= SLX_FLAG_NUMBER_MISMATCH;
        if (*rk.template_key->text && tmpl[ci] < 0.5 && best_tmpl != ci && tmpl[best_tmpl] >= FIRM_TEMPLATE)
            m->flags |= SLX_FLAG_TEMPLATE_MISMATCH;
        if (m->confidence < SLX_MATCH_LOW)
            m->flags |= SLX_FLAG_LOW_CONFIDENCE;
    }
    g_free(name);
    g_free(name_scores);
    g_free(tmpl);
    return m;
}

void
slx_match_result_free(SlxMatchResult *r)
{
    if (r == NULL)
        return;
    g_ptr_array_unref(r->matches);
    g_free(r);
}

/* Does the document number its rows as catalog C does?  Another checklist
 * (総務省's disclosure table) numbers 1, 2, 3 … too, but its names do not
 * agree with the items those numbers name.  Trusted when more than half of
 * the rows with a number and a name or template agree with their item (a
 * sheet of 可用性 numbered 1 to 4 by the vendor agrees on 1 and 2 by chance);
 * judged over the rows of one SHEET (0 outside workbooks). */
static gboolean
numbering_agrees(const SlxTable *t, const SlxCatalog *c, guint sheet)
{
    guint checked = 0, agree = 0;
    for (guint r = 0; r < t->rows->len; r++) {
        const SlxRow *row = g_ptr_array_index(t->rows, r);
        if (row->sheet != sheet || row->no == NULL ||
            (row->name == NULL && row->template_text == NULL))
            continue;
        const SlxCatalogItem *it = slx_item_for_number(c, row->no, row->section_number);
        checked++;
        if (it == NULL)
            continue;
        const SlxKey *nk = row->name_key, *tk = row->template_key;
        double *scores = g_new(double, MAX(it->name_keys->len, 1));
        for (guint k = 0; k < it->name_keys->len; k++)
            scores[k] = slx_key_similarity(nk, g_ptr_array_index(it->name_keys, k));
        gboolean named = *nk->text && name_similarity(it, nk, scores) >= 0.5;
        g_free(scores);
        if (named ||
            (*tk->text && slx_key_similarity(tk, it->template_key) >= 0.5))
            agree++;
    }
    return checked == 0 || agree * 2 > checked;
}

/* The sheets of a workbook (1 … N) whose rows match no item of the
 * catalog: another form (a security questionnaire beside the SLA
 * checklist), whose rows are not the document's extra items either.
 * Outside workbooks every row is on "sheet 0", which is always kept. */
static GHashTable *
match_sheets_without_items(GPtrArray *matches)
{
    GHashTable *seen = g_hash_table_new(NULL, NULL), *matched = g_hash_table_new(NULL, NULL);
    for (guint r = 0; r < matches->len; r++) {
        const SlxMatch *m = g_ptr_array_index(matches, r);
        g_hash_table_add(seen, GUINT_TO_POINTER(m->row->sheet));
        if (m->item)
            g_hash_table_add(matched, GUINT_TO_POINTER(m->row->sheet));
    }
    GHashTable *other = g_hash_table_new(NULL, NULL);
    GHashTableIter it;
    gpointer sheet;
    g_hash_table_iter_init(&it, seen);
    while (g_hash_table_iter_next(&it, &sheet, NULL))
        if (GPOINTER_TO_UINT(sheet) > 0 && !g_hash_table_contains(matched, sheet) &&
            g_hash_table_size(matched) > 0)
            g_hash_table_add(other, sheet);
    g_hash_table_unref(seen);
    g_hash_table_unref(matched);
    return other;
}

static SlxMatchResult *
match_catalog(const SlxTable *t, const SlxCatalog *c)
{
    /* Each sheet of a workbook numbers its rows its own way. */
    GHashTable *numbering = g_hash_table_new(NULL, NULL);   /* sheet + 1 → trusted */
    for (guint r = 0; r < t->rows->len; r++) {
        guint sheet = ((const SlxRow *)g_ptr_array_index(t->rows, r))->sheet;
        if (!g_hash_table_contains(numbering, GUINT_TO_POINTER(sheet + 1)))
            g_hash_table_insert(numbering, GUINT_TO_POINTER(sheet + 1),
                                GINT_TO_POINTER(numbering_agrees(t, c, sheet)));
    }
    SlxMatchResult *res = g_new0(SlxMatchResult, 1);
    res->catalog = c;
    res->matches = g_ptr_array_new_with_free_func(g_free);
    GHashTable *kept = g_hash_table_new(g_direct_hash, g_direct_equal);  /* item → SlxMatch */

    for (guint r = 0; r < t->rows->len; r++) {
        const SlxRow *row = g_ptr_array_index(t->rows, r);
        gboolean use_numbers =
            GPOINTER_TO_INT(g_hash_table_lookup(numbering, GUINT_TO_POINTER(row->sheet + 1)));
        SlxMatch *m = match_row(c, row, use_numbers);
        g_ptr_array_add(res->matches, m);
        if (m->item == NULL)
            continue;
        SlxMatch *other = g_hash_table_lookup(kept, m->item);
        if (other == NULL) {
            g_hash_table_insert(kept, (gpointer)m->item, m);
            continue;
        }
        SlxMatch *winner = m->confidence > other->confidence ? m : other;
        SlxMatch *loser = winner == m ? other : m;
        winner->flags |= SLX_FLAG_DUPLICATE | (loser->flags & SLX_FLAG_DUPLICATE);
        loser->item = NULL;
        loser->flags = 0;
        g_hash_table_insert(kept, (gpointer)winner->item, winner);
    }
    GHashTable *other_sheets = match_sheets_without_items(res->matches);
    for (guint r = res->matches->len; r-- > 0;) {
        const SlxMatch *m = g_ptr_array_index(res->matches, r);
        if (g_hash_table_contains(other_sheets, GUINT_TO_POINTER(m->row->sheet)))
            g_ptr_array_remove_index(res->matches, r);
    }
    g_hash_table_unref(other_sheets);
    g_hash_table_unref(numbering);
    res->items_found = g_hash_table_size(kept);
    g_hash_table_unref(kept);
    return res;
}

SlxMatchResult *
slx_match(const SlxTable *t, const SlxPatterns *p)
{
    SlxMatchResult *best = NULL;
    for (guint c = 0; c < p->catalogs->len; c++) {
        SlxMatchResult *r = match_catalog(t, g_ptr_array_index(p->catalogs, c));
        if (best == NULL || r->items_found > best->items_found) {
            slx_match_result_free(best);
            best = r;
        } else {
            slx_match_result_free(r);
        }
    }
    return best;
}
