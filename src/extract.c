/* extract.c: the extraction stage's frame and its first step. Owns loading the region and chain
 * assets into one gazetteer, the reference tables (extractor_region/chain, find), the mention
 * and project arrays, and the region and chain mentions of a document with their
 * disambiguation (homonyms by the document's other places, county short names only with
 * context, natural features and look-alike names blocked, one-character province abbreviations
 * only in lists, generic "demonstration zone" only when the document is about it).
 * Must not find amounts, companies or projects (projects.c, amount.c) nor touch SQLite. */
#include "extract.h"
#include "extract_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "gazetteer.h"
#include "util.h"

#define NONE UINT32_MAX

/* A pattern value: which entity, how strong the alias is, and whether it is case-sensitive. */
#define V_CHAIN       (1u << 31)
#define V_CASE        (1u << 30)        /* low bits index ex->case_aliases instead */
#define V_CLASS_SHIFT 27
#define V_CLASS_MASK  (7u << V_CLASS_SHIFT)
#define V_APOS        (1u << 26)        /* the alias has an apostrophe (Ji'an, Yu'an) */
#define V_INDEX_MASK  ((1u << 26) - 1)
#define STOP_INDEX    V_INDEX_MASK      /* a chain-layer phrase that names no chain */

enum alias_class {
	AL_FULL,        /* full names, exonyms, former names: count where they stand */
	AL_SHORT,       /* bare names: strong for provinces and prefectures, need context below */
	AL_CTX,         /* generic aliases of a macro-region ("the demonstration zone") */
	AL_WEAK,        /* flagged weak: spaced pinyin ("Tai Zhou"), needs context */
};

enum region_kind { RK_PROVINCE, RK_PREFECTURE, RK_COUNTY, RK_MACRO, RK_ZONE, RK_TOWN, RK_NOT_PLACE };

struct region_ent {
	struct region_info info;
	enum region_kind kind;
	uint32_t parent, province, prefecture;   /* indexes or NONE */
	uint32_t about_first, about_count;       /* into ex->about (macro generic aliases) */
};

struct chain_ent {
	struct chain_info info;
	uint32_t top;                            /* index of the chain a segment belongs to */
};

struct case_alias {
	uint32_t value;                          /* the value without V_CASE */
	char *text;                              /* the alias as written */
};

struct abbr {
	uint32_t cp;                             /* 沪 */
	const char *roman;                       /* "Hu", or NULL */
	uint32_t region;
};

struct extractor {
	char *region_file, *chain_file;          /* the assets, split in place */
	struct region_ent *regions;
	size_t n_regions;
	uint32_t *region_by_id;                  /* indexes sorted by id */
	uint32_t *exported;                      /* places, in file order */
	size_t n_exported;
	struct chain_ent *chains;
	size_t n_chains;
	uint32_t *chain_by_id;
	uint32_t *about;
	size_t n_about;
	struct case_alias *case_aliases;
	size_t n_case, cap_case;
	struct abbr *abbrs;
	size_t n_abbrs;
	struct gazetteer *gaz;
	unsigned char *pat_kind;                 /* per pattern: 1 region values, 2 chain values */
	uint32_t umbrella_energy, vehicles;      /* chain indexes for the new-energy umbrella rule */
};

/* ---------------------------------------------------------------------------------------- */
/* loading */

static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct buf b = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		snprintf(err, errlen, "%s: read error", path);
		buf_free(&b);
		return NULL;
	}
	buf_putc(&b, '\0');
	*len = b.len - 1;
	return b.data;
}

/* Splits line in place at tabs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

struct id_ref {
	const char *id;
	uint32_t index;
};

static int cmp_id_ref(const void *a, const void *b)
{
	return strcmp(((const struct id_ref *)a)->id, ((const struct id_ref *)b)->id);
}

/* Sorted index over an array of structs whose first member is the id string. */
static uint32_t *index_by_id(const void *base, size_t n, size_t stride)
{
	struct id_ref *refs = xmalloc((n ? n : 1) * sizeof *refs);
	for (size_t i = 0; i < n; i++) {
		refs[i].id = *(const char *const *)((const char *)base + i * stride);
		refs[i].index = (uint32_t)i;
	}
	sort_array(refs, n, sizeof *refs, cmp_id_ref);
	uint32_t *idx = xmalloc((n ? n : 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = refs[i].index;
	free(refs);
	return idx;
}

static uint32_t find_by_id(const uint32_t *idx, const void *base, size_t n, size_t stride,
			   const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = *(const char *const *)((const char *)base + idx[mid] * stride);
		int c = strcmp(m, id);
		if (c == 0)
			return idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

static void add_pattern(struct extractor *ex, const char *alias, size_t len, uint32_t value,
			int case_sensitive)
{
	if (case_sensitive) {
		if (ex->n_case == ex->cap_case) {
			ex->cap_case = ex->cap_case ? ex->cap_case * 2 : 256;
			ex->case_aliases = xrealloc(ex->case_aliases, ex->cap_case * sizeof *ex->case_aliases);
		}
		ex->case_aliases[ex->n_case].value = value;
		ex->case_aliases[ex->n_case].text = xstrndup(alias, len);
		value = (value & V_CHAIN) | V_CASE | (uint32_t)ex->n_case++;
	}
	gaz_add(ex->gaz, alias, len, value);
}

/* Is alias listed in a flags field as "upper:ALIAS" (or another prefix)? */
static int flag_lists(const char *flags, const char *prefix, const char *alias, size_t len)
{
	size_t pl = strlen(prefix);
	for (const char *p = flags; *p;) {
		const char *e = strchr(p, ';');
		size_t fl = e ? (size_t)(e - p) : strlen(p);
		if (fl == pl + len && memcmp(p, prefix, pl) == 0 && memcmp(p + pl, alias, len) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static int strstr_n(const char *s, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; i + l <= n; i++)
		if (memcmp(s + i, needle, l) == 0)
			return 1;
	return 0;
}

static void add_alias_list(struct extractor *ex, uint32_t index, const char *list,
			   enum alias_class cls, const char *flags)
{
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0) {
			enum alias_class c = cls;
			if (flag_lists(flags, "ctx:", p, len))
				c = AL_CTX;
			else if (flag_lists(flags, "weak:", p, len))
				c = AL_WEAK;
			int upper = flag_lists(flags, "upper:", p, len);
			uint32_t apos = (memchr(p, '\'', len) || strstr_n(p, len, "\xE2\x80\x99")) ? V_APOS : 0;
			add_pattern(ex, p, len, ((uint32_t)c << V_CLASS_SHIFT) | apos | index, upper);
		}
		if (!e)
			break;
		p = e + 1;
	}
}

static void add_abbrs(struct extractor *ex, uint32_t index, const char *list)
{
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0) {
			ex->abbrs = xrealloc(ex->abbrs, (ex->n_abbrs + 1) * sizeof *ex->abbrs);
			struct abbr *a = &ex->abbrs[ex->n_abbrs++];
			a->region = index;
			a->roman = NULL;
			a->cp = 0;
			if ((unsigned char)*p >= 0x80) {
				uint32_t cp;
				utf8_decode((const unsigned char *)p, len, &cp);
				a->cp = fold_t2s(cp);
			} else {
				char *r = (char *)p;   /* the field is ours: terminate the alias in place */
				if (e)
					r[len] = '\0';
				a->roman = r;
			}
		}
		if (!e)
			break;
		p = e + 1;
	}
}

static int parse_level(const char *s)
{
	return (s[0] >= '0' && s[0] <= '9' && s[1] == '\0') ? s[0] - '0' : -1;
}

static enum region_kind parse_kind(const char *k)
{
	static const char *const names[] = { "province", "prefecture", "county", "macro", "zone", "town" };
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(k, names[i]) == 0)
			return (enum region_kind)i;
	return RK_NOT_PLACE;
}

