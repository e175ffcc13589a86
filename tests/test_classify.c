/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_classify.c — answers (doc/output.md §2), table-driven: markers, 同上,
 * not applicable, stated figures, refusals, negatives, best effort, and the
 * phrases that only look negative. */
#include "classify.h"
#include "normalize.h"
#include "testutil.h"

static SlxPatterns *patterns;
static const SlxCatalog *meti;
static SlxExtractor *extractor;

/* Classify TEXT as the pipeline does: its values first. */
static SlxAnswer
classify(const char *text, const SlxCatalogItem *it)
{
    char *kept = slx_normalize(text, -1, SLX_NORM_KEEP_CJK_SPACES);
    char *flat = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    GPtrArray *values = slx_extract_values(extractor, flat, it);
    SlxAnswer a = slx_classify_text(kept, it, &patterns->vocab, values);
    g_ptr_array_unref(values);
    g_free(flat);
    g_free(kept);
    return a;
}

typedef struct {
    const char *item;      /* catalog id, or NULL for an extra row */
    const char *text;
    SlxAnswer answer;
} Case;

static const Case cases[] = {
    /* explicit markers: a whole cell, or the first word */
    {"6", "有", SLX_ANSWER_YES}, {"6", "有り", SLX_ANSWER_YES}, {"6", "○", SLX_ANSWER_YES},
    {"6", "〇", SLX_ANSWER_YES}, {"6", "◯", SLX_ANSWER_YES}, {"6", "可", SLX_ANSWER_YES},
    {"6", "Yes", SLX_ANSWER_YES}, {"6", "【有】", SLX_ANSWER_YES},
    {"2", "【有】 2週間前までに告知サイトにて連絡いたします。緊急時はその限りではありません。", SLX_ANSWER_YES},
    {"3", "有　３ヶ月程度前にサービス内インフォメーションにて告知します。", SLX_ANSWER_YES},
    {"52", "有り。利用規約に記載しております。", SLX_ANSWER_YES},
    {"33", "有（AES‐256）", SLX_ANSWER_YES},
    {"6", "△", SLX_ANSWER_PARTIAL}, {"6", "一部対応", SLX_ANSWER_PARTIAL},
    {"6", "△　上位プランのみ対応しています。", SLX_ANSWER_PARTIAL},
    {"6", "×", SLX_ANSWER_NO}, {"6", "✕", SLX_ANSWER_NO}, {"6", "無", SLX_ANSWER_NO},
    {"6", "無し", SLX_ANSWER_NO}, {"6", "なし", SLX_ANSWER_NO}, {"6", "No", SLX_ANSWER_NO},
    {"4", "【無】 プログラムの預託措置はありません。", SLX_ANSWER_NO},
    {"24", "無 接続上限に達した場合スケールアウトで対応を行うため基本的に制限はございません。", SLX_ANSWER_NO},
    {"6", "No, we do not provide it.", SLX_ANSWER_NO},
    {"6", "No.", SLX_ANSWER_NO}, {"6", "Yes, in two regions.", SLX_ANSWER_YES},
    {"12", "No failures in the past 12 months.", SLX_ANSWER_YES},   /* a determiner */
    {"12", "2 incidents last year", SLX_ANSWER_YES},
    {"48", "No removable media are used.", SLX_ANSWER_YES},          /* §2: a negative statement */
    /* a word that starts with a marker character is not a marker */
    {"6", "無停止のディザスタリカバリには対応していません。", SLX_ANSWER_NO},
    {"18", "有効なログは提供しています。", SLX_ANSWER_YES},
    /* not applicable */
    {"8", "-", SLX_ANSWER_NOT_APPLICABLE}, {"8", "ー", SLX_ANSWER_NOT_APPLICABLE},
    {"8", "－", SLX_ANSWER_NOT_APPLICABLE}, {"8", "該当なし", SLX_ANSWER_NOT_APPLICABLE},
    {"8", "対象外", SLX_ANSWER_NOT_APPLICABLE}, {"8", "N/A", SLX_ANSWER_NOT_APPLICABLE},
    {"21", "バッチ処理はありません。", SLX_ANSWER_NOT_APPLICABLE},
    {"21", "定期的なバッチ処理はございません。", SLX_ANSWER_NOT_APPLICABLE},
    {"22", "バッチ処理はありません。", SLX_ANSWER_NO},   /* only item 21 is about batches */
    {"6", "- 日次でバックアップを取得", SLX_ANSWER_YES},   /* a bullet, not "-" */
    /* 同上 */
    {"11", "同上", SLX_ANSWER_SAME_AS_PREVIOUS}, {"11", "上記に同じ", SLX_ANSWER_SAME_AS_PREVIOUS},
    {"11", "同上。", SLX_ANSWER_SAME_AS_PREVIOUS},
    /* a stated figure of the item's quantity decides */
    {"5", "公開していません。 2025年1月稼働率実績99.95%", SLX_ANSWER_YES},
    {"5", "現状、SLAの保証提示しておりません。 稼働目標：99.9%", SLX_ANSWER_YES},
    {"10", "障害内容により異なるため、明示できません。 障害発生から6時間以内の復旧を目標としております。", SLX_ANSWER_YES},
    {"12", "過去1年間に1日以上停止を伴う長期間の障害は発生していません。", SLX_ANSWER_YES},
    {"12", "過去1年間に発生した回数は0（ゼロ）件です。", SLX_ANSWER_YES},
    {"17", "平常時は報告は行っていません。障害発生時には、30分毎に通知いたします。", SLX_ANSWER_YES},
    {"29", "前日分", SLX_ANSWER_YES}, {"32", "７世代", SLX_ANSWER_YES},
    {"26", "平日 ９：００～１８：００", SLX_ANSWER_YES},
    {"1", "２４時間３６５日", SLX_ANSWER_YES},
    {"16", "障害はリアルタイムで監視しております。", SLX_ANSWER_YES},
    {"32", "3日分", SLX_ANSWER_YES},   /* no 世代 figure, but affirmative prose */
    /* refusals */
    {"19", "公開していません。", SLX_ANSWER_UNDISCLOSED},
    {"19", "公開しておりません。", SLX_ANSWER_UNDISCLOSED},
    {"19", "非公開", SLX_ANSWER_UNDISCLOSED},
    {"10", "We do not publish this figure.", SLX_ANSWER_UNDISCLOSED},
    {"20", "Not measured", SLX_ANSWER_NO},
    {"19", "詳細については、セキュリティ上非公開とさせていただきます。", SLX_ANSWER_UNDISCLOSED},
    {"10", "平均復旧時間は公開していません。", SLX_ANSWER_UNDISCLOSED},
    {"29", "RPOは公開しておりません。", SLX_ANSWER_UNDISCLOSED},
    {"12", "開示しておりません", SLX_ANSWER_UNDISCLOSED},
    {"19", "Not disclosed.", SLX_ANSWER_UNDISCLOSED},
    /* negatives, limits, under consideration */
    {"17", "通常稼働時のサービス提供状況の報告は承っておりません。", SLX_ANSWER_NO},
    {"17", "通常稼働時のサ\nービス提供状況の報告は承って\nおりません。", SLX_ANSWER_NO},   /* wrapped */
    {"20", "遅延継続時間の設定はしていませんが、遅延の監視を行っております。", SLX_ANSWER_PARTIAL},
    {"39", "今後取得を検討", SLX_ANSWER_NO}, {"48", "検討中です。", SLX_ANSWER_NO},
    {"24", "制限なし", SLX_ANSWER_NO}, {"25", "上限なし", SLX_ANSWER_NO},
    {"25", "利用可能なストレージ容量には上限がございません。", SLX_ANSWER_NO},
    {"35", "損害賠償保険には加入していません。お客様の責任でお願いしています。", SLX_ANSWER_NO},
    {"10", "回答不可", SLX_ANSWER_UNDISCLOSED},
    {"19", "SLA対象外", SLX_ANSWER_NO},
    {"19", "対象外", SLX_ANSWER_NOT_APPLICABLE},
    /* best effort and mixed lists */
    {"7", "要相談", SLX_ANSWER_PARTIAL},
    {"22", "個別にご相談", SLX_ANSWER_PARTIAL},
    {"15", "規程はありませんが、できるだけ早く通知します。", SLX_ANSWER_PARTIAL},
    {"19", "ベストエフォートで提供しています。", SLX_ANSWER_PARTIAL},
    {"47", "以下ようになっております。 サーバ → ウイルス対策ソフト導入なし 運用者端末 → 随時スキャン", SLX_ANSWER_PARTIAL},
    /* looks negative, is not; the first sentence decides */
    {"7", "緊急時についてはその限りではありません。", SLX_ANSWER_YES},
    {"49", "把握しております。なお、データの保管国は日本国内で、諸外国に保管することはありません。", SLX_ANSWER_YES},
    {"5", "サービス利用約款にてSLAを記載しています。", SLX_ANSWER_YES},
    {"49", "データセンター、当社ともに日本国法に準拠します。", SLX_ANSWER_YES},
    /* nothing */
    {"6", "", SLX_ANSWER_UNKNOWN},
    /* §2 as now written: the rules in order, the whole response, denied
     * risks, marker words with a colon, English forms */
    {"6", "規程はありませんが、できるだけ早く復旧します。", SLX_ANSWER_PARTIAL},
    {"6", "ベストエフォートでの対応はしていません。", SLX_ANSWER_NO},   /* negative first */
    {"18", "ログイン履歴を提供します。その他のログは提供していません。", SLX_ANSWER_PARTIAL},
    {"6", "提供していません。詳細はお問い合わせください。", SLX_ANSWER_NO},
    {"6", "DR拠点はございません。", SLX_ANSWER_NO},
    {"40", "第三者評価は行いません。", SLX_ANSWER_NO},
    {"19", "公開していません。お問い合わせください。", SLX_ANSWER_UNDISCLOSED},
    {"13", "監視しています。詳細は非公開です。", SLX_ANSWER_YES},
    {"48", "外部記憶媒体を使用していません。", SLX_ANSWER_YES},
    {"48", "外部記憶媒体は使用しておりません。", SLX_ANSWER_YES},
    {"48", "We do not use removable media.", SLX_ANSWER_YES},
    {"49", "国外へ移転することはありません。", SLX_ANSWER_YES},
    {"49", "国内データセンターのみで保管し、海外へ移転することはありません。", SLX_ANSWER_YES},
    {"49", "All data resides in Japan; backups never leave the country.", SLX_ANSWER_YES},
    {"33", "暗号化は使用していません。", SLX_ANSWER_NO},   /* a denial of the item itself */
    {"21", "該当なし:夜間バッチはありません", SLX_ANSWER_NOT_APPLICABLE},
    {"6", "有:別リージョンに複製しています", SLX_ANSWER_YES},
    {"7", "Partially (on request).", SLX_ANSWER_PARTIAL},
    {"47", "N/A - the service stores no uploaded files.", SLX_ANSWER_NOT_APPLICABLE},
    {"47", "N/A: no uploads", SLX_ANSWER_NOT_APPLICABLE},
    {"33", "- 暗号化は使用していません。", SLX_ANSWER_NO},              /* a bullet, not a marker */
    {"22", "Partially: routing rules only.", SLX_ANSWER_PARTIAL},
    {"19", "Not publicly available.", SLX_ANSWER_UNDISCLOSED},
    {"5", "99.9% or higher (target). Actual figures are not publicly available.", SLX_ANSWER_YES},
    {"11", "No more than four hours.", SLX_ANSWER_YES},
    {"9", "Releases every day, with no downtime.", SLX_ANSWER_YES},
    {"24", "No hard limit; tested with 10,000 concurrent users.", SLX_ANSWER_NO},
    {"39", "ISMAP registration is under consideration.", SLX_ANSWER_NO},
    {"10", "数時間程度", SLX_ANSWER_YES},   /* a vague duration is a figure */
    {"17", "A quarterly availability report is available on request.", SLX_ANSWER_YES},
    {"7", "No alternative service is offered.", SLX_ANSWER_NO},
    /* extra rows (no catalog item): markers and prose still work */
    {NULL, "○", SLX_ANSWER_YES},
    {NULL, "現在はアカウントロックに対応しておりません。", SLX_ANSWER_NO},
};

