/* SPDX-License-Identifier: GPL-3.0-or-later */
/* classify.c — the vendor's response → an answer (doc/output.md §2).
 *
 * The rules run in the contract's order:
 *   1. an explicit marker: a whole answer cell (○, 有, ×, -) or the first
 *      word of the response (【有】, 有り, 無し);
 *   2. 同上 copies the row before (the caller resolves it);
 *   3. a lone -, 該当なし, 対象外, or the item's own "does not apply"
 *      phrases (バッチ処理はありません) → not_applicable;
 *   4. for an item measured by a quantity, a stated figure (a value the
 *      extractor found, of the quantity's kinds) → yes, and so is "none
 *      occurred" for a count;
 *   5. the prose: refusal → undisclosed, negative → no, best effort →
 *      partial, else yes, in that order, clause by clause.
 * The whole response decides: 「ログイン履歴を提供します。その他のログは提供
 * していません。」 is partial, and so is 「規程はありませんが、できるだけ早く」
 * (two clauses, one negative, one best effort).  A negative that denies a
 * risk (「国外へ移転することはありません」, the item's met_by_denial) says how
 * the item is met, and is no "no".  Sentences that only introduce a list
 * (「以下の通り」) or add a remark (「なお、」) do not decide when others do. */
#include "classify.h"
#include "extract.h"
#include "normalize.h"

#include <string.h>

const char *
slx_answer_name(SlxAnswer a)
{
    switch (a) {
    case SLX_ANSWER_YES:            return "yes";
    case SLX_ANSWER_PARTIAL:        return "partial";
    case SLX_ANSWER_NO:             return "no";
    case SLX_ANSWER_UNDISCLOSED:    return "undisclosed";
    case SLX_ANSWER_NOT_APPLICABLE: return "not_applicable";
    case SLX_ANSWER_SAME_AS_PREVIOUS:
    case SLX_ANSWER_UNKNOWN:        break;
    }
    return "unknown";
}

static const SlxAnswer marker_answer[SLX_MARK_N] = {
    [SLX_MARK_YES] = SLX_ANSWER_YES,
    [SLX_MARK_PARTIAL] = SLX_ANSWER_PARTIAL,
    [SLX_MARK_NO] = SLX_ANSWER_NO,
    [SLX_MARK_NOT_APPLICABLE] = SLX_ANSWER_NOT_APPLICABLE,
    [SLX_MARK_SAME_AS_PREVIOUS] = SLX_ANSWER_SAME_AS_PREVIOUS,
};

/* A Latin marker followed by a space and more words is a determiner, not
 * an answer: 「No failures in the past year」, 「No removable media …」.
 * 「No.」, 「Yes, …」, 「N/A - …」 and 「無 プログラム…」 are answers. */
static gboolean
latin_word_before_text(const char *word, const char *text)
{
    if (!g_ascii_isalpha(word[0]))
        return FALSE;
    const char *after = text + strlen(word);
    if (*after != ' ')
        return FALSE;
    while (*after == ' ')
        after++;
    return g_unichar_isalnum(g_utf8_get_char(after));
}

/* Sentences of TEXT, split after 。 (a decimal point is not a full stop). */
static GPtrArray *
sentences(const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    const char *start = text;
    for (const char *p = text;; p = g_utf8_next_char(p)) {
        if (*p == '\0' || g_utf8_get_char(p) == 0x3002) {
            char *s = g_strndup(start, (gsize)(p - start));
            g_strstrip(s);
            if (*s)
                g_ptr_array_add(out, s);
            else
                g_free(s);
            if (*p == '\0')
                break;
            start = g_utf8_next_char(p);
        }
    }
    return out;
}

/* TEXT without the spans any regex of LIST matches. */
static char *
strip_phrases(char *text, GPtrArray *list)
{
    for (guint i = 0; i < list->len; i++) {
        char *r = g_regex_replace_literal(g_ptr_array_index(list, i), text, -1, 0, "", 0, NULL);
        if (r) {
            g_free(text);
            text = r;
        }
    }
    return text;
}

/* What one clause says.  A clause without any word of polarity is
 * neutral: 「お客様の責任でお願いしています」 beside 「加入していません」 does
 * not make the answer partial, but alone it is affirmative prose. */
typedef enum {
    POLARITY_NEUTRAL,
    POLARITY_YES,
    POLARITY_NO,
    POLARITY_PARTIAL,
    POLARITY_UNDISCLOSED,
    POLARITY_N
} Polarity;

