/* test_extract.c — typed values, table-driven (OUTPUT.md §3): every value
 * case of normalization.md §D, the traps (dates, ISO numbers, phone
 * numbers, URLs, item numbers, 十分な, 万一, 第三者), and full-width, kanji
 * and half-width variants of each kind.  The item id chooses the kinds and
 * roles the catalog gives ("-": an extra row, every kind but lists). */
#include "extract.h"
#include "normalize.h"
#include "testutil.h"
#include "value_dsl.h"
#include "write_jsonl.h"

static SlxPatterns *patterns;
static const SlxCatalog *meti;
static SlxExtractor *extractor;

typedef struct {
    const char *item;
    const char *in;
    const char *want;   /* value_dsl.h notation */
} Case;

static const Case cases[] = {
    /* durations and bounds */
    {"10", "6時間以内", "D 6 hour b=max"},
    {"10", "６時間以内", "D 6 hour b=max"},
    {"10", "六時間以内", "D 6 hour b=max"},
    {"10", "十二時間以内", "D 12 hour b=max"},                       /* §D 15 */
    {"10", "1時間未満", "D 1 hour b=max_exclusive"},                 /* §D 16 */
    {"10", "30日以上", "D 30 day b=min"},                            /* §D 17 */
    {"10", "5年超", "D 5 year b=min_exclusive"},                     /* §D 18 */
    {"10", "約30分程度", "D 30 minute b=approx"},                    /* §D 19 */
    {"16", "数秒～5分", "D 9 second from=1 r=interval vague; D 5 minute r=interval"},  /* §D 20 */
    {"15", "1～2営業日以内", "D 2 business_day from=1 b=max"},        /* §D 21 */
    {"30", "3ヶ月", "D 3 month r=retention"},                        /* §D 14 */
    {"30", "3ケ月", "D 3 month r=retention"},
    {"30", "3カ月", "D 3 month r=retention"},
    {"30", "3箇月", "D 3 month r=retention"},
    {"30", "三ヶ月", "D 3 month r=retention"},
    {"30", "３か月", "D 3 month r=retention"},
    {"2", "2週間前", "D 2 week r=lead_time"},                        /* §D 23 */
    {"29", "当日10分前", "D 10 minute r=rpo"},                        /* §D 24 */
    {"29", "前日分", "D 1 day r=rpo"},                               /* §D 25 */
    {"2", "2週間前までに告知サイトにて連絡", "D 2 week b=min r=lead_time"},
    {"2", "30日前にメールで通知", "D 30 day r=lead_time"},
    {"3", "3ヶ月程度前に告知", "D 3 month b=approx r=lead_time"},
    {"3", "原則1ヶ月以上前に告知", "D 1 month b=min r=lead_time"},
    {"2", "6ヵ月前にサイト上にて告知", "D 6 month r=lead_time"},
    {"2", "二週間前", "D 2 week r=lead_time"},
    {"3", "1年前までに通知", "D 1 year b=min r=lead_time"},
    {"10", "十分な対策を実施", ""},                                  /* §D 32 */
    {"10", "万一の障害時は一括で通知", ""},                          /* §D 33 */
    {"10", "第三者による評価", ""},
    {"30", "一定期間保存", ""},
    {"15", "十分以内", "D 10 minute b=max"},
    {"16", "1分間隔", "D 1 minute r=interval"},
    {"17", "30分毎に通知", "D 30 minute r=interval"},
    {"16", "5分ごとに監視", "D 5 minute r=interval"},
    {"11", "最大1週間", "D 1 week b=max"},
    {"30", "最低1年間保管", "D 1 year b=min r=retention"},
    {"30", "7日間", "D 7 day r=retention"},
    {"2", "7日間", "D 7 day r=lead_time"},                           /* the item gives the role */
    {"30", "3日分", "D 3 day r=retention"},
    {"10", "1.5時間", "D 1.5 hour"},
    {"10", "90分", "D 90 minute"},
    {"10", "数分", "D 9 minute from=1 vague"},
    {"15", "within 30 minutes", "D 30 minute b=max"},
    {"11", "4 hours", "D 4 hour"},
    {"10", "24時間365日", ""},                                       /* a schedule, never 24 h */
    {"15", "24時間以内", "D 24 hour b=max"},
    {"10", "障害発生から6時間以内の復旧を目標", "D 6 hour b=max r=target"},
    {"10", "実績は平均2時間", "D 2 hour r=actual"},
    {"20", "応答時間が3秒以上となる遅延の継続時間は3時間以内を目標", "D 3 second b=min; D 3 hour b=max r=target"},
    {"11", "RPO:24時間、RTO:4時間", "D 24 hour; D 4 hour"},          /* §D 37 */
    {"29", "直前まで保証", "D 0 second r=rpo vague"},
    {"12", "1日以上", "D 1 day b=min"},
    {"12", "過去1年間", "D 1 year"},
    {"15", "翌営業日", ""},
    {"10", "２時間程度", "D 2 hour b=approx"},
    {"10", "約2時間", "D 2 hour b=approx"},
    {"10", "2時間前後", "D 2 hour b=approx"},
    {"10", "1~2時間", "D 2 hour from=1"},
    {"10", "1時間～2時間", "D 2 hour from=1"},
    {"19", "10秒", "D 10 second"},
    {"19", "3秒以内", "D 3 second b=max"},
    {"19", "平均2秒未満", "D 2 second b=max_exclusive"},
    {"19", "応答は3秒以下", "D 3 second b=max"},
    {"20", "5分まで", "D 5 minute b=max"},
    /* spans that state no value */
    {"10", "2020年9月24日", ""},
    {"10", "最終更新日:2024/04/01", ""},
    {"5", "2025年1月稼働率実績99.95%", "P 99.95 r=actual"},
    {"10", "ISO/IEC 27001:2013", ""},                               /* §D 43 */
    {"10", "ＩＳＯ／ＩＥＣ　２７００１：２０１３", ""},
    {"10", "TLS1.2以上", ""},                                       /* §D 28: no date, no number */
    {"15", "03-1234-5678まで", ""},
    {"15", "https://example.com/sla/2024/10 を参照", ""},
    {"15", "support@example.co.jp まで", ""},
    {"10", "項番39の認証を取得", ""},
    {"10", "SAML2.0規格のシングルサインオン", ""},
    {"10", "AES‐256で暗号化", ""},                                  /* §D 31 */
    {"10", "MSSV3クラウド機能", ""},
    {"10", "IS 586579", ""},
    {"10", "第3条に定める", ""},
    /* percentages */
    {"5", "稼働率９９．９９％以上", "P 99.99 b=min"},                /* §D 26 */
    {"5", "0.01%未満", "P 0.01 b=max_exclusive"},                    /* §D 27 */
    {"5", "99.9%", "P 99.9"},
    {"5", "稼働目標：99.9% 昨年稼働実績（平均）：99.99%以上", "P 99.9 r=target; P 99.99 b=min r=actual"},
    {"5", "月間稼働率99.95%を保証", "P 99.95 r=target"},
    {"5", "約99.9%", "P 99.9 b=approx"},
    {"5", "SLO 99.9%", "P 99.9 r=target"},
    {"5", "99.5パーセント", "P 99.5"},
    {"5", "99.9% or higher", "P 99.9 b=min"},
    {"5", "サービスレベル目標として月間稼働率を「99.99%以上」と定めております", "P 99.99 b=min r=target"},
    {"5", "９９．９５％", "P 99.95"},
    /* counts */
    {"32", "7世代", "C 7 generation"},
    {"32", "７世代", "C 7 generation"},
    {"32", "七世代", "C 7 generation"},
    {"32", "ﾊﾞｯｸｱｯﾌﾟは７世代保持", "C 7 generation"},               /* §D 12 */
    {"32", "①バックアップ　３世代", "C 3 generation"},               /* §D 11 */
    {"32", "直近7日分を保管", ""},                                  /* §D 13: not generations */
    {"30", "直近7日分を保管", "D 7 day r=retention"},
    {"12", "障害件数0件", "C 0 incidents"},
    {"12", "過去1年間に発生した回数は0（ゼロ）件です。", "D 1 year; C 0 incidents"},
    {"12", "年間5件以内", "C 5 incidents b=max"},
    {"12", "長時間障害0回", "C 0 times"},
    {"12", "10,000件", "C 10000 incidents"},                         /* §D 42 */
    {"24", "1,000ユーザーまで", "C 1000 users b=max"},
    {"24", "同時接続数は100人", "C 100 users"},
    {"32", "35 generations", "C 35 generation"},
    {"12", "2 incidents last year", "C 2 incidents"},
    {"32", "三世代", "C 3 generation"},
    {"32", "30世代", "C 30 generation"},
    {"32", "バックアップは日次で取得し、5世代保持", "C 5 generation"},
    /* frequencies */
    {"40", "月1回", "F 1 month"},                                    /* §D 38 */
    {"40", "週１回", "F 1 week"},
    {"47", "毎日2:00", "F 1 day"},
    {"47", "1日1回", "F 1 day"},                                     /* §D 39 */
    {"47", "日次", "F 1 day"},
    {"40", "月次", "F 1 month"},
    {"40", "年に1度", "F 1 year"},
    {"40", "半期に一度", "F 1 half_year"},
    {"9", "年数回の頻度でバージョンアップ", "F - year"},
    {"47", "毎週", "F 1 week"},
    {"40", "年2回", "F 2 year"},
    {"40", "四半期ごとに実施", "F 4 year"},
    {"40", "once a month", "F 1 month"},
    {"40", "twice a year", "F 2 year"},
    {"40", "annually", "F 1 year"},
    {"28", "日次でフルバックアップ、月次でテープ", "F 1 day; F 1 month"},
    {"40", "年に一度", "F 1 year"},
    {"40", "月に1回", "F 1 month"},
    {"40", "年１回、外部の脆弱性診断", "F 1 year"},
    /* time ranges */
    {"27", "平日１０：００～１７：００", "T 10:00-17:00 weekdays"},    /* §D 1 */
    {"27", "平日10:00〜17:00", "T 10:00-17:00 weekdays"},             /* §D 2 */
    {"27", "9:00－18:00", "T 09:00-18:00"},                          /* §D 3 */
    {"27", "9:00ー18:00", "T 09:00-18:00"},                          /* §D 4 */
    {"27", "9:00−18:00", "T 09:00-18:00"},                           /* §D 5 */
    {"27", "9時～17時（土日祝日を除く）", "T 09:00-17:00 weekdays"},   /* §D 6 */
    {"27", "午前9時～午後6時", "T 09:00-18:00"},                     /* §D 7 */
    {"27", "0:00〜24:00", "T 00:00-24:00"},                          /* §D 8 */
    {"27", "9-17時", "T 09:00-17:00"},
    {"27", "平日 ９：００～１８：００", "T 09:00-18:00 weekdays"},
    {"27", "8:30~17:30(祝日、年末年始等弊社休日は除く)", "T 08:30-17:30 weekdays"},
    {"27", "毎日9時から21時", "T 09:00-21:00 everyday"},
    {"27", "10時半~17時", "T 10:30-17:00"},
    {"27", "Weekdays 9:00-18:00 JST", "T 09:00-18:00 weekdays"},
    {"27", "24時間365日(電話)、平日9:00-17:00(メール)", "S 24x365; T 09:00-17:00 weekdays"},
    {"27", "1~2時間", ""},                                           /* a duration */
    {"27", "25:00-26:00", ""},
    /* schedules */
    {"1", "２４時間３６５日", "S 24x365"},                           /* §D 9 */
    {"1", "②２４時間３６５日", "S 24x365"},                         /* §D 10 */
    {"1", "24/365", "S 24x365"},
    {"1", "24x7", "S 24x7"},
    {"1", "24/7", "S 24x7"},
    {"1", "年中無休", "S 24x365"},
    {"1", "24 hours a day, 365 days a year", "S 24x365"},
    {"1", "24時間 365日", "S 24x365"},
    {"1", "24時間365日 計画メンテナンスを、月に1回、午前2時～4時に実施", "S 24x365; T 02:00-04:00"},
    /* versions */
    {"42", "ＴＬＳ１．２以上", "V TLS 1.2 b=min"},                   /* §D 28 */
    {"42", "TLS 1.2/1.3", "V TLS 1.2; V TLS 1.3"},                   /* §D 29 */
    {"42", "TLS1.0/1.1は無効", "V TLS 1.0 disabled; V TLS 1.1 disabled"},  /* §D 30 */
    {"42", "TLS1.2未満は無効", "V TLS 1.2 b=min"},
    {"42", "TLS1.2に対応しています", "V TLS 1.2"},
    {"42", "SSL/TLS1.2以上により暗号化", "V TLS 1.2 b=min"},
    {"42", "常時SSLにて暗号化", ""},
    {"42", "TLS 1.2 or later", "V TLS 1.2 b=min"},
    {"42", "TLSv1.3", "V TLS 1.3"},
    {"42", "SSL3.0は無効", "V SSL 3.0 disabled"},
    {"42", "TLS1.1以下は無効", "V TLS 1.1 disabled"},
    {"42", "TLS1.2以上（TLS1.0/1.1は無効）", "V TLS 1.2 b=min; V TLS 1.0 disabled; V TLS 1.1 disabled"},
    /* lists */
    {"39", "ISO/IEC 27001 (情報セキュリティマネジメントシステム:IS 586579) ISO/IEC 27017 (ISMSクラウドセキュリティ認証: CLOUD 681574)",
     "L certification ISO/IEC 27001|ISO/IEC 27017"},
    {"39", "ＩＳＯ／ＩＥＣ　２７００１：２０１３", "L certification ISO/IEC 27001"},
    {"39", "ISMS認証 ASP・SaaSの安全・信頼性に係る情報開示認定", "L certification ISMS|ASP-SaaS"},
    {"39", "ISMS（ISO/IEC 27001）を取得", "L certification ISO/IEC 27001"},
    {"39", "プライバシーマーク取得", "L certification PrivacyMark"},
    {"39", "Pマーク、ISMAP登録済", "L certification PrivacyMark|ISMAP"},
    {"39", "SOC 2 Type 2報告書", "L certification SOC2"},
    {"39", "今後取得を検討", ""},
    {"8", "DXF形式もしくはPDF、レポート機能はCSV出力", "L format DXF|PDF|CSV"},
    {"38", "PNG, JPG, JPEG, WEBP形式", "L format PNG|JPG|JPEG|WEBP"},
    {"49", "データの保管国は日本国内", "L location JP"},
    {"49", "AWSの東京リージョンを利用", "L location AWS ap-northeast-1"},
    {"49", "日本語で対応", ""},
    {"49", "データセンター、当社ともに日本国法に準拠します。", ""},
    {"14", "メール・管理画面のお知らせで通知", "L channel email|in_app"},
    {"14", "電話およびWebフォーム", "L channel phone|web|form"},
    /* extra rows: every kind but lists */
    {"-", "パスワードは8文字以上", ""},
    {"-", "RPO 1日", "D 1 day"},
    {"-", "ISO/IEC 27001", ""},
    /* an item without value kinds */
    {"4", "2週間前に通知、99.9%", ""},
};

