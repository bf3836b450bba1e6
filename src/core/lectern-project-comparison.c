/* lectern-project-comparison.c — what comparison keeps in the project:
 * fingerprints of shared passages and hand-corrected alignments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-fingerprint.h"

/* ------------------------------------------------------------------ */
/* Fingerprints                                                        */

/* Rows written per transaction by lectern_project_update_fingerprints().
 * Sorted by hash, a transaction's rows are one pass over the hash index,
 * but on a large project even a small transaction dirties most of that
 * index's leaf pages (measured: 40K rows cost nearly as much as 280K), so
 * the fewer chunks the better. A chunk is written in transactions of
 * runs of hashes that hold the write lock FINGERPRINT_HOLD each (as one
 * transaction, 512K rows held it 1.6–4.3 s on the full benchmark corpus,
 * and other writers give up after 5 s). Memory: 32 bytes a row. */
#define FINGERPRINT_CHUNK_ROWS (512 * 1024)
/* Page cache while writing a chunk, KiB: the index pages a chunk touches
 * stay in memory until its commit instead of being spilled and read
 * back. */
#define FINGERPRINT_CACHE_KIB 65536
/* WAL pages between automatic checkpoints while writing fingerprints
 * (SQLite's default is 1,000): 32 MB. */
#define FINGERPRINT_CHECKPOINT_PAGES 8192

typedef struct
{
  gint64 hash;
  gint64 document_id;
  glong  start;
  glong  end;
} PrintRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PrintRow *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  return (x->start > y->start) - (x->start < y->start);
}

static void
append_prints (GArray     *rows,
               gint64      document_id,
               const char *text)
{
  g_autoptr(GArray) prints = lectern_fingerprint_compute (text);

  for (guint i = 0; i < prints->len; i++)
    {
      const LecternFingerprint *print = &g_array_index (prints, LecternFingerprint, i);
      /* SQLite integers are signed: the 64 bits are stored as they are. */
      PrintRow row = { (gint64) print->hash, document_id, print->start, print->end };

      g_array_append_val (rows, row);
    }
}

/* A chunk of fingerprints is written in several transactions, each a run
 * of hashes (lectern_project_update_fingerprints()); until its last one
 * commits, meta holds this key, "FIRST LAST PID": the chunk's documents
 * (ids FIRST to LAST) and the process writing it. Other connections leave
 * those documents alone while that process writes; once it is gone
 * (killed, cancelled), the next update deletes what it wrote of them and
 * writes them again, so no document keeps half its fingerprints. */
#define PENDING_KEY "fingerprints-writing"

/* How long one transaction of fingerprints inserts rows; its commit
 * writes the index pages they dirtied, 3–45 ms more on the full
 * benchmark under load, hence well under the 100 ms a hold may take. */
#define FINGERPRINT_HOLD (30 * G_TIME_SPAN_MILLISECOND)

/* Chunks this process is writing now, on any of its connections. */
static gint writers_here;

typedef struct
{
  gint64 first;
  gint64 last;
  gint64 pid;
} Pending;

/* Reads the pending chunk; FALSE with @error on failure, TRUE with
 * @pending->last 0 when there is none. */
static gboolean
read_pending (LecternProject  *self,
              Pending        *pending,
              GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "SELECT value FROM meta WHERE key = '" PENDING_KEY "'", error);
  int rc;

  *pending = (Pending) { 0, 0, 0 };
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *value = _lectern_column_string (stmt, 0);
      gint64 first, last, pid;

      /* A value this version did not write is taken as all documents. */
      if (sscanf (value, "%" SCNd64 " %" SCNd64 " %" SCNd64, &first, &last, &pid) == 3)
        *pending = (Pending) { first, last, pid };
      else
        *pending = (Pending) { 0, G_MAXINT64, 0 };
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

static gboolean
writer_alive (const Pending *pending)
{
  if (pending->pid == (gint64) getpid ())
    return g_atomic_int_get (&writers_here) > 0;
  return pending->pid > 0 && pending->pid <= G_MAXINT
         && (kill ((pid_t) pending->pid, 0) == 0 || errno == EPERM);
}

/* Deletes the fingerprints a writer that is gone left of its chunk, and
 * its note, in one transaction (derived data: no undo step). */
