/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c — an analyst's requirements against one document (doc/output.md §7).
 *
 * The stage after extraction: each requirement takes the item it names
 * and compares the values the vendor stated, as stated.  A bound is
 * honoured: for max = L an exact, max, max_exclusive or approx value v
 * passes when v <= L and fails when v > L; a value with only a lower bound
 * (6時間以上) fails when that bound is above L and says nothing otherwise;
 * a range counts by its upper end (its lower end for min); min = L is the
 * mirror image.  Several values of the kind (one per plan) must all pass.
 * "unknown" whenever the document does not say enough: the item missing,
 * its answer undisclosed, unknown or not applicable, no value of the kind.
 * Never a guess. */
#include "check.h"

#include <math.h>
#include <string.h>

const char *
slx_check_result_name(SlxCheckResult c)
{
    switch (c) {
    case SLX_CHECK_PASS: return "pass";
    case SLX_CHECK_FAIL: return "fail";
    case SLX_CHECK_UNKNOWN: break;
    }
    return "unknown";
}

static void
check_free(gpointer p)
{
    SlxCheck *c = p;
    g_free(c->because);
    slx_value_free(c->value);
    g_free(c);
}

static void
decide(SlxCheck *c, SlxCheckResult result, const SlxValue *v, char *because)
{
    c->result = result;
    g_free(c->because);
    c->because = because;
    slx_value_free(c->value);
    c->value = v ? slx_value_copy(v) : NULL;
    c->approx = v && v->bound == SLX_BOUND_APPROX;
}

/* The number a value of the requirement's kind stands for. */
static double
measure(const SlxValue *v, gboolean low)
{
    double x = low && v->has_from ? v->from : v->value;
    return v->kind == SLX_VALUE_DURATION ? x * slx_unit_seconds(v->unit) : x;
}

static char *
number_text(double v)
{
    return v == floor(v) ? g_strdup_printf("%.0f", v) : g_strdup_printf("%g", v);
}

/* One value against the limits: pass, fail, or unknown (a bound the other
 * way).  *WHY gets the reason. */
static SlxCheckResult
judge_value(const SlxRequirement *q, const SlxValue *v, char **why)
{
    char *shown = slx_value_render(v);
    char *secs = v->kind == SLX_VALUE_DURATION ? number_text(measure(v, FALSE)) : NULL;
    char *figure = secs ? g_strdup_printf("%s (%s秒)", shown, secs) : g_strdup(shown);
    SlxCheckResult r = SLX_CHECK_PASS;
    const char *limit = NULL, *op = NULL;
    if (q->has_max) {
        double x = measure(v, FALSE);
        gboolean lower_only = v->bound == SLX_BOUND_MIN || v->bound == SLX_BOUND_MIN_EXCLUSIVE;
        if (lower_only)
            r = (x > q->max || (x == q->max && v->bound == SLX_BOUND_MIN_EXCLUSIVE)) ? SLX_CHECK_FAIL
                                                                                    : SLX_CHECK_UNKNOWN;
        else
            r = x <= q->max ? SLX_CHECK_PASS : SLX_CHECK_FAIL;
        limit = q->max_text;
        op = r == SLX_CHECK_PASS ? "≤" : r == SLX_CHECK_FAIL ? ">" : NULL;
    }
    if (r == SLX_CHECK_PASS && q->has_min) {
        double x = measure(v, TRUE);
        gboolean upper_only = v->bound == SLX_BOUND_MAX || v->bound == SLX_BOUND_MAX_EXCLUSIVE;
        if (upper_only)
            r = (x < q->min || (x == q->min && v->bound == SLX_BOUND_MAX_EXCLUSIVE)) ? SLX_CHECK_FAIL
                                                                                    : SLX_CHECK_UNKNOWN;
        else
            r = x >= q->min ? SLX_CHECK_PASS : SLX_CHECK_FAIL;
        limit = q->min_text;
        op = r == SLX_CHECK_PASS ? "≥" : r == SLX_CHECK_FAIL ? "<" : NULL;
    }
    *why = op ? g_strdup_printf("%s %s %s", figure, op, limit)
              : g_strdup_printf("%s: この記載では %s を満たすか分からない", figure, limit);
    g_free(shown);
    g_free(secs);
    g_free(figure);
    return r;
}

/* Durations, percentages, counts: every value of the kind (and role)
 * must pass; the first failure decides, else the first unknown, else the
 * value nearest the limit. */
