/* classify.c — the vendor's response → an answer (OUTPUT.md §2).
 *
 * The rules run in the contract's order:
 *   1. an explicit marker: a whole answer cell (○, 有, ×, -) or the first
 *      word of the response (【有】, 有り, 無し);
 *   2. 同上 copies the row before (the caller resolves it);
 *   3. a lone -, 該当なし, 対象外, or the item's own "does not apply"
 *      phrases (バッチ処理はありません) → not_applicable;
 *   4. for an item measured by a quantity, a stated figure → yes, and so is
 *      "none occurred" for a count;
 *   5. the prose: refusal → undisclosed, best effort → partial,
 *      negative → no, else yes.
 * For the prose, vendors put the answer first and qualifications after
 * (「把握しております。なお、…保管することはありません。」), so the first
 * sentence decides; sentences that only introduce a list (「以下の通り」)
 * are skipped, and a list whose entries disagree is partial. */
#include "classify.h"
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

/* WORD without surrounding brackets: 【有】 → 有. */
static char *
unbracket(const char *word)
{
    char *w = slx_normalize(word, -1, SLX_NORM_DEFAULT);
    static const char *const pairs[][2] = {{"【", "】"}, {"[", "]"}, {"(", ")"}, {"〔", "〕"}, {"「", "」"}};
    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
        if (g_str_has_prefix(w, pairs[i][0]) && g_str_has_suffix(w, pairs[i][1]) &&
            strlen(w) > strlen(pairs[i][0]) + strlen(pairs[i][1])) {
            char *inner = g_strndup(w + strlen(pairs[i][0]),
                                    strlen(w) - strlen(pairs[i][0]) - strlen(pairs[i][1]));
            g_free(w);
            return inner;
        }
    }
    return w;
}

int
slx_marker_of(const SlxVocabulary *v, const char *word)
{
    char *w = unbracket(word);
    int found = -1;
    for (int m = 0; m < SLX_MARK_N && found < 0; m++)
        for (guint i = 0; i < v->markers[m]->len && found < 0; i++)
            if (strcmp(g_ptr_array_index(v->markers[m], i), w) == 0)
                found = m;
    g_free(w);
    return found;
}

/* The first word of TEXT: up to a space or punctuation, or a whole
 * bracketed group 【有】. */
static char *
first_word(const char *text)
{
    if (g_str_has_prefix(text, "【")) {
        const char *close = strstr(text, "】");
        if (close)
            return g_strndup(text, (gsize)(close - text) + strlen("】"));
    }
    const char *p = text;
    while (*p) {
        gunichar c = g_utf8_get_char(p);
        if (c == ' ' || c == 0x3002 || c == 0x3001 || c == ',' || c == ':' ||
            c == '(' || c == '.' || c == 0xFF0C)
            break;
        p = g_utf8_next_char(p);
    }
    return g_strndup(text, (gsize)(p - text));
}

/* A Latin marker followed by a space and more words is a determiner, not
 * an answer: 「No failures in the past year」, 「No removable media …」.
 * 「No.」, 「Yes, …」 and 「無 プログラム…」 are answers. */