static gboolean
repair_pending (LecternProject  *self,
                GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  Pending pending;

  if (!_lectern_project_begin (self, error))
    return FALSE;
  /* Read again under the lock: another connection may have repaired it. */
  if (!read_pending (self, &pending, error))
    goto fail;
  if (pending.last != 0 && !writer_alive (&pending))
    {
      stmt = _lectern_project_prepare (self, "DELETE FROM fingerprints WHERE document_id BETWEEN ? AND ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, pending.first);
      sqlite3_bind_int64 (stmt, 2, pending.last);
      if (!_lectern_project_run (self, stmt, error)
          || !_lectern_project_exec (self, "DELETE FROM meta WHERE key = '" PENDING_KEY "'", error))
        goto fail;
    }
  return _lectern_project_commit (self, 0, 0, NULL, error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

/* The documents without a fingerprint: imported since the last update,
 * brought back by undo, or too short to have any (cheap to redo). With
 * @skipped, those of a chunk another writer is writing are left out
 * (*@skipped is set) and what a writer that is gone left is repaired;
 * without, the pending chunk is not looked at (a migration's
 * transaction, with no writer beside it). */
static GArray *
missing_documents (LecternProject  *self,
                   gint64          after,
                   gboolean       *skipped,
                   GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LecternStmt) stmt = NULL;
  Pending pending = { 0, 0, 0 };
  int rc;

  if (skipped != NULL)
    {
      *skipped = FALSE;
      if (!read_pending (self, &pending, error))
        return NULL;
      if (pending.last != 0 && !writer_alive (&pending))
        {
          if (!repair_pending (self, error) || !read_pending (self, &pending, error))
            return NULL;
        }
      *skipped = pending.last != 0;
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT id FROM documents d"
                                  " WHERE d.id > ?3"
                                  " AND NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.document_id = d.id)"
                                  " AND d.id NOT BETWEEN ?1 AND ?2"
                                  " ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pending.last != 0 ? pending.first : 1);
  sqlite3_bind_int64 (stmt, 2, pending.last);
  sqlite3_bind_int64 (stmt, 3, after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The documents of @rows that still have no fingerprints: those gone or
 * given theirs by another connection since @rows were computed are left
 * out. */
static GHashTable *
still_wanted (LecternProject  *self,
              GArray         *rows,
              GError        **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = g_array_index (rows, PrintRow, i).document_id;
      gint64 still_missing;

      if (g_hash_table_contains (checked, &id))
        continue;
      g_hash_table_add (checked, g_memdup2 (&id, sizeof id));
      if (!_lectern_project_query_int (self,
                                      "SELECT count(*) FROM documents d WHERE d.id = ?1"
                                      " AND NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.document_id = ?1)",
                                      id, 0, &still_missing, error))
        return NULL;
      if (still_missing)
        g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
    }
  return g_steal_pointer (&wanted);
}

/* Drops from @wanted the documents another connection deleted since it
 * was made, so that every row inserted has its document. */
static gboolean
drop_deleted (LecternProject  *self,
              GHashTable      *wanted,
              GError         **error)
{
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 exists;

      if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                      *(gint64 *) key, 0, &exists, error))
        return FALSE;
      if (!exists)
        g_array_append_val (gone, *(gint64 *) key);
    }
  for (guint i = 0; i < gone->len; i++)
    g_hash_table_remove (wanted, &g_array_index (gone, gint64, i));
  return TRUE;
}

/* Inserts the rows of @rows from *@next on that @wanted holds, until they
 * run out or the transaction has held the lock since @began for
 * FINGERPRINT_HOLD; *@next moves past what was written. Every document
 * in @wanted exists in this transaction (still_wanted(), drop_deleted()). */
static gboolean
insert_rows (LecternProject  *self,
             GArray         *rows,
             GHashTable     *wanted,
             guint          *next,
             gint64          began,
             GError        **error)
{
  /* One row a statement, without a check of its own: several rows in one
   * statement would need a statement journal (a later row failing must
   * undo the earlier ones), which cost more than it saved. */
  g_autoptr(LecternStmt) insert =
    _lectern_project_prepare (self,
                             "INSERT INTO fingerprints (document_id, hash, start_offset, end_offset)"
                             " VALUES (?, ?, ?, ?)",
                             error);

  if (insert == NULL)
    return FALSE;

  for (; *next < rows->len; (*next)++)
    {
      const PrintRow *row = &g_array_index (rows, PrintRow, *next);

      if (*next % 1024 == 0 && g_get_monotonic_time () - began >= FINGERPRINT_HOLD)
        break;
      if (!g_hash_table_contains (wanted, &row->document_id))
        continue;
      sqlite3_bind_int64 (insert, 1, row->document_id);
      sqlite3_bind_int64 (insert, 2, row->hash);
      sqlite3_bind_int64 (insert, 3, row->start);
      sqlite3_bind_int64 (insert, 4, row->end);
      if (!_lectern_project_run (self, insert, error))
        return FALSE;
      sqlite3_reset (insert);
    }

  return TRUE;
}

/* Appends to @rows the fingerprints of @ids from *@next on, until @rows
 * holds @max_rows or @ids run out; *@next moves past what was read. */
static gboolean
collect_prints (LecternProject  *self,
                GArray         *ids,
                guint          *next,
                guint           max_rows,
                GArray         *rows,
                GCancellable   *cancellable,
                GError        **error)
{
  while (*next < ids->len && rows->len < max_rows)
    {
      gint64 id = g_array_index (ids, gint64, (*next)++);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      text = lectern_project_dup_text (self, id, &local_error);
      if (text == NULL)
        {
          /* Deleted meanwhile by another connection: nothing to do. */
          if (g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      append_prints (rows, id, text);
    }
  return TRUE;
}

gboolean
_lectern_project_fingerprint_missing (LecternProject  *self,
                                     GError        **error)
{
  g_autoptr(GArray) ids = missing_documents (self, 0, NULL, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (PrintRow));
  g_autoptr(GHashTable) wanted = NULL;
  guint next = 0;

  if (ids == NULL || !collect_prints (self, ids, &next, G_MAXUINT, rows, NULL, error))
    return FALSE;
  if (rows->len == 0)
    return TRUE;
  g_array_sort (rows, compare_rows);
  next = 0;
  /* Inside the caller's transaction: no time limit. */
  return (wanted = still_wanted (self, rows, error)) != NULL
         && insert_rows (self, rows, wanted, &next, G_MAXINT64 - FINGERPRINT_HOLD, error);
}

/* Writes one chunk of rows, sorted by hash, in as many transactions as it
 * takes to hold the lock at most FINGERPRINT_HOLD each: each is a run of
 * the hash index, so together they write its pages about once, as one
 * transaction would (the cost of a transaction is the index pages it
 * dirties, not its rows). Until the last one commits, meta notes the
 * chunk (PENDING_KEY). Cancelled between two, it stops; the next update
 * finishes the work. Derived data: no undo step, no "changed" signal. */
static gboolean
write_chunk (LecternProject  *self,
             GArray         *rows,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autofree char *note = NULL;
  gint64 first = G_MAXINT64, last = 0;
  gint64 version = 0, now;
  gboolean noted = FALSE;
  guint next = 0;

  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      first = MIN (first, g_array_index (rows, PrintRow, i).document_id);
      last = MAX (last, g_array_index (rows, PrintRow, i).document_id);
    }
  note = g_strdup_printf ("%" PRId64 " %" PRId64 " %" PRId64, first, last, (gint64) getpid ());

  while (next < rows->len)
    {
      gint64 began;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!_lectern_project_begin (self, error))
        return FALSE;
      began = g_get_monotonic_time ();
      /* The documents to write, checked again in a later transaction only
       * if another connection has committed since (data_version moved). */
      if (!_lectern_project_query_int (self, "PRAGMA data_version", 0, 0, &now, error))
        goto fail;
      if (wanted == NULL)
        {
          if ((wanted = still_wanted (self, rows, error)) == NULL)
            goto fail;
        }
      else if (now != version && !drop_deleted (self, wanted, error))
        goto fail;
      version = now;
      if (!insert_rows (self, rows, wanted, &next, began, error))
        goto fail;

      if (next < rows->len && !noted)
        {
          g_autoptr(LecternStmt) stmt =
            _lectern_project_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('" PENDING_KEY "', ?)",
                                     error);

          if (stmt == NULL)
            goto fail;
          _lectern_bind_text (stmt, 1, note);
          if (!_lectern_project_run (self, stmt, error))
            goto fail;
          noted = TRUE;
        }
      else if (next == rows->len && noted
               && !_lectern_project_exec (self, "DELETE FROM meta WHERE key = '" PENDING_KEY "'", error))
        goto fail;

      if (!_lectern_project_commit (self, 0, 0, NULL, error))
        return FALSE;
    }

  return TRUE;

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

/* Writes the fingerprints of @ids, FINGERPRINT_CHUNK_ROWS per chunk. */
static gboolean
write_missing (LecternProject  *self,
               GArray         *ids,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autofree char *cache = NULL;
  gint64 old_cache = 0;
  gint64 old_checkpoint = 0;
  gboolean ok = TRUE;
  guint next = 0;

  if (!_lectern_project_query_int (self, "PRAGMA cache_size", 0, 0, &old_cache, error)
      || !_lectern_project_query_int (self, "PRAGMA wal_autocheckpoint", 0, 0, &old_checkpoint, error))
    return FALSE;
  cache = g_strdup_printf ("PRAGMA cache_size = %d", -FINGERPRINT_CACHE_KIB);
  if (old_cache > -FINGERPRINT_CACHE_KIB && !_lectern_project_exec (self, cache, error))
    return FALSE;
  /* Checkpoints every FINGERPRINT_CHECKPOINT_PAGES, not every 1,000: each
   * 30 ms transaction rewrites many of the pages the last one did, and a
   * checkpoint copies each page once however often the WAL holds it
   * (10,000 short texts: 13% fewer page writes, 24% fewer syncs). */
  if (old_checkpoint > 0 && old_checkpoint < FINGERPRINT_CHECKPOINT_PAGES)
    sqlite3_exec (self->db, "PRAGMA wal_autocheckpoint = " G_STRINGIFY (FINGERPRINT_CHECKPOINT_PAGES), NULL, NULL, NULL);

  g_atomic_int_inc (&writers_here);
  while (ok && next < ids->len)
    {
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (PrintRow));

      /* The texts are read and hashed before the write lock is taken. */
      ok = collect_prints (self, ids, &next, FINGERPRINT_CHUNK_ROWS, rows, cancellable, error)
           && (rows->len == 0 || write_chunk (self, rows, cancellable, error));
    }
  g_atomic_int_dec_and_test (&writers_here);

  if (old_cache > -FINGERPRINT_CACHE_KIB)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, old_cache);

      sqlite3_exec (self->db, restore, NULL, NULL, NULL);
    }
  if (old_checkpoint > 0 && old_checkpoint < FINGERPRINT_CHECKPOINT_PAGES)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA wal_autocheckpoint = %" G_GINT64_FORMAT, old_checkpoint);

      sqlite3_exec (self->db, restore, NULL, NULL, NULL);
    }

  return ok;
}