enum { RF_ID, RF_PARENT, RF_LEVEL, RF_KIND, RF_NAME_EN, RF_NAME_ZH, RF_PINYIN, RF_FULL_EN,
       RF_FULL_ZH, RF_SHORT_EN, RF_SHORT_ZH, RF_ABBR, RF_FLAGS, RF_COUNT };

static int load_regions(struct extractor *ex, const char *dir, char *err, size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/regions.tsv", dir);
	size_t len;
	ex->region_file = read_file(path, &len, err, errlen);
	if (!ex->region_file)
		return -1;
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += ex->region_file[i] == '\n';
	ex->regions = xcalloc(lines + 1, sizeof *ex->regions);
	char **parents = xcalloc(lines + 1, sizeof *parents);
	char **flags = xcalloc(lines + 1, sizeof *flags);
	char *line = ex->region_file, *end = ex->region_file + len;
	int header = 1;
	while (line < end) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		if (nl)
			*nl = '\0';
		char *next = nl ? nl + 1 : end;
		char *f[RF_COUNT];
		if (header) {
			header = 0;
			if (split_tabs(line, f, RF_COUNT) != RF_COUNT || strcmp(f[RF_ID], "id") != 0) {
				snprintf(err, errlen, "%s: not a regions table (header)", path);
				goto fail;
			}
		} else if (*line) {
			int nf = split_tabs(line, f, RF_COUNT);
			int level = nf == RF_COUNT ? parse_level(f[RF_LEVEL]) : -1;
			if (level < 0 || !*f[RF_ID] || strlen(f[RF_ID]) >= EXTRACT_ID_MAX) {
				snprintf(err, errlen, "%s: malformed row %zu", path, ex->n_regions + 2);
				goto fail;
			}
			struct region_ent *r = &ex->regions[ex->n_regions];
			r->info.id = f[RF_ID];
			r->info.parent_id = f[RF_PARENT];
			r->info.level = level;
			r->info.name_en = f[RF_NAME_EN];
			r->info.name_zh = f[RF_NAME_ZH];
			r->info.pinyin = f[RF_PINYIN];
			r->kind = parse_kind(f[RF_KIND]);
			parents[ex->n_regions] = f[RF_PARENT];
			flags[ex->n_regions] = f[RF_FLAGS];
			uint32_t idx = (uint32_t)ex->n_regions++;
			add_alias_list(ex, idx, f[RF_FULL_EN], AL_FULL, f[RF_FLAGS]);
			add_alias_list(ex, idx, f[RF_FULL_ZH], AL_FULL, f[RF_FLAGS]);
			add_alias_list(ex, idx, f[RF_SHORT_EN], AL_SHORT, f[RF_FLAGS]);
			add_alias_list(ex, idx, f[RF_SHORT_ZH], AL_SHORT, f[RF_FLAGS]);
			if (r->kind == RK_PROVINCE)
				add_abbrs(ex, idx, f[RF_ABBR]);
		}
		line = next;
	}
	ex->region_by_id = index_by_id(ex->regions, ex->n_regions, sizeof *ex->regions);
	ex->exported = xmalloc((ex->n_regions + 1) * sizeof *ex->exported);
	for (size_t i = 0; i < ex->n_regions; i++) {
		struct region_ent *r = &ex->regions[i];
		r->parent = *parents[i] ? find_by_id(ex->region_by_id, ex->regions, ex->n_regions,
						     sizeof *ex->regions, parents[i]) : NONE;
		if (r->kind != RK_NOT_PLACE)
			ex->exported[ex->n_exported++] = (uint32_t)i;
		/* "about:ID" ids for the generic aliases of macro-regions */
		r->about_first = (uint32_t)ex->n_about;
		for (const char *p = flags[i]; p && *p;) {
			const char *e = strchr(p, ';');
			size_t fl = e ? (size_t)(e - p) : strlen(p);
			if (fl > 6 && fl < 6 + EXTRACT_ID_MAX && memcmp(p, "about:", 6) == 0) {
				char id[EXTRACT_ID_MAX];
				memcpy(id, p + 6, fl - 6);
				id[fl - 6] = '\0';
				uint32_t a = find_by_id(ex->region_by_id, ex->regions, ex->n_regions,
							sizeof *ex->regions, id);
				if (a != NONE) {
					ex->about = xrealloc(ex->about, (ex->n_about + 1) * sizeof *ex->about);
					ex->about[ex->n_about++] = a;
				}
			}
			if (!e)
				break;
			p = e + 1;
		}
		r->about_count = (uint32_t)ex->n_about - r->about_first;
	}
	/* ancestors, walking parents (bounded: the table could contain a cycle) */
	for (size_t i = 0; i < ex->n_regions; i++) {
		struct region_ent *r = &ex->regions[i];
		r->province = r->prefecture = NONE;
		uint32_t a = (uint32_t)i;
		for (int depth = 0; a != NONE && depth < 8; depth++) {
			const struct region_ent *x = &ex->regions[a];
			if (x->kind == RK_PROVINCE && r->province == NONE)
				r->province = a;
			if (x->kind == RK_PREFECTURE && r->prefecture == NONE)
				r->prefecture = a;
			a = x->parent;
		}
	}
	free(parents);
	free(flags);
	return 0;
fail:
	free(parents);
	free(flags);
	return -1;
}