/* The polarity of one clause: the rules in the contract's order. */
static Polarity
judge_clause(const char *clause, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    if (slx_phrases_match(v->undisclosed, clause))
        return POLARITY_UNDISCLOSED;
    if (item && item->limit && slx_phrases_match(v->limit_none, clause))
        return POLARITY_NO;
    /* 「この限りではありません」 is no "no", nor is a denied risk. */
    char *s = strip_phrases(strip_phrases(g_strdup(clause), v->negative_ignore), v->risk_denial);
    gboolean negative = slx_phrases_match(v->negative, s) &&
                        !(item && item->met_by_denial &&
                          g_regex_match(item->met_by_denial, clause, 0, NULL));
    g_free(s);
    if (negative)
        return POLARITY_NO;
    if (slx_phrases_match(v->partial, clause))
        return POLARITY_PARTIAL;
    return slx_phrases_match(v->affirmative, clause) ? POLARITY_YES : POLARITY_NEUTRAL;
}

/* The polarities of one sentence or list entry, a clause at a time: a
 * contrast (が、, but) parts 「規程はありませんが、できるだけ早く」. */
static void
judge(GArray *out, const char *sentence, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    /* Phrases are matched without the spaces between Japanese characters:
     * a line wrapped inside a cell (「承って / おりません」) is one phrase. */
    char *s = slx_normalize(sentence, -1, SLX_NORM_DEFAULT);
    const char *start = s;
    for (;;) {
        /* The earliest turn of any contrast pattern: they may be several
         * (a pattern file adds one), and a clause ends at whichever comes first. */
        int turn = -1, after = -1;
        for (guint i = 0; i < v->contrast->len; i++) {
            GMatchInfo *mi;
            if (g_regex_match(g_ptr_array_index(v->contrast, i), start, 0, &mi)) {
                int ms, me;
                g_match_info_fetch_pos(mi, 0, &ms, &me);
                if (me > ms && (turn < 0 || ms < turn)) {
                    turn = ms;
                    after = me;
                }
            }
            g_match_info_free(mi);
        }
        if (turn < 0)
            break;
        char *clause = g_strndup(start, (gsize)turn);
        Polarity a = judge_clause(clause, item, v);
        g_array_append_val(out, a);
        g_free(clause);
        start += after;
    }
    Polarity a = judge_clause(start, item, v);
    g_array_append_val(out, a);
    g_free(s);
}

/* The answer of all polarities together: an affirmation beside a
 * negative, or a best effort, is partial; a negative is no; a refusal
 * decides when it comes first (「公開していません。」 before a remark);
 * else yes. */
static SlxAnswer
combine(const GArray *polarities)
{
    guint n[POLARITY_N] = {0};
    for (guint i = 0; i < polarities->len; i++)
        n[g_array_index(polarities, Polarity, i)]++;
    if (polarities->len == 0)
        return SLX_ANSWER_UNKNOWN;
    if ((n[POLARITY_NO] && n[POLARITY_YES]) || n[POLARITY_PARTIAL])
        return SLX_ANSWER_PARTIAL;
    if (n[POLARITY_NO])
        return SLX_ANSWER_NO;
    if (n[POLARITY_UNDISCLOSED])
        return g_array_index(polarities, Polarity, 0) == POLARITY_UNDISCLOSED ? SLX_ANSWER_UNDISCLOSED
                                                                              : SLX_ANSWER_YES;
    return SLX_ANSWER_YES;
}

static SlxAnswer
judge_prose(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    GPtrArray *ss = sentences(text);
    GPtrArray *deciding = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *remarks = g_ptr_array_new_with_free_func(g_free);
    gboolean list = FALSE;
    for (guint i = 0; i < ss->len; i++) {
        const char *s = g_ptr_array_index(ss, i);
        if (slx_phrases_match(v->lead_in, s) && i + 1 < ss->len) {
            list = TRUE;
            /* 「以下の通りです。 サーバ → 導入なし 端末 → 随時」: the entries. */
            for (guint j = i + 1; j < ss->len; j++) {
                char **words = g_strsplit(g_ptr_array_index(ss, j), " ", -1);
                for (char **w = words; *w; w++)
                    if (**w && g_utf8_strlen(*w, -1) > 1)
                        g_ptr_array_add(deciding, g_strdup(*w));
                g_strfreev(words);
            }
            break;
        }
        g_ptr_array_add(slx_phrases_match(v->supplement, s) ? remarks : deciding, g_strdup(s));
    }
    g_ptr_array_unref(ss);
    /* Remarks decide only a response made of nothing else. */
    GPtrArray *judged = deciding->len ? deciding : remarks;
    GArray *polarities = g_array_new(FALSE, FALSE, sizeof(Polarity));
    for (guint i = 0; i < judged->len; i++)
        judge(polarities, g_ptr_array_index(judged, i), item, v);
    /* An entry of a list states what is done (「端末 → 随時スキャン」). */
    for (guint i = 0; list && i < polarities->len; i++)
        if (g_array_index(polarities, Polarity, i) == POLARITY_NEUTRAL)
            g_array_index(polarities, Polarity, i) = POLARITY_YES;
    SlxAnswer result = combine(polarities);
    g_array_free(polarities, TRUE);
    g_ptr_array_unref(deciding);
    g_ptr_array_unref(remarks);
    return result;
}

