/* lectern-html-reader.c — a web page to one document: the article, not
 * the page around it.
 *
 * What is never the article goes first (by tag: navigation, forms,
 * asides; by class, id or role: menus, cookie banners, sharing buttons,
 * related links, comments…); then the element with the densest prose is
 * chosen as the article, with the siblings that score close to it, in
 * the manner of Mozilla's Readability, unless the page marks its article
 * itself (itemprop="articleBody", <article>, <main>). Its blocks
 * (lectern-html-blocks.c) become the stored text and its structure; the
 * metadata come from the <head> (Open Graph, <meta>, JSON-LD).
 *
 * Every walk over the tree is bounded by LECTERN_HTML_MAX_DEPTH.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "lectern-html-blocks-private.h"
#include "lectern-json-depth-private.h"

/* JSON-LD deeper than this is ignored, checked before json-glib recurses. */
#define JSON_LD_MAX_DEPTH 32
/* Larger JSON-LD blocks are ignored. */
#define JSON_LD_MAX_SIZE (1024 * 1024)

/* ------------------------------------------------------------------ */
/* What is not the article                                             */

/* By tag, outside the article. <header> stays inside an <article>,
 * where it holds the title. */
static const char * const not_content[] = {
  "nav", "footer", "aside", "form", "dialog", "menu", "fieldset", NULL
};

/* By role. */
static const char * const not_content_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
  "dialog", "alertdialog", "search", "toolbar", "tablist", NULL
};

typedef struct
{
  GRegex *always;    /* never the article, whatever else the name says */
  GRegex *unlikely;  /* not the article, unless the name also says so */
  GRegex *maybe;
} Patterns;

static const Patterns *
patterns (void)
{
  static gsize once = 0;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      p.always = g_regex_new ("cookie|consent|gdpr|share|sharing|social|comments?([^a-z]|$)|disqus|newsletter"
                              "|subscri|advert|sponsor|(^|[^a-z])ads?([^a-z]|$)|-ad-|breadcrumb"
                              "|related|recommend|popup|modal|promo|outbrain|taboola|paywall",
                              G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      p.unlikely = g_regex_new ("(^|[^a-z])nav|menu|header|footer|sidebar|banner|masthead|combx"
                                "|community|extra|legends|remark|replies|rss|shoutbox|skyscraper"
                                "|supplemental|agegate|pagination|pager|toolbar|widget|byline-tools",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      p.maybe = g_regex_new ("article|body|column|content|main|shadow|story|post-text|entry",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &p;
}

static gboolean
is_hidden (xmlNodePtr node)
{
  g_autofree char *aria = _lectern_html_get_attribute (node, "aria-hidden");
  g_autofree char *style = _lectern_html_get_attribute (node, "style");

  if (xmlHasProp (node, BAD_CAST "hidden") != NULL)
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (g_strstrip (aria), "true") == 0)
    return TRUE;
  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *out = compact;

      for (const char *p = compact; *p != '\0'; p++)
        if (*p != ' ')
          *out++ = *p;
      *out = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean has_h1       (xmlNodePtr node,
                              guint      depth);

static guint
count_paragraphs (xmlNodePtr node,
                  guint      depth)
{
  guint count = 0;

  if (depth > LECTERN_HTML_MAX_DEPTH)
    return 0;
  for (xmlNodePtr child = node->children; child != NULL && count < 3; child = child->next)
    {
      if (_lectern_html_is_element (child, "p"))
        count++;
      else if (child->type == XML_ELEMENT_NODE)
        count += count_paragraphs (child, depth + 1);
    }
  return count;
}

static double   link_density (xmlNodePtr node);

static gboolean
is_not_content (xmlNodePtr node,
                gboolean   in_article,
                gboolean   by_name)
{
  const Patterns *p;
  g_autofree char *class_name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role = NULL;
  g_autofree char *names = NULL;

  if (_lectern_html_is_element (node, "body") || _lectern_html_is_element (node, "html") || _lectern_html_is_element (node, "article")
      || _lectern_html_is_element (node, "main"))
    return FALSE;
  if (_lectern_html_is_never_text (node) || (by_name && is_hidden (node)))
    return TRUE;
  /* Some sites wrap the whole page in one <form> (ASP.NET does). */
  if (_lectern_html_is_element (node, "form") && count_paragraphs (node, 0) >= 3)
    return FALSE;
  if (_lectern_html_name_in (node, not_content))
    return TRUE;
  /* A page's header, unless it holds the page's title (pandoc's title
   * block does) rather than a site's links. */
  if (_lectern_html_is_element (node, "header") && !in_article)
    return !has_h1 (node, 0) || link_density (node) >= 0.5;

  role = _lectern_html_get_attribute (node, "role");
  if (role != NULL && g_strv_contains (not_content_roles, g_strstrip (role)))
    return TRUE;

  class_name = _lectern_html_get_attribute (node, "class");
  id = _lectern_html_get_attribute (node, "id");
  if (!by_name || (class_name == NULL && id == NULL))
    return FALSE;
  names = g_strjoin (" ", class_name != NULL ? class_name : "", id != NULL ? id : "", NULL);
  p = patterns ();
  if (g_regex_match (p->always, names, 0, NULL))
    return TRUE;
  if (!g_regex_match (p->unlikely, names, 0, NULL) || g_regex_match (p->maybe, names, 0, NULL))
    return FALSE;
  /* "post-header" may hold the article's title: kept when it does. */
  return !has_h1 (node, 0) || link_density (node) >= 0.5;
}

/* Unlinks what is not the article; @by_name FALSE keeps elements whose
 * class or id alone say so, and those hidden until a script shows them
 * (a second try, for a page they emptied). */
static void
remove_not_content (xmlNodePtr node,
                    gboolean   by_name,
                    gboolean   in_article,
                    guint      depth)
{
  xmlNodePtr child = node->children;

  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE)
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (is_not_content (child, in_article, by_name))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            remove_not_content (child, by_name,
                                in_article || _lectern_html_is_element (child, "article"), depth + 1);
        }
      child = next;
    }
}