/* English plural of a keyword's last word: battery -> batteries, process -> processes. */
static size_t plural_of(const char *kw, size_t len, char *out, size_t cap)
{
	if (len == 0 || len + 3 >= cap)
		return 0;
	char last = kw[len - 1];
	if (!((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')))
		return 0;
	memcpy(out, kw, len);
	char prev = len > 1 ? kw[len - 2] : ' ';
	int upper = last >= 'A' && last <= 'Z';
	if (upper) {
		out[len] = 's';
		return len + 1;
	}
	if (last == 'y' && !strchr("aeiou", prev)) {
		memcpy(out + len - 1, "ies", 3);
		return len + 2;
	}
	if (last == 's' || last == 'x' || last == 'z' || ((last == 'h') && (prev == 'c' || prev == 's'))) {
		memcpy(out + len, "es", 2);
		return len + 2;
	}
	out[len] = 's';
	return len + 1;
}

/* A keyword written with two or more capitals (AI, PV, SiC, IoT, CAR-T) is an acronym. */
static int is_acronym(const char *kw, size_t len)
{
	int caps = 0;
	for (size_t i = 0; i < len; i++)
		caps += kw[i] >= 'A' && kw[i] <= 'Z';
	return caps >= 2;
}

static void add_keywords(struct extractor *ex, uint32_t index, const char *list, int english)
{
	for (const char *p = list; *p;) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0) {
			int ascii = 1;
			for (size_t i = 0; i < len; i++)
				ascii &= (unsigned char)p[i] < 0x80;
			int cs = ascii && is_acronym(p, len);
			uint32_t v = V_CHAIN | index;
			add_pattern(ex, p, len, v, cs);
			char pl[512];
			size_t pn = english && ascii ? plural_of(p, len, pl, sizeof pl) : 0;
			if (pn)
				add_pattern(ex, pl, pn, v, cs);
		}
		if (!e)
			break;
		p = e + 1;
	}
}

enum { CF_ID, CF_PARENT, CF_LEVEL, CF_NAME_EN, CF_NAME_ZH, CF_KW_EN, CF_KW_ZH, CF_COUNT };

static int load_chains(struct extractor *ex, const char *dir, char *err, size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/chains.tsv", dir);
	size_t len;
	ex->chain_file = read_file(path, &len, err, errlen);
	if (!ex->chain_file)
		return -1;
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += ex->chain_file[i] == '\n';
	ex->chains = xcalloc(lines + 1, sizeof *ex->chains);
	char **kw_en = xcalloc(lines + 1, sizeof *kw_en), **kw_zh = xcalloc(lines + 1, sizeof *kw_zh);
	char *line = ex->chain_file, *end = ex->chain_file + len;
	int header = 1, rc = 0;
	struct buf stop_en = {0}, stop_zh = {0};
	while (line < end) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		if (nl)
			*nl = '\0';
		char *next = nl ? nl + 1 : end;
		char *f[CF_COUNT];
		if (header) {
			header = 0;
			if (split_tabs(line, f, CF_COUNT) != CF_COUNT || strcmp(f[CF_ID], "id") != 0) {
				snprintf(err, errlen, "%s: not a chains table (header)", path);
				rc = -1;
				break;
			}
		} else if (*line) {
			/* segment ids may be longer than EXTRACT_ID_MAX: mentions carry the chain's id */
			if (split_tabs(line, f, CF_COUNT) != CF_COUNT || !*f[CF_ID] ||
			    (!*f[CF_PARENT] && strlen(f[CF_ID]) >= EXTRACT_ID_MAX)) {
				snprintf(err, errlen, "%s: malformed row %zu (a chain id must be shorter than "
					 "EXTRACT_ID_MAX = %d)", path, ex->n_chains + 2, EXTRACT_ID_MAX);
				rc = -1;
				break;
			}
			if (f[CF_ID][0] == '-') {
				/* stop phrases: they take their span in the chain layer and name nothing */
				buf_puts(&stop_en, f[CF_KW_EN]);
				buf_putc(&stop_en, '|');
				buf_puts(&stop_zh, f[CF_KW_ZH]);
				buf_putc(&stop_zh, '|');
				line = next;
				continue;
			}
			struct chain_ent *c = &ex->chains[ex->n_chains];
			c->info.id = f[CF_ID];
			c->info.parent_id = f[CF_PARENT];
			c->info.name_en = f[CF_NAME_EN];
			c->info.name_zh = f[CF_NAME_ZH];
			kw_en[ex->n_chains] = f[CF_KW_EN];
			kw_zh[ex->n_chains] = f[CF_KW_ZH];
			ex->n_chains++;
		}
		line = next;
	}
	if (rc == 0) {
		ex->chain_by_id = index_by_id(ex->chains, ex->n_chains, sizeof *ex->chains);
		for (size_t i = 0; i < ex->n_chains; i++) {
			struct chain_ent *c = &ex->chains[i];
			uint32_t top = *c->info.parent_id ?
				find_by_id(ex->chain_by_id, ex->chains, ex->n_chains, sizeof *ex->chains,
					   c->info.parent_id) : NONE;
			c->top = top == NONE ? (uint32_t)i : top;
			add_keywords(ex, (uint32_t)i, kw_en[i], 1);
			add_keywords(ex, (uint32_t)i, kw_zh[i], 0);
		}
		add_keywords(ex, STOP_INDEX, buf_cstr(&stop_en), 1);
		add_keywords(ex, STOP_INDEX, buf_cstr(&stop_zh), 0);
		ex->umbrella_energy = find_by_id(ex->chain_by_id, ex->chains, ex->n_chains,
						 sizeof *ex->chains, "new-energy");
		ex->vehicles = find_by_id(ex->chain_by_id, ex->chains, ex->n_chains,
					  sizeof *ex->chains, "new-energy-vehicles");
	}
	buf_free(&stop_en);
	buf_free(&stop_zh);
	free(kw_en);
	free(kw_zh);
	return rc;
}

static int cmp_abbr(const void *a, const void *b)
{
	const struct abbr *x = a, *y = b;
	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

struct extractor *extractor_open(const char *assets_dir, char *err, size_t errlen)
{
	if (!assets_dir) {
		snprintf(err, errlen, "no assets directory");
		return NULL;
	}
	struct extractor *ex = xcalloc(1, sizeof *ex);
	ex->gaz = gaz_new();
	if (load_regions(ex, assets_dir, err, errlen) < 0 || load_chains(ex, assets_dir, err, errlen) < 0) {
		extractor_close(ex);
		return NULL;
	}
	if (ex->n_regions >= V_INDEX_MASK || ex->n_chains >= V_INDEX_MASK) {
		snprintf(err, errlen, "assets too large");
		extractor_close(ex);
		return NULL;
	}
	sort_array(ex->abbrs, ex->n_abbrs, sizeof *ex->abbrs, cmp_abbr);
	gaz_build(ex->gaz);
	size_t np = gaz_pattern_count(ex->gaz);
	ex->pat_kind = xcalloc(np ? np : 1, 1);
	for (uint32_t p = 0; p < np; p++) {
		size_t nv;
		const uint32_t *v = gaz_values(ex->gaz, p, &nv);
		for (size_t i = 0; i < nv; i++) {
			uint32_t val = v[i] & V_CASE ? ex->case_aliases[v[i] & ~V_CASE & ~V_CHAIN].value : v[i];
			ex->pat_kind[p] |= (val & V_CHAIN) ? 2 : 1;
		}
	}
	return ex;
}

void extractor_close(struct extractor *ex)
{
	if (!ex)
		return;
	gaz_free(ex->gaz);
	for (size_t i = 0; i < ex->n_case; i++)
		free(ex->case_aliases[i].text);
	free(ex->case_aliases);
	free(ex->regions);
	free(ex->region_by_id);
	free(ex->exported);
	free(ex->chains);
	free(ex->chain_by_id);
	free(ex->about);
	free(ex->abbrs);
	free(ex->pat_kind);
	free(ex->region_file);
	free(ex->chain_file);
	free(ex);
}

size_t extractor_region_count(const struct extractor *ex) { return ex ? ex->n_exported : 0; }

const struct region_info *extractor_region(const struct extractor *ex, size_t i)
{
	return ex && i < ex->n_exported ? &ex->regions[ex->exported[i]].info : NULL;
}

size_t extractor_chain_count(const struct extractor *ex) { return ex ? ex->n_chains : 0; }

const struct chain_info *extractor_chain(const struct extractor *ex, size_t i)
{
	return ex && i < ex->n_chains ? &ex->chains[i].info : NULL;
}

const struct region_info *extractor_find_region(const struct extractor *ex, const char *id)
{
	if (!ex || !id)
		return NULL;
	uint32_t i = find_by_id(ex->region_by_id, ex->regions, ex->n_regions, sizeof *ex->regions, id);
	return i == NONE || ex->regions[i].kind == RK_NOT_PLACE ? NULL : &ex->regions[i].info;
}

const struct chain_info *extractor_find_chain(const struct extractor *ex, const char *id)
{
	if (!ex || !id)
		return NULL;
	uint32_t i = find_by_id(ex->chain_by_id, ex->chains, ex->n_chains, sizeof *ex->chains, id);
	return i == NONE ? NULL : &ex->chains[i].info;
}

/* ---------------------------------------------------------------------------------------- */
/* the extraction record */

static const char *const status_names[] = {
	"unknown", "planned", "signed", "unveiled", "started", "completed", "operational",
};

const char *project_status_name(enum project_status s)
{
	return (unsigned)s < ARRAY_LEN(status_names) ? status_names[s] : "unknown";
}

int project_status_parse(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(status_names); i++)
		if (strcmp(name, status_names[i]) == 0)
			return (int)i;
	return -1;
}

