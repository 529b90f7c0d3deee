/* export.c: the writers behind `export` and `search`: JSON Lines with exactly the documented
 * keys, CSV (RFC 4180 quoting) and TSV (backslash escapes) with a header row, and the terminal
 * sanitiser. Every string goes through one escaping function per format, so no content can
 * break a record. Must not run SQL. */
#include "export.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

/* ---- JSON ---- */

void json_write_string(FILE *out, const char *s, size_t n)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	if (n == (size_t)-1)
		n = strlen(s);
	const unsigned char *u = (const unsigned char *)s;
	fputc('"', out);
	for (size_t i = 0; i < n; ) {
		unsigned char c = u[i];
		if (c >= 0x80) {
			uint32_t cp;
			int len = utf8_decode(u + i, n - i, &cp);
			if (cp == 0xFFFD && len == 1)
				fputs("\\ufffd", out);
			else if (cp == 0x2028 || cp == 0x2029)
				fprintf(out, "\\u%04x", (unsigned)cp);   /* valid JSON, but breaks JS */
			else
				fwrite(u + i, 1, (size_t)len, out);
			i += (size_t)len;
			continue;
		}
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (c < 0x20 || c == 0x7F)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
		i++;
	}
	fputc('"', out);
}

static void json_key(FILE *out, const char *key, int first)
{
	if (!first)
		fputc(',', out);
	json_write_string(out, key, (size_t)-1);
	fputc(':', out);
}

static void json_number(FILE *out, double v)
{
	if (!isfinite(v))
		fputs("null", out);
	else if (v == floor(v) && fabs(v) < 1e17)
		fprintf(out, "%.0f", v);
	else
		fprintf(out, "%.17g", v);
}

static void json_string_list(FILE *out, const char *space_separated)
{
	fputc('[', out);
	int first = 1;
	const char *p = space_separated ? space_separated : "";
	while (*p) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p) {
			if (!first)
				fputc(',', out);
			json_write_string(out, p, (size_t)(e - p));
			first = 0;
		}
		p = e;
	}
	fputc(']', out);
}

static void json_project(FILE *out, const struct export_project *p, int with_sources)
{
	fputc('{', out);
	json_key(out, "name", 1);
	json_write_string(out, p->name, (size_t)-1);
	json_key(out, "company", 0);
	json_write_string(out, p->company, (size_t)-1);
	json_key(out, "region", 0);
	json_write_string(out, p->region, (size_t)-1);
	json_key(out, "chains", 0);
	json_string_list(out, p->chains);
	json_key(out, "amount", 0);
	if (p->has_amount) {
		fputc('{', out);
		json_key(out, "value", 1);
		json_number(out, p->amount_value);
		json_key(out, "currency", 0);
		json_write_string(out, p->amount_currency, (size_t)-1);
		json_key(out, "text", 0);
		json_write_string(out, p->amount_text, (size_t)-1);
		fputc('}', out);
	} else {
		fputs("null", out);
	}
	json_key(out, "status", 0);
	json_write_string(out, p->status, (size_t)-1);
	json_key(out, "date", 0);
	json_write_string(out, p->date, (size_t)-1);
	if (with_sources) {
		json_key(out, "n_sources", 0);
		fprintf(out, "%lld", (long long)p->n_sources);
		json_key(out, "sources", 0);
		fputc('[', out);
		const char *s = p->sources ? p->sources : "";
		int first = 1;
		while (*s) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);
			if (!first)
				fputc(',', out);
			json_write_string(out, s, len);
			first = 0;
			s += len + (nl != NULL);
		}
		fputc(']', out);
	}
	fputc('}', out);
}

/* ---- CSV and TSV ---- */

struct table_writer {
	FILE *out;
	enum export_format format;
	int col;
};

/* Copies s with invalid UTF-8 replaced by U+FFFD (file names need not be UTF-8). */
static char *valid_utf8(const char *s, size_t n, size_t *outlen)
{
	struct buf b = { 0 };
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; ) {
		uint32_t cp;
		int len = utf8_decode(u + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1)
			buf_put_utf8(&b, 0xFFFD);
		else
			buf_append(&b, u + i, (size_t)len);
		i += (size_t)len;
	}
	*outlen = b.len;
	return b.data ? b.data : xstrdup("");
}

