/* calls.c: the guest functions a host may call. */
#include "guest.h"

u64 fn_echo(struct ctx *c)
{
	u64 n = word(c->in + IN_PAYLOAD_LEN);
	if (n > c->in_size - HEADER_SIZE || n > c->out_size - HEADER_SIZE)
		return set_result(c, ST_TOO_BIG, n);
	copy_bytes(c->out + OUT_PAYLOAD, c->in + IN_PAYLOAD, n);
	word(c->out + OUT_PAYLOAD_LEN) = n;
	return set_result(c, ST_OK, n);
}

/* fn_touch writes pattern into count heap pages, stride pages apart,
 * starting at page first: each write lands on a snapshot page and so
 * costs one copy-on-write fault. */
u64 fn_touch(struct ctx *c, const u64 *a)
{
	u64 first = a[0], count = a[1], stride = a[2], pattern = a[3];
	if (stride == 0)
		return set_result(c, ST_BAD_ARGUMENT, 0);
	u64 last = first + (count ? count - 1 : 0) * stride;
	if (count && (last + 1) * PAGE_SIZE > c->heap_size)
		return set_result(c, ST_BAD_ARGUMENT, last);
	for (u64 i = 0; i < count; i++)
		word(c->heap_base + (first + i * stride) * PAGE_SIZE) = pattern;
	return set_result(c, ST_OK, count);
}

/* fn_checksum hashes a heap range word by word (FNV-1a over words). */
u64 fn_checksum(struct ctx *c, const u64 *a)
{
	u64 off = a[0], len = a[1];
	if (off % 8 || len % 8 || off > c->heap_size ||
	    len > c->heap_size - off)
		return set_result(c, ST_BAD_ARGUMENT, off);
	u64 h = 0xcbf29ce484222325UL;
	for (u64 p = off; p < off + len; p += 8) {
		h ^= word(c->heap_base + p);
		h *= 0x100000001b3UL;
	}
	return set_result(c, ST_OK, h);
}

/* fn_layout reports the layout as the guest sees it. */
u64 fn_layout(struct ctx *c)
{
	u64 *w = (u64 *)(c->out + OUT_PAYLOAD);
	u64 p = c->peb;
	w[0] = word(p + PEB_INPUT_SIZE);
	w[1] = word(p + PEB_OUTPUT_SIZE);
	w[2] = word(p + PEB_HEAP_SIZE);
	w[3] = word(p + PEB_CODE_SIZE);
	w[4] = word(p + PEB_INIT_SIZE);
	w[5] = word(p + PEB_INIT_PERMS);
	w[6] = word(BK_SCRATCH_SIZE);
	w[7] = word(p + PEB_SNAPSHOT_SIZE);
	w[8] = word(BK_PT_GPA);
	w[9] = word(BK_GENERATION);
	w[10] = word(p + PEB_HEAP_BASE);
	w[11] = word(p + PEB_INIT_BASE);
	w[12] = word(BK_ALLOC_CURSOR);
	w[13] = word(BK_COW_COUNT);
	word(c->out + OUT_PAYLOAD_LEN) = 14 * 8;
	return set_result(c, ST_OK, 14);
}

/* heap_used is the bump allocator's state; it lives in the code
 * region, so the first allocation after a restore copies its page. */
static u64 heap_used;

u64 fn_alloc(struct ctx *c, const u64 *a)
{
	u64 n = (a[0] + 15) & ~15UL;
	if (a[0] == 0 || n < a[0] || n > c->heap_size - heap_used)
		return set_result(c, ST_NO_MEMORY, c->heap_size - heap_used);
	u64 addr = c->heap_base + heap_used;
	heap_used += n;
	return set_result(c, ST_OK, addr);
}

/* fn_call_host asks the host to run a named function. The name is
 * the call's payload; the arguments are passed through. */
u64 fn_call_host(struct ctx *c, u64 nargs, const u64 *a)
{
	u64 n = word(c->in + IN_PAYLOAD_LEN);
	if (n > c->out_size - HC_NAME || n > c->in_size - IN_PAYLOAD)
		return set_result(c, ST_TOO_BIG, n);
	word(c->out + HC_NARGS) = nargs;
	copy_words(c->out + HC_ARGS, a, MAX_ARGS);
	word(c->out + HC_NAME_LEN) = n;
	copy_bytes(c->out + HC_NAME, c->in + IN_PAYLOAD, n);
	outl(PORT_HOSTCALL, (u32)nargs);
	u64 status = word(c->out + OUT_STATUS);
	u64 result = word(c->out + OUT_RESULT);
	word(c->out + OUT_PAYLOAD_LEN) = 0;
	return set_result(c, status, result);
}

/* fn_fault faults on purpose: 0 writes the read-only PEB, 1 runs an
 * undefined instruction, 2 reads the null guard. */
u64 fn_fault(struct ctx *c, const u64 *a)
{
	switch (a[0]) {
	case 0:
		word(c->peb) = 0;
		break;
	case 1:
		__asm__ volatile("ud2");
		break;
	case 2:
		return set_result(c, ST_OK, word(0x1000));
	}
	return set_result(c, ST_BAD_ARGUMENT, a[0]);
}