gboolean
lectern_project_update_fingerprints (LecternProject  *self,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean skipped = FALSE;
  gint64 version = 0;
  gint64 after = 0;
  gint64 through = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Looking for missing fingerprints scans every document: skipped when
   * nothing was added since the last look. Other connections' commits
   * change data_version, this one's do not: adding a document here clears
   * fingerprints_complete. */
  if (!_lectern_project_query_int (self, "PRAGMA data_version", 0, 0, &version, error))
    return FALSE;
  if (self->fingerprints_complete && version == self->fingerprints_version)
    return TRUE;

  /* With no other connection's commit since, only the documents above
   * fingerprints_through can lack them: a scan of those alone (at
   * 100,000 documents, the scan of every one took 0.3 s). */
  if (version == self->fingerprints_version)
    after = self->fingerprints_through;
  if (!_lectern_project_query_int (self, "SELECT ifnull (max (id), 0) FROM documents", 0, 0, &through, error))
    return FALSE;

  /* Noted before the scan: a document added meanwhile by another
   * connection changes the version, so the next call looks again. */
  self->fingerprints_complete = TRUE;
  self->fingerprints_version = version;
  self->fingerprints_through = 0;

  if ((ids = missing_documents (self, after, &skipped, error)) == NULL
      || !write_missing (self, ids, cancellable, error))
    {
      self->fingerprints_complete = FALSE;
      return FALSE;
    }
  /* Another writer's chunk: looked at again next time. */
  if (skipped)
    self->fingerprints_complete = FALSE;
  /* Fingerprints written inside a batch may yet be rolled back with it. */
  else if (!self->in_batch)
    self->fingerprints_through = through;

  return TRUE;
}