static void
check_figures(SlxCheck *c, const SlxItemRecord *it)
{
    const SlxRequirement *q = c->requirement;
    static const SlxValueKind kinds[] = {[SLX_REQ_DURATION] = SLX_VALUE_DURATION,
                                         [SLX_REQ_PERCENT] = SLX_VALUE_PERCENT,
                                         [SLX_REQ_COUNT] = SLX_VALUE_COUNT};
    const SlxValue *decider = NULL;
    SlxCheckResult result = SLX_CHECK_PASS;
    char *because = NULL;
    double nearest = INFINITY;
    for (guint i = 0; i < it->values->len; i++) {
        const SlxValue *v = g_ptr_array_index(it->values, i);
        if (v->kind != kinds[q->kind] || v->valueless || (q->role && g_strcmp0(v->role, q->role) != 0))
            continue;
        /* A look-back window (過去1年間) measures nothing of the item. */
        if (q->role == NULL && g_strcmp0(v->role, "window") == 0)
            continue;
        char *why;
        SlxCheckResult r = judge_value(q, v, &why);
        double gap = fabs(measure(v, FALSE) - (q->has_max ? q->max : q->min));
        gboolean takes = decider == NULL || (r == SLX_CHECK_FAIL && result != SLX_CHECK_FAIL) ||
                         (r == SLX_CHECK_UNKNOWN && result == SLX_CHECK_PASS) ||
                         (r == result && r == SLX_CHECK_PASS && gap < nearest);
        if (takes) {
            decider = v;
            result = r;
            nearest = gap;
            g_free(because);
            because = why;
        } else {
            g_free(why);
        }
    }
    if (decider == NULL)
        decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup("該当する値の記載なし"));
    else
        decide(c, result, decider, because);
}

/* Versions: the lowest supported must reach min; the versions named in
 * disabled must be stated as disabled (TLS1.0/1.1は無効, TLS1.1以下は無効,
 * or a minimum above them: TLS1.2以上). */
static void
check_versions(SlxCheck *c, const SlxItemRecord *it)
{
    const SlxRequirement *q = c->requirement;
    const SlxValue *floor_v = NULL, *lowest = NULL, *ceiling_off = NULL;
    for (guint i = 0; i < it->values->len; i++) {
        const SlxValue *v = g_ptr_array_index(it->values, i);
        if (v->kind != SLX_VALUE_VERSION || strcmp(v->name, "TLS") != 0)
            continue;
        double n = slx_version_number(v->version);
        if (v->disabled) {
            if (v->bound == SLX_BOUND_MAX && (ceiling_off == NULL || n > slx_version_number(ceiling_off->version)))
                ceiling_off = v;
        } else if (v->bound == SLX_BOUND_MIN) {
            floor_v = v;
        } else if (lowest == NULL || n < slx_version_number(lowest->version)) {
            lowest = v;
        }
    }
    char *why = NULL;
    if (q->has_min) {
        const SlxValue *v = floor_v ? floor_v : lowest;
        if (v == NULL) {
            decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup("TLSの版の記載なし"));
            return;
        }
        char *shown = slx_value_render(v);
        double n = slx_version_number(v->version);
        if (n < q->min) {
            decide(c, SLX_CHECK_FAIL, v, g_strdup_printf("%s < TLS%s", shown, q->min_text));
            g_free(shown);
            return;
        }
        if (floor_v == NULL && ceiling_off == NULL) {
            /* 「TLS1.2に対応」 says nothing of the older versions. */
            decide(c, SLX_CHECK_UNKNOWN, v, g_strdup_printf("%s: それより古い版が無効かは記載なし", shown));
            g_free(shown);
            return;
        }
        why = g_strdup_printf("%s ≥ TLS%s", shown, q->min_text);
        g_free(shown);
        decide(c, SLX_CHECK_PASS, v, why);
    }
    for (guint d = 0; d < q->disabled->len; d++) {
        double want = g_array_index(q->disabled, double, d);
        gboolean off = floor_v && slx_version_number(floor_v->version) > want;
        off |= ceiling_off && slx_version_number(ceiling_off->version) >= want;
        const SlxValue *named = NULL;
        for (guint i = 0; i < it->values->len && !off; i++) {
            const SlxValue *v = g_ptr_array_index(it->values, i);
            if (v->kind == SLX_VALUE_VERSION && strcmp(v->name, "TLS") == 0 &&
                slx_version_number(v->version) == want) {
                named = v;
                off = v->disabled;
            }
        }
        char version[16];
        g_snprintf(version, sizeof version, "%d.%d", (int)want / 100, (int)want % 100);
        if (!off) {
            if (named)
                decide(c, SLX_CHECK_FAIL, named, g_strdup_printf("TLS%s に対応している", version));
            else
                decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup_printf("TLS%s が無効かは記載なし", version));
            return;
        }
    }
    if (!q->has_min) {
        GString *s = g_string_new("TLS");
        for (guint d = 0; d < q->disabled->len; d++) {
            double want = g_array_index(q->disabled, double, d);
            g_string_append_printf(s, "%s%d.%d", d ? "/" : "", (int)want / 100, (int)want % 100);
        }
        g_string_append(s, " 無効");
        decide(c, SLX_CHECK_PASS, floor_v ? floor_v : ceiling_off, g_string_free(s, FALSE));
    }
}

/* Lists: every contains entry named, no excludes entry named.  A stated
 * list that lacks an entry fails; no list at all is unknown, except
 * after 「無」 (「公的認証: 無」 against 「ISO/IEC 27001 取得」). */