static void
test_cases(void **state)
{
    (void)state;
    guint failed = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const SlxCatalogItem *it = cases[i].item ? slx_catalog_lookup(meti, cases[i].item) : NULL;
        SlxAnswer got = classify(cases[i].text, it);
        if (got != cases[i].answer) {
            print_error("case %zu (item %s) \"%s\": %s, expected %s\n", i,
                        cases[i].item ? cases[i].item : "extra", cases[i].text,
                        slx_answer_name(got), slx_answer_name(cases[i].answer));
            failed++;
        }
    }
    print_message("%zu answers, %u wrong\n", G_N_ELEMENTS(cases), failed);
    assert_int_equal(failed, 0);
}

/* A marker alone in the first answer column (対応/可否) wins over the prose. */
static void
test_marker_column(void **state)
{
    (void)state;
    SlxRow row = {0};
    row.responses = g_ptr_array_new();
    SlxResponse mark = {(char *)"○", SLX_COL_ANSWER, 4};
    SlxResponse prose = {(char *)"外部サービスから利用できるAPIを用意しておりません。", SLX_COL_ANSWER, 5};
    SlxResponse remark = {(char *)"非公開", SLX_COL_REMARKS, 6};
    g_ptr_array_add(row.responses, &mark);
    g_ptr_array_add(row.responses, &prose);
    const SlxCatalogItem *it = slx_catalog_lookup(meti, "23");
    assert_int_equal(slx_classify(&row, it, &patterns->vocab, NULL), SLX_ANSWER_YES);

    /* Without the marker the prose decides; remarks never do. */
    g_ptr_array_remove_index(row.responses, 0);
    g_ptr_array_add(row.responses, &remark);
    assert_int_equal(slx_classify(&row, it, &patterns->vocab, NULL), SLX_ANSWER_NO);
    g_ptr_array_set_size(row.responses, 0);
    g_ptr_array_add(row.responses, &remark);
    assert_int_equal(slx_classify(&row, it, &patterns->vocab, NULL), SLX_ANSWER_UNKNOWN);
    g_ptr_array_unref(row.responses);
}