/* ------------------------------------------------------------------ */
/* Choosing the article                                                */

typedef struct
{
  GHashTable *scores;   /* xmlNodePtr → double* */
  GPtrArray  *order;    /* the scored nodes, as first met */
} Scoring;

static double *
score_of (Scoring    *scoring,
          xmlNodePtr  node)
{
  double *score = g_hash_table_lookup (scoring->scores, node);

  if (score == NULL)
    {
      static const char * const plus5[] = { "div", "article", "main", NULL };
      static const char * const plus3[] = { "pre", "td", "blockquote", "section", NULL };
      static const char * const minus3[] = {
        "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL
      };
      static const char * const minus5[] = {
        "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL
      };

      score = g_new0 (double, 1);
      if (_lectern_html_name_in (node, plus5))
        *score = 5;
      else if (_lectern_html_name_in (node, plus3))
        *score = 3;
      else if (_lectern_html_name_in (node, minus3))
        *score = -3;
      else if (_lectern_html_name_in (node, minus5))
        *score = -5;
      g_hash_table_insert (scoring->scores, node, score);
      g_ptr_array_add (scoring->order, node);
    }
  return score;
}

static void
link_text_length (xmlNodePtr  node,
                  glong      *length,
                  guint       depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (_lectern_html_is_element (child, "a"))
        {
          g_autofree char *text = _lectern_html_inner_text (child);

          *length += g_utf8_strlen (text, -1);
        }
      else if (child->type == XML_ELEMENT_NODE)
        link_text_length (child, length, depth + 1);
    }
}

/* The share of @node's text that is the text of links. */
static double
link_density (xmlNodePtr node)
{
  g_autofree char *text = _lectern_html_inner_text (node);
  glong length = g_utf8_strlen (text, -1);
  glong links = 0;

  if (length == 0)
    return 0;
  link_text_length (node, &links, 0);
  return (double) links / length;
}

