/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.h — where the results go: stdout, or a file written atomically
 * (a temporary file in the same directory, renamed at the end), so that an
 * interrupted run never leaves a half-written file behind: SIGINT, SIGTERM
 * and SIGHUP remove the temporary file too.  One file output at a time. */
#ifndef SLX_OUTPUT_H
#define SLX_OUTPUT_H

#include <glib.h>
#include <stdio.h>

typedef struct SlxOutput SlxOutput;

/* PATH NULL or "-" is stdout. */
SlxOutput *slx_output_open(const char *path, GError **error);
FILE *slx_output_stream(SlxOutput *o);
/* The temporary file's path, for writers that need a name (libxlsxwriter);
 * NULL for stdout. */
const char *slx_output_temp_path(SlxOutput *o);
/* Flush and move the file into place; frees O. */
gboolean slx_output_commit(SlxOutput *o, GError **error);
/* Remove the temporary file; frees O. */
void slx_output_abort(SlxOutput *o);

#endif
