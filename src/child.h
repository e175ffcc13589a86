/* SPDX-License-Identifier: GPL-3.0-or-later */
/* child.h — what slaxtract's forked children share: the batch's workers
 * (batch.c) and the FreeXL reader's child (sheet/xls.c).  A
 * child is bounded in address space, writes its result to a pipe whole,
 * and ends without running the parent's exit handlers. */
#ifndef SLX_CHILD_H
#define SLX_CHILD_H

#include <glib.h>

/* Bound this process's address space to BYTES (0: no bound).  Not under
 * AddressSanitizer, which reserves terabytes of it: then nothing. */
void slx_child_limit_memory(guint64 bytes);

/* Read LEN bytes from FD into DATA whole, again after an interruption;
 * FALSE at its end or on an error. */
gboolean slx_read_all(int fd, void *data, gsize len);

/* Write the LEN bytes of DATA to FD, again after an interruption; FALSE if
 * they could not all be written. */
gboolean slx_write_all(int fd, const void *data, gsize len);

/* End a child with STATUS: coverage counters flushed (in a coverage build),
 * nothing of the parent's atexit handlers or stdio buffers run. */
void slx_child_exit(int status) G_GNUC_NORETURN;

#endif