struct mention *extraction_add_mention(struct extraction *x, enum mention_kind kind,
				       const char *id, uint32_t start, uint32_t end)
{
	if (x->n_mentions == x->cap_mentions) {
		x->cap_mentions = x->cap_mentions ? x->cap_mentions * 2 : 64;
		x->mentions = xrealloc(x->mentions, x->cap_mentions * sizeof *x->mentions);
	}
	struct mention *m = &x->mentions[x->n_mentions++];
	memset(m, 0, sizeof *m);
	m->kind = kind;
	if (id) {
		size_t l = strlen(id);
		if (l >= EXTRACT_ID_MAX)
			l = EXTRACT_ID_MAX - 1;
		memcpy(m->id, id, l);
	}
	m->start = start;
	m->end = end;
	return m;
}

struct project *extraction_add_project(struct extraction *x)
{
	if (x->n_projects == x->cap_projects) {
		x->cap_projects = x->cap_projects ? x->cap_projects * 2 : 16;
		x->projects = xrealloc(x->projects, x->cap_projects * sizeof *x->projects);
	}
	struct project *p = &x->projects[x->n_projects++];
	memset(p, 0, sizeof *p);
	return p;
}

void extraction_reset(struct extraction *x)
{
	for (size_t i = 0; i < x->n_projects; i++) {
		free(x->projects[i].name);
		free(x->projects[i].company);
	}
	x->n_projects = 0;
	x->n_mentions = 0;
}

void extraction_free(struct extraction *x)
{
	extraction_reset(x);
	free(x->mentions);
	free(x->projects);
	memset(x, 0, sizeof *x);
}

/* ---------------------------------------------------------------------------------------- */
/* region and chain mentions of one document */

struct cand {
	uint32_t region;
	enum alias_class cls;
	int bare;                    /* an apostrophe name written without it ("Jian", "yuan") */
};

/* The per-document state of the region step. */
struct doc {
	const struct extractor *ex;
	const char *text;
	const struct gaz_text *t;
	struct gaz_hit *hits;        /* region-bearing hits, sorted by key start */
	size_t n_hits;
	unsigned char *named;        /* per region: resolved as a mention in this document */
	unsigned char *desc_named;   /* per region: one of its descendants is */
	uint32_t *prov_count;        /* per region (provinces): distinct named places inside */
	struct extraction *out;
};

/* Does the original span [start, end) spell alias with its capitals (ignoring punctuation and a
 * plural s)? */
static int case_matches(const char *text, uint32_t start, uint32_t end, const char *alias)
{
	const char *a = alias;
	uint32_t i = start;
	for (;;) {
		while (*a && !((*a >= '0' && *a <= '9') || (*a >= 'a' && *a <= 'z') || (*a >= 'A' && *a <= 'Z') ||
			       (unsigned char)*a >= 0x80))
			a++;
		while (i < end) {
			unsigned char c = (unsigned char)text[i];
			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
				break;
			i++;
		}
		if (!*a)
			return i == end || (i + 1 == end && text[i] == 's');
		if (i >= end)
			return 0;
		unsigned char x = (unsigned char)*a, y = (unsigned char)text[i];
		if (x != y && !(x >= 0x80))   /* non-ASCII bytes were matched by the key already */
			return 0;
		a++;
		i++;
	}
}

/* The values of a hit's pattern as (entity, class), filtered by case; chain or region side. */
static size_t hit_values(const struct extractor *ex, const char *text, const struct gaz_hit *h,
			 int want_chain, uint32_t *vals, size_t max)
{
	size_t nv, k = 0;
	const uint32_t *v = gaz_values(ex->gaz, h->pattern, &nv);
	for (size_t i = 0; i < nv && k < max; i++) {
		uint32_t val = v[i];
		if (val & V_CASE) {
			const struct case_alias *ca = &ex->case_aliases[val & V_INDEX_MASK];
			if (!case_matches(text, h->start, h->end, ca->text))
				continue;
			val = ca->value;
		}
		if (!!(val & V_CHAIN) != !!want_chain)
			continue;
		vals[k++] = val;
	}
	return k;
}

static int is_ancestor_or_self(const struct extractor *ex, uint32_t anc, uint32_t r)
{
	for (int depth = 0; r != NONE && depth < 8; depth++) {
		if (r == anc)
			return 1;
		r = ex->regions[r].parent;
	}
	return 0;
}

static void mark_named(struct doc *d, uint32_t r)
{
	const struct extractor *ex = d->ex;
	if (d->named[r])
		return;
	d->named[r] = 1;
	uint32_t p = ex->regions[r].province;
	if (p != NONE && p != r)
		d->prov_count[p]++;
	for (uint32_t a = ex->regions[r].parent, depth = 0; a != NONE && depth < 8; a = ex->regions[a].parent, depth++)
		d->desc_named[a] = 1;
}

static void emit_region(struct doc *d, uint32_t r, uint32_t start, uint32_t end)
{
	extraction_add_mention(d->out, MENTION_REGION, d->ex->regions[r].info.id, start, end);
	mark_named(d, r);
}

/* Context score of a homonym candidate: its province or prefecture named, a place inside it
 * named, other places of its province named. */
static int cand_score(const struct doc *d, uint32_t c)
{
	const struct region_ent *r = &d->ex->regions[c];
	/* a bare name means the higher-level place unless the text points to the lower one:
	 * "Hebei" is the province, not Tianjin's Hebei District */
	int s = r->kind == RK_PROVINCE ? 12 : r->kind == RK_PREFECTURE ? 6 : 0;
	if (r->province != NONE && r->province != c && d->named[r->province])
		s += 10;
	if (r->prefecture != NONE && r->prefecture != c && d->named[r->prefecture])
		s += 10;
	if (d->desc_named[c])
		s += 5;
	if (r->province != NONE) {
		uint32_t k = d->prov_count[r->province];
		s += k > 9 ? 9 : (int)k;
	}
	return s;
}

static int has_context(const struct doc *d, const struct cand *cd)
{
	uint32_t c = cd->region;
	const struct region_ent *r = &d->ex->regions[c];
	if (cd->bare)   /* "Jian" for Ji'an, "yuan" for Yu'an: only where the place itself is named */
		return d->named[c] || d->desc_named[c] ||
		       (r->prefecture != NONE && r->prefecture != c && d->named[r->prefecture]);
	return d->named[c] || d->desc_named[c] ||
	       (r->province != NONE && r->province != c &&
		(d->named[r->province] || d->prov_count[r->province] > 0)) ||
	       (r->prefecture != NONE && r->prefecture != c && d->named[r->prefecture]);
}

static int is_yrd_province(const struct region_ent *r)
{
	const char *id = r->info.id;
	return id[0] == '3' && id[1] >= '1' && id[1] <= '4';
}