static void cell_raw(struct table_writer *w, const char *raw, size_t rawlen)
{
	if (w->col++)
		fputc(w->format == FORMAT_CSV ? ',' : '\t', w->out);
	if (!raw)
		return;
	size_t n;
	char *s = valid_utf8(raw, rawlen, &n);
	const unsigned char *u = (const unsigned char *)s;
	if (w->format == FORMAT_CSV) {
		int quote = 0;
		for (size_t i = 0; i < n; i++)
			if (u[i] == ',' || u[i] == '"' || u[i] == '\n' || u[i] == '\r')
				quote = 1;
		if (quote)
			fputc('"', w->out);
		for (size_t i = 0; i < n; i++) {
			if (u[i] == '"')
				fputc('"', w->out);
			if (u[i] >= 0x20 || u[i] == '\n' || u[i] == '\t')
				fputc(u[i], w->out);
		}
		if (quote)
			fputc('"', w->out);
		free(s);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		switch (u[i]) {
		case '\t': fputs("\\t", w->out); break;
		case '\n': fputs("\\n", w->out); break;
		case '\r': fputs("\\r", w->out); break;
		case '\\': fputs("\\\\", w->out); break;
		default:
			if (u[i] >= 0x20)
				fputc(u[i], w->out);
		}
	}
	free(s);
}

static void cell(struct table_writer *w, const char *s)
{
	cell_raw(w, s, s ? strlen(s) : 0);
}

static void cell_int(struct table_writer *w, long long v)
{
	char b[32];
	snprintf(b, sizeof b, "%lld", v);
	cell(w, b);
}

static void end_row(struct table_writer *w)
{
	fputs(w->format == FORMAT_CSV ? "\r\n" : "\n", w->out);
	w->col = 0;
}

static void header(struct table_writer *w, const char *const *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(w, cols[i]);
	end_row(w);
}

/* ---- tables ---- */

/* {"id": ..., "name": ..., "count": N}, as a list element. */
static void json_counted(FILE *out, int first, const char *id, const char *name, int64_t count)
{
	fputs(first ? "{\"id\":" : ",{\"id\":", out);
	json_write_string(out, id, (size_t)-1);
	fputs(",\"name\":", out);
	json_write_string(out, name, (size_t)-1);
	fprintf(out, ",\"count\":%lld}", (long long)count);
}

static int document_row(void *ctx, const struct export_document *d)
{
	struct table_writer *w = ctx;
	if (w->format == FORMAT_JSONL) {
		FILE *out = w->out;
		fputc('{', out);
		json_key(out, "path", 1);
		json_write_string(out, d->path, (size_t)-1);
		json_key(out, "title", 0);
		json_write_string(out, d->title, (size_t)-1);
		json_key(out, "date", 0);
		json_write_string(out, d->date, (size_t)-1);
		json_key(out, "lang", 0);
		json_write_string(out, d->lang, (size_t)-1);
		json_key(out, "encoding", 0);
		json_write_string(out, d->encoding, (size_t)-1);
		json_key(out, "text", 0);
		json_write_string(out, d->text ? d->text : "", d->text ? d->text_len : 0);
		json_key(out, "regions", 0);
		fputc('[', out);
		for (size_t i = 0; i < d->n_regions; i++)
			json_counted(out, i == 0, d->regions[i].id, d->regions[i].name, d->regions[i].count);
		fputc(']', out);
		json_key(out, "chains", 0);
		fputc('[', out);
		for (size_t i = 0; i < d->n_chains; i++)
			json_counted(out, i == 0, d->chains[i].id, d->chains[i].name, d->chains[i].count);
		fputc(']', out);
		json_key(out, "projects", 0);
		fputc('[', out);
		for (size_t i = 0; i < d->n_projects; i++) {
			if (i)
				fputc(',', out);
			json_project(out, &d->projects[i], 0);
		}
		fputs("]}\n", out);
		return ferror(out) != 0;
	}
	struct buf regions = { 0 }, chains = { 0 };
	for (size_t i = 0; i < d->n_regions; i++)
		buf_printf(&regions, "%s%s", i ? ";" : "", d->regions[i].id);
	for (size_t i = 0; i < d->n_chains; i++)
		buf_printf(&chains, "%s%s", i ? ";" : "", d->chains[i].id);
	cell(w, d->path);
	cell(w, d->title);
	cell(w, d->date);
	cell(w, d->lang);
	cell(w, d->encoding);
	cell(w, d->url);
	cell(w, regions.len ? regions.data : "");
	cell(w, chains.len ? chains.data : "");
	cell_int(w, (long long)d->n_projects);
	cell_int(w, (long long)d->text_len);
	end_row(w);
	buf_free(&regions);
	buf_free(&chains);
	return ferror(w->out) != 0;
}

