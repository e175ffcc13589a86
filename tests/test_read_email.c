/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_email.c — e-mail → blocks: what looks like a message, the part
 * read (text/plain before text/html, never an attachment), quoted lines,
 * signatures and a reply's original left out, the Subject as the title
 * heading (encoded-words decoded one at a time), the charset reported. */
#include "error.h"
#include "read.h"
#include "read_email.h"
#include "testutil.h"

typedef struct {
    const char *name, *in;
    gboolean email;
} Sniff;

static const Sniff sniffs[] = {
    {"headers", "From: a@example.jp\r\nSubject: x\r\n\r\nbody\r\n", TRUE},
    {"folded header", "Received: from x\n\tby y\nFrom: a@b\n\nbody\n", TRUE},
    {"one known header", "Subject: x\n\nbody\n", FALSE},
    {"unknown headers", "X-Foo: 1\nX-Bar: 2\n\nbody\n", FALSE},
    {"a label line with a space", "Service name: X\nDate: 2026-08-20\n\nbody\n", FALSE},
    {"text", "クラウドサービスレベルのチェックリスト\nFrom: x\n", FALSE},
};

static void
test_sniff(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(sniffs); i++)
        if (slx_looks_like_email((const guint8 *)sniffs[i].in, strlen(sniffs[i].in)) != sniffs[i].email)
            fail_msg("%s: expected %s", sniffs[i].name, sniffs[i].email ? "e-mail" : "not e-mail");
}

/* The format the bytes say, for every reader (read.c). */
static void
test_sniff_format(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        SlxFormat format;
    } f[] = {
        {"%PDF-1.7\n", SLX_FORMAT_PDF},
        {"junk%PDF-1.4\n", SLX_FORMAT_PDF},
        {"From: a@b\nSubject: x\n\nbody", SLX_FORMAT_EMAIL},
        {"<!DOCTYPE html><p>x</p>", SLX_FORMAT_HTML},
        {"\xef\xbb\xbf  <html>", SLX_FORMAT_HTML},
        {"<table><tr><td>サービス時間</td></tr></table>", SLX_FORMAT_HTML},  /* a fragment */
        {"<!-- saved page --><div>x</div>", SLX_FORMAT_HTML},
        {"有 <b>日次</b>", SLX_FORMAT_TEXT},                                 /* a remnant */
        {"No.\t項目\n", SLX_FORMAT_TEXT},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(f); i++)
        if (slx_sniff_format((const guint8 *)f[i].in, strlen(f[i].in)) != f[i].format)
            fail_msg("%s: expected %s", f[i].in, slx_format_name(f[i].format));
}

/* The message M as blocks, one per line (document_text), and its charset. */
static char *
read_email(const char *m, const char **charset, GError **error)
{
    SlxDocument *d = slx_read_email((const guint8 *)m, strlen(m), charset, error);
    if (d == NULL)
        return NULL;
    char *s = document_text(d);
    slx_document_free(d);
    return s;
}

typedef struct {
    const char *name, *in, *out, *charset;
} Case;

static const Case cases[] = {
    {"text/plain before text/html",
     "From: a@b\nTo: c@d\nSubject: =?utf-8?b?5Zue562U?=\nMIME-Version: 1.0\n"
     "Content-Type: multipart/alternative; boundary=\"XX\"\n\n--XX\n"
     "Content-Type: text/html; charset=utf-8\n\n<p>html</p>\n--XX\n"
     "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
     "44K144O844OT44K55pmC6ZaT\n--XX--\n",
     "#0 回答\nサービス時間", "UTF-8"},
    {"text/html alone is read as HTML",
     "From: a@b\nTo: c@d\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n"
     "<h3>サービス時間</h3><p>24時間</p>\n",
     "#0 x\n#3 サービス時間\n24時間", "UTF-8"},
    {"quoted lines, the signature",
     "From: a@b\nTo: c@d\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\n"
     "【5】稼働率：99.9%\n> 【5】稼働率：99.99%以上\n  > nested\n-- \n山田\n【11】RTO：1時間\n",
     "#0 x\n【5】稼働率：99.9%", "UTF-8"},
    {"a reply's original",
     "From: a@b\nTo: c@d\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\n"
     "【5】稼働率：99.9%\n-----Original Message-----\nFrom: buyer\n【5】稼働率：99.99%\n",
     "#0 x\n【5】稼働率：99.9%", "UTF-8"},
    {"a forwarded message inside",
     "From: a@b\nTo: c@d\nSubject: Fw: x\nContent-Type: multipart/mixed; boundary=\"M\"\n\n--M\n"
     "Content-Type: message/rfc822\n\nFrom: vendor@v\nTo: a@b\nSubject: inner\n"
     "Content-Type: text/plain; charset=utf-8\n\n【1】サービス時間：24時間\n--M--\n",
     "#0 Fw: x\n【1】サービス時間：24時間", "UTF-8"},
    {"ISO-2022-JP body, quoted-printable",
     "From: a@b\nTo: c@d\nSubject: =?iso-2022-jp?b?UmU6IBskQjJzRXohSiVBJSclQyUvJWolOSVIIUsbKEI=?=\n"
     "Content-Type: text/plain; charset=ISO-2022-JP\n\n"
     "\x1b$B!Z\x1b(B1\x1b$B![%5!<%S%9;~4V!'\x1b(B24\x1b$B;~4V\x1b(B\n",
     "#0 Re: 回答（チェックリスト）\n【1】サービス時間：24時間", "ISO-2022-JP"},
    {"padded encoded-words side by side",
     "From: a@b\nTo: c@d\nSubject: =?utf-8?b?UmU6IOOCtQ==?=\n =?utf-8?b?44O844OT44K55pmC6ZaT?= ok\n"
     "Content-Type: text/plain\n\nbody\n",
     "#0 Re: サービス時間 ok\nbody", NULL},
};

static void
test_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *charset = NULL;
        GError *e = NULL;
        char *got = read_email(cases[i].in, &charset, &e);
        if (got == NULL)
            fail_msg("%s: %s", cases[i].name, e->message);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("%s:\n--- got\n%s\n--- expected\n%s", cases[i].name, got, cases[i].out);
        if (g_strcmp0(charset, cases[i].charset) != 0)
            fail_msg("%s: charset %s, expected %s", cases[i].name, charset, cases[i].charset);
        g_free(got);
    }
}

/* Nothing but an attachment: an error for this document. */
static void
test_attachment_only(void **state)
{
    (void)state;
    const char *m = "From: a@b\nTo: c@d\nSubject: x\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\n"
                    "Content-Type: text/plain; name=\"a.txt\"\nContent-Disposition: attachment; filename=\"a.txt\"\n\n"
                    "not the body\n--B--\n";
    const char *charset;
    GError *e = NULL;
    assert_null(read_email(m, &charset, &e));
    assert_true(g_error_matches(e, SLX_ERROR, SLX_ERROR_EMPTY));
    g_error_free(e);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_sniff_format),
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_attachment_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