/* Strong: counts without context. Bare county names and spaced pinyin need context. */
static int cand_strong(const struct extractor *ex, const struct cand *c)
{
	if (c->cls == AL_WEAK || c->cls == AL_CTX || c->bare)
		return 0;
	if (c->cls == AL_SHORT && ex->regions[c->region].kind == RK_COUNTY)
		return 0;
	return 1;
}

/* The best candidate of an ambiguous or weak hit, or NONE. */
static uint32_t resolve(const struct doc *d, const struct cand *cs, size_t n)
{
	const struct extractor *ex = d->ex;
	uint32_t best = NONE;
	int best_score = -1;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = cs[i].region;
		if (cs[i].cls == AL_CTX)
			continue;
		if (!cand_strong(ex, &cs[i]) && !has_context(d, &cs[i]))
			continue;
		int s = cand_score(d, c);
		if (best != NONE) {
			const struct region_ent *a = &ex->regions[c], *b = &ex->regions[best];
			if (s < best_score)
				continue;
			if (s == best_score) {
				/* ties: the higher level, then the Yangtze River Delta, then file order */
				int la = a->kind == RK_MACRO ? 0 : a->info.level, lb = b->kind == RK_MACRO ? 0 : b->info.level;
				if (la > lb)
					continue;
				if (la == lb) {
					int ya = a->province != NONE && is_yrd_province(&ex->regions[a->province]);
					int yb = b->province != NONE && is_yrd_province(&ex->regions[b->province]);
					if (ya <= yb)
						continue;
				}
			}
		}
		best = c;
		best_score = s;
	}
	return best;
}

static int span_has_apostrophe(const char *text, uint32_t start, uint32_t end)
{
	for (uint32_t i = start; i < end; i++)
		if (text[i] == '\'' || text[i] == '`' ||
		    (i + 2 < end && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
		     ((unsigned char)text[i + 2] == 0x99 || (unsigned char)text[i + 2] == 0x98)))
			return 1;
	return 0;
}

/* Chinese surnames in pinyin: "Li Jian", "Xi Jinping", "Sun Haidong" are people, not places. */
static int after_surname(const char *text, uint32_t start)
{
	static const char *const surnames[] = {
		"Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
		"Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng",
		"Xie", "Han", "Tang", "Feng", "Yu", "Dong", "Xiao", "Cheng", "Cao", "Yuan", "Deng",
		"Fu", "Shen", "Zeng", "Peng", "Lu", "Su", "Jiang", "Cai", "Jia", "Ding", "Wei", "Xue",
		"Ye", "Yan", "Pan", "Du", "Dai", "Xia", "Zhong", "Tian", "Ren", "Fan", "Fang", "Shi",
		"Yao", "Tan", "Liao", "Zou", "Xiong", "Jin", "Hao", "Kong", "Bai", "Cui", "Kang",
		"Mao", "Qiu", "Qin", "Gu", "Hou", "Shao", "Meng", "Long", "Wan", "Duan", "Lei",
		"Qian", "Yin", "Yi", "Chang", "Qiao", "Lai", "Gong", "Wen", "Niu", "Tao", "Ni",
		"Yue", "Zhai", "Ge", "Mo", "Xiang", "Qi", "Bao", "Xi", "Ouyang", "Sima", "Zhuge",
	};
	if (start < 2 || text[start - 1] != ' ')
		return 0;
	uint32_t e = start - 1, b = e;
	while (b > 0 && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') || (text[b - 1] >= 'A' && text[b - 1] <= 'Z')))
		b--;
	if (b == e || (b > 0 && (unsigned char)text[b - 1] < 0x80 && text[b - 1] != ' ' &&
		       text[b - 1] != '\n' && text[b - 1] != '(' && text[b - 1] != '"'))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(surnames); i++)
		if (strlen(surnames[i]) == e - b && memcmp(text + b, surnames[i], e - b) == 0)
			return 1;
	return 0;
}

/* "Jialing River", "Shuangjiang River": a bare name followed by a natural feature's noun. */
static int before_feature(const struct gaz_text *t, const struct gaz_hit *h)
{
	static const char *const nouns[] = { "river", "rivers", "lake", "mountain", "mountains",
					     "bay", "canal", "creek", "island", "islands", "hills" };
	if (h->kend + 1 >= t->len || t->key[h->kend] != ' ')
		return 0;
	size_t b = h->kend + 1, e = b;
	while (e < t->len && t->key[e] >= 'a' && t->key[e] <= 'z')
		e++;
	for (size_t i = 0; i < ARRAY_LEN(nouns); i++)
		if (strlen(nouns[i]) == e - b && memcmp(t->key + b, nouns[i], e - b) == 0)
			return 1;
	return 0;
}

static size_t hit_cands(const struct doc *d, const struct gaz_hit *h, struct cand *cs, size_t max,
			int *not_place)
{
	uint32_t vals[64];
	size_t nv = hit_values(d->ex, d->text, h, 0, vals, 64), k = 0;
	*not_place = 0;
	int latin = (unsigned char)d->text[h->start] < 0x80;
	int apos = -1, person = -1;
	for (size_t i = 0; i < nv && k < max; i++) {
		uint32_t r = vals[i] & V_INDEX_MASK;
		if (d->ex->regions[r].kind == RK_NOT_PLACE)
			*not_place = 1;
		enum alias_class cls = (enum alias_class)((vals[i] & V_CLASS_MASK) >> V_CLASS_SHIFT);
		if (latin && cls != AL_FULL) {
			if (person < 0)
				person = after_surname(d->text, h->start) || before_feature(d->t, h);
			if (person)
				continue;
		}
		cs[k].region = r;
		cs[k].cls = cls;
		cs[k].bare = 0;
		if (vals[i] & V_APOS) {
			if (apos < 0)
				apos = span_has_apostrophe(d->text, h->start, h->end);
			cs[k].bare = !apos;
		}
		k++;
	}
	return k;
}

static size_t lower_bound_kstart(const struct gaz_hit *hits, size_t n, uint32_t ks)
{
	return lower_bound_u32(hits, n, sizeof *hits, offsetof(struct gaz_hit, kstart), ks);
}

/* Places named inside a zone, town or macro-region name ("Suzhou Industrial Park" names Suzhou;
 * "Beijing-Tianjin-Hebei" names the three). For zones and towns only the division the zone lies
 * in (or an ancestor) counts: "Jiangbei New Area" of Nanjing does not name Ningbo's Jiangbei. */
