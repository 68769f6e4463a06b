/* mem.c: copies and the call context. */
#include "guest.h"

void copy_words(void *dst, const void *src, u64 words)
{
	__asm__ volatile("rep movsq"
			 : "+D"(dst), "+S"(src), "+c"(words)
			 :
			 : "memory");
}

void copy_bytes(void *dst, const void *src, u64 n)
{
	u64 words = n / 8;
	copy_words(dst, src, words);
	u8 *d = (u8 *)dst + words * 8;
	const u8 *s = (const u8 *)src + words * 8;
	for (u64 i = 0; i < n % 8; i++)
		d[i] = s[i];
}

/* ctx_load finds the buffers of a call from the PEB and scratch. */
int ctx_load(struct ctx *c, u64 peb)
{
	if (word(peb + PEB_MAGIC) != PEB_MAGIC_VALUE)
		return 0;
	u64 base = scratch_base();
	c->peb = peb;
	c->in = (u8 *)(base + word(peb + PEB_INPUT_OFFSET));
	c->out = (u8 *)(base + word(peb + PEB_OUTPUT_OFFSET));
	c->in_size = word(peb + PEB_INPUT_SIZE);
	c->out_size = word(peb + PEB_OUTPUT_SIZE);
	c->heap_base = word(peb + PEB_HEAP_BASE);
	c->heap_size = word(peb + PEB_HEAP_SIZE);
	return 1;
}