/* A value of the item's quantity is stated (or text that states the
 * quantity without a figure, such as リアルタイム). */
static gboolean
states_figure(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v,
              const GPtrArray *values)
{
    if (item == NULL || item->quantity == NULL)
        return FALSE;
    const SlxQuantity *q = g_hash_table_lookup(v->quantities, item->quantity);
    if (q == NULL)
        return FALSE;
    for (guint i = 0; values && i < values->len; i++) {
        const SlxValue *val = g_ptr_array_index(values, i);
        const char *kind = slx_value_kind_name(val->kind);
        gboolean kind_ok = FALSE, unit_ok = q->units->len == 0;
        for (guint k = 0; k < q->kinds->len; k++)
            kind_ok |= strcmp(g_ptr_array_index(q->kinds, k), kind) == 0;
        for (guint k = 0; k < q->units->len && val->unit; k++)
            unit_ok |= strcmp(g_ptr_array_index(q->units, k), val->unit) == 0;
        if (kind_ok && unit_ok)
            return TRUE;
    }
    if (slx_phrases_match(q->figure, text))
        return TRUE;
    /* 「障害は発生していません」 is a count of zero. */
    return strcmp(item->quantity, "count") == 0 && slx_phrases_match(v->none_occurred, text);
}

/* Does WORD hold a letter or digit (N/A, 該当なし), not only a dash? */
static gboolean
has_letter(const char *word)
{
    for (const char *p = word; *p; p = g_utf8_next_char(p))
        if (g_unichar_isalnum(g_utf8_get_char(p)))
            return TRUE;
    return FALSE;
}

SlxAnswer
slx_classify_text(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v,
                  const GPtrArray *values)
{
    if (text == NULL || *text == '\0')
        return SLX_ANSWER_UNKNOWN;
    char *flat = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    SlxAnswer a = SLX_ANSWER_UNKNOWN;

    int m = slx_marker_of_normalized(v, flat);
    if (m < 0 && slx_phrases_match(v->same_as_previous, flat))
        m = SLX_MARK_SAME_AS_PREVIOUS;
    if (m < 0) {
        /* 「有 3か月前に告知」, 「【無】 …」, 「有り。利用規約に…」, 「該当なし:…」,
         * 「N/A - no files are stored」.  A leading "-" is a bullet, not
         * "not applicable": a marker made of a dash alone counts as the
         * first word only with a colon after it. */
        char *w = slx_first_word(text);
        int wm = slx_marker_of(v, w);
        gboolean colon = text[strlen(w)] == ':';
        if (wm >= 0 && wm != SLX_MARK_SAME_AS_PREVIOUS && !latin_word_before_text(w, text) &&
            (wm != SLX_MARK_NOT_APPLICABLE || colon || has_letter(w)))
            m = wm;
        g_free(w);
    }
    if (m >= 0)
        a = marker_answer[m];
    else if (item && item->not_applicable && g_regex_match(item->not_applicable, flat, 0, NULL))
        a = SLX_ANSWER_NOT_APPLICABLE;
    else if (states_figure(flat, item, v, values))
        a = SLX_ANSWER_YES;
    else
        a = judge_prose(text, item, v);
    g_free(flat);
    return a;
}

gboolean
slx_row_same_as_previous(const SlxRow *row, const SlxVocabulary *v)
{
    gboolean same = FALSE;
    for (guint i = 0; i < row->responses->len && !same; i++) {
        const SlxResponse *r = g_ptr_array_index(row->responses, i);
        char *flat = slx_normalize(r->text, -1, SLX_NORM_DEFAULT);
        same = slx_phrases_match(v->same_as_previous, flat);
        g_free(flat);
    }
    return same;
}

SlxAnswer
slx_classify(const SlxRow *row, const SlxCatalogItem *item, const SlxVocabulary *v,
             const GPtrArray *values)
{
    /* A marker alone in an answer column (対応/可否: ○) decides. */
    for (guint i = 0; i < row->responses->len; i++) {
        const SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (r->role != SLX_COL_ANSWER)
            continue;
        int m = slx_marker_of(v, r->text);
        if (m >= 0)
            return marker_answer[m];
        break;   /* only the first answer cell can be the marker column */
    }
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < row->responses->len; i++) {
        const SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (r->role != SLX_COL_ANSWER)
            continue;
        if (all->len)
            g_string_append_c(all, ' ');
        g_string_append(all, r->text);
    }
    SlxAnswer a = slx_classify_text(all->str, item, v, values);
    g_string_free(all, TRUE);
    return a;
}