static int project_row(void *ctx, const struct export_project *p)
{
	struct table_writer *w = ctx;
	if (w->format == FORMAT_JSONL) {
		json_project(w->out, p, 1);
		fputc('\n', w->out);
		return ferror(w->out) != 0;
	}
	cell(w, p->name);
	cell(w, p->company);
	cell(w, p->region);
	cell(w, p->chains);
	if (p->has_amount) {
		char v[64];
		snprintf(v, sizeof v, "%.0f", p->amount_value);
		cell(w, v);
	} else {
		cell(w, NULL);
	}
	cell(w, p->amount_currency);
	cell(w, p->amount_text);
	cell(w, p->status);
	cell(w, p->date);
	cell_int(w, (long long)p->n_sources);
	struct buf src = { 0 };
	for (const char *s = p->sources ? p->sources : ""; *s; s++)
		buf_putc(&src, *s == '\n' ? ';' : *s);
	cell(w, src.len ? src.data : "");
	buf_free(&src);
	end_row(w);
	return ferror(w->out) != 0;
}

/* The columns regions and chains share: id, name, name_zh, parent. JSON leaves the object open. */
static void reference_head(struct table_writer *w, const char *id, const char *name, const char *name_zh,
			   const char *parent)
{
	if (w->format == FORMAT_JSONL) {
		fputs("{\"id\":", w->out);
		json_write_string(w->out, id, (size_t)-1);
		fputs(",\"name\":", w->out);
		json_write_string(w->out, name, (size_t)-1);
		fputs(",\"name_zh\":", w->out);
		json_write_string(w->out, name_zh, (size_t)-1);
		fputs(",\"parent\":", w->out);
		json_write_string(w->out, parent && *parent ? parent : NULL, (size_t)-1);
		return;
	}
	cell(w, id);
	cell(w, name);
	cell(w, name_zh);
	cell(w, parent);
}

static int region_row(void *ctx, const struct export_region *r, const char *parent, int level, const char *name_zh)
{
	struct table_writer *w = ctx;
	reference_head(w, r->id, r->name, name_zh, parent);
	if (w->format == FORMAT_JSONL) {
		fprintf(w->out, ",\"level\":%d,\"documents\":%lld}\n", level, (long long)r->count);
	} else {
		cell_int(w, level);
		cell_int(w, (long long)r->count);
		end_row(w);
	}
	return ferror(w->out) != 0;
}

static int chain_row(void *ctx, const struct export_chain *c, const char *parent, const char *name_zh)
{
	struct table_writer *w = ctx;
	reference_head(w, c->id, c->name, name_zh, parent);
	if (w->format == FORMAT_JSONL) {
		fprintf(w->out, ",\"documents\":%lld}\n", (long long)c->count);
	} else {
		cell_int(w, (long long)c->count);
		end_row(w);
	}
	return ferror(w->out) != 0;
}

int export_table(struct store *st, enum export_table table, enum export_format format, FILE *out)
{
	struct table_writer w = { out, format, 0 };
	int tabular = format == FORMAT_CSV || format == FORMAT_TSV;
	switch (table) {
	case TABLE_DOCUMENTS: {
		static const char *const cols[] = { "path", "title", "date", "lang", "encoding", "url",
						    "regions", "chains", "projects", "text_bytes" };
		if (tabular)
			header(&w, cols, ARRAY_LEN(cols));
		return store_each_document(st, document_row, &w);
	}
	case TABLE_PROJECTS: {
		static const char *const cols[] = { "name", "company", "region", "chains", "amount_value",
						    "amount_currency", "amount_text", "status", "date",
						    "n_sources", "sources" };
		if (tabular)
			header(&w, cols, ARRAY_LEN(cols));
		return store_each_project(st, project_row, &w);
	}
	case TABLE_REGIONS: {
		static const char *const cols[] = { "id", "name", "name_zh", "parent", "level", "documents" };
		if (tabular)
			header(&w, cols, ARRAY_LEN(cols));
		return store_each_region(st, region_row, &w);
	}
	case TABLE_CHAINS: {
		static const char *const cols[] = { "id", "name", "name_zh", "parent", "documents" };
		if (tabular)
			header(&w, cols, ARRAY_LEN(cols));
		return store_each_chain(st, chain_row, &w);
	}
	}
	return -1;
}

/* ---- terminal ---- */

void write_sanitized(FILE *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n; ) {
		uint32_t cp;
		int len = utf8_decode(u + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7F) {
			fprintf(out, "^%c", cp == 0x7F ? '?' : (char)(cp + 64));
		} else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
			   (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F) {
			fprintf(out, "<U+%04X>", (unsigned)cp);
		} else if (cp == 0xFFFD && len == 1) {
			fputs("\xEF\xBF\xBD", out);
		} else {
			fwrite(u + i, 1, (size_t)len, out);
		}
		i += (size_t)len;
	}
}
