/* lectern-office-xml-private.h — what the DOCX and ODT readers share: their XML
 * parts read safely, the side texts they gather while reading (footnotes,
 * comments), and the notes those comments become. Private to src/import.
 *
 * Parts are read with xmlTextReader (streaming, so nothing the size of
 * the document is recursed over), without the network, without loading a
 * DTD and without expanding entities (an entity reference is skipped, not
 * replaced), and with libxml2's default bounds on depth and node size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_COMPILATION)
# error "lectern-office-xml-private.h is private to src/import."
#endif

#include <gio/gio.h>
#include <libxml/xmlreader.h>

#include "lectern-extract.h"

G_BEGIN_DECLS

/* Deeper than any real document: refused as damaged. */
#define LECTERN_OFFICE_XML_MAX_DEPTH 200

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

/* A reader over one part (@part: its path in the archive, for messages). */
xmlTextReaderPtr lectern_office_xml_reader_new   (GBytes            *part,
                                                  const char        *part_name);
/* One step: the next node, or past the current node's subtree when
 * @skip_subtree. FALSE at the end, or with @error set when the part is
 * not well-formed or nested past LECTERN_OFFICE_XML_MAX_DEPTH. */
gboolean         lectern_office_xml_next         (xmlTextReaderPtr   reader,
                                                  gboolean           skip_subtree,
                                                  const char        *display_name,
                                                  const char        *part_name,
                                                  GError           **error);
/* TRUE when the current node is an element (start or end) named @local
 * in one of the namespaces @ns (NULL-terminated). */
gboolean         lectern_office_xml_is           (xmlTextReaderPtr   reader,
                                                  const char *const *ns,
                                                  const char        *local);
/* An attribute of the current element, in namespace @ns (NULL: none), or
 * NULL. */
char            *lectern_office_xml_attribute    (xmlTextReaderPtr   reader,
                                                  const char        *ns,
                                                  const char        *local);
/* The text of the current element, bounded; NULL when empty. */
char            *lectern_office_xml_element_text (xmlTextReaderPtr   reader);

/* A side text: paragraphs gathered apart from the document's flow (a
 * footnote's body, a comment's text). White space is collapsed when it is
 * written out. */
typedef struct _LecternOfficeStory LecternOfficeStory;

LecternOfficeStory *lectern_office_story_new        (void);
void                lectern_office_story_free       (LecternOfficeStory *story);
void                lectern_office_story_paragraph  (LecternOfficeStory *story);
void                lectern_office_story_append     (LecternOfficeStory *story,
                                                     const char         *text,
                                                     gssize              length);
/* Its paragraphs, white space collapsed, joined by '\n'. */
char               *lectern_office_story_to_string  (LecternOfficeStory *story);
/* Appends it to @extract's open block: paragraphs as hard line breaks. */
void                lectern_office_story_write      (LecternOfficeStory *story,
                                                     LecternExtract     *extract);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternOfficeStory, lectern_office_story_free)

/* Adds notes to @extract once its text is complete: each on [start, end),
 * its ends moved in past white space (a comment anchored at a word
 * boundary covers the words, not the spaces around them) and clamped to
 * the text. Finding a position costs at most a step of the index, however
 * many notes there are. */
typedef struct _LecternOfficeNoteWriter LecternOfficeNoteWriter;

LecternOfficeNoteWriter *lectern_office_note_writer_new  (LecternExtract          *extract);
void                     lectern_office_note_writer_add  (LecternOfficeNoteWriter *writer,
                                                          guint                    start,
                                                          guint                    end,
                                                          const char              *author,
                                                          const char              *date,
                                                          const char              *text);
void                     lectern_office_note_writer_free (LecternOfficeNoteWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternOfficeNoteWriter, lectern_office_note_writer_free)

G_END_DECLS