GArray *
lectern_project_lookup_fingerprints (LecternProject  *self,
                                    const guint64  *hashes,
                                    guint           n_hashes,
                                    gint64          exclude_document_id,
                                    GError        **error)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (hashes != NULL || n_hashes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Documents imported since the last update (or whose import was cut
   * off before its fingerprints) must be found too: a lookup never
   * answers from an incomplete index. */
  if (!lectern_project_update_fingerprints (self, NULL, error))
    return NULL;

  hits = g_array_new (FALSE, FALSE, sizeof (LecternFingerprintHit));

  for (guint i = 0; i < n_hashes; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "SELECT document_id, start_offset, end_offset FROM fingerprints"
                                 " WHERE hash = ? AND document_id <> ? ORDER BY document_id, start_offset",
                                 error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, (gint64) hashes[i]);
      sqlite3_bind_int64 (stmt, 2, exclude_document_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LecternFingerprintHit hit = {
            .document_id = sqlite3_column_int64 (stmt, 0),
            .hash = hashes[i],
            .start = sqlite3_column_int64 (stmt, 1),
            .end = sqlite3_column_int64 (stmt, 2),
          };
          g_array_append_val (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _lectern_project_fail (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&hits);
}

static gboolean
require_document (LecternProject  *self,
                  gint64          document_id,
                  GError        **error)
{
  gint64 exists;

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                  document_id, 0, &exists, error))
    return FALSE;
  if (!exists)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return FALSE;
    }
  return TRUE;
}

