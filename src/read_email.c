/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_email.c — a vendor's reply by e-mail → blocks.
 *
 * GMime parses the message (RFC 5322 headers, MIME parts, quoted-printable
 * and base64, encoded-word subjects, ISO-2022-JP and the other charsets
 * through iconv); writing that again here would be a second, worse MIME
 * parser.  This file picks the part a person reads (text/plain before
 * text/html, never an attachment), removes what e-mail conventions say is
 * not the sender's answer — quoted lines (`> …`), the signature after the
 * RFC 3676 delimiter `-- `, the original message below a mail client's
 * reply separator — and hands the rest to the text or HTML reader.  The
 * Subject comes first, as the document's title heading.
 *
 * Built as the module slaxtract-email.so (GMime brings GPGME and more):
 * read_email_load.c loads it for the first e-mail of a run. */
#include "read_email.h"
#include "error.h"
#include "read_html.h"
#include "read_text.h"

#include <gmime/gmime.h>
#include <gmodule.h>
#include <string.h>

/* Lines mail clients put above the message a reply quotes in full. */
static const char *const email_reply_separators[] = {
    "-----Original Message-----", "-----元のメッセージ-----", "----- Original Message -----",
    "-------- Forwarded Message --------", "-------- 転送メッセージ --------", NULL};

static gpointer
email_init(gpointer unused)
{
    (void)unused;
    g_mime_init();
    return NULL;
}

/* The first part of OBJECT, depth first, whose type is TYPE/SUBTYPE and
 * that is not an attachment; a message forwarded inside (message/rfc822)
 * is looked into too. */
static GMimeTextPart *
email_find_part(GMimeObject *object, const char *type, const char *subtype)
{
    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        GMimeObject *body = inner ? g_mime_message_get_mime_part(inner) : NULL;
        return body ? email_find_part(body, type, subtype) : NULL;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *mp = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(mp); i++) {
            GMimeTextPart *found = email_find_part(g_mime_multipart_get_part(mp, i), type, subtype);
            if (found)
                return found;
        }
        return NULL;
    }
    if (!GMIME_IS_TEXT_PART(object) || g_mime_part_is_attachment(GMIME_PART(object)))
        return NULL;
    GMimeContentType *ct = g_mime_object_get_content_type(object);
    return g_mime_content_type_is_type(ct, type, subtype) ? GMIME_TEXT_PART(object) : NULL;
}

/* TEXT without quoted lines, and cut at the signature or at the message a
 * reply quotes. */
static char *
email_own_text(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *line = *l;
        gsize n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (strcmp(line, "-- ") == 0 || strcmp(line, "--") == 0)
            break;
        char *trimmed = g_strstrip(g_strdup(line));
        gboolean separator = g_strv_contains(email_reply_separators, trimmed);
        gboolean quoted = trimmed[0] == '>';
        g_free(trimmed);
        if (separator)
            break;
        if (!quoted)
            g_string_append_printf(out, "%s\n", line);
    }
    g_strfreev(lines);
    return g_string_free(out, FALSE);
}

/* The Subject, decoded one encoded-word at a time.  GMime 3.2 joins the
 * base64 text of adjacent encoded-words of one charset before decoding
 * it, so the padding that ends the first (`…iA==?= =?utf-8?b?…`, what
 * Python's and many mailers' encoders write) ends the decoding too and the
 * rest of the subject is lost.  RFC 2047 §5 makes every encoded-word
 * self-contained, so each is decoded alone, and the white space between
 * two of them is dropped (§6.2).  Upstream: jstedfast/gmime#133, fixed
 * after 3.2.13, the version Debian 12 ships. */
static char *
email_subject(GMimeMessage *message)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    GMimeHeader *header = headers ? g_mime_header_list_get_header(headers, "Subject") : NULL;
    const char *raw = header ? g_mime_header_get_raw_value(header) : NULL;
    if (raw == NULL)
        return g_strdup(g_mime_message_get_subject(message));
    GString *out = g_string_new(NULL);
    char **words = g_strsplit_set(raw, " \t\r\n", -1);
    gboolean last_encoded = FALSE;
    for (char **w = words; *w; w++) {
        if (**w == '\0')
            continue;
        gboolean encoded = g_str_has_prefix(*w, "=?") && g_str_has_suffix(*w, "?=");
        if (out->len && !(encoded && last_encoded))
            g_string_append_c(out, ' ');
        char *text = g_mime_utils_header_decode_text(NULL, *w);
        g_string_append(out, text);
        g_free(text);
        last_encoded = encoded;
    }
    g_strfreev(words);
    return g_string_free(out, FALSE);
}

static SlxDocument *
email_read(const guint8 *bytes, gsize len, const char **charset, GError **error)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, email_init, NULL);
    *charset = NULL;

    GMimeStream *stream = g_mime_stream_mem_new_with_buffer((const char *)bytes, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    if (message == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_DECODE, "the e-mail message could not be parsed");
        return NULL;
    }
    GMimeObject *body = g_mime_message_get_mime_part(message);
    gboolean html = FALSE;
    GMimeTextPart *part = body ? email_find_part(body, "text", "plain") : NULL;
    if (part == NULL && body) {
        part = email_find_part(body, "text", "html");
        html = part != NULL;
    }
    char *text = part ? g_mime_text_part_get_text(part) : NULL;
    if (text == NULL || !g_utf8_validate(text, -1, NULL)) {
        g_free(text);
        g_object_unref(message);
        g_set_error(error, SLX_ERROR, SLX_ERROR_EMPTY,
                    "the e-mail has no readable text part (only attachments?)");
        return NULL;
    }
    const char *cs = g_mime_text_part_get_charset(part);
    if (cs) {
        char *up = g_ascii_strup(cs, -1);
        *charset = g_intern_string(up);
        g_free(up);
    }

    SlxDocument *doc;
    if (html) {
        guint errors;
        gboolean truncated;
        doc = slx_read_html(text, strlen(text), &errors, &truncated, error);
    } else {
        char *own = email_own_text(text);
        doc = slx_read_text(own, strlen(own));
        g_free(own);
    }
    g_free(text);
    if (doc == NULL) {             /* the HTML reader could not start */
        g_object_unref(message);
        return NULL;
    }

    char *subject = email_subject(message);
    if (subject && *subject) {
        SlxBlock *b = slx_document_add_text(doc, SLX_BLOCK_HEADING, subject, 0);
        b->level = 0;
        g_ptr_array_steal_index(doc->blocks, doc->blocks->len - 1);
        g_ptr_array_insert(doc->blocks, 0, b);
    } else {
        g_free(subject);
    }
    g_object_unref(message);
    return doc;
}

G_MODULE_EXPORT const SlxReadEmailModule slx_read_email_module = {email_read};
