/* extract.h: the extraction stage's contract. From one document's normalised text to the
 * regions, chains, amounts and projects it names, each tied to byte offsets in that text.
 * The extractor is built once from the assets (regions.tsv, chains.tsv) and is read-only
 * afterwards, so any number of threads may call extract_document() on it at once.
 * Must not touch SQLite, files other than the assets, or the terminal. */
#ifndef CHAINSCOPE_EXTRACT_H
#define CHAINSCOPE_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#define EXTRACT_ID_MAX 48        /* "310118", "yrd-demo-zone", "integrated-circuits/packaging-testing" */
#define EXTRACT_MAX_PROJECT_CHAINS 6

enum mention_kind {
	MENTION_REGION,     /* id: 6-digit code, macro-region id, or a zone/town id of our own */
	MENTION_CHAIN,      /* id: chain id (or chain/segment) */
	MENTION_AMOUNT,     /* id: "" */
	MENTION_COMPANY,    /* id: "" */
	MENTION_PROJECT,    /* id: project index as a decimal string */
	MENTION_DATE,       /* id: YYYY-MM-DD */
};

struct mention {
	enum mention_kind kind;
	char id[EXTRACT_ID_MAX];
	uint32_t start, end;          /* byte offsets into the text, end exclusive */
};

struct amount {
	double value;                 /* in units: 6.4亿元 -> 640000000 */
	char currency[4];             /* "CNY", "USD", "EUR", ... */
	uint32_t start, end;          /* the original text of the amount */
};

enum project_status {
	STATUS_UNKNOWN, STATUS_PLANNED, STATUS_SIGNED, STATUS_UNVEILED,
	STATUS_STARTED, STATUS_COMPLETED, STATUS_OPERATIONAL,
};
const char *project_status_name(enum project_status s);   /* "unknown", "planned", ... */
int project_status_parse(const char *name);               /* -1 when unknown */

struct project {
	char *name;                   /* as written (a span of the text), malloc'ed */
	uint32_t name_start, name_end;
	char *company;                /* NULL when the text attaches none */
	char region[EXTRACT_ID_MAX];  /* most specific division, "" when the text does not say */
	char chains[EXTRACT_MAX_PROJECT_CHAINS][EXTRACT_ID_MAX];
	int n_chains;
	int has_amount;
	struct amount amount;
	enum project_status status;
	char date[11];                /* the event date when the text gives one, else "" */
	uint32_t start, end;          /* the evidence: the sentence(s) the project was read from */
};

struct extraction {
	struct mention *mentions;
	size_t n_mentions, cap_mentions;
	struct project *projects;
	size_t n_projects, cap_projects;
};

/* Reference data, for the store's region and chain tables and the browser's trees. */
struct region_info {
	const char *id;               /* "310118", "yrd", ... */
	const char *parent_id;        /* "" for provinces and macro-regions */
	int level;                    /* 1 province, 2 prefecture, 3 county, 0 macro-region, 4 zone */
	const char *name_en, *name_zh, *pinyin;
};
struct chain_info {
	const char *id, *parent_id;   /* parent "" for chains, the chain for segments */
	const char *name_en, *name_zh;
};

struct extractor;

/* Loads assets_dir/regions.tsv and assets_dir/chains.tsv and builds the matchers. Returns NULL
 * with a message in err on failure. */
struct extractor *extractor_open(const char *assets_dir, char *err, size_t errlen);
void extractor_close(struct extractor *ex);

size_t extractor_region_count(const struct extractor *ex);
const struct region_info *extractor_region(const struct extractor *ex, size_t i);
size_t extractor_chain_count(const struct extractor *ex);
const struct chain_info *extractor_chain(const struct extractor *ex, size_t i);

/* Fills out (after resetting it) from text[0..n), the normalised text of one document (the
 * url: line already removed). lang is "en", "zh" or "und"; pub_date is YYYY-MM-DD or "".
 * Never fails: unusual input gives fewer facts. Linear-ish in n. */
void extract_document(const struct extractor *ex, const char *text, size_t n,
		      const char *lang, const char *pub_date, struct extraction *out);

void extraction_reset(struct extraction *x);
void extraction_free(struct extraction *x);

#endif