/* 「同上」 in the detail column beside a marker: the row says the same as
 * the row above, and its marker still gives the answer. */
static void
test_same_as_previous_cell(void **state)
{
    (void)state;
    SlxRow row = {0};
    row.responses = g_ptr_array_new();
    SlxResponse mark = {(char *)"有", SLX_COL_ANSWER, 3};
    SlxResponse same = {(char *)"同上", SLX_COL_ANSWER, 4};
    SlxResponse prose = {(char *)"同上の窓口で受け付けます", SLX_COL_ANSWER, 4};
    g_ptr_array_add(row.responses, &mark);
    g_ptr_array_add(row.responses, &same);
    const SlxCatalogItem *it = slx_catalog_lookup(meti, "27");
    assert_true(slx_row_same_as_previous(&row, &patterns->vocab));
    assert_int_equal(slx_classify(&row, it, &patterns->vocab, NULL), SLX_ANSWER_YES);
    /* 同上 inside a sentence is not the whole answer. */
    g_ptr_array_index(row.responses, 1) = &prose;
    assert_false(slx_row_same_as_previous(&row, &patterns->vocab));
    g_ptr_array_unref(row.responses);
}

/* Contrast patterns added by a file split a sentence wherever any of them
 * turns first: "… is provided whereas … are not provided but …" is three
 * clauses (one affirmative, one negative), so partial. */
