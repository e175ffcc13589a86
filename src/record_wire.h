/* record_wire.h — a record as bytes, from a worker process to the batch. */
#ifndef SLX_RECORD_WIRE_H
#define SLX_RECORD_WIRE_H

#include "record.h"

/* Append R (without its checks) to OUT. */
void slx_record_pack(const SlxRecord *r, GByteArray *out);

/* The record packed in DATA by a fork of this process, for FILE (the
 * worker's file name must be it); NULL if the bytes are cut or are not a
 * record. */
SlxRecord *slx_record_unpack(const guint8 *data, gsize len, const char *file);

#endif