static gboolean
is_scored (xmlNodePtr node)
{
  static const char * const prose[] = { "p", "pre", "td", NULL };

  return _lectern_html_name_in (node, prose)
         || (_lectern_html_is_element (node, "div") && !_lectern_html_has_block_descendant (node, 0));
}

/* Readability's score: each stretch of prose scores by its commas and
 * length, and gives it to its parent, half to its grandparent, less to
 * the ancestors above. */
static void
score_prose (Scoring    *scoring,
             xmlNodePtr  node,
             guint       depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_scored (child))
        {
          g_autofree char *text = _lectern_html_inner_text (child);
          glong length = g_utf8_strlen (text, -1);
          double score;
          xmlNodePtr ancestor = child->parent;

          if (length >= 25)
            {
              score = 1;
              for (const char *p = text; *p != '\0'; p++)
                if (*p == ',')
                  score++;
              score += MIN (length / 100, 3);
              for (guint level = 0; level < 5 && ancestor != NULL
                   && ancestor->type == XML_ELEMENT_NODE; level++, ancestor = ancestor->parent)
                {
                  double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

                  *score_of (scoring, ancestor) += score / divider;
                }
            }
        }
      if (!_lectern_html_is_element (child, "p"))
        score_prose (scoring, child, depth + 1);
    }
}

static gboolean
is_ancestor (xmlNodePtr ancestor,
             xmlNodePtr node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* The element the page itself calls its article: itemprop="articleBody",
 * else the <article> with the most text, else <main>. */
static void
find_marked (xmlNodePtr   node,
             xmlNodePtr  *body,
             xmlNodePtr  *article,
             glong       *article_length,
             xmlNodePtr  *main,
             guint        depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *itemprop = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      itemprop = _lectern_html_get_attribute (child, "itemprop");
      if (*body == NULL && itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), "articleBody") == 0)
        *body = child;
      if (_lectern_html_is_element (child, "article"))
        {
          g_autofree char *text = _lectern_html_inner_text (child);
          glong length = g_utf8_strlen (text, -1);

          if (length > *article_length)
            {
              *article = child;
              *article_length = length;
            }
        }
      if (*main == NULL && _lectern_html_is_element (child, "main"))
        *main = child;
      find_marked (child, body, article, article_length, main, depth + 1);
    }
}

static glong
text_length (xmlNodePtr node)
{
  g_autofree char *text = _lectern_html_inner_text (node);

  return g_utf8_strlen (text, -1);
}

/* The elements that are the article, in the page's order. */
static GPtrArray *
choose_content (xmlNodePtr body)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  Scoring scoring = { scores, order };
  GPtrArray *chosen = g_ptr_array_new ();
  xmlNodePtr top = NULL;
  double top_score = 0;
  xmlNodePtr marked_body = NULL, article = NULL, main = NULL, marked;
  glong article_length = 0;

  score_prose (&scoring, body, 0);
  /* In a fixed order, so that of two equal scores the same one wins on
   * every run. */
  for (guint i = 0; i < order->len; i++)
    {
      xmlNodePtr node = order->pdata[i];
      double *score = g_hash_table_lookup (scores, node);

      /* Prose that is mostly links is a menu or a list of links. */
      *score *= 1 - link_density (node);
      if (top == NULL || *score > top_score)
        {
          top = node;
          top_score = *score;
        }
    }

  find_marked (body, &marked_body, &article, &article_length, &main, 0);
  marked = marked_body != NULL ? marked_body : article != NULL ? article : main;
  if (marked != NULL)
    {
      glong length = text_length (marked);

      /* Trusted when it holds prose, and not a fraction of what scored
       * best elsewhere. */
      if (length >= 140 && (top == NULL || is_ancestor (marked, top) || is_ancestor (top, marked)
                            || length * 2 >= text_length (top)))
        {
          g_ptr_array_add (chosen, marked);
          return chosen;
        }
    }

  if (top == NULL || top == body || top->parent == NULL)
    {
      g_ptr_array_add (chosen, body);
      return chosen;
    }

  /* Siblings that score close to the best, or read as prose. */
  {
    double threshold = MAX (10, top_score * 0.2);

    for (xmlNodePtr sibling = top->parent->children; sibling != NULL; sibling = sibling->next)
      {
        double *score;
        gboolean keep = sibling == top;

        if (sibling->type != XML_ELEMENT_NODE)
          continue;
        score = g_hash_table_lookup (scores, sibling);
        if (!keep && score != NULL && *score >= threshold)
          keep = TRUE;
        if (!keep && _lectern_html_is_element (sibling, "p"))
          {
            g_autofree char *text = _lectern_html_inner_text (sibling);
            glong length = g_utf8_strlen (text, -1);
            double density = link_density (sibling);

            keep = (length > 80 && density < 0.25)
                   || (length > 0 && density == 0 && g_str_has_suffix (text, "."));
          }
        if (keep)
          g_ptr_array_add (chosen, sibling);
      }
  }
  return chosen;
}