static void
check_list(SlxCheck *c, const SlxItemRecord *it, const SlxVocabulary *vocab)
{
    const SlxRequirement *q = c->requirement;
    GPtrArray *named = g_ptr_array_new();
    GPtrArray *implies = slx_value_terms(vocab, "list implies");
    const SlxValue *first = NULL;
    for (guint i = 0; i < it->values->len; i++) {
        const SlxValue *v = g_ptr_array_index(it->values, i);
        if (v->kind != SLX_VALUE_LIST || (q->role && g_strcmp0(v->role, q->role) != 0))
            continue;
        first = first ? first : v;
        for (guint k = 0; k < v->items->len; k++) {
            const char *name = g_ptr_array_index(v->items, k);
            g_ptr_array_add(named, (gpointer)name);
            /* AWS ap-northeast-1 is in JP ([list implies]). */
            for (guint t = 0; implies && t < implies->len; t++) {
                const SlxTerm *term = g_ptr_array_index(implies, t);
                if (strcmp(term->name, name) == 0)
                    g_ptr_array_extend(named, term->patterns, NULL, NULL);
            }
        }
    }
    gboolean listed = named->len > 0;
    char *shown = first ? slx_value_render(first) : NULL;
    for (guint i = 0; i < q->contains->len && c->result != SLX_CHECK_FAIL; i++) {
        const char *want = g_ptr_array_index(q->contains, i);
        gboolean has = FALSE;
        for (guint k = 0; k < named->len; k++)
            has |= strcmp(g_ptr_array_index(named, k), want) == 0;
        if (!has && listed)
            decide(c, SLX_CHECK_FAIL, first, g_strdup_printf("%s なし (%s)", want, shown));
        else if (!has && it->answer == SLX_ANSWER_NO)
            decide(c, SLX_CHECK_FAIL, NULL, g_strdup_printf("%s なし (回答: 無)", want));
        else if (!has)
            decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup_printf("%s の記載なし", want));
    }
    for (guint i = 0; i < q->excludes->len && c->result != SLX_CHECK_FAIL; i++) {
        const char *bad = g_ptr_array_index(q->excludes, i);
        for (guint k = 0; k < named->len; k++)
            if (strcmp(g_ptr_array_index(named, k), bad) == 0)
                decide(c, SLX_CHECK_FAIL, first, g_strdup_printf("%s あり (%s)", bad, shown));
        if (!listed && c->result != SLX_CHECK_FAIL)
            decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup("一覧の記載なし"));
    }
    if (c->result == SLX_CHECK_PASS && c->because == NULL) {
        const GPtrArray *entries = q->contains->len ? q->contains : q->excludes;
        GString *joined = g_string_new(NULL);
        for (guint i = 0; i < entries->len; i++)
            g_string_append_printf(joined, "%s%s", i ? "・" : "", (char *)g_ptr_array_index(entries, i));
        char *wanted = g_string_free(joined, FALSE);
        decide(c, SLX_CHECK_PASS, first,
               g_strdup_printf(q->contains->len ? "%s あり (%s)" : "%s なし (%s)", wanted, shown));
        g_free(wanted);
    }
    g_free(shown);
    g_ptr_array_unref(named);
}

static SlxCheck *
check_one(const SlxRequirement *q, const SlxRecord *r, const SlxVocabulary *vocab)
{
    SlxCheck *c = g_new0(SlxCheck, 1);
    c->requirement = q;
    c->result = SLX_CHECK_PASS;
    const SlxItemRecord *it = r->error ? NULL : slx_record_item(r, q->item);
    if (r->error) {
        decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup("文書を読めなかった"));
        return c;
    }
    if (it == NULL) {
        decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup("項目の記載なし"));
        return c;
    }
    if (it->answer == SLX_ANSWER_UNDISCLOSED || it->answer == SLX_ANSWER_UNKNOWN ||
        it->answer == SLX_ANSWER_NOT_APPLICABLE) {
        decide(c, SLX_CHECK_UNKNOWN, NULL, g_strdup_printf("回答が%s", slx_answer_label(it->answer)));
        return c;
    }
    switch (q->kind) {
    case SLX_REQ_ANSWER: {
        gboolean ok = FALSE;
        for (guint i = 0; i < q->answers->len; i++)
            ok |= g_array_index(q->answers, SlxAnswer, i) == it->answer;
        decide(c, ok ? SLX_CHECK_PASS : SLX_CHECK_FAIL, NULL,
               g_strdup_printf("回答: %s", slx_answer_label(it->answer)));
        break;
    }
    case SLX_REQ_LIST:
        check_list(c, it, vocab);
        break;
    case SLX_REQ_VERSION:
        check_versions(c, it);
        break;
    case SLX_REQ_DURATION:
    case SLX_REQ_PERCENT:
    case SLX_REQ_COUNT:
        check_figures(c, it);
        break;
    }
    return c;
}

GPtrArray *
slx_check_record(const GPtrArray *requirements, const SlxRecord *r, const SlxVocabulary *vocab)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(check_free);
    for (guint i = 0; i < requirements->len; i++)
        g_ptr_array_add(out, check_one(g_ptr_array_index(requirements, i), r, vocab));
    return out;
}
