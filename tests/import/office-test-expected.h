/* office-test-expected.h — what Lectern stores of the office fixtures:
 * sample.docx and sample.odt, both made by LibreOffice from sample.fodt,
 * give the same text and structure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The footnote's mark stays where it was ("Paris1"), its text is at the
 * end; the insertion "early " is kept and the deletion "secret " gone;
 * list items and table rows are a line each, cells split by a tab; the
 * tab, the line break and the two spaces of the last paragraph stay. */
#define OFFICE_SAMPLE_TEXT \
  "The Treaty of 1892\n" \
  "\n" \
  "The envoys met in Paris1 in early August.\n" \
  "\n" \
  "They kept the talks quiet for a year.\n" \
  "\n" \
  "Terms\n" \
  "\n" \
  "Mutual consultation\n" \
  "Joint mobilisation\n" \
  "\n" \
  "Party\tTroops\n" \
  "France\t1,300,000\n" \
  "\n" \
  "Signed:\tBoisdeffre\n" \
  "and  Obruchev.\n" \
  "\n" \
  "Archives diplomatiques, carton 12."

#define OFFICE_SAMPLE_STRUCTURE \
  "heading 0 18 1\n" \
  "paragraph 20 61 \n" \
  "paragraph 63 100 \n" \
  "heading 102 107 2\n" \
  "list-item 109 128 \n" \
  "list-item 129 147 \n" \
  "table-row 149 161 \n" \
  "table-row 162 178 \n" \
  "paragraph 180 213 \n" \
  "footnote 215 249 1\n"