/* Corrections are stored once per pair of documents, lower id first, so
 * that they hold whichever side each document is shown on. */
static void
swap_sides (LecternSpanPair *pairs,
            guint            n_pairs)
{
  for (guint i = 0; i < n_pairs; i++)
    {
      LecternSpanPair swapped = {
        pairs[i].b_start, pairs[i].b_end,
        pairs[i].a_start, pairs[i].a_end,
      };

      pairs[i] = swapped;
    }
}

GArray *
lectern_project_dup_alignment (LecternProject  *self,
                              gint64          document_a,
                              gint64          document_b,
                              GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GArray) pairs = NULL;
  gboolean swapped = document_a > document_b;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_document (self, document_a, error) || !require_document (self, document_b, error))
    return NULL;
  if (swapped)
    {
      gint64 first = document_b;

      document_b = document_a;
      document_a = first;
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT a_start, a_end, b_start, b_end FROM alignments"
                                  " WHERE document_a = ? AND document_b = ? ORDER BY position",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_a);
  sqlite3_bind_int64 (stmt, 2, document_b);

  pairs = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSpanPair pair = {
        .a_start = sqlite3_column_int64 (stmt, 0),
        .a_end = sqlite3_column_int64 (stmt, 1),
        .b_start = sqlite3_column_int64 (stmt, 2),
        .b_end = sqlite3_column_int64 (stmt, 3),
      };
      g_array_append_val (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  if (swapped)
    swap_sides ((LecternSpanPair *) (gpointer) pairs->data, pairs->len);

  return g_steal_pointer (&pairs);
}

static gboolean
valid_span (glong start,
            glong end,
            glong length)
{
  if (start == -1 && end == -1)
    return TRUE;
  return start >= 0 && start <= end && end <= length;
}

/* Writes @pairs as the corrections of @document_a (the lower id) with
 * @document_b, in the open transaction. */
