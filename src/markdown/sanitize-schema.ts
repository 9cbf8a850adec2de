/**
 * The HTML allowed in the body of Markdown and MDX entries, as a `hast-util-sanitize` schema.
 * Built from nothing rather than from the library's GitHub-flavoured default, so every tag and
 * attribute on this list is one the office's content needs: prose, lists, tables, quotes,
 * images beside the entry, GFM footnotes and task lists. No `script`, `style`, `iframe`,
 * `object`, `embed`, `form`, `base`, `meta`, `link`, no `on*` attribute, no `style`, and URLs
 * only http(s), mailto, tel or relative — checked by the sanitiser on the parsed tree, that is
 * after entities (`&#106;avascript:`) are decoded.
 *
 * The build applies it (src/markdown/rehype-content-sanitize.ts) and the checker reports what it
 * would remove (src/checker/body.ts), from the same object.
 */
import type { Schema } from 'hast-util-sanitize';

/** Ids GFM gives footnotes (already prefixed by remark-rehype) and the footnote heading's id. */
const FOOTNOTE_ID = /^user-content-fn(ref)?-[\w-]+$/;

export const SANITIZE_SCHEMA: Schema = {
  tagNames: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'code',
    'dd',
    'del',
    'details',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'input',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    's',
    'section',
    'small',
    'span',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
  ],
  attributes: {
    a: ['href', 'title', ['id', FOOTNOTE_ID], 'dataFootnoteRef', 'dataFootnoteBackref', ['ariaDescribedBy', 'footnote-label'], 'ariaLabel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    li: [['id', FOOTNOTE_ID]],
    h2: [['id', 'footnote-label']],
    section: ['dataFootnotes'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ol: ['start'],
    td: ['align', 'colSpan', 'rowSpan'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    q: ['cite'],
    blockquote: ['cite'],
    abbr: ['title'],
    '*': [['className', 'sr-only', 'footnotes', 'data-footnote-backref', 'contains-task-list', 'task-list-item']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  // Ids are limited by value above, so nothing an editor writes can shadow a page's own ids.
  clobber: [],
  clobberPrefix: '',
  // The content of these is code or markup, not text: drop it with the tag.
  strip: ['script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'],
  // No ancestor rules: the tree is serialised, not re-parsed, so a stray `<td>` cannot break out,
  // and the checker can test each element on its own against the same schema.
  ancestors: {},
  allowComments: false,
  allowDoctypes: false,
};