static gboolean
latin_word_before_text(const char *word, const char *text)
{
    if (!g_ascii_isalpha(word[0]))
        return FALSE;
    const char *after = text + strlen(word);
    return *after == ' ';
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

/* The polarity of one sentence or list entry. */
static SlxAnswer
judge(const char *sentence, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    /* Phrases are matched without the spaces between Japanese characters:
     * a line wrapped inside a cell (「承って / おりません」) is one phrase.
     * Phrases such as 「この限りではありません」 are not a "no". */
    char *s = slx_normalize(sentence, -1, SLX_NORM_DEFAULT);
    for (guint i = 0; i < v->negative_ignore->len; i++) {
        char *r = g_regex_replace_literal(g_ptr_array_index(v->negative_ignore, i), s, -1, 0,
                                          "", 0, NULL);
        if (r) {
            g_free(s);
            s = r;
        }
    }
    SlxAnswer a = SLX_ANSWER_YES;
    if (slx_phrases_match(v->undisclosed, s))
        a = SLX_ANSWER_UNDISCLOSED;
    else if (slx_phrases_match(v->partial, s))
        a = SLX_ANSWER_PARTIAL;
    else if (item && item->limit && slx_phrases_match(v->limit_none, s))
        a = SLX_ANSWER_NO;
    else if (slx_phrases_match(v->negative, s))
        a = SLX_ANSWER_NO;
    g_free(s);
    return a;
}

static SlxAnswer
judge_prose(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    GPtrArray *ss = sentences(text);
    GPtrArray *deciding = g_ptr_array_new_with_free_func(g_free);
    gboolean list = FALSE;
    for (guint i = 0; i < ss->len; i++) {
        const char *s = g_ptr_array_index(ss, i);
        if (slx_phrases_match(v->lead_in, s) && i + 1 < ss->len) {
            /* 「以下の通りです。 サーバ → 導入なし 端末 → 随時」: the entries. */
            list = TRUE;
            for (guint j = i + 1; j < ss->len; j++) {
                char **words = g_strsplit(g_ptr_array_index(ss, j), " ", -1);
                for (char **w = words; *w; w++)
                    if (**w && g_utf8_strlen(*w, -1) > 1)
                        g_ptr_array_add(deciding, g_strdup(*w));
                g_strfreev(words);
            }
            break;
        }
        if (slx_phrases_match(v->supplement, s) && (deciding->len > 0 || i + 1 < ss->len))
            continue;
        g_ptr_array_add(deciding, g_strdup(s));
        break;
    }
    g_ptr_array_unref(ss);

    SlxAnswer result = SLX_ANSWER_UNKNOWN;
    if (!list) {
        if (deciding->len > 0)
            result = judge(g_ptr_array_index(deciding, 0), item, v);
    } else {
        guint yes = 0, no = 0, other = 0;
        for (guint i = 0; i < deciding->len; i++) {
            SlxAnswer a = judge(g_ptr_array_index(deciding, i), item, v);
            if (a == SLX_ANSWER_YES)
                yes++;
            else if (a == SLX_ANSWER_NO)
                no++;
            else
                other++;
        }
        result = (no > 0 && yes + other > 0) ? SLX_ANSWER_PARTIAL
                 : no > 0                     ? SLX_ANSWER_NO
                 : other > 0                  ? judge(g_ptr_array_index(deciding, 0), item, v)
                                              : SLX_ANSWER_YES;
    }
    g_ptr_array_unref(deciding);
    return result;
}

static gboolean
states_figure(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    if (item == NULL || item->quantity == NULL)
        return FALSE;
    GPtrArray *figures = g_hash_table_lookup(v->quantities, item->quantity);
    if (figures && slx_phrases_match(figures, text))
        return TRUE;
    /* 「障害は発生していません」 is a count of zero. */
    return (strcmp(item->quantity, "count") == 0) && slx_phrases_match(v->none_occurred, text);
}

SlxAnswer
slx_classify_text(const char *text, const SlxCatalogItem *item, const SlxVocabulary *v)
{
    if (text == NULL || *text == '\0')
        return SLX_ANSWER_UNKNOWN;
    char *flat = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    SlxAnswer a = SLX_ANSWER_UNKNOWN;

    int m = slx_marker_of(v, text);
    if (m < 0 && slx_phrases_match(v->same_as_previous, flat))
        m = SLX_MARK_SAME_AS_PREVIOUS;
    if (m < 0) {
        /* 「有 3か月前に告知」, 「【無】 …」, 「有り。利用規約に…」.  A leading
         * "-" is a bullet, not "not applicable". */
        char *w = first_word(text);
        int wm = slx_marker_of(v, w);
        if (wm >= 0 && wm != SLX_MARK_NOT_APPLICABLE && wm != SLX_MARK_SAME_AS_PREVIOUS &&
            !latin_word_before_text(w, text))
            m = wm;
        g_free(w);
    }
    if (m >= 0)
        a = marker_answer[m];
    else if (item && item->not_applicable && g_regex_match(item->not_applicable, flat, 0, NULL))
        a = SLX_ANSWER_NOT_APPLICABLE;
    else if (states_figure(flat, item, v))
        a = SLX_ANSWER_YES;
    else
        a = judge_prose(text, item, v);
    g_free(flat);
    return a;
}

SlxAnswer
slx_classify(const SlxRow *row, const SlxCatalogItem *item, const SlxVocabulary *v)
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
    SlxAnswer a = slx_classify_text(all->str, item, v);
    g_string_free(all, TRUE);
    return a;
}
