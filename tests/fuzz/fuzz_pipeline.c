/* fuzz_pipeline.c: libFuzzer target for the text pipeline on arbitrary bytes: decode_bytes,
 * normalize_text, meta_extract and extract_document (gazetteer, amounts, projects), with the
 * extractor opened once from $CHAINSCOPE_ASSETS or ./assets. Checks only what must hold for any
 * input: no crash, no leak, no hang, and mentions and projects that point inside the text.
 * Must not write files or depend on the order of inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "extract.h"
#include "meta.h"
#include "normalize.h"
#include "util.h"

static struct extractor *extractor;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("CHAINSCOPE_ASSETS");
	char err[256];
	extractor = extractor_open(dir && *dir ? dir : "assets", err, sizeof err);
	if (!extractor) {
		fprintf(stderr, "fuzz-pipeline: cannot open assets: %s\n", err);
		exit(2);
	}
	return 0;
}

/* Every offset the extraction reports must lie inside the text it read. */
static void check_offsets(const struct extraction *x, size_t n)
{
	for (size_t i = 0; i < x->n_mentions; i++)
		if (x->mentions[i].start > x->mentions[i].end || x->mentions[i].end > n)
			abort();
	for (size_t i = 0; i < x->n_projects; i++) {
		const struct project *p = &x->projects[i];
		if (!p->name || p->name_start > p->name_end || p->name_end > n || p->start > p->end ||
		    p->end > n)
			abort();
		if (p->has_amount && (p->amount.end > n || p->amount.start > p->amount.end))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf decoded = {0}, text = {0};
	const char *encoding = NULL;
	char why[128];
	if (decode_bytes(data, size, &decoded, &encoding, why, sizeof why) == DECODE_OK) {
		normalize_text(decoded.data ? decoded.data : "", decoded.len, &text);
		buf_cstr(&text);
		struct doc_meta meta;
		meta_extract(text.data, text.len, &meta);
		const char *body = text.data + meta.body_start;
		size_t n = text.len - meta.body_start;
		struct extraction x = {0};
		extract_document(extractor, body, n, meta.lang, meta.date, &x);
		check_offsets(&x, n);
		/* a second run on the same struct must reset it first */
		extract_document(extractor, body, n, meta.lang, meta.date, &x);
		check_offsets(&x, n);
		extraction_free(&x);
		meta_free(&meta);
	}
	buf_free(&decoded);
	buf_free(&text);
	return 0;
}