static void emit_inner(struct doc *d, const struct gaz_hit *outer, uint32_t owner, int depth)
{
	const struct extractor *ex = d->ex;
	size_t a = lower_bound_kstart(d->hits, d->n_hits, outer->kstart), b = a;
	while (b < d->n_hits && d->hits[b].kstart < outer->kend)
		b++;
	size_t m = 0;
	struct gaz_hit inner[64];
	for (size_t i = a; i < b && m < ARRAY_LEN(inner); i++) {
		const struct gaz_hit *h = &d->hits[i];
		if (h->kend > outer->kend || (h->kstart == outer->kstart && h->kend == outer->kend))
			continue;
		inner[m++] = *h;
	}
	if (m == 0)
		return;
	unsigned char keep[ARRAY_LEN(inner)];
	gaz_select_longest(inner, m, keep);
	const struct region_ent *o = &ex->regions[owner];
	for (size_t i = 0; i < m; i++) {
		if (!keep[i])
			continue;
		struct cand cs[32];
		int not_place;
		size_t nc = hit_cands(d, &inner[i], cs, 32, &not_place);
		if (not_place)
			continue;
		for (size_t j = 0; j < nc; j++) {
			uint32_t c = cs[j].region;
			const struct region_ent *r = &ex->regions[c];
			int ok;
			if (o->kind == RK_MACRO)
				ok = r->kind == RK_MACRO || (cs[j].cls == AL_FULL && r->kind != RK_ZONE && r->kind != RK_TOWN) ||
				     (cs[j].cls == AL_SHORT && (r->kind == RK_PROVINCE || r->kind == RK_PREFECTURE));
			else
				ok = cs[j].cls != AL_CTX && r->kind != RK_MACRO && r->kind != RK_ZONE &&
				     r->kind != RK_TOWN && is_ancestor_or_self(ex, c, o->parent);
			if (ok) {
				emit_region(d, c, inner[i].start, inner[i].end);
				/* "Beijing-Tianjin-Hebei region" holds "Beijing-Tianjin-Hebei", which
				 * holds the three names */
				if (depth < 3 && (r->kind == RK_MACRO || r->kind == RK_ZONE || r->kind == RK_TOWN))
					emit_inner(d, &inner[i], c, depth + 1);
				break;
			}
		}
	}
}

static void emit_resolved(struct doc *d, const struct gaz_hit *h, uint32_t r)
{
	emit_region(d, r, h->start, h->end);
	enum region_kind k = d->ex->regions[r].kind;
	if (k == RK_ZONE || k == RK_TOWN || k == RK_MACRO)
		emit_inner(d, h, r, 0);
}

static uint32_t key_cp_before(const struct gaz_text *t, uint32_t k, uint32_t *start)
{
	if (k == 0)
		return 0;
	uint32_t s = k - 1;
	while (s > 0 && ((unsigned char)t->key[s] & 0xC0) == 0x80)
		s--;
	uint32_t cp;
	utf8_decode((const unsigned char *)t->key + s, k - s, &cp);
	if (start)
		*start = s;
	return cp;
}

/* A generic alias ("the demonstration zone", 示范区) stands alone: it is not the tail of another
 * name ("Suzhou National ... Demonstration Zone", 农业示范区). */
static int generic_stands_alone(const struct gaz_text *t, const struct gaz_hit *h)
{
	uint32_t s;
	uint32_t cp = key_cp_before(t, h->kstart, &s);
	if (cp == 0)
		return 1;
	if (cp == ' ') {
		/* the word before, in the key */
		uint32_t e = s, b = s;
		while (b > 0 && t->key[b - 1] != ' ')
			b--;
		static const char *const ok[] = { "the", "integrated", "integration", "this", "whole",
						  "said", "our", "in", "of", "and" };
		for (size_t i = 0; i < ARRAY_LEN(ok); i++)
			if (strlen(ok[i]) == e - b && memcmp(t->key + b, ok[i], e - b) == 0)
				return 1;
		return 0;
	}
	if (cp < 0x80)
		return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'));
	if (!is_cjk_ideograph(cp))
		return 1;
	/* function characters that end a phrase rather than a name */
	static const char fn[] = "的在和与及是为对把将从全到至入于该等由向让各";
	char enc[8];
	size_t l = (size_t)(h->kstart - s);
	if (l >= sizeof enc)
		return 0;
	memcpy(enc, t->key + s, l);
	enc[l] = '\0';
	return strstr(fn, enc) != NULL;
}

static int doc_is_about(const struct doc *d, uint32_t macro)
{
	const struct region_ent *r = &d->ex->regions[macro];
	for (uint32_t i = 0; i < r->about_count; i++)
		if (d->named[d->ex->about[r->about_first + i]])
			return 1;
	return 0;
}

struct span {
	uint32_t start, end;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The region mentions found so far, sorted by start, for listed_with_found(). */
static struct span *found_spans(const struct extraction *x, size_t *n)
{
	struct span *s = xmalloc((x->n_mentions ? x->n_mentions : 1) * sizeof *s);
	size_t k = 0;
	for (size_t i = 0; i < x->n_mentions; i++)
		if (x->mentions[i].kind == MENTION_REGION) {
			s[k].start = x->mentions[i].start;
			s[k].end = x->mentions[i].end;
			k++;
		}
	sort_array(s, k, sizeof *s, cmp_span);
	*n = k;
	return s;
}

static int list_separator(const char *g, size_t gl)
{
	static const char *const seps[] = { "\xE3\x80\x81", ",", ", ", "\xEF\xBC\x8C", "/",
					    " and ", "\xE5\x92\x8C", "\xE4\xB8\x8E", " & " };
	for (size_t k = 0; k < ARRAY_LEN(seps); k++)
		if (strlen(seps[k]) == gl && memcmp(g, seps[k], gl) == 0)
			return 1;
	return 0;
}

/* Is the hit next to a region mention already found, separated only by a list separator
 * (、 , ， / "and")? Looks at the few spans on either side (mentions may nest). */
static int listed_with_found(const struct doc *d, const struct span *s, size_t n,
			     const struct gaz_hit *h)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s[mid].start < h->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo, seen = 0; k > 0 && seen < 4; k--, seen++) {
		const struct span *m = &s[k - 1];
		if (m->end <= h->start && h->start - m->end <= 6 &&
		    list_separator(d->text + m->end, h->start - m->end))
			return 1;
	}
	for (size_t k = lo, seen = 0; k < n && seen < 4; k++, seen++) {
		const struct span *m = &s[k];
		if (m->start >= h->end && m->start - h->end <= 6 &&
		    list_separator(d->text + h->end, m->start - h->end))
			return 1;
	}
	return 0;
}

static int cmp_hit_start(const void *a, const void *b)
{
	const struct gaz_hit *x = a, *y = b;
	if (x->kstart != y->kstart)
		return x->kstart < y->kstart ? -1 : 1;
	if (x->kend != y->kend)
		return x->kend > y->kend ? -1 : 1;
	return 0;
}

/* "Construction of the Songjiang G60 corridor began": a bare English county name that is no
 * homonym counts without its province when the text names no division of another province
 * (then it would more likely be a company or park named after a far-away county, "Hefeng
 * Industrial Park" in a Suzhou story). Capitalised, at least six letters. */
static void bare_counties_alone(struct doc *d, unsigned char *defer)
{
	const struct extractor *ex = d->ex;
	unsigned char province_named[100] = {0};
	for (size_t i = 0; i < d->out->n_mentions; i++) {
		const struct mention *m = &d->out->mentions[i];
		if (m->kind == MENTION_REGION && m->id[0] >= '1' && m->id[0] <= '9' &&
		    m->id[1] >= '0' && m->id[1] <= '9')
			province_named[(m->id[0] - '0') * 10 + (m->id[1] - '0')] = 1;
	}
	struct cand cs[32];
	int not_place;
	for (size_t i = 0; i < d->n_hits; i++) {
		const struct gaz_hit *h = &d->hits[i];
		if (defer[i] != 1 || h->end - h->start < 6 || d->text[h->start] < 'A' ||
		    d->text[h->start] > 'Z')
			continue;
		int latin = 1;
		for (uint32_t k = h->start; k < h->end && latin; k++)
			latin = (d->text[k] >= 'a' && d->text[k] <= 'z') || (k == h->start);
		if (!latin)
			continue;
		size_t nc = hit_cands(d, h, cs, 32, &not_place);
		if (nc != 1 || not_place || cs[0].cls != AL_SHORT || cs[0].bare ||
		    ex->regions[cs[0].region].kind != RK_COUNTY)
			continue;
		const char *id = ex->regions[cs[0].region].info.id;
		int own = (id[0] - '0') * 10 + (id[1] - '0'), other = 0;
		for (int p = 10; p < 100 && !other; p++)
			other = province_named[p] && p != own;
		if (other)
			continue;
		emit_resolved(d, h, cs[0].region);
		defer[i] = 3;
	}
}

