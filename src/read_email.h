/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_email.h — a vendor's reply by e-mail (RFC 5322, MIME) → blocks. */
#ifndef SLX_READ_EMAIL_H
#define SLX_READ_EMAIL_H

#include "document.h"

/* Does BYTES start with an e-mail's header block (From:, Subject:,
 * Received: … before the first blank line)? */
gboolean slx_looks_like_email(const guint8 *bytes, gsize len);

/* Read the message in BYTES: its Subject as the document's title heading,
 * then its text/plain part (else its text/html part) as a text or HTML
 * reader reads it, without quoted lines (`> …`), the signature after
 * `-- ` or the original message of a reply.  *CHARSET receives the
 * charset the part declares, upper-cased (an interned string), or NULL.
 * On failure returns NULL with ERROR (SLX_ERROR domain). */
SlxDocument *slx_read_email(const guint8 *bytes, gsize len, const char **charset,
                            GError **error);

/* What the module slaxtract-email.so (read_email.c) exports, by the name
 * SLX_READ_EMAIL_MODULE; read_email_load.c loads it for slx_read_email. */
typedef struct {
    SlxDocument *(*read)(const guint8 *bytes, gsize len, const char **charset, GError **error);
} SlxReadEmailModule;
#define SLX_READ_EMAIL_MODULE "slx_read_email_module"

#endif
