/* SPDX-License-Identifier: GPL-3.0-or-later */
/* inputs.h — the documents a command line names: files, directories walked,
 * standard input, lists of names, and one shard of them all.
 *
 * Files named on the command line (or in a --files-from list) are always
 * taken, and their format is sniffed from their content; within a
 * directory only files with a document extension are, the others are
 * counted as skipped. */
#ifndef SLX_INPUTS_H
#define SLX_INPUTS_H

#include <glib.h>

typedef struct {
    gboolean hidden;          /* --hidden: walk into hidden files and directories too */
    guint shard, shards;      /* --shard K/N: the K-th (1-based) of N; shards 0: all */
} SlxInputOptions;

typedef struct {
    GPtrArray *names;         /* char *: each document as the record will name it ("-": stdin) */
    guint skipped;            /* files in directories without a document extension */
    GPtrArray *notes;         /* char *: what the walk could not follow ("a symlink loop") */
} SlxInputs;

/* Collect the documents ARGS names (NULL-terminated; directories walked,
 * sorted by name, symlink loops not followed), then those listed in
 * FILES_FROM (a file of names, "-" for standard input; NULL for none),
 * one per line or, with NUL_SEPARATED, separated by NUL bytes as
 * `find -print0` writes them; and keep one shard of them if OPTS say so.
 * FALSE with ERROR if FILES_FROM cannot be read. */
gboolean slx_inputs_collect(char **args, const char *files_from, gboolean nul_separated,
                            const SlxInputOptions *opts, SlxInputs *out, GError **error);
void slx_inputs_clear(SlxInputs *in);

/* Is NAME's extension that of a document (.pdf .html .htm .txt .tsv .csv
 * .md .eml .xlsx .xlsm .ods .xls, any case)? */
gboolean slx_inputs_is_document_name(const char *name);

/* Which of N shards PATH belongs to (0-based): a hash of its bytes, the
 * same on every machine. */
guint slx_inputs_shard_of(const char *path, guint n);

/* Parse "K/N" (1 ≤ K ≤ N) into OPTS; FALSE if it is not that. */
gboolean slx_inputs_parse_shard(const char *text, SlxInputOptions *opts);

#endif