static void region_mentions(struct doc *d)
{
	const struct extractor *ex = d->ex;
	size_t n = d->n_hits;
	if (n == 0)
		return;
	unsigned char *keep = xmalloc(n);
	gaz_select_longest(d->hits, n, keep);
	/* deferred: 1 ambiguous or weak (pass B), 2 generic (pass C) */
	unsigned char *defer = xcalloc(n, 1);
	struct cand cs[32];
	int not_place;
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		size_t nc = hit_cands(d, &d->hits[i], cs, 32, &not_place);
		if (nc == 0 || not_place)
			continue;
		if (nc == 1 && cand_strong(ex, &cs[0]))
			emit_resolved(d, &d->hits[i], cs[0].region);
		else
			defer[i] = 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (!defer[i])
			continue;
		size_t nc = hit_cands(d, &d->hits[i], cs, 32, &not_place);
		uint32_t r = resolve(d, cs, nc);
		if (r != NONE) {
			emit_resolved(d, &d->hits[i], r);
			defer[i] = 3;
		} else
			for (size_t j = 0; j < nc; j++)
				if (cs[j].cls == AL_CTX)
					defer[i] = 2;
	}
	/* names in a list with a place already found ("青浦、吴江、嘉善"): rounds, so that a list is
	 * followed from its known member */
	for (int round = 0; round < 3; round++) {
		int changed = 0;
		size_t n_spans;
		struct span *spans = found_spans(d->out, &n_spans);
		for (size_t i = 0; i < n; i++) {
			if (defer[i] != 1 && defer[i] != 2)
				continue;
			if (!listed_with_found(d, spans, n_spans, &d->hits[i]))
				continue;
			size_t nc = hit_cands(d, &d->hits[i], cs, 32, &not_place);
			uint32_t best = NONE;
			int best_score = -1;
			for (size_t j = 0; j < nc; j++) {
				if (cs[j].cls == AL_CTX || cs[j].bare)
					continue;
				int sc = cand_score(d, cs[j].region);
				if (sc > best_score) {
					best = cs[j].region;
					best_score = sc;
				}
			}
			if (best != NONE) {
				emit_resolved(d, &d->hits[i], best);
				defer[i] = 3;
				changed = 1;
			}
		}
		free(spans);
		if (!changed)
			break;
	}
	/* a bare name the list made a place is that place elsewhere in the text too ("青浦、吴江、
	 * 嘉善三地" ... "吴江段"): one more resolution of what is still open */
	for (size_t i = 0; i < n; i++) {
		if (defer[i] != 1)
			continue;
		size_t nc = hit_cands(d, &d->hits[i], cs, 32, &not_place);
		uint32_t r = resolve(d, cs, nc);
		if (r != NONE) {
			emit_resolved(d, &d->hits[i], r);
			defer[i] = 3;
		}
	}
	bare_counties_alone(d, defer);
	for (size_t i = 0; i < n; i++) {
		if (defer[i] != 2 || !generic_stands_alone(d->t, &d->hits[i]))
			continue;
		size_t nc = hit_cands(d, &d->hits[i], cs, 32, &not_place);
		for (size_t j = 0; j < nc; j++)
			if (cs[j].cls == AL_CTX && doc_is_about(d, cs[j].region)) {
				emit_region(d, cs[j].region, d->hits[i].start, d->hits[i].end);
				break;
			}
	}
	free(defer);
	free(keep);
}

/* Characters after a list of abbreviations that make it part of a name (沪苏湖铁路, 京沪高铁,
 * 新京报...) rather than a list of provinces (沪苏浙皖三省一市, 京津冀协同). */
static int abbr_list_ends_name(uint32_t next)
{
	static const uint32_t name_tail[] = {
		0x9AD8 /* 高 */, 0x94C1 /* 铁 */, 0x8DEF /* 路 */, 0x516C /* 公 */, 0x7EBF /* 线 */,
		0x91CD /* 重 */, 0x6E56 /* 湖 */, 0x676D /* 杭 */, 0x5609 /* 嘉 */, 0x752C /* 甬 */,
		0x9521 /* 锡 */, 0x901A /* 通 */, 0x5B81 /* 宁 */, 0x6C49 /* 汉 */, 0x6606 /* 昆 */,
		0x5E7F /* 广 */, 0x6DF1 /* 深 */, 0x84C9 /* 蓉 */, 0x62A5 /* 报 */, 0x96C6 /* 集 */,
		0x94F6 /* 银 */, 0x822A /* 航 */, 0x8FD0 /* 运 */, 0x5FEB /* 快 */, 0x5907 /* 备 */,
		0x53F7 /* 号 */, 0x724C /* 牌 */, 0x8F66 /* 车 */, 0x673A /* 机 */, 0x6E2F /* 港 */,
	};
	if (next < 0x80)
		return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9');
	for (size_t i = 0; i < ARRAY_LEN(name_tail); i++)
		if (name_tail[i] == next)
			return 1;
	return 0;
}

