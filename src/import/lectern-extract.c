/* lectern-extract.c — one source document's text, structure and metadata,
 * built by a format reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-extract.h"

typedef struct
{
  guint                 start;
  LecternStructureKind  kind;
  char                 *value;
  gboolean              open;
} OpenBlock;

struct _LecternExtract
{
  GObject     parent_instance;

  char       *format;
  GString    *text;
  guint       length;            /* code points in text */
  gboolean    pending_space;     /* an inline space not yet written */
  gboolean    after_close;       /* nothing appended since a block closed */
  int         last_closed;       /* the kind of that block, or -1 */

  GArray     *blocks;            /* OpenBlock, by handle */
  GArray     *structure;         /* LecternSpan */
  GArray     *notes;             /* LecternExtractNote */

  char       *title;
  char       *author;
  char       *date;
  char       *language;
  GHashTable *variables;
  GBytes     *original;
  GPtrArray  *warnings;
  char       *encoding;
  gboolean    verbatim;          /* lectern_extract_set_text(): never trimmed */
};

G_DEFINE_FINAL_TYPE (LecternExtract, lectern_extract, G_TYPE_OBJECT)

static void
open_block_clear (gpointer data)
{
  OpenBlock *block = data;

  g_clear_pointer (&block->value, g_free);
}

static void
note_clear (gpointer data)
{
  LecternExtractNote *note = data;

  g_clear_pointer (&note->author, g_free);
  g_clear_pointer (&note->date, g_free);
  g_clear_pointer (&note->text, g_free);
}

static void
lectern_extract_finalize (GObject *object)
{
  LecternExtract *self = LECTERN_EXTRACT (object);

  g_clear_pointer (&self->format, g_free);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->structure, g_array_unref);
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->variables, g_hash_table_unref);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->encoding, g_free);

  G_OBJECT_CLASS (lectern_extract_parent_class)->finalize (object);
}

static void
lectern_extract_class_init (LecternExtractClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_extract_finalize;
}

static void
lectern_extract_init (LecternExtract *self)
{
  self->text = g_string_new (NULL);
  self->last_closed = -1;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (OpenBlock));
  g_array_set_clear_func (self->blocks, open_block_clear);
  self->structure = lectern_structure_new ();
  self->notes = g_array_new (FALSE, TRUE, sizeof (LecternExtractNote));
  g_array_set_clear_func (self->notes, note_clear);
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

LecternExtract *
lectern_extract_new (const char *format)
{
  LecternExtract *self;

  g_return_val_if_fail (format != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_EXTRACT, NULL);
  self->format = g_strdup (format);
  return self;
}

const char *
lectern_extract_get_format (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);

  return self->format;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static gboolean
is_dropped_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xfeff;
}

/* Valid UTF-8 of any shape to stored-text pieces: invalid bytes as
 * U+FFFD, CR and CRLF as LF, controls dropped. */
static GString *
clean (const char *text,
       gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gunichar c;

      /* A NUL is a control, dropped (GLib reports it as invalid). */
      if (*p == '\0')
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          p++;
          if (p < end && *p == '\n')
            p++;
          continue;
        }
      if (!is_dropped_control (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return out;
}

/* Appends clean text in NFC. A piece that opens with a combining mark is
 * composed with the character before it, so the whole text stays NFC. */
static void
append_clean (LecternExtract *self,
              const char     *piece,
              gsize           length)
{
  g_autofree char *joined = NULL;
  g_autofree char *nfc = NULL;
  gsize tail = self->text->len;

  if (length == 0)
    return;

  if (self->text->len > 0 && g_unichar_combining_class (g_utf8_get_char (piece)) != 0)
    {
      /* Back to the last starter. */
      const char *start = self->text->str;
      const char *q = self->text->str + self->text->len;

      while (q > start)
        {
          q = g_utf8_prev_char (q);
          if (g_unichar_combining_class (g_utf8_get_char (q)) == 0)
            break;
        }
      tail = q - start;
      joined = g_strdup_printf ("%s%.*s", self->text->str + tail, (int) length, piece);
      self->length -= g_utf8_strlen (self->text->str + tail, -1);
      g_string_truncate (self->text, tail);
      nfc = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);
    }
  else
    nfc = g_utf8_normalize (piece, length, G_NORMALIZE_NFC);

  g_string_append (self->text, nfc);
  self->length += g_utf8_strlen (nfc, -1);
  self->after_close = FALSE;
}