static gboolean
has_h1 (xmlNodePtr node,
        guint      depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return FALSE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (_lectern_html_is_element (child, "h1") || (child->type == XML_ELEMENT_NODE && has_h1 (child, depth + 1)))
      return TRUE;
  return FALSE;
}

/* The first <h1> of the page before @stop, in the page's order. */
static xmlNodePtr
h1_before (xmlNodePtr  node,
           xmlNodePtr  stop,
           gboolean   *stopped,
           guint       depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return NULL;
  for (xmlNodePtr child = node->children; child != NULL && !*stopped; child = child->next)
    {
      xmlNodePtr found;

      if (child == stop)
        {
          *stopped = TRUE;
          return NULL;
        }
      if (_lectern_html_is_element (child, "h1"))
        return child;
      if (child->type == XML_ELEMENT_NODE && (found = h1_before (child, stop, stopped, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Metadata                                                            */

typedef struct
{
  char *og_title;
  char *title;
  char *site;
  char *meta_author;
  char *article_author;
  char *published;
  char *meta_date;
  char *dc_date;
  char *canonical;
  char *og_url;
  char *og_locale;
  char *content_language;
  GPtrArray *json_ld;    /* char*: the text of each ld+json script */
  /* From JSON-LD */
  char *ld_headline;
  char *ld_author;
  char *ld_date;
  char *ld_site;
  char *ld_language;
} Metadata;

static void
metadata_clear (Metadata *m)
{
  g_free (m->og_title);
  g_free (m->title);
  g_free (m->site);
  g_free (m->meta_author);
  g_free (m->article_author);
  g_free (m->published);
  g_free (m->meta_date);
  g_free (m->dc_date);
  g_free (m->canonical);
  g_free (m->og_url);
  g_free (m->og_locale);
  g_free (m->content_language);
  g_clear_pointer (&m->json_ld, g_ptr_array_unref);
  g_free (m->ld_headline);
  g_free (m->ld_author);
  g_free (m->ld_date);
  g_free (m->ld_site);
  g_free (m->ld_language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

static void
keep_first (char       **field,
            const char  *value)
{
  g_autofree char *copy = NULL;

  if (*field != NULL || value == NULL)
    return;
  copy = g_strstrip (g_strdup (value));
  if (*copy != '\0')
    *field = g_steal_pointer (&copy);
}

static void
read_meta (Metadata   *m,
           xmlNodePtr  node)
{
  g_autofree char *name = _lectern_html_get_attribute (node, "name");
  g_autofree char *property = _lectern_html_get_attribute (node, "property");
  g_autofree char *http_equiv = _lectern_html_get_attribute (node, "http-equiv");
  g_autofree char *content = _lectern_html_get_attribute (node, "content");
  g_autofree char *key = NULL;

  if (content == NULL)
    return;
  key = g_ascii_strdown (property != NULL ? property : name != NULL ? name
                         : http_equiv != NULL ? http_equiv : "", -1);
  g_strstrip (key);
  if (g_str_equal (key, "og:title"))
    keep_first (&m->og_title, content);
  else if (g_str_equal (key, "og:site_name"))
    keep_first (&m->site, content);
  else if (g_str_equal (key, "author"))
    keep_first (&m->meta_author, content);
  else if (g_str_equal (key, "article:author"))
    {
      /* Often the author's page, not a name. */
      if (!g_str_has_prefix (content, "http://") && !g_str_has_prefix (content, "https://"))
        keep_first (&m->article_author, content);
    }
  else if (g_str_equal (key, "article:published_time"))
    keep_first (&m->published, content);
  else if (g_str_equal (key, "date") || g_str_equal (key, "pubdate")
           || g_str_equal (key, "publication_date") || g_str_equal (key, "citation_publication_date"))
    keep_first (&m->meta_date, content);
  else if (g_str_equal (key, "dc.date") || g_str_equal (key, "dc.date.issued")
           || g_str_equal (key, "dcterms.date") || g_str_equal (key, "dcterms.issued")
           || g_str_equal (key, "dc.date.created"))
    keep_first (&m->dc_date, content);
  else if (g_str_equal (key, "og:url"))
    keep_first (&m->og_url, content);
  else if (g_str_equal (key, "og:locale"))
    keep_first (&m->og_locale, content);
  else if (g_str_equal (key, "content-language"))
    keep_first (&m->content_language, content);
}

static void
read_head (Metadata   *m,
           xmlNodePtr  node,
           guint       depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_lectern_html_is_element (child, "meta"))
        read_meta (m, child);
      else if (_lectern_html_is_element (child, "title") && m->title == NULL)
        {
          g_autofree char *text = _lectern_html_inner_text (child);

          keep_first (&m->title, text);
        }
      else if (_lectern_html_is_element (child, "link"))
        {
          g_autofree char *rel = _lectern_html_get_attribute (child, "rel");
          g_autofree char *href = _lectern_html_get_attribute (child, "href");

          if (rel != NULL && href != NULL && g_ascii_strcasecmp (g_strstrip (rel), "canonical") == 0)
            keep_first (&m->canonical, href);
        }
      else if (_lectern_html_is_element (child, "script"))
        {
          g_autofree char *type = _lectern_html_get_attribute (child, "type");

          if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
            {
              xmlChar *text = xmlNodeGetContent (child);

              if (text != NULL && strlen ((const char *) text) <= JSON_LD_MAX_SIZE)
                g_ptr_array_add (m->json_ld, g_strdup ((const char *) text));
              xmlFree (text);
            }
          continue;
        }
      if (!_lectern_html_is_never_text (child))
        read_head (m, child, depth + 1);
    }
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* A name from a string, an object with "name", or an array of them. */
static void
json_names (JsonNode *node,
            GString  *names)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *name = json_node_get_string (node);

      if (name != NULL && *name != '\0' && !g_str_has_prefix (name, "http"))
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    json_names (json_object_get_member (json_node_get_object (node), "name"), names);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_ARRAY (element))
            json_names (element, names);
        }
    }
}

static gboolean
is_article_type (JsonObject *object)
{
  static const char * const types[] = {
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
    "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "TechArticle", "SocialMediaPosting", "LiveBlogPosting", "Review", NULL
  };
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return g_strv_contains (types, json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
              && g_strv_contains (types, json_node_get_string (element)))
            return TRUE;
        }
    }
  return FALSE;
}