static char *
extract_dsl(const char *item_id, const char *input)
{
    const SlxCatalogItem *it = strcmp(item_id, "-") == 0 ? NULL : slx_catalog_lookup(meti, item_id);
    char *text = slx_normalize(input, -1, SLX_NORM_DEFAULT);
    GPtrArray *values = slx_extract_values(extractor, text, it);
    GString *json = g_string_new(NULL);
    slx_write_values(json, values);
    JsonParser *p = json_parser_new();
    if (!json_parser_load_from_data(p, json->str, -1, NULL))
        fail_msg("not JSON: %s", json->str);
    char *dsl = value_dsl(json_node_get_array(json_parser_get_root(p)));
    g_object_unref(p);
    g_string_free(json, TRUE);
    g_ptr_array_unref(values);
    g_free(text);
    return dsl;
}

static void
test_cases(void **state)
{
    (void)state;
    guint failed = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = extract_dsl(cases[i].item, cases[i].in);
        if (strcmp(got, cases[i].want) != 0) {
            print_error("case %zu (item %s) \"%s\":\n   got  %s\n   want %s\n", i, cases[i].item,
                        cases[i].in, got, cases[i].want);
            failed++;
        }
        g_free(got);
    }
    print_message("%zu expressions, %u wrong\n", G_N_ELEMENTS(cases), failed);
    assert_int_equal(failed, 0);
    assert_true(G_N_ELEMENTS(cases) >= 150);
}