static void
flush_space (LecternExtract *self)
{
  if (!self->pending_space)
    return;
  self->pending_space = FALSE;
  if (self->text->len > 0 && self->text->str[self->text->len - 1] != '\n')
    append_clean (self, " ", 1);
}

void
lectern_extract_append (LecternExtract *self,
                        const char     *text,
                        gssize          length)
{
  g_autoptr(GString) cleaned = NULL;

  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return;
  flush_space (self);
  cleaned = clean (text, length);
  append_clean (self, cleaned->str, cleaned->len);
}

static gboolean
is_collapsible (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void
lectern_extract_append_inline (LecternExtract *self,
                               const char     *text,
                               gssize          length)
{
  g_autoptr(GString) cleaned = NULL;
  const char *p;
  const char *end;

  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  cleaned = clean (text, length);
  p = cleaned->str;
  end = cleaned->str + cleaned->len;

  while (p < end)
    {
      const char *run = p;

      while (p < end && !is_collapsible (*p))
        p = g_utf8_next_char (p);
      if (p > run)
        {
          flush_space (self);
          append_clean (self, run, p - run);
        }
      if (p < end)
        {
          /* Only a space between words: none at a line's start. */
          if (self->text->len > 0 && self->text->str[self->text->len - 1] != '\n')
            self->pending_space = TRUE;
          while (p < end && is_collapsible (*p))
            p++;
        }
    }
}

void
lectern_extract_line_break (LecternExtract *self)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));

  self->pending_space = FALSE;
  append_clean (self, "\n", 1);
}

guint
lectern_extract_get_length (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), 0);

  return self->length;
}

static gboolean
is_trailing_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n';
}

/* Drops white space at the end of the text, not before @floor. */
static void
trim_end (LecternExtract *self,
          guint           floor)
{
  while (self->length > floor && self->text->len > 0
         && is_trailing_space (self->text->str[self->text->len - 1]))
    {
      g_string_truncate (self->text, self->text->len - 1);
      self->length--;
    }
}

/* The text's end settled: no white space after the last word, no span
 * past the end. */
static void
settle (LecternExtract *self)
{
  guint floor = 0;

  self->pending_space = FALSE;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      OpenBlock *block = &g_array_index (self->blocks, OpenBlock, i);

      if (block->open)
        floor = MAX (floor, block->start);
    }
  if (!self->verbatim)
    trim_end (self, floor);
  for (guint i = 0; i < self->structure->len; i++)
    {
      LecternSpan *span = &g_array_index (self->structure, LecternSpan, i);

      span->end = MIN (span->end, self->length);
      span->start = MIN (span->start, span->end);
    }
}

const char *
lectern_extract_get_text (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);

  settle (self);
  return self->text->str;
}

gboolean
lectern_extract_has_text (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), FALSE);

  for (const char *p = self->text->str; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Structure                                                           */

static guint
trailing_newlines (LecternExtract *self)
{
  guint n = 0;

  for (gsize i = self->text->len; i > 0 && self->text->str[i - 1] == '\n'; i--)
    n++;
  return n;
}

static gboolean
is_listing (LecternStructureKind kind)
{
  return kind == LECTERN_STRUCTURE_KIND_LIST_ITEM || kind == LECTERN_STRUCTURE_KIND_TABLE_ROW
         || kind == LECTERN_STRUCTURE_KIND_HEADER;
}

guint
lectern_extract_open_block (LecternExtract       *self,
                            LecternStructureKind  kind,
                            const char           *value)
{
  OpenBlock block = { 0, kind, g_strdup (value), TRUE };
  guint floor = 0;

  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), 0);

  self->pending_space = FALSE;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      OpenBlock *outer = &g_array_index (self->blocks, OpenBlock, i);

      if (outer->open)
        floor = MAX (floor, outer->start);
    }
  trim_end (self, floor);

  if (self->length > floor || (self->length > 0 && floor == 0))
    {
      guint wanted = (self->after_close && is_listing (kind) && self->last_closed == (int) kind) ? 1 : 2;
      guint have = trailing_newlines (self);

      /* A block inside another that has no text yet shares its line. */
      if (self->length > floor)
        while (have++ < wanted)
          append_clean (self, "\n", 1);
    }

  block.start = self->length;
  g_array_append_val (self->blocks, block);
  return self->blocks->len - 1;
}

