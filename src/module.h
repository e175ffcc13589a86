/* SPDX-License-Identifier: GPL-3.0-or-later */
/* module.h — the parts of slaxtract that bring big libraries of their own
 * (Poppler and qpdf, Tesseract, GMime, SQLite, libxlsxwriter), built as
 * modules slaxtract-NAME.so and loaded when a document or an option first
 * needs one: a run that needs none starts without them.
 *
 * A module exports one symbol, a table of its entry points; what it calls
 * back in the program is what src/modules.syms lists, the only symbols
 * the program exports (ld --dynamic-list). */
#ifndef SLX_MODULE_H
#define SLX_MODULE_H

#include <glib.h>

/* The table SYMBOL of module NAME (slx_path_module), loaded for the rest
 * of the process.  NULL with ERROR (SLX_ERROR domain, CODE) if it cannot
 * be: "WHAT cannot start: its module PATH: why". */
gconstpointer slx_module_table(const char *name, const char *symbol, const char *what, int code,
                               GError **error);

/* Names the functions a module calls back (its part of src/modules.syms)
 * in the file that loads it, so that every program that may load the
 * module links them in, whatever else it uses.  One per such file:
 * SLX_MODULE_CALLBACKS(cache_load, slx_record_pack, …). */
#define SLX_MODULE_CALLBACKS(prefix, ...) \
    __attribute__((used)) static const gconstpointer prefix##_callbacks[] = {__VA_ARGS__}

#endif
