/* query.c: the search language shared by `chainscope search` and the browser's `/`. Words,
 * "phrases", prefix*, AND/OR/NOT (upper case, as in FTS5), parentheses, and facets
 * region:NAME chain:ID year:YYYY lang:xx (a facet value may be quoted). Every term is passed
 * to FTS5 as a quoted string, so punctuation in a word (new-energy, 15.4, Xi'an) can never be
 * read as FTS5 syntax; the structure is checked here so errors name the user's mistake.
 * Must not run SQL. */
#include "query.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util.h"

enum item { IT_TERM, IT_AND, IT_OR, IT_NOT, IT_OPEN, IT_CLOSE };

struct parser {
	const char *s;
	size_t n, i;
	struct buf match;
	enum item prev;        /* the previous item, for the structure checks */
	int have_prev;
	int depth;
	char *err;
	size_t errlen;
};

__attribute__((format(printf, 2, 3)))
static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err, p->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static void put_quoted(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
}

static int add_item(struct parser *p, enum item it, size_t col)
{
	int binary = it == IT_AND || it == IT_OR || it == IT_NOT;
	if (binary) {
		if (!p->have_prev || p->prev == IT_AND || p->prev == IT_OR || p->prev == IT_NOT ||
		    p->prev == IT_OPEN)
			return it == IT_NOT ? fail(p, "NOT needs a term before it (at column %zu); write: a NOT b", col)
					    : fail(p, "AND/OR needs a term before it (at column %zu)", col);
	} else if (it == IT_CLOSE) {
		if (p->depth == 0)
			return fail(p, "unmatched ')' at column %zu", col);
		if (!p->have_prev || p->prev == IT_OPEN)
			return fail(p, "empty parentheses at column %zu", col);
		if (p->prev == IT_AND || p->prev == IT_OR || p->prev == IT_NOT)
			return fail(p, "an operator needs a term after it (before column %zu)", col);
		p->depth--;
	} else if (it == IT_OPEN) {
		p->depth++;
	}
	if (p->match.len)
		buf_putc(&p->match, ' ');
	/* FTS5 allows implicit AND only between phrases, not next to parentheses: spell it out */
	if ((it == IT_TERM || it == IT_OPEN) && p->have_prev && (p->prev == IT_TERM || p->prev == IT_CLOSE))
		buf_puts(&p->match, "AND ");
	p->prev = it;
	p->have_prev = 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads a quoted string at p->i (which is '"'); returns its content span. */
static int read_quoted(struct parser *p, size_t *start, size_t *len)
{
	size_t col = p->i + 1;
	p->i++;
	*start = p->i;
	while (p->i < p->n && p->s[p->i] != '"')
		p->i++;
	if (p->i >= p->n)
		return fail(p, "unterminated quote (the \" at column %zu has no partner)", col);
	*len = p->i - *start;
	p->i++;
	return 0;
}

static int add_facet(struct parser *p, struct query *q, const char *key, size_t keylen,
		     const char *val, size_t vallen, size_t col)
{
	char *v = xstrndup(val, vallen);
	if (vallen == 0) {
		free(v);
		return fail(p, "facet with an empty value at column %zu", col);
	}
	if (keylen == 6 && strncasecmp(key, "region", 6) == 0) {
		if (q->n_regions == QUERY_MAX_FACETS)
			goto too_many;
		q->regions[q->n_regions++] = v;
	} else if (keylen == 5 && strncasecmp(key, "chain", 5) == 0) {
		if (q->n_chains == QUERY_MAX_FACETS)
			goto too_many;
		q->chains[q->n_chains++] = v;
	} else if (keylen == 4 && strncasecmp(key, "year", 4) == 0) {
		char *end;
		long y = strtol(v, &end, 10);
		int bad = *end || y < 1900 || y > 2200;
		free(v);
		if (bad)
			return fail(p, "year: wants a four-digit year (at column %zu)", col);
		if (q->n_years == QUERY_MAX_FACETS)
			return fail(p, "too many facets of one kind (at column %zu)", col);
		q->years[q->n_years++] = (int)y;
	} else {   /* lang */
		if (strcasecmp(v, "zh") && strcasecmp(v, "en") && strcasecmp(v, "und")) {
			free(v);
			return fail(p, "lang: wants zh, en or und (at column %zu)", col);
		}
		for (int i = 0; v[i]; i++)
			q->lang[i] = (char)tolower((unsigned char)v[i]);
		free(v);
	}
	return 0;
too_many:
	free(v);
	return fail(p, "too many facets of one kind (at column %zu)", col);
}

static int facet_key(const char *s, size_t n)
{
	static const char *const keys[] = { "region", "chain", "year", "lang" };
	for (size_t k = 0; k < ARRAY_LEN(keys); k++)
		if (n == strlen(keys[k]) && strncasecmp(s, keys[k], n) == 0)
			return 1;
	return 0;
}

int query_parse(const char *text, struct query *q, char *err, size_t errlen)
{
	memset(q, 0, sizeof *q);
	struct parser p = { .s = text, .n = strlen(text), .err = err, .errlen = errlen };
	int rc = 0;
	while (rc == 0) {
		while (p.i < p.n && is_space(p.s[p.i]))
			p.i++;
		if (p.i >= p.n)
			break;
		size_t col = p.i + 1;
		char c = p.s[p.i];
		if (c == '(' || c == ')') {
			rc = add_item(&p, c == '(' ? IT_OPEN : IT_CLOSE, col);
			if (!rc)
				buf_putc(&p.match, c);
			p.i++;
			continue;
		}
		if (c == '"') {
			size_t start, len;
			if ((rc = read_quoted(&p, &start, &len)))
				break;
			if (len == 0) {
				rc = fail(&p, "empty phrase at column %zu", col);
				break;
			}
			if ((rc = add_item(&p, IT_TERM, col)))
				break;
			put_quoted(&p.match, p.s + start, len);
			if (p.i < p.n && p.s[p.i] == '*') {
				buf_putc(&p.match, '*');
				p.i++;
			}
			continue;
		}
		/* a word: up to a space, a parenthesis or a quote */
		size_t start = p.i;
		while (p.i < p.n && !is_space(p.s[p.i]) && p.s[p.i] != '(' && p.s[p.i] != ')' && p.s[p.i] != '"')
			p.i++;
		size_t len = p.i - start;
		const char *w = p.s + start;
		const char *colon = memchr(w, ':', len);
		if (colon && facet_key(w, (size_t)(colon - w))) {
			size_t keylen = (size_t)(colon - w);
			if (colon + 1 == w + len && p.i < p.n && p.s[p.i] == '"') {
				size_t vs, vl;
				if ((rc = read_quoted(&p, &vs, &vl)))
					break;
				rc = add_facet(&p, q, w, keylen, p.s + vs, vl, col);
			} else {
				rc = add_facet(&p, q, w, keylen, colon + 1, len - keylen - 1, col);
			}
			continue;
		}
		if (len == 3 && memcmp(w, "AND", 3) == 0) {
			if (!(rc = add_item(&p, IT_AND, col)))
				buf_puts(&p.match, "AND");
			continue;
		}
		if (len == 2 && memcmp(w, "OR", 2) == 0) {
			if (!(rc = add_item(&p, IT_OR, col)))
				buf_puts(&p.match, "OR");
			continue;
		}
		if (len == 3 && memcmp(w, "NOT", 3) == 0) {
			if (!(rc = add_item(&p, IT_NOT, col)))
				buf_puts(&p.match, "NOT");
			continue;
		}
		int prefix = len > 1 && w[len - 1] == '*';
		if (prefix)
			len--;
		if (len == 0 || (len == 1 && w[0] == '*')) {
			rc = fail(&p, "a lone '*' at column %zu (write prefix* after a word)", col);
			break;
		}
		if (memchr(w, '*', len)) {
			rc = fail(&p, "'*' only goes at the end of a word (column %zu)", col);
			break;
		}
		if ((rc = add_item(&p, IT_TERM, col)))
			break;
		put_quoted(&p.match, w, len);
		if (prefix)
			buf_putc(&p.match, '*');
	}
	if (rc == 0 && p.have_prev && (p.prev == IT_AND || p.prev == IT_OR || p.prev == IT_NOT))
		rc = p.prev == IT_NOT ? fail(&p, "NOT needs a term after it (at column %zu)", p.n)
				      : fail(&p, "AND/OR needs a term after it (at column %zu)", p.n);
	if (rc == 0 && p.depth > 0)
		rc = fail(&p, "unclosed '(' (%zu missing ')')", (size_t)p.depth);
	if (rc == 0 && !p.match.len && !q->n_regions && !q->n_chains && !q->n_years && !q->lang[0])
		rc = fail(&p, "empty query");
	if (rc) {
		buf_free(&p.match);
		query_free(q);
		return -1;
	}
	q->match = p.match.len ? xstrdup(buf_cstr(&p.match)) : NULL;
	buf_free(&p.match);
	return 0;
}

void query_free(struct query *q)
{
	free(q->match);
	for (int i = 0; i < q->n_regions; i++)
		free(q->regions[i]);
	for (int i = 0; i < q->n_chains; i++)
		free(q->chains[i]);
	memset(q, 0, sizeof *q);
}