/* The article's object: at the top, in a top array, or in an @graph. */
static JsonObject *
find_article (JsonNode *node,
              guint     depth)
{
  if (node == NULL || depth > 2)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = find_article (json_array_get_element (array, i), depth + 1);

          if (found != NULL)
            return found;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (is_article_type (object))
        return object;
      return find_article (json_object_get_member (object, "@graph"), depth + 1);
    }
  return NULL;
}

static void
read_json_ld (Metadata *m)
{
  for (guint i = 0; i < m->json_ld->len; i++)
    {
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *article;
      JsonNode *publisher;
      g_autoptr(GString) authors = g_string_new (NULL);

      if (!_lectern_json_depth_ok (m->json_ld->pdata[i], strlen (m->json_ld->pdata[i]), JSON_LD_MAX_DEPTH))
        continue;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, m->json_ld->pdata[i], -1, NULL))
        continue;
      article = find_article (json_parser_get_root (parser), 0);
      if (article == NULL)
        continue;
      keep_first (&m->ld_headline, json_string (article, "headline"));
      keep_first (&m->ld_date, json_string (article, "datePublished"));
      keep_first (&m->ld_language, json_string (article, "inLanguage"));
      json_names (json_object_get_member (article, "author"), authors);
      if (authors->len > 0)
        keep_first (&m->ld_author, authors->str);
      publisher = json_object_get_member (article, "publisher");
      if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
        keep_first (&m->ld_site, json_string (json_node_get_object (publisher), "name"));
    }
}

