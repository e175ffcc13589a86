/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_email_load.c — the e-mail reader, from the module
 * slaxtract-email.so (read_email.c, GMime), loaded for the first e-mail of
 * a run; and the sniff that tells an e-mail, which every document meets
 * and which needs no GMime. */
#include "read_email.h"
#include "error.h"
#include "document.h"
#include "module.h"
#include "read_html.h"
#include "read_text.h"

SLX_MODULE_CALLBACKS(read_email_load, slx_error_quark, slx_document_add_text, slx_read_html,
                     slx_read_text);

/* Headers that only an e-mail starts with; two of them in the first
 * header block make the bytes a message. */
static const char *const email_headers[] = {
    "from", "to", "cc", "subject", "date", "received", "return-path", "message-id",
    "mime-version", "content-type", "reply-to", "delivered-to", "x-mailer", NULL};

gboolean
slx_looks_like_email(const guint8 *b, gsize len)
{
    gsize end = MIN(len, 8192);
    guint known = 0;
    gsize i = 0;
    while (i < end) {
        gsize eol = i;
        while (eol < end && b[eol] != '\n')
            eol++;
        gsize n = eol > i && b[eol - 1] == '\r' ? eol - 1 - i : eol - i;
        if (n == 0)
            break;                                  /* the end of the header block */
        if (b[i] == ' ' || b[i] == '\t') {          /* a folded header goes on */
            i = eol + 1;
            continue;
        }
        gsize colon = 0;
        while (colon < n && b[i + colon] > ' ' && b[i + colon] < 127 && b[i + colon] != ':')
            colon++;
        if (colon == 0 || colon >= n || b[i + colon] != ':')
            return FALSE;                           /* not a header field */
        char *name = g_ascii_strdown((const char *)b + i, (gssize)colon);
        known += g_strv_contains(email_headers, name);
        g_free(name);
        i = eol + 1;
    }
    return known >= 2;
}

SlxDocument *
slx_read_email(const guint8 *bytes, gsize len, const char **charset, GError **error)
{
    *charset = NULL;
    const SlxReadEmailModule *m = slx_module_table("email", SLX_READ_EMAIL_MODULE,
                                                   "the e-mail reader", SLX_ERROR_READ, error);
    return m ? m->read(bytes, len, charset, error) : NULL;
}