static uint32_t abbr_region(const struct extractor *ex, uint32_t cp)
{
	/* ex->abbrs is sorted by code point (romanised ones, cp 0, first) */
	size_t lo = 0, hi = ex->n_abbrs;
	if (cp == 0)
		return NONE;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ex->abbrs[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ex->n_abbrs && ex->abbrs[lo].cp == cp ? ex->abbrs[lo].region : NONE;
}

/* One-character province abbreviations, only in lists of two or more (沪苏浙皖, 京津冀). */
static void abbreviation_lists_zh(struct doc *d)
{
	const struct gaz_text *t = d->t;
	const unsigned char *k = (const unsigned char *)t->key;
	size_t i = 0;
	while (i < t->len) {
		uint32_t cp;
		int l = utf8_decode(k + i, t->len - i, &cp);
		uint32_t r = abbr_region(d->ex, cp);
		if (r == NONE) {
			i += (size_t)l;
			continue;
		}
		/* the run of abbreviations starting here */
		uint32_t runs[16], starts[16], ends[16];
		size_t m = 0, j = i;
		while (j < t->len && m < ARRAY_LEN(runs)) {
			int lj = utf8_decode(k + j, t->len - j, &cp);
			uint32_t rj = abbr_region(d->ex, cp);
			if (rj == NONE)
				break;
			runs[m] = rj;
			starts[m] = (uint32_t)j;
			ends[m] = (uint32_t)(j + (size_t)lj);
			m++;
			j += (size_t)lj;
		}
		uint32_t next = 0;
		if (j < t->len)
			utf8_decode(k + j, t->len - j, &next);
		int distinct = 1;
		for (size_t a = 0; a < m; a++)
			for (size_t b = a + 1; b < m; b++)
				distinct &= runs[a] != runs[b];
		if (m >= 2 && distinct && !abbr_list_ends_name(next))
			for (size_t a = 0; a < m; a++)
				emit_region(d, runs[a], t->map[starts[a]], t->map[ends[a] - 1] + 1);
		i = j > i ? j : i + (size_t)l;
	}
}

/* The same lists romanised in translations: "Su Zhe", "Hu-Su-Zhe-Wan", "Jing-Jin-Ji". */
static void abbreviation_lists_en(struct doc *d)
{
	const struct extractor *ex = d->ex;
	const struct gaz_text *t = d->t;
	size_t i = 0;
	while (i < t->len) {
		uint32_t runs[8], starts[8], ends[8];
		size_t m = 0, j = i;
		while (j < t->len && m < ARRAY_LEN(runs)) {
			size_t e = j;
			while (e < t->len && t->key[e] >= 'a' && t->key[e] <= 'z')
				e++;
			if (e == j || (j > 0 && t->key[j - 1] >= '0' && t->key[j - 1] <= '9'))
				break;
			uint32_t r = NONE;
			const char *orig = d->text + t->map[j];
			if (e - j > 5 || orig[0] < 'A' || orig[0] > 'Z')
				break;   /* romanised abbreviations are short capitalised words */
			for (size_t a = 0; a < ex->n_abbrs && r == NONE; a++) {
				const char *ro = ex->abbrs[a].roman;
				if (ro && strlen(ro) == e - j && memcmp(orig, ro, e - j) == 0 &&
				    t->map[e - 1] + 1 - t->map[j] == e - j)
					r = ex->abbrs[a].region;
			}
			if (r == NONE || (e < t->len && ((t->key[e] >= '0' && t->key[e] <= '9') || (unsigned char)t->key[e] >= 0x80)))
				break;
			runs[m] = r;
			starts[m] = (uint32_t)j;
			ends[m] = (uint32_t)e;
			m++;
			if (e + 1 < t->len && t->key[e] == ' ')
				j = e + 1;
			else {
				j = e;
				break;
			}
		}
		int distinct = 1;
		for (size_t a = 0; a < m; a++)
			for (size_t b = a + 1; b < m; b++)
				distinct &= runs[a] != runs[b];
		if (m >= 2 && distinct) {
			for (size_t a = 0; a < m; a++)
				emit_region(d, runs[a], t->map[starts[a]], t->map[ends[a] - 1] + 1);
			i = ends[m - 1];
			continue;
		}
		/* next word */
		while (i < t->len && t->key[i] >= 'a' && t->key[i] <= 'z')
			i++;
		while (i < t->len && !(t->key[i] >= 'a' && t->key[i] <= 'z'))
			i++;
	}
}

/* GUIDELINES: "new energy" is the umbrella unless it qualifies vehicles: 新能源(商用)车,
 * "new energy and intelligent connected vehicles", "new energy passenger cars". Looks at the
 * rest of the clause, a few words on. */
static int umbrella_names_vehicles(const struct gaz_text *t, const struct gaz_hit *h)
{
	static const char *const words[] = { "vehicle", "car", "cars", "automobile", "bus", "buses",
					     "truck", "trucks", "suv", "suvs" };
	const char *k = t->key;
	size_t i = h->kend, end = h->kend + 48 < t->len ? h->kend + 48 : t->len;
	int cjk_chars = 0;
	while (i < end) {
		unsigned char c = (unsigned char)k[i];
		if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n')
			return 0;
		if (c >= 0x80) {
			uint32_t cp;
			int l = utf8_decode((const unsigned char *)k + i, t->len - i, &cp);
			if (cp == 0x8F66)   /* 车 */
				return 1;
			if (!is_cjk_ideograph(cp) || ++cjk_chars > 4)
				return 0;
			i += (size_t)l;
			continue;
		}
		if (c >= 'a' && c <= 'z' && (i == 0 || k[i - 1] == ' ')) {
			size_t e = i;
			while (e < t->len && k[e] >= 'a' && k[e] <= 'z')
				e++;
			for (size_t w = 0; w < ARRAY_LEN(words); w++)
				if (strlen(words[w]) == e - i && memcmp(k + i, words[w], e - i) == 0)
					return 1;
			if (strncmp(k + i, "vehicles", 8) == 0)
				return 1;
			i = e;
			continue;
		}
		i++;
	}
	return 0;
}

static void chain_mentions(struct doc *d, struct gaz_hit *hits, size_t n)
{
	const struct extractor *ex = d->ex;
	if (n == 0)
		return;
	unsigned char *keep = xmalloc(n);
	gaz_select_longest(hits, n, keep);
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		uint32_t vals[16];
		size_t nv = hit_values(ex, d->text, &hits[i], 1, vals, 16);
		uint32_t done[16];
		size_t nd = 0;
		for (size_t j = 0; j < nv; j++) {
			if ((vals[j] & V_INDEX_MASK) == STOP_INDEX)
				continue;
			uint32_t top = ex->chains[vals[j] & V_INDEX_MASK].top;
			if (top == ex->umbrella_energy && ex->vehicles != NONE &&
			    umbrella_names_vehicles(d->t, &hits[i]))
				top = ex->vehicles;
			int dup = 0;
			for (size_t k = 0; k < nd; k++)
				dup |= done[k] == top;
			if (dup)
				continue;
			done[nd++] = top;
			extraction_add_mention(d->out, MENTION_CHAIN, ex->chains[top].info.id,
					       hits[i].start, hits[i].end);
		}
	}
	free(keep);
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->kind < y->kind ? -1 : x->kind > y->kind;
}

void extract_document(const struct extractor *ex, const char *text, size_t n,
		      const char *lang, const char *pub_date, struct extraction *out)
{
	extraction_reset(out);
	if (!ex || !text || n == 0)
		return;
	if (n > UINT32_MAX - 1)
		n = UINT32_MAX - 1;
	struct gaz_text t;
	gaz_text_make(text, n, &t);
	struct gaz_hit *all = NULL;
	size_t n_all = 0, cap = 0;
	gaz_scan(ex->gaz, &t, &all, &n_all, &cap);
	/* regions and chains are matched as two layers: a chain keyword never hides a place
	 * ("Ningbo-Zhoushan Port") and a place never hides a keyword */
	struct gaz_hit *reg = xmalloc((n_all ? n_all : 1) * sizeof *reg);
	struct gaz_hit *chn = xmalloc((n_all ? n_all : 1) * sizeof *chn);
	size_t nr = 0, nc = 0;
	for (size_t i = 0; i < n_all; i++) {
		unsigned char k = ex->pat_kind[all[i].pattern];
		if (k & 1)
			reg[nr++] = all[i];
		if (k & 2)
			chn[nc++] = all[i];
	}
	free(all);
	sort_array(reg, nr, sizeof *reg, cmp_hit_start);

	struct doc d = { ex, text, &t, reg, nr, NULL, NULL, NULL, out };
	d.named = xcalloc(ex->n_regions + 1, 1);
	d.desc_named = xcalloc(ex->n_regions + 1, 1);
	d.prov_count = xcalloc(ex->n_regions + 1, sizeof *d.prov_count);
	/* the lists of abbreviations first: they are context for the homonyms and bare names */
	abbreviation_lists_zh(&d);
	abbreviation_lists_en(&d);
	region_mentions(&d);
	chain_mentions(&d, chn, nc);
	free(d.named);
	free(d.desc_named);
	free(d.prov_count);
	free(reg);
	free(chn);
	gaz_text_free(&t);
	sort_array(out->mentions, out->n_mentions, sizeof *out->mentions, cmp_mention);
	extract_projects(ex, text, n, lang, pub_date, out);
}