static gboolean
write_alignment (LecternProject          *self,
                 gint64                  document_a,
                 gint64                  document_b,
                 const LecternSpanPair  *pairs,
                 guint                   n_pairs,
                 GError                **error)
{
  gint64 length_a, length_b;

  g_assert (document_a <= document_b);

  /* Spans are checked against the texts themselves (SQLite's length()
   * counts code points), never against a stored length that may lie. */
  if (!require_document (self, document_a, error)
      || !require_document (self, document_b, error)
      || !_lectern_project_query_int (self, "SELECT length(text) FROM documents WHERE id = ?",
                                     document_a, 0, &length_a, error)
      || !_lectern_project_query_int (self, "SELECT length(text) FROM documents WHERE id = ?",
                                     document_b, 0, &length_b, error))
    return FALSE;

  for (guint i = 0; i < n_pairs; i++)
    {
      if (!valid_span (pairs[i].a_start, pairs[i].a_end, length_a)
          || !valid_span (pairs[i].b_start, pairs[i].b_end, length_b))
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                       _("Alignment pair %u lies outside its documents; nothing was saved"), i + 1);
          return FALSE;
        }
    }

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "DELETE FROM alignments WHERE document_a = ? AND document_b = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, document_a);
    sqlite3_bind_int64 (stmt, 2, document_b);
    if (!_lectern_project_run (self, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "INSERT INTO alignments (document_a, document_b, position,"
                                 " a_start, a_end, b_start, b_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_a);
      sqlite3_bind_int64 (stmt, 2, document_b);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int64 (stmt, 4, pairs[i].a_start);
      sqlite3_bind_int64 (stmt, 5, pairs[i].a_end);
      sqlite3_bind_int64 (stmt, 6, pairs[i].b_start);
      sqlite3_bind_int64 (stmt, 7, pairs[i].b_end);
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lectern_project_set_alignment (LecternProject          *self,
                              gint64                  document_a,
                              gint64                  document_b,
                              const LecternSpanPair  *pairs,
                              guint                   n_pairs,
                              GError                **error)
{
  g_autofree LecternSpanPair *swapped = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (document_a > document_b)
    {
      gint64 first = document_b;

      document_b = document_a;
      document_a = first;
      swapped = g_memdup2 (pairs, sizeof *pairs * n_pairs);
      swap_sides (swapped, n_pairs);
      pairs = swapped;
    }

  if (!_lectern_project_begin (self, error))
    return FALSE;
  if (!write_alignment (self, document_a, document_b, pairs, n_pairs, error))
    {
      _lectern_project_rollback (self);
      return FALSE;
    }
  return _lectern_project_commit (self, LECTERN_CHANGE_ALIGNMENTS, 0, _("Correct alignment"), error);
}

static gboolean
spans_overlap (glong start,
               glong end,
               glong other_start,
               glong other_end)
{
  return start >= 0 && other_start >= 0 && start < other_end && other_start < end;
}

gboolean
lectern_project_correct_alignment (LecternProject          *self,
                                  gint64                  document_a,
                                  gint64                  document_b,
                                  const LecternSpanPair  *pairs,
                                  guint                   n_pairs,
                                  GError                **error)
{
  g_autoptr(GArray) saved = NULL;
  g_autoptr(GArray) kept = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read and written in one transaction: what replaces the saved pairs
   * is computed from what is saved when the write lock is held. */
  if (!_lectern_project_begin (self, error))
    return FALSE;
  saved = lectern_project_dup_alignment (self, document_a, document_b, error);
  if (saved == NULL)
    goto fail;

  kept = g_array_sized_new (FALSE, FALSE, sizeof (LecternSpanPair), saved->len + n_pairs);
  for (guint i = 0; i < saved->len; i++)
    {
      const LecternSpanPair *old = &g_array_index (saved, LecternSpanPair, i);
      gboolean overlaps = FALSE;

      for (guint k = 0; k < n_pairs && !overlaps; k++)
        overlaps = spans_overlap (old->a_start, old->a_end, pairs[k].a_start, pairs[k].a_end)
                   || spans_overlap (old->b_start, old->b_end, pairs[k].b_start, pairs[k].b_end);
      if (!overlaps)
        g_array_append_val (kept, *old);
    }
  g_array_append_vals (kept, pairs, n_pairs);

  if (document_a > document_b)
    {
      gint64 first = document_b;

      document_b = document_a;
      document_a = first;
      swap_sides ((LecternSpanPair *) (gpointer) kept->data, kept->len);
    }
  if (!write_alignment (self, document_a, document_b,
                        (const LecternSpanPair *) (gpointer) kept->data, kept->len, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ALIGNMENTS, 0, _("Correct alignment"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}
