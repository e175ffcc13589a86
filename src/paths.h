/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths.h — where slaxtract finds the files it installs beside itself:
 * the pattern directory and the modules, in the build tree or
 * installed. */
#ifndef SLX_PATHS_H
#define SLX_PATHS_H

#include <glib.h>

/* Whether this program runs from the build tree, uninstalled: then it
 * takes the source tree's patterns and the modules just built, so that
 * an edit shows at once and an old installed copy never shadows it. */
gboolean slx_path_uninstalled(void);

/* The module slaxtract-NAME.so (g_free): $SLAXTRACT_<NAME>_MODULE (NAME
 * upper-cased: SLAXTRACT_OCR_MODULE), else the build tree's when
 * uninstalled, else the installed one in $(pkglibdir). */
char *slx_path_module(const char *name);

#endif