/* The span of each value is the normalized text it was read from, and
 * seconds follow OUTPUT.md's table. */
static void
test_text_and_seconds(void **state)
{
    (void)state;
    const SlxCatalogItem *it = slx_catalog_lookup(meti, "2");
    GPtrArray *v = slx_extract_values(extractor, "2週間前までに連絡", it);
    assert_int_equal(v->len, 1);
    const SlxValue *d = g_ptr_array_index(v, 0);
    assert_true(d->value * slx_unit_seconds(d->unit) == 1209600);
    assert_string_equal(d->text, "2週間前までに");
    g_ptr_array_unref(v);
    v = slx_extract_values(extractor, "稼働目標:99.9% 実績:99.95%", slx_catalog_lookup(meti, "5"));
    assert_int_equal(v->len, 2);
    assert_string_equal(((SlxValue *)g_ptr_array_index(v, 0))->text, "99.9%");   /* no trailing space */
    g_ptr_array_unref(v);
    static const struct { const char *unit; double s; } t[] = {
        {"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400}, {"business_day", 86400},
        {"week", 604800}, {"month", 2592000}, {"year", 31536000}};
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        assert_true(slx_unit_seconds(t[i].unit) == t[i].s);
}

static void
test_primary(void **state)
{
    (void)state;
    static const struct { const char *item, *in, *want; } headlines[] = {
        {"2", "2週間前までに告知", "2週間前まで"}, {"2", "14日前に通知", "14日前"},
        {"5", "稼働目標：99.99% 実績：99.95%", "99.99%"}, {"5", "実績99.95%", "99.95%"},
        {"32", "7世代", "7世代"}, {"42", "TLS1.0/1.1は無効、TLS1.2以上", "TLS1.2以上"},
        {"27", "平日10:00～17:00", "平日10:00-17:00"}, {"1", "24時間365日", "24時間365日"},
        {"12", "過去1年間に障害は発生していません", NULL}, {"10", "6時間以内", "6時間以内"},
        {"20", "応答時間が3秒以上となる遅延の継続時間は3時間以内を目標", "3時間以内"},
        {"40", "年に1度", "年1回"}, {"39", "ISMS、プライバシーマーク", "ISMS/PrivacyMark"},
        {"6", "有", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(headlines); i++) {
        const SlxCatalogItem *it = slx_catalog_lookup(meti, headlines[i].item);
        char *text = slx_normalize(headlines[i].in, -1, SLX_NORM_DEFAULT);
        GPtrArray *v = slx_extract_values(extractor, text, it);
        char *p = slx_primary(it, v);
        if (g_strcmp0(p, headlines[i].want) != 0)
            fail_msg("primary of item %s \"%s\": %s, expected %s", headlines[i].item, headlines[i].in,
                     p ? p : "null", headlines[i].want ? headlines[i].want : "null");
        g_free(p);
        g_ptr_array_unref(v);
        g_free(text);
    }
}

int
main(void)
{
    patterns = test_patterns();
    meti = g_ptr_array_index(patterns->catalogs, 0);
    extractor = slx_extractor_new();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_text_and_seconds),
        cmocka_unit_test(test_primary),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
