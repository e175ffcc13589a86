/* extract.c — typed values from a normalized response (OUTPUT.md §3).
 *
 * The order of the passes is the design (normalization.md §0, §C step 9):
 *   1. kanji numerals become digits, but only before a unit or counter and
 *      never inside a word (十分な, 一括, 万一, 第三者 …);
 *   2. TLS/SSL versions first, so no date or number rule sees 「TLS1.2」;
 *   3. spans that hold numbers but state no value are claimed: URLs, mail
 *      addresses, phone numbers, dates, standard and registration numbers
 *      (ISO/IEC 27001, IS 586579), item references (項番39), model numbers;
 *   4. schedules (24時間365日 is a schedule, never also a 24-hour duration),
 *      time ranges, frequencies, durations, percentages, counts — each
 *      skips what an earlier pass claimed;
 *   5. lists (certifications, formats, locations, channels) by name.
 * Numbers are parsed from the literal with g_ascii_strtod: 99.99 stays
 * 99.99.  Every value keeps the span it was read from. */
#include "extract.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define NUM "[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?"

typedef struct {
    GRegex *re;
    const char *canonical;
} Named;

struct SlxExtractor {
    GRegex *kanji_run;
    GRegex *no_kanji;         /* words whose numerals stay kanji */
    GRegex *version, *version_more, *version_tail;
    GRegex *masks;            /* spans that state no value */
    GRegex *schedule;
    GRegex *time_range;
    GRegex *frequency;
    GRegex *duration;
    GRegex *percent;
    GRegex *count;
    GRegex *days_before, *days_after;
    GArray *certifications, *formats, *locations, *channels;   /* Named */
};

/* ---- small helpers --------------------------------------------------- */

const char *
slx_value_kind_name(SlxValueKind k)
{
    static const char *const names[] = {"duration", "percent", "count", "frequency",
                                        "time_range", "schedule", "version", "list"};
    return k < SLX_VALUE_N ? names[k] : "?";
}

const char *
slx_bound_name(SlxBound b)
{
    static const char *const names[] = {NULL, "max", "max_exclusive", "min", "min_exclusive",
                                        "approx"};
    return names[b];
}

double
slx_unit_seconds(const char *unit)
{
    static const struct { const char *unit; double s; } t[] = {
        {"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400},
        {"business_day", 86400}, {"week", 604800}, {"month", 2592000}, {"year", 31536000},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (strcmp(t[i].unit, unit) == 0)
            return t[i].s;
    return 0;
}

void
slx_value_free(gpointer p)
{
    SlxValue *v = p;
    if (v == NULL)
        return;
    g_free(v->text);
    if (v->items)
        g_ptr_array_unref(v->items);
    g_free(v);
}

SlxValue *
slx_value_copy(const SlxValue *v)
{
    SlxValue *c = g_new(SlxValue, 1);
    *c = *v;
    c->text = g_strdup(v->text);
    if (v->items) {
        c->items = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < v->items->len; i++)
            g_ptr_array_add(c->items, g_strdup(g_ptr_array_index(v->items, i)));
    }
    return c;
}

static GRegex *
re(const char *pattern)
{
    GError *e = NULL;
    GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, &e);
    if (r == NULL)
        g_error("extract.c: bad built-in pattern %s: %s", pattern, e->message);
    return r;
}

/* One regex that matches any of PATTERNS: one scan instead of N. */
static GRegex *
re_any(const char *const *patterns, gsize n)
{
    GString *all = g_string_new(NULL);
    for (gsize i = 0; i < n; i++)
        g_string_append_printf(all, "%s(?:%s)", i ? "|" : "", patterns[i]);
    GRegex *r = re(all->str);
    g_string_free(all, TRUE);
    return r;
}

typedef struct {
    const char *pattern;
    const char *canonical;
} NamedPattern;

/* Compile a table of names into Named entries, in table order. */
static GArray *
named_table(const NamedPattern *t, gsize n)
{
    GArray *a = g_array_sized_new(FALSE, FALSE, sizeof(Named), (guint)n);
    for (gsize i = 0; i < n; i++) {
        Named named = {re(t[i].pattern), t[i].canonical};
        g_array_append_val(a, named);
    }
    return a;
}

static double
parse_number(const char *s)
{
    char *plain = g_strdup(s);
    char *w = plain;
    for (const char *p = s; *p; p++)
        if (*p != ',')
            *w++ = *p;
    *w = '\0';
    double v = g_ascii_strtod(plain, NULL);
    g_free(plain);
    return v;
}

/* Group NAME of MI, or NULL if it did not take part. */
static char *
group(GMatchInfo *mi, const char *name)
{
    char *s = g_match_info_fetch_named(mi, name);
    if (s && *s == '\0') {
        g_free(s);
        return NULL;
    }
    return s;
}

/* ---- kanji numerals -------------------------------------------------- */

static int
kanji_digit(gunichar c)
{
    static const gunichar d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                 0x516B, 0x4E5D};   /* 〇一二三四五六七八九 */
    for (int i = 0; i < 10; i++)
        if (d[i] == c)
            return i;
    return -1;
}

/* 三 → 3, 十二 → 12, 三百六十五 → 365, 二〇二四 → 2024, 1万2千 is not ours. */
static long
kanji_value(const char *s, const char *end)
{
    long total = 0, section = 0, cur = 0;
    gboolean have = FALSE;
    for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        int d = kanji_digit(c);
        if (d >= 0) {
            cur = cur * 10 + d;
            have = TRUE;
        } else {
            long mult = c == 0x5341 ? 10 : c == 0x767E ? 100 : c == 0x5343 ? 1000 : 10000;
            if (mult == 10000) {
                total += (section + cur) * 10000;
                section = 0;
            } else {
                section += (have ? cur : 1) * mult;
            }
            cur = 0;
            have = FALSE;
        }
    }
    return total + section + cur;
}