void
lectern_extract_close_block (LecternExtract *self,
                             guint           handle)
{
  OpenBlock *block;

  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (handle < self->blocks->len);

  block = &g_array_index (self->blocks, OpenBlock, handle);
  g_return_if_fail (block->open);

  self->pending_space = FALSE;
  trim_end (self, block->start);
  if (self->length > block->start)
    lectern_structure_add (self->structure, block->start, self->length, block->kind, block->value);
  block->open = FALSE;
  self->last_closed = block->kind;
  self->after_close = TRUE;

  /* Handles of closed blocks at the end are reused. */
  while (self->blocks->len > 0
         && !g_array_index (self->blocks, OpenBlock, self->blocks->len - 1).open)
    g_array_set_size (self->blocks, self->blocks->len - 1);
}

void
lectern_extract_add_span (LecternExtract       *self,
                          guint                 start,
                          guint                 end,
                          LecternStructureKind  kind,
                          const char           *value)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (start <= end);

  if (start < end)
    lectern_structure_add (self->structure, start, end, kind, value);
}

GArray *
lectern_extract_get_structure (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);

  settle (self);
  lectern_structure_sort (self->structure);
  return self->structure;
}

/* ------------------------------------------------------------------ */
/* Metadata, notes, original, warnings                                 */

static void
set_string (char       **field,
            const char  *value)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_free (*field);
  *field = (stripped != NULL && *stripped != '\0') ? g_steal_pointer (&stripped) : NULL;
}

void
lectern_extract_set_title (LecternExtract *self,
                           const char     *title)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  set_string (&self->title, title);
}

const char *
lectern_extract_get_title (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->title;
}

void
lectern_extract_set_author (LecternExtract *self,
                            const char     *author)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  set_string (&self->author, author);
}

const char *
lectern_extract_get_author (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->author;
}

void
lectern_extract_set_date (LecternExtract *self,
                          const char     *date)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  set_string (&self->date, date);
}

const char *
lectern_extract_get_date (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->date;
}

void
lectern_extract_set_language (LecternExtract *self,
                              const char     *language)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  set_string (&self->language, language);
}

const char *
lectern_extract_get_language (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->language;
}

void
lectern_extract_set_variable (LecternExtract *self,
                              const char     *key,
                              const char     *value)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL || *value == '\0')
    g_hash_table_remove (self->variables, key);
  else
    g_hash_table_replace (self->variables, g_strdup (key), g_strdup (value));
}

GHashTable *
lectern_extract_get_variables (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->variables;
}

void
lectern_extract_add_note (LecternExtract *self,
                          guint           start,
                          guint           end,
                          const char     *author,
                          const char     *date,
                          const char     *text)
{
  LecternExtractNote note = { start, end, g_strdup (author), g_strdup (date), g_strdup (text) };

  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (start <= end);
  g_return_if_fail (text != NULL);

  g_array_append_val (self->notes, note);
}

GArray *
lectern_extract_get_notes (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->notes;
}

void
lectern_extract_set_original (LecternExtract *self,
                              GBytes         *original)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));

  g_clear_pointer (&self->original, g_bytes_unref);
  self->original = original != NULL ? g_bytes_ref (original) : NULL;
}

GBytes *
lectern_extract_get_original (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->original;
}

void
lectern_extract_add_warning (LecternExtract *self,
                             const char     *message)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (message != NULL);

  g_ptr_array_add (self->warnings, g_strdup (message));
}

GPtrArray *
lectern_extract_get_warnings (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);
  return self->warnings;
}

void
lectern_extract_set_text (LecternExtract *self,
                          const char     *text)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));
  g_return_if_fail (text != NULL);

  g_string_assign (self->text, text);
  self->length = g_utf8_strlen (text, -1);
  self->pending_space = FALSE;
  self->after_close = FALSE;
  self->last_closed = -1;
  g_array_set_size (self->blocks, 0);
  g_array_set_size (self->structure, 0);
  self->verbatim = TRUE;
}

void
lectern_extract_set_encoding (LecternExtract *self,
                              const char     *encoding)
{
  g_return_if_fail (LECTERN_IS_EXTRACT (self));

  set_string (&self->encoding, encoding);
}

const char *
lectern_extract_get_encoding (LecternExtract *self)
{
  g_return_val_if_fail (LECTERN_IS_EXTRACT (self), NULL);

  return self->encoding;
}