static void
test_added_contrast(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    static const char more[] = "[phrases]\ncontrast = \\bwhereas\\b\n";
    assert_true(slx_patterns_load_data(p, "more.ini", more, sizeof more - 1, NULL));
    const char *text = "Login history is provided whereas audit logs are not provided but the period is one year";
    char *kept = slx_normalize(text, -1, SLX_NORM_KEEP_CJK_SPACES);
    assert_int_equal(slx_classify_text(kept, slx_catalog_lookup(g_ptr_array_index(p->catalogs, 0), "18"),
                                       &p->vocab, NULL), SLX_ANSWER_PARTIAL);
    g_free(kept);
    slx_patterns_free(p);
}

static void
test_names(void **state)
{
    (void)state;
    assert_string_equal(slx_answer_name(SLX_ANSWER_YES), "yes");
    assert_string_equal(slx_answer_name(SLX_ANSWER_PARTIAL), "partial");
    assert_string_equal(slx_answer_name(SLX_ANSWER_NO), "no");
    assert_string_equal(slx_answer_name(SLX_ANSWER_UNDISCLOSED), "undisclosed");
    assert_string_equal(slx_answer_name(SLX_ANSWER_NOT_APPLICABLE), "not_applicable");
    assert_string_equal(slx_answer_name(SLX_ANSWER_UNKNOWN), "unknown");
}

int
main(void)
{
    patterns = test_patterns();
    meti = g_ptr_array_index(patterns->catalogs, 0);
    extractor = test_extractor(patterns);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_marker_column),
        cmocka_unit_test(test_same_as_previous_cell),
        cmocka_unit_test(test_added_contrast),
        cmocka_unit_test(test_names),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