/* Step 1: kanji numerals before a counter become digits. */
static char *
convert_kanji(const SlxExtractor *x, const char *text)
{
    gsize len = strlen(text);
    GMatchInfo *mi;
    /* Most responses have no kanji numeral before a counter at all. */
    if (!g_regex_match(x->kanji_run, text, 0, &mi)) {
        g_match_info_free(mi);
        return g_strdup(text);
    }
    guint8 *keep = g_new0(guint8, len + 1);
    GMatchInfo *ki;
    g_regex_match(x->no_kanji, text, 0, &ki);
    while (g_match_info_matches(ki)) {
        int s, e;
        g_match_info_fetch_pos(ki, 0, &s, &e);
        memset(keep + s, 1, (gsize)(e - s));
        g_match_info_next(ki, NULL);
    }
    g_match_info_free(ki);
    GString *out = g_string_sized_new(len);
    gsize done = 0;
    while (g_match_info_matches(mi)) {
        int s, e;
        g_match_info_fetch_pos(mi, 1, &s, &e);
        gboolean kept = FALSE;
        for (int k = s; k < e; k++)
            kept |= keep[k];
        if (!kept) {
            g_string_append_len(out, text + done, (gssize)((gsize)s - done));
            g_string_append_printf(out, "%ld", kanji_value(text + s, text + e));
            done = (gsize)e;
        }
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_string_append(out, text + done);
    g_free(keep);
    return g_string_free(out, FALSE);
}

/* ---- the scan state -------------------------------------------------- */

typedef struct {
    const SlxExtractor *x;
    const char *text;
    gsize len;
    guint8 *claimed;
    GPtrArray *values;
    const SlxCatalogItem *item;
} Scan;

static gboolean
is_free(const Scan *sc, int s, int e)
{
    for (int i = s; i < e; i++)
        if (sc->claimed[i])
            return FALSE;
    return TRUE;
}

static void
claim(Scan *sc, int s, int e)
{
    memset(sc->claimed + s, 1, (gsize)(e - s));
}

static SlxValue *
add_value(Scan *sc, SlxValueKind kind, int s, int e)
{
    SlxValue *v = g_new0(SlxValue, 1);
    v->kind = kind;
    v->start = (gsize)s;
    v->text = g_strndup(sc->text + s, (gsize)(e - s));
    g_ptr_array_add(sc->values, v);
    claim(sc, s, e);
    return v;
}

/* Start of the sentence holding byte S (after the last 。 or the start). */
static gsize
sentence_start(const Scan *sc, gsize s)
{
    const char *stop = "。";
    gsize best = 0;
    for (const char *p = strstr(sc->text, stop); p && (gsize)(p - sc->text) < s;
         p = strstr(p + 1, stop))
        best = (gsize)(p - sc->text) + strlen(stop);
    return best;
}

static SlxBound
bound_after(const char *post)
{
    if (post == NULL)
        return SLX_BOUND_NONE;
    static const struct { const char *w; SlxBound b; } t[] = {
        {"以内", SLX_BOUND_MAX}, {"以下", SLX_BOUND_MAX}, {"まで", SLX_BOUND_MAX},
        {"迄", SLX_BOUND_MAX}, {"未満", SLX_BOUND_MAX_EXCLUSIVE}, {"以上", SLX_BOUND_MIN},
        {"以降", SLX_BOUND_MIN}, {"超え", SLX_BOUND_MIN_EXCLUSIVE}, {"超", SLX_BOUND_MIN_EXCLUSIVE},
        {"程度", SLX_BOUND_APPROX}, {"前後", SLX_BOUND_APPROX}, {"ほど", SLX_BOUND_APPROX},
        {"くらい", SLX_BOUND_APPROX}, {"ぐらい", SLX_BOUND_APPROX},
        {"or less", SLX_BOUND_MAX}, {"or later", SLX_BOUND_MIN}, {"or more", SLX_BOUND_MIN},
        {"or higher", SLX_BOUND_MIN}, {"or above", SLX_BOUND_MIN}, {"and above", SLX_BOUND_MIN},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (g_ascii_strcasecmp(post, t[i].w) == 0)
            return t[i].b;
    return SLX_BOUND_NONE;
}

static SlxBound
bound_before(const char *pre)
{
    if (pre == NULL)
        return SLX_BOUND_NONE;
    if (!strcmp(pre, "最大") || !strcmp(pre, "最長") || !g_ascii_strcasecmp(pre, "within") ||
        !g_ascii_strcasecmp(pre, "up to"))
        return SLX_BOUND_MAX;
    if (!strcmp(pre, "最低") || !strcmp(pre, "最小") || !strcmp(pre, "最短") ||
        !g_ascii_strcasecmp(pre, "at least"))
        return SLX_BOUND_MIN;
    return SLX_BOUND_APPROX;   /* 約, およそ, 概ね, about */
}

/* ---- the passes ------------------------------------------------------ */

typedef void (*MatchFn)(Scan *sc, GMatchInfo *mi, int s, int e);

/* Run RE over the text; call FN for every match on unclaimed bytes. */
static void
each_match(Scan *sc, GRegex *regex, MatchFn fn)
{
    GMatchInfo *mi;
    g_regex_match(regex, sc->text, 0, &mi);
    while (g_match_info_matches(mi)) {
        int s, e;
        g_match_info_fetch_pos(mi, 0, &s, &e);
        if (e > s && is_free(sc, s, e))
            fn(sc, mi, s, e);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
}

static void
on_mask(Scan *sc, GMatchInfo *mi, int s, int e)
{
    (void)mi;
    claim(sc, s, e);
}

/* 「TLS1.2以上」, 「TLS1.0/1.1は無効」, 「TLS1.2未満は無効」, 「TLS 1.2/1.3」. */
static void
on_version(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *name = group(mi, "name"), *ver = group(mi, "ver"), *more = group(mi, "more");
    char *tail = group(mi, "tail");
    GPtrArray *versions = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(versions, g_strdup(ver));
    if (more) {
        GMatchInfo *m2;
        g_regex_match(sc->x->version_more, more, 0, &m2);
        while (g_match_info_matches(m2)) {
            g_ptr_array_add(versions, g_match_info_fetch(m2, 1));
            g_match_info_next(m2, NULL);
        }
        g_match_info_free(m2);
    }
    SlxBound bound = SLX_BOUND_NONE;
    gboolean disabled = FALSE;
    if (tail) {
        /* 「TLS1.0/1.1は無効」, 「TLS1.1以下は無効」: these are disabled;
         * 「TLS1.2未満は無効」: 1.2 is the minimum (below). */
        if (g_regex_match(sc->x->version_tail, tail, 0, NULL) && strstr(tail, "未満") == NULL)
            disabled = TRUE;
        if (strstr(tail, "以上") || strstr(tail, "以降") || strstr(tail, "未満") ||
            g_strrstr(tail, "later") || g_strrstr(tail, "higher") || g_strrstr(tail, "above"))
            bound = SLX_BOUND_MIN;   /* 「TLS1.2未満は無効」: at least 1.2 */
    }
    char *upper = g_ascii_strup(name, -1);
    for (guint i = 0; i < versions->len; i++) {
        SlxValue *v = add_value(sc, SLX_VALUE_VERSION, s, e);
        v->start = (gsize)s + i;   /* keep their order */
        v->name = strcmp(upper, "SSL") == 0 ? "SSL" : "TLS";
        g_strlcpy(v->version, g_ptr_array_index(versions, i), sizeof v->version);
        v->bound = (bound == SLX_BOUND_MIN && i == 0) ? bound : SLX_BOUND_NONE;
        v->disabled = disabled;
    }
    g_free(upper);
    g_ptr_array_unref(versions);
    g_free(name);
    g_free(ver);
    g_free(more);
    g_free(tail);
}

static void
on_schedule(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *m = g_match_info_fetch(mi, 0);
    SlxValue *v = add_value(sc, SLX_VALUE_SCHEDULE, s, e);
    v->schedule = (strstr(m, "7") && !strstr(m, "365")) ? "24x7" : "24x365";
    g_free(m);
}

static gboolean
clock_time(GMatchInfo *mi, const char *ap_name, const char *h_name, const char *m_name,
           const char *n_name, const char *f_name, char out[6])
{
    char *ap = group(mi, ap_name), *h = group(mi, h_name), *m = group(mi, m_name);
    char *n = group(mi, n_name), *f = group(mi, f_name);
    int hour = h ? atoi(h) : -1, minute = m ? atoi(m) : n ? atoi(n) : f ? 30 : 0;
    if (ap && (!strcmp(ap, "午後") || !g_ascii_strcasecmp(ap, "PM")) && hour >= 1 && hour <= 11)
        hour += 12;
    gboolean ok = hour >= 0 && hour <= 24 && minute >= 0 && minute < 60 &&
                  !(hour == 24 && minute > 0);
    if (ok)
        g_snprintf(out, 6, "%02d:%02d", hour, minute);
    g_free(ap);
    g_free(h);
    g_free(m);
    g_free(n);
    g_free(f);
    return ok;
}

/* 「平日10:00~17:00」, 「9時~17時(土日祝日を除く)」, 「午前9時~午後6時」, 「9-17時」. */
static void
on_time_range(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char from[6], to[6];
    /* 「1~2時間」 is a duration, not 01:00–02:00. */
    if (g_str_has_prefix(sc->text + e, "間"))
        return;
    if (!clock_time(mi, "ap1", "h1", "m1", "n1", "f1", from) ||
        !clock_time(mi, "ap2", "h2", "m2", "n2", "f2", to))
        return;
    int start = s;
    /* A day qualifier just before belongs to the range: 「平日 9:00~18:00」. */
    GMatchInfo *dm;
    gsize from_sentence = sentence_start(sc, (gsize)s);
    char *before = g_strndup(sc->text + from_sentence, (gsize)s - from_sentence);
    const char *days = NULL;
    if (g_regex_match(sc->x->days_before, before, 0, &dm)) {
        char *d = g_match_info_fetch(dm, 1);
        int ds, de;
        g_match_info_fetch_pos(dm, 1, &ds, &de);
        days = (!strcmp(d, "毎日") || !g_ascii_strcasecmp(d, "daily")) ? "everyday"
               : strcmp(d, "営業日") == 0 ? "business_days" : "weekdays";
        if ((gsize)de + from_sentence + 4 >= (gsize)s && is_free(sc, (int)from_sentence + ds, s))
            start = (int)from_sentence + ds;
        g_free(d);
    }
    g_match_info_free(dm);
    g_free(before);
    if (days == NULL) {
        gsize end_sentence = (gsize)e;
        while (end_sentence < sc->len && !g_str_has_prefix(sc->text + end_sentence, "。"))
            end_sentence++;
        char *after = g_strndup(sc->text + e, end_sentence - (gsize)e);
        if (g_regex_match(sc->x->days_after, after, 0, NULL))
            days = "weekdays";
        g_free(after);
    }
    SlxValue *v = add_value(sc, SLX_VALUE_TIME_RANGE, start, e);
    memcpy(v->from_time, from, 6);
    memcpy(v->to_time, to, 6);
    v->days = days;
}

/* 「月次」, 「年に1度」, 「1日1回」, 「半期に一度」, 「年数回」, 「once a month」. */
static void
on_frequency(Scan *sc, GMatchInfo *mi, int s, int e)
{
    static const struct { const char *w; const char *per; } per_words[] = {
        {"日", "day"}, {"週", "week"}, {"月", "month"}, {"年", "year"}, {"半期", "half_year"},
        {"day", "day"}, {"week", "week"}, {"month", "month"}, {"year", "year"},
    };
    char *fixed = group(mi, "fixed"), *unit = group(mi, "per"), *n = group(mi, "n");
    if (unit == NULL) {          /* 「3 times a year」 */
        unit = group(mi, "per2");
        g_free(n);
        n = group(mi, "n2");
    }
    char *vague = group(mi, "vague"), *quarter = group(mi, "quarter");
    const char *per = NULL;
    int count = 1;
    gboolean known = TRUE;
    if (fixed) {
        static const struct { const char *w; const char *per; } f[] = {
            {"毎日", "day"}, {"日次", "day"}, {"デイリー", "day"}, {"daily", "day"},
            {"毎週", "week"}, {"週次", "week"}, {"weekly", "week"},
            {"毎月", "month"}, {"月次", "month"}, {"monthly", "month"},
            {"毎年", "year"}, {"年次", "year"}, {"yearly", "year"}, {"annually", "year"},
            {"annual", "year"},
        };
        for (gsize i = 0; i < G_N_ELEMENTS(f); i++)
            if (g_ascii_strcasecmp(fixed, f[i].w) == 0)
                per = f[i].per;
    } else if (quarter) {
        per = "year";
        count = 4;
    } else if (unit) {
        for (gsize i = 0; i < G_N_ELEMENTS(per_words); i++)
            if (g_ascii_strcasecmp(unit, per_words[i].w) == 0)
                per = per_words[i].per;
        if (vague) {
            known = FALSE;
        } else if (n) {
            count = !g_ascii_strcasecmp(n, "once") ? 1 : !g_ascii_strcasecmp(n, "twice") ? 2 : atoi(n);
        }
    }
    if (per) {
        SlxValue *v = add_value(sc, SLX_VALUE_FREQUENCY, s, e);
        v->per = per;
        v->count = count;
        v->count_known = known;
    }
    g_free(fixed);
    g_free(unit);
    g_free(n);
    g_free(vague);
    g_free(quarter);
}

static const char *
duration_unit(const char *u)
{
    static const struct { const char *w; const char *unit; } t[] = {
        {"秒", "second"}, {"分", "minute"}, {"時間", "hour"}, {"日", "day"},
        {"営業日", "business_day"}, {"週", "week"}, {"か月", "month"},
        {"ヶ月", "month"}, {"年", "year"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (g_str_has_prefix(u, t[i].w))
            return t[i].unit;
    static const struct { const char *w; const char *unit; } en[] = {
        {"sec", "second"}, {"min", "minute"}, {"hour", "hour"}, {"business day", "business_day"},
        {"day", "day"}, {"week", "week"}, {"month", "month"}, {"year", "year"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(en); i++)
        if (g_ascii_strncasecmp(u, en[i].w, strlen(en[i].w)) == 0)
            return en[i].unit;
    return NULL;
}

static const char *const target_words[] = {"目標", "SLO", "目指", "保証", "SLA", "target", NULL};
static const char *const actual_words[] = {"実績", "actual", NULL};

/* The last of WORDS before byte S in its sentence: its offset, or -1. */
static gssize
last_before(const Scan *sc, gsize s, const char *const *words)
{
    gsize from = sentence_start(sc, s);
    gssize best = -1;
    for (const char *const *w = words; *w; w++) {
        for (const char *p = g_strstr_len(sc->text + from, (gssize)(s - from), *w); p;
             p = g_strstr_len(p + 1, (gssize)(s - (gsize)(p + 1 - sc->text)), *w))
            best = MAX(best, p - sc->text);
    }
    return best;
}

/* target or actual: the nearer word before the figure decides
 * (「稼働目標:99.9% 昨年稼働実績:99.99%」); failing that, the words after it
 * up to the next figure (「6時間以内の復旧を目標」, but in 「3秒以上となる
 * 遅延の継続時間は3時間以内を目標」 only 3時間 is the target). */
static const char *
sentence_role(const Scan *sc, gsize s, gsize e)
{
    gssize t = last_before(sc, s, target_words), a = last_before(sc, s, actual_words);
    if (t >= 0 || a >= 0)
        return t > a ? "target" : "actual";
    gsize end = e;
    while (end < sc->len && !g_str_has_prefix(sc->text + end, "。") && !g_ascii_isdigit(sc->text[end]))
        end++;
    char *after = g_strndup(sc->text + e, end - e);
    const char *role = NULL;
    for (const char *const *w = target_words; *w && !role; w++)
        if (strstr(after, *w))
            role = "target";
    for (const char *const *w = actual_words; *w && !role; w++)
        if (strstr(after, *w))
            role = "actual";
    g_free(after);
    return role;
}

/* 「6時間以内」, 「2週間前までに」, 「1~2営業日以内」, 「前日分」, 「当日10分前」,
 * 「1分間隔」, 「数秒」, 「最低1年間」, 「within 30 minutes」. */
static void
on_duration(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *special = group(mi, "prevday"), *pre = group(mi, "pre"), *from = group(mi, "from");
    char *num = group(mi, "num"), *vague = group(mi, "vague"), *unit = group(mi, "unit");
    char *post = group(mi, "post"), *ago = group(mi, "ago"), *every = group(mi, "every");
    char *ago_post = group(mi, "agopost");
    const char *item_role = sc->item ? sc->item->duration_role : NULL;
    SlxValue *v = add_value(sc, SLX_VALUE_DURATION, s, e);

    char *just = group(mi, "justbefore");
    if (special) {              /* 前日分: the previous day's data */
        v->value = 1;
        v->unit = "day";
    } else if (just) {          /* 直前: immediately before, no figure */
        v->value = 0;
        v->unit = "second";
        v->vague = TRUE;
    } else {
        v->unit = duration_unit(unit);
        if (vague) {            /* 数秒: a few, 1 to 9 */
            v->value = 9;
            v->from = 1;
            v->has_from = TRUE;
            v->vague = TRUE;
        } else {
            v->value = parse_number(num);
            if (from) {
                v->from = parse_number(from);
                v->has_from = TRUE;
            }
        }
        v->bound = post ? bound_after(post) : bound_before(pre);
    }
    if (just)
        v->role = item_role ? item_role : "lead_time";
    else if (ago && item_role && strcmp(item_role, "rpo") == 0) {
        /* 「当日10分前まで保証」: the data point, not a notice. */
        v->role = "rpo";
        v->bound = SLX_BOUND_NONE;
    } else if (ago) {
        /* Notice ahead: 「N前までに」 and 「N以上前」 are at least N ahead,
         * 「N前に」 is exactly N, 「N程度前」 about N. */
        v->role = "lead_time";
        if (ago_post || v->bound == SLX_BOUND_MIN)
            v->bound = SLX_BOUND_MIN;
        else if (v->bound == SLX_BOUND_MAX)
            v->bound = SLX_BOUND_NONE;
    } else if (every) {
        v->role = "interval";
    } else if (item_role) {
        v->role = item_role;
    } else {
        v->role = sentence_role(sc, (gsize)s, (gsize)e);
    }
    g_free(special);
    g_free(just);
    g_free(pre);
    g_free(from);
    g_free(num);
    g_free(vague);
    g_free(unit);
    g_free(post);
    g_free(ago);
    g_free(every);
    g_free(ago_post);
}

/* 「99.99%以上」, 「稼働率実績99.95%」, 「約99.9%」. */
static void
on_percent(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *pre = group(mi, "pre"), *num = group(mi, "num"), *post = group(mi, "post");
    SlxValue *v = add_value(sc, SLX_VALUE_PERCENT, s, e);
    v->value = parse_number(num);
    v->bound = post ? bound_after(post) : pre ? bound_before(pre) : SLX_BOUND_NONE;
    v->role = sentence_role(sc, (gsize)s, (gsize)e);
    g_free(pre);
    g_free(num);
    g_free(post);
}

/* 「7世代」, 「障害件数0件」, 「0(ゼロ)件」, 「1,000ユーザーまで」, 「35 generations」. */
static void
on_count(Scan *sc, GMatchInfo *mi, int s, int e)
{
    static const struct { const char *w; const char *unit; } t[] = {
        {"世代", "generation"}, {"generation", "generation"}, {"回", "times"}, {"time", "times"},
        {"件", "incidents"}, {"incident", "incidents"}, {"failure", "incidents"},
        {"outage", "incidents"}, {"人", "users"}, {"名", "users"}, {"ユーザー", "users"},
        {"ユーザ", "users"}, {"user", "users"}, {"社", "companies"}, {"テナント", "tenants"},
    };
    char *pre = group(mi, "pre"), *num = group(mi, "num"), *unit = group(mi, "unit");
    char *post = group(mi, "post");
    const char *u = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(t) && !u; i++)
        if (g_ascii_strncasecmp(unit, t[i].w, strlen(t[i].w)) == 0)
            u = t[i].unit;
    SlxValue *v = add_value(sc, SLX_VALUE_COUNT, s, e);
    v->value = parse_number(num);
    v->unit = u;
    v->bound = post ? bound_after(post) : pre ? bound_before(pre) : SLX_BOUND_NONE;
    g_free(pre);
    g_free(num);
    g_free(unit);
    g_free(post);
}

/* One list value per role: the canonical names in order of first mention. */
static void
find_list(Scan *sc, GArray *names, const char *role)
{
    SlxValue *v = NULL;
    int first = -1, last = -1;
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));   /* (pos, index) pairs */
    for (guint i = 0; i < names->len; i++) {
        const Named *n = &g_array_index(names, Named, i);
        GMatchInfo *mi;
        if (g_regex_match(n->re, sc->text, 0, &mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 0, &s, &e);
            int pair[2] = {s, (int)i};
            g_array_append_vals(found, pair, 2);
            first = first < 0 ? s : MIN(first, s);
            last = MAX(last, e);
        }
        g_match_info_free(mi);
    }
    if (found->len > 0) {
        /* Sort the pairs by position (few entries: insertion sort). */
        int *p = (int *)(void *)found->data;
        guint n = found->len / 2;
        for (guint i = 1; i < n; i++)
            for (guint j = i; j > 0 && p[2 * j] < p[2 * (j - 1)]; j--) {
                int t0 = p[2 * j], t1 = p[2 * j + 1];
                p[2 * j] = p[2 * (j - 1)];
                p[2 * j + 1] = p[2 * (j - 1) + 1];
                p[2 * (j - 1)] = t0;
                p[2 * (j - 1) + 1] = t1;
            }
        v = g_new0(SlxValue, 1);
        v->kind = SLX_VALUE_LIST;
        v->role = role;
        v->start = (gsize)first;
        v->text = g_strndup(sc->text + first, (gsize)(last - first));
        v->items = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < n; i++) {
            const char *c = g_array_index(names, Named, p[2 * i + 1]).canonical;
            gboolean dup = FALSE;
            for (guint k = 0; k < v->items->len; k++)
                dup |= strcmp(g_ptr_array_index(v->items, k), c) == 0;
            if (!dup)
                g_ptr_array_add(v->items, g_strdup(c));
        }
        /* ISMS is only named alone when no standard number says which. */
        for (guint k = 0; k < v->items->len; k++)
            if (strcmp(g_ptr_array_index(v->items, k), "ISMS") == 0)
                for (guint j = 0; j < v->items->len; j++)
                    if (strcmp(g_ptr_array_index(v->items, j), "ISO/IEC 27001") == 0) {
                        g_ptr_array_remove_index(v->items, k);
                        k = v->items->len;
                        break;
                    }
        g_ptr_array_add(sc->values, v);
    }
    g_array_free(found, TRUE);
}

/* ---- public ---------------------------------------------------------- */

SlxExtractor *
slx_extractor_new(void)
{
    SlxExtractor *x = g_new0(SlxExtractor, 1);
    x->kanji_run = re("((?:[〇一二三四五六七八九十百千万])+)"
                      "(?=時間|分|秒|日|週|か月|ヶ月|月|年|世代|回|度|件|人|名|営業日|%)");
    static const char *const no_kanji[] = {
        "十分(?=な|に|で|だ|す|と|では|です)", "不十分", "一括", "一覧", "一般", "一部", "一定",
        "一時的", "一時", "一貫", "一元", "一環", "一意", "統一", "唯一", "万一", "万が一",
        "第三者", "三者", "四半期", "一昨日", "一昨年", "一両日", "一度に", "一旦", "一緒",
        "一方", "一切", "一致", "一連", "一層", "一番", "一月(?=[0-9])", "一人ひとり", "一日も早く",
    };
    x->no_kanji = re_any(no_kanji, G_N_ELEMENTS(no_kanji));

    x->version = re("(?<![A-Za-z])(?<name>TLS|SSL)\\s*v?\\s*(?<ver>[0-9](?:\\.[0-9])?)(?![0-9])"
                    "(?<more>(?:\\s*[/,、・]\\s*(?:TLS|SSL)?\\s*v?\\s*[0-9]\\.[0-9])*)"
                    "(?<tail>\\s*(?:以上|以降|or later|or higher|and above|"
                    "(?:未満|以下)?\\s*(?:は|を)?\\s*(?:無効|不可|非対応|廃止|使用しない|disabled)))?");
    x->version_more = re("([0-9]\\.[0-9])");
    x->version_tail = re("無効|不可|非対応|廃止|使用しない|disabled");

    static const char *const masks[] = {
        "https?://[^\\s、。]+", "www\\.[^\\s、。]+", "[\\w.+-]+@[\\w-]+\\.[\\w.-]+",
        "(?<![0-9])0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}(?![0-9])",
        "(?:19|20)[0-9]{2}年(?:度|[0-9]{1,2}月(?:[0-9]{1,2}日)?)?",
        "[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}", "(?<![0-9])[0-9]{1,2}月[0-9]{1,2}日",
        "(?:ISO|IEC|JIS|ISO/IEC)\\s*(?:Q\\s*)?[0-9]{4,5}(?::[0-9]{4})?",
        "(?<![A-Za-z])[A-Z]{2,6}\\s?[0-9]{5,8}",               /* IS 586579, CLOUD 681574 */
        "項番\\s*[0-9]+", "第[0-9]+(?:条|項|版)", "No\\.\\s*[0-9]+",
        "[0-9]+号", "SOC\\s*[12](?:\\s*Type\\s*[12])?", "Type\\s*[12]", "SAS\\s*70",
        /* model and spec numbers: SAML2.0, AES-256, IPv6, MSSV3, S3 */
        "(?<![A-Za-z0-9])[A-Za-z][A-Za-z]*-?[0-9]+(?:\\.[0-9]+)*",
        "[0-9]+\\s*(?:GB|TB|MB|KB|円|文字|bit|ビット|桁|拠点|リージョン|社目|次元|要素)",
    };
    x->masks = re_any(masks, G_N_ELEMENTS(masks));

    x->schedule = re("24時間\\s*[・/]?\\s*365日|365日\\s*[・/]?\\s*24時間|24\\s*/\\s*365|24h\\s*365d|"
                     "24\\s*x\\s*365|24\\s*[x/]\\s*7|24\\s*hours\\s*a\\s*day,?\\s*365\\s*days(?:\\s*a\\s*year)?|"
                     "年中無休");
    static const char tok1[] =
        "(?:(?<ap1>午前|午後|AM|PM)\\s*)?(?<h1>[0-9]{1,2})"
        "(?:(?<t1>:)(?<m1>[0-9]{2})|時(?:(?<n1>[0-9]{1,2})分|(?<f1>半))?)?";
    static const char tok2[] =
        "(?:(?<ap2>午前|午後|AM|PM)\\s*)?(?<h2>[0-9]{1,2})"
        "(?::(?<m2>[0-9]{2})|時(?:(?<n2>[0-9]{1,2})分|(?<f2>半))?)";
    char *tr = g_strdup_printf("(?<![0-9.:])%s\\s*(?:~|-|から|to)\\s*%s(?![0-9])", tok1, tok2);
    x->time_range = re(tr);
    g_free(tr);
    x->days_before = re("(平日|毎日|営業日|weekdays|Mon(?:day)?\\s*-\\s*Fri(?:day)?|daily)[^0-9]{0,12}$");
    x->days_after = re("(?:土|日|祝)[^。]{0,12}(?:を)?除く|excluding\\s+(?:weekends|holidays)");

    x->frequency = re(
        "(?<fixed>毎日|日次|デイリー|毎週|週次|毎月|月次|毎年|年次|daily|weekly|monthly|yearly|annually|annual)|"
        "(?<quarter>四半期(?:ごと|毎|に1回))|"
        "(?:1)?(?<per>半期|年|月|週|日)(?:に|あたり)?\\s*(?:(?<n>[0-9]+)\\s*(?:回|度)|(?<vague>数回))|"
        "(?<n2>once|twice|[0-9]+\\s*times)\\s*(?:a|per|every)\\s*(?<per2>day|week|month|year)");
    x->duration = re(
        "(?<prevday>前日分)|(?<justbefore>直前)|"
        "(?:(?<pre>約|およそ|概ね|最大|最長|最短|最低|最小|within|up to|at least|about)\\s*)?"
        "(?:(?<from>" NUM ")\\s*(?:秒|分|時間|日|営業日|週間|か月|年)?\\s*[~-]\\s*)?"
        "(?:(?<num>" NUM ")|(?<vague>数))\\s*"
        "(?<unit>秒|分(?!の)|時間|営業日|日(?!本)|週間|週(?!次)|か月|ヶ月|年(?!度|次)|"
        "business days?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?)(?:間)?"
        "(?:(?<every>間隔|毎|ごと|おき|おきに)|"
        "(?:\\s*(?<post>以内|以下|まで(?!に)|迄|未満|以上|以降|超え|超|程度|前後|ほど|くらい|ぐらい|or less|or more)))?"
        "(?:(?<ago>前|ahead|in advance|before)(?<agopost>まで(?:に)?)?)?");
    x->percent = re("(?:(?<pre>約|およそ|概ね|about|approximately)\\s*)?(?<num>" NUM ")\\s*(?:%|パーセント|percent)"
                    "(?:\\s*(?<post>以上|以下|未満|超え|超|程度|or more|or higher|or above|or less))?");
    x->count = re("(?:(?<pre>約|最大|最低|最長)\\s*)?(?<num>" NUM ")\\s*(?:\\((?:ゼロ|零)\\))?\\s*"
                  "(?<unit>世代|回|件|人|名|ユーザー|ユーザ|社|テナント|generations?|times|incidents?|"
                  "failures?|outages?|users?)"
                  "(?<post>以内|以下|未満|以上|まで|程度)?");

    static const NamedPattern certifications[] = {
        {"(?:ISO/IEC|ISO|JIS Q)\\s*27001", "ISO/IEC 27001"},
        {"(?:ISO/IEC|ISO|JIS Q)\\s*27017", "ISO/IEC 27017"},
        {"(?:ISO/IEC|ISO|JIS Q)\\s*27018", "ISO/IEC 27018"},
        {"(?:ISO/IEC|ISO|JIS Q)\\s*27701", "ISO/IEC 27701"},
        {"(?:ISO|JIS Q)\\s*9001", "ISO 9001"},
        {"ISMS(?!クラウド)", "ISMS"},
        {"プライバシーマーク|Pマーク|PrivacyMark|Privacy Mark", "PrivacyMark"},
        {"ISMAP", "ISMAP"},
        {"SOC\\s*1(?![0-9])", "SOC1"},
        {"SOC\\s*2(?![0-9])", "SOC2"},
        {"ASP・?SaaS(?:の)?安全・?信頼性に係る情報開示認定", "ASP-SaaS"},
        {"CSA\\s*STAR", "CSA STAR"},
        {"PCI\\s*DSS", "PCI DSS"},
    };
    static const NamedPattern formats[] = {
        {"(?<![A-Za-z])CSV(?![A-Za-z])", "CSV"}, {"(?<![A-Za-z])PDF(?![A-Za-z])", "PDF"},
        {"(?<![A-Za-z])DXF(?![A-Za-z])", "DXF"}, {"(?<![A-Za-z])PNG(?![A-Za-z])", "PNG"},
        {"(?<![A-Za-z])JPEG(?![A-Za-z])", "JPEG"}, {"(?<![A-Za-z])JPG(?![A-Za-z])", "JPG"},
        {"(?<![A-Za-z])WEBP(?![A-Za-z])", "WEBP"}, {"(?<![A-Za-z])XLSX(?![A-Za-z])", "XLSX"},
        {"(?<![A-Za-z])JSON(?![A-Za-z])", "JSON"}, {"(?<![A-Za-z])XML(?![A-Za-z])", "XML"},
        {"(?<![A-Za-z])TXT(?![A-Za-z])", "TXT"},
    };
    static const NamedPattern locations[] = {
        {"AWS[^。]{0,6}東京リージョン|ap-northeast-1", "AWS ap-northeast-1"},
        {"AWS[^。]{0,6}大阪リージョン|ap-northeast-3", "AWS ap-northeast-3"},
        /* 「日本国法に準拠」 is about law, not where the data is. */
        {"日本国内|国内|日本(?!国?法|語|円|時間)|Japan", "JP"},
    };
    static const NamedPattern channels[] = {
        {"メール|e-?mail|mail", "email"},
        {"ホームページ|Web|ウェブ|サイト|ステータスページ|ポータル|status page", "web"},
        {"電話|phone", "phone"},
        {"フォーム|form", "form"},
        {"お知らせ機能|管理画面|アプリ内|in-app|in app", "in_app"},
    };
    x->certifications = named_table(certifications, G_N_ELEMENTS(certifications));
    x->formats = named_table(formats, G_N_ELEMENTS(formats));
    x->locations = named_table(locations, G_N_ELEMENTS(locations));
    x->channels = named_table(channels, G_N_ELEMENTS(channels));
    return x;
}

static void
free_named(GArray *a)
{
    for (guint i = 0; i < a->len; i++)
        g_regex_unref(g_array_index(a, Named, i).re);
    g_array_free(a, TRUE);
}

void
slx_extractor_free(SlxExtractor *x)
{
    if (x == NULL)
        return;
    g_regex_unref(x->kanji_run);
    g_regex_unref(x->no_kanji);
    g_regex_unref(x->version);
    g_regex_unref(x->version_more);
    g_regex_unref(x->version_tail);
    g_regex_unref(x->masks);
    g_regex_unref(x->schedule);
    g_regex_unref(x->time_range);
    g_regex_unref(x->days_before);
    g_regex_unref(x->days_after);
    g_regex_unref(x->frequency);
    g_regex_unref(x->duration);
    g_regex_unref(x->percent);
    g_regex_unref(x->count);
    free_named(x->certifications);
    free_named(x->formats);
    free_named(x->locations);
    free_named(x->channels);
    g_free(x);
}

/* TRUE if TEXT contains any of the NULL-terminated words. */
static gboolean G_GNUC_NULL_TERMINATED
has_any(const char *text, ...)
{
    va_list ap;
    va_start(ap, text);
    gboolean found = FALSE;
    for (const char *w = va_arg(ap, const char *); w && !found; w = va_arg(ap, const char *))
        found = strstr(text, w) != NULL;
    va_end(ap);
    return found;
}

static gboolean
carries(const SlxCatalogItem *item, const char *kind)
{
    if (item == NULL)
        return strcmp(kind, "list") != 0;
    for (guint i = 0; i < item->value_kinds->len; i++)
        if (strcmp(g_ptr_array_index(item->value_kinds, i), kind) == 0)
            return TRUE;
    return FALSE;
}

static gint
by_start(gconstpointer a, gconstpointer b)
{
    const SlxValue *x = *(SlxValue *const *)a, *y = *(SlxValue *const *)b;
    return x->start < y->start ? -1 : x->start > y->start;
}

GPtrArray *
slx_extract_values(const SlxExtractor *x, const char *text, const SlxCatalogItem *item)
{
    Scan sc = {x, NULL, 0, NULL, g_ptr_array_new_with_free_func(slx_value_free), item};
    char *converted = convert_kanji(x, text);
    sc.text = converted;
    sc.len = strlen(converted);
    sc.claimed = g_new0(guint8, sc.len + 1);

    /* Without a digit there is no version, date, range, percentage or
     * count; frequencies (日次), 年中無休, 数秒, 前日分 and 直前 remain. */
    gboolean digits = strpbrk(converted, "0123456789") != NULL;
    /* Each pass only where the words it needs occur (a strstr is far
     * cheaper than a regex scan). */
    if (digits && has_any(converted, "TLS", "SSL", "tls", "ssl", NULL))
        each_match(&sc, x->version, on_version);
    if (digits)
        each_match(&sc, x->masks, on_mask);
    if (has_any(converted, "24", "365", "年中無休", NULL))
        each_match(&sc, x->schedule, on_schedule);
    if (digits && has_any(converted, ":", "時", NULL))
        each_match(&sc, x->time_range, on_time_range);
    if (has_any(converted, "毎", "次", "回", "度", "四半期", "デイリー", "aily", "eekly", "onthly",
                "early", "nnual", "nce", "wice", "imes", NULL))
        each_match(&sc, x->frequency, on_frequency);
    if (digits || has_any(converted, "数", "前日分", "直前", NULL))
        each_match(&sc, x->duration, on_duration);
    if (digits && has_any(converted, "%", "パーセント", "percent", NULL))
        each_match(&sc, x->percent, on_percent);
    if (digits && has_any(converted, "世代", "回", "件", "人", "名", "ユーザ", "社", "テナント",
                          "eneration", "imes", "ncident", "ailure", "utage", "ser", NULL))
        each_match(&sc, x->count, on_count);
    if (item && item->list_role && carries(item, "list")) {
        GArray *names = !strcmp(item->list_role, "certification") ? x->certifications
                        : !strcmp(item->list_role, "format")      ? x->formats
                        : !strcmp(item->list_role, "location")    ? x->locations
                                                                  : x->channels;
        find_list(&sc, names, item->list_role);
    }

    /* Keep the kinds the item carries. */
    for (guint i = sc.values->len; i-- > 0;) {
        SlxValue *v = g_ptr_array_index(sc.values, i);
        if (!carries(item, slx_value_kind_name(v->kind)))
            g_ptr_array_remove_index(sc.values, i);
    }
    g_ptr_array_sort(sc.values, by_start);
    g_free(sc.claimed);
    g_free(converted);
    return sc.values;
}

/* ---- the headline ---------------------------------------------------- */

static const char *
unit_ja(const char *unit)
{
    static const struct { const char *u, *ja; } t[] = {
        {"second", "秒"}, {"minute", "分"}, {"hour", "時間"}, {"day", "日"},
        {"business_day", "営業日"}, {"week", "週間"}, {"month", "か月"}, {"year", "年"},
        {"generation", "世代"}, {"times", "回"}, {"incidents", "件"}, {"users", "人"},
        {"companies", "社"}, {"tenants", "テナント"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (unit && strcmp(unit, t[i].u) == 0)
            return t[i].ja;
    return "";
}

static const char *
bound_ja(SlxBound b, gboolean lead)
{
    switch (b) {
    case SLX_BOUND_MAX:           return "以内";
    case SLX_BOUND_MAX_EXCLUSIVE: return "未満";
    case SLX_BOUND_MIN:           return lead ? "" : "以上";
    case SLX_BOUND_MIN_EXCLUSIVE: return "超";
    case SLX_BOUND_APPROX:        return "程度";
    case SLX_BOUND_NONE:          break;
    }
    return "";
}

static void
append_number(GString *s, double v)
{
    if (v == floor(v))
        g_string_append_printf(s, "%.0f", v);
    else
        g_string_append_printf(s, "%g", v);
}

static char *
render(const SlxValue *v)
{
    GString *s = g_string_new(NULL);
    switch (v->kind) {
    case SLX_VALUE_DURATION:
    case SLX_VALUE_COUNT:
        if (v->vague)
            g_string_append(s, "数");
        else {
            if (v->has_from) {
                append_number(s, v->from);
                g_string_append_c(s, '-');
            }
            append_number(s, v->value);
        }
        g_string_append(s, unit_ja(v->unit));
        if (v->role && strcmp(v->role, "lead_time") == 0)
            g_string_append(s, v->bound == SLX_BOUND_MIN ? "前まで" : "前");
        else
            g_string_append(s, bound_ja(v->bound, FALSE));
        break;
    case SLX_VALUE_PERCENT:
        append_number(s, v->value);
        g_string_append_c(s, '%');
        g_string_append(s, bound_ja(v->bound, FALSE));
        break;
    case SLX_VALUE_FREQUENCY: {
        static const struct { const char *per, *ja; } t[] = {
            {"day", "日"}, {"week", "週"}, {"month", "月"}, {"year", "年"}, {"half_year", "半期"}};
        for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
            if (strcmp(v->per, t[i].per) == 0)
                g_string_append(s, t[i].ja);
        if (v->count_known)
            g_string_append_printf(s, "%d回", v->count);
        else
            g_string_append(s, "数回");
        break;
    }
    case SLX_VALUE_TIME_RANGE:
        if (v->days)
            g_string_append(s, !strcmp(v->days, "weekdays") ? "平日"
                               : !strcmp(v->days, "everyday") ? "毎日" : "営業日");
        g_string_append_printf(s, "%s-%s", v->from_time, v->to_time);
        break;
    case SLX_VALUE_SCHEDULE:
        g_string_append(s, strcmp(v->schedule, "24x7") == 0 ? "24/7" : "24時間365日");
        break;
    case SLX_VALUE_VERSION:
        g_string_append_printf(s, "%s%s%s", v->name, v->version,
                               v->disabled ? "無効" : v->bound == SLX_BOUND_MIN ? "以上" : "");
        break;
    case SLX_VALUE_LIST:
        for (guint i = 0; i < v->items->len; i++)
            g_string_append_printf(s, "%s%s", i ? "/" : "", (char *)g_ptr_array_index(v->items, i));
        break;
    case SLX_VALUE_N:
        break;
    }
    return g_string_free(s, FALSE);
}

/* How good a headline V is: a target beats a figure without role, which
 * beats an actual figure; a version's minimum beats a disabled version. */
static int
headline_rank(const SlxValue *v)
{
    if (v->kind == SLX_VALUE_VERSION)
        return v->disabled ? 0 : 1;
    if (v->role && strcmp(v->role, "target") == 0)
        return 2;
    if (v->role && strcmp(v->role, "actual") == 0)
        return 0;
    return 1;
}

char *
slx_primary(const SlxCatalogItem *item, const GPtrArray *values)
{
    if (item == NULL)
        return NULL;
    /* The best value of the first headline kind the response states, the
     * earliest among equals: 「稼働目標99.9% 実績99.99%」 → 99.9%, 「3秒以上
     * となる遅延は3時間以内を目標」 → 3時間以内. */
    for (guint k = 0; k < item->headline->len; k++) {
        const char *kind = g_ptr_array_index(item->headline, k);
        const SlxValue *pick = NULL;
        for (guint i = 0; i < values->len; i++) {
            const SlxValue *v = g_ptr_array_index(values, i);
            if (strcmp(slx_value_kind_name(v->kind), kind) == 0 &&
                (pick == NULL || headline_rank(v) > headline_rank(pick)))
                pick = v;
        }
        if (pick)
            return render(pick);
    }
    return NULL;
}