/* An ISO 8601 date, or date and time, as the extract keeps it; NULL for
 * anything else ("yesterday", "3 mars 2024": the date guesser's job). */
static char *
iso_date (const char *value)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int year, month, day;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (strlen (copy) < 10 || sscanf (copy, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_ascii_isdigit (copy[0]) || copy[4] != '-' || copy[7] != '-'
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  if (copy[10] == '\0')
    return g_steal_pointer (&copy);
  /* With a time: kept as written when it is one. */
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (copy, utc);
  if (time != NULL)
    return g_steal_pointer (&copy);
  return g_strndup (copy, 10);
}

static gboolean
is_separator (gunichar c)
{
  return c == '|' || c == '-' || c == 0x2013 || c == 0x2014 || c == 0xb7 || c == ':' || c == 0x2022;
}

/* "The talks resume | The Daily": the site's name is not the title. */
static char *
strip_site (const char *title,
            const char *site)
{
  gsize title_len, site_len;
  const char *p;

  if (site == NULL || *site == '\0')
    return g_strdup (title);
  title_len = strlen (title);
  site_len = strlen (site);
  if (title_len <= site_len || g_ascii_strcasecmp (title + title_len - site_len, site) != 0)
    return g_strdup (title);

  p = title + title_len - site_len;
  while (p > title && *g_utf8_prev_char (p) == ' ')
    p = g_utf8_prev_char (p);
  if (p == title || !is_separator (g_utf8_get_char (g_utf8_prev_char (p))))
    return g_strdup (title);
  p = g_utf8_prev_char (p);
  if (p == title || *g_utf8_prev_char (p) != ' ')
    return g_strdup (title);
  return g_strstrip (g_strndup (title, p - title));
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

/* The first <time datetime> under @node that holds an ISO 8601 date. */
static char *
time_date (xmlNodePtr node,
           guint      depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return NULL;
  if (_lectern_html_is_element (node, "time"))
    {
      g_autofree char *datetime = _lectern_html_get_attribute (node, "datetime");

      return iso_date (datetime);
    }
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      char *date;

      if (child->type == XML_ELEMENT_NODE && (date = time_date (child, depth + 1)) != NULL)
        return date;
    }
  return NULL;
}

static void
set_metadata (LecternExtract *extract,
              Metadata       *m,
              htmlDocPtr      doc,
              GPtrArray      *content)
{
  const char *site = m->site != NULL ? m->site : m->ld_site;
  const char *title = m->og_title != NULL ? m->og_title : m->title != NULL ? m->title : m->ld_headline;
  const char *author = m->meta_author != NULL ? m->meta_author
                       : m->article_author != NULL ? m->article_author : m->ld_author;
  const char *dates[] = { m->published, m->meta_date, m->dc_date, m->ld_date };
  g_autofree char *date = NULL;
  g_autofree char *language = _lectern_html_get_language (doc);

  if (title != NULL)
    {
      g_autofree char *stripped = strip_site (title, site);

      lectern_extract_set_title (extract, stripped);
    }
  lectern_extract_set_author (extract, author);

  for (guint i = 0; i < G_N_ELEMENTS (dates) && date == NULL; i++)
    date = iso_date (dates[i]);
  for (guint i = 0; i < content->len && date == NULL; i++)
    date = time_date (content->pdata[i], 0);
  lectern_extract_set_date (extract, date);

  if (language == NULL && m->content_language != NULL)
    language = g_strdup (m->content_language);
  if (language == NULL && m->ld_language != NULL)
    language = g_strdup (m->ld_language);
  if (language == NULL && m->og_locale != NULL)
    language = g_strdelimit (g_strdup (m->og_locale), "_", '-');
  lectern_extract_set_language (extract, language);

  lectern_extract_set_variable (extract, "site", site);
  lectern_extract_set_variable (extract, "url",
                                is_web_url (m->canonical) ? m->canonical
                                : is_web_url (m->og_url) ? m->og_url : NULL);
}

/* ------------------------------------------------------------------ */
/* The reader                                                          */

static LecternExtract *
read_article (htmlDocPtr  doc,
              Metadata   *m,
              gboolean    by_name)
{
  g_autoptr(LecternExtract) extract = lectern_extract_new ("html");
  g_autoptr(GPtrArray) content = NULL;
  xmlNodePtr body = _lectern_html_get_body (doc);
  xmlNodePtr h1 = NULL;

  if (body == NULL)
    return NULL;
  remove_not_content (body, by_name, FALSE, 0);
  content = choose_content (body);

  /* The article's title, when it stands above the part chosen. */
  if (content->len > 0 && !_lectern_html_is_element (content->pdata[0], "body"))
    {
      gboolean any_h1 = FALSE;

      for (guint i = 0; i < content->len; i++)
        any_h1 = any_h1 || _lectern_html_is_element (content->pdata[i], "h1") || has_h1 (content->pdata[i], 0);
      if (!any_h1)
        {
          gboolean stopped = FALSE;

          h1 = h1_before (body, content->pdata[0], &stopped, 0);
        }
    }
  if (h1 != NULL)
    g_ptr_array_insert (content, 0, h1);

  _lectern_html_append_nodes (extract, (xmlNodePtr *) content->pdata, content->len);
  set_metadata (extract, m, doc, content);
  if (!lectern_extract_has_text (extract))
    return NULL;
  return g_steal_pointer (&extract);
}

GPtrArray *
lectern_html_reader_read (GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_auto(Metadata) m = { 0 };
  g_autoptr(LecternExtract) extract = NULL;
  GPtrArray *extracts;
  gboolean truncated = FALSE;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  m.json_ld = g_ptr_array_new_with_free_func (g_free);
  /* Twice at most: a page whose class names emptied it is read again
   * keeping them (Readability does the same). */
  for (guint attempt = 0; attempt < 2 && extract == NULL; attempt++)
    {
      htmlDocPtr doc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      doc = _lectern_html_parse (data, length, display_name, &truncated, error);
      if (doc == NULL)
        return NULL;
      if (attempt == 0)
        {
          read_head (&m, xmlDocGetRootElement (doc), 0);
          read_json_ld (&m);
        }
      extract = read_article (doc, &m, attempt == 0);
      xmlFreeDoc (doc);
    }
  if (extract != NULL && truncated)
    lectern_extract_add_warning (extract, _("The page nests its elements too deeply: what follows "
                                            "the deepest part was left out."));

  if (extract == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no text to import: the page holds no readable content"),
                   display_name);
      return NULL;
    }

  extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extracts, g_steal_pointer (&extract));
  return extracts;
}
