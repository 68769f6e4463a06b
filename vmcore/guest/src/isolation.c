/*
 * isolation.c: fill every page the guest can write with a marker, and
 * scan every page it can read for one. A restore that leaks memory
 * from before it shows up as a marker found after it.
 */
#include "guest.h"

static u64 snapshot_end(struct ctx *c)
{
	return word(c->peb + PEB_SNAPSHOT_BASE) +
	       word(c->peb + PEB_SNAPSHOT_SIZE);
}

static void mark(u64 page, u64 marker)
{
	word(page) = marker;
	word(page + PAGE_SIZE - 8) = marker;
}

/* fn_fill marks every copy-on-write page of the snapshot region while
 * free scratch pages last, then every free scratch page, then the
 * output buffer. The result is the number of pages marked. */
u64 fn_fill(struct ctx *c, const u64 *a)
{
	u64 marker = a[0] ^ a[1], marked = 0;
	for (u64 va = word(c->peb + PEB_SNAPSHOT_BASE); va < snapshot_end(c);
	     va += PAGE_SIZE) {
		u64 *pte = pte_for(va);
		if (!pte || !(*pte & (PTE_COW | PTE_WRITE)))
			continue;
		if (!(*pte & PTE_WRITE) && !cow_page(va))
			break;
		mark(va, marker);
		marked++;
	}
	for (u64 p = word(BK_ALLOC_CURSOR); p < word(BK_ALLOC_LIMIT);
	     p += PAGE_SIZE) {
		mark(p, marker);
		marked++;
	}
	for (u64 p = 0; p + PAGE_SIZE <= c->out_size; p += PAGE_SIZE) {
		mark((u64)c->out + p + (p ? 0 : PAGE_SIZE / 2), marker);
		marked++;
	}
	return set_result(c, ST_OK, marked);
}

static u64 count_in(u64 lo, u64 hi, u64 marker)
{
	u64 n = 0;
	for (u64 p = lo; p < hi; p += 8)
		n += word(p) == marker;
	return n;
}

/* fn_scan counts words equal to the marker in the snapshot region and
 * in scratch, skipping the call's own input header and the stack. */
u64 fn_scan(struct ctx *c, const u64 *a)
{
	u64 marker = a[0] ^ a[1];
	u64 found = count_in(word(c->peb + PEB_SNAPSHOT_BASE), snapshot_end(c),
			     marker);
	u64 stack_lo = word(BK_ALLOC_LIMIT);
	found += count_in((u64)c->in + HEADER_SIZE, stack_lo, marker);
	found += count_in(PHYS_TOP - PAGE_SIZE, PHYS_TOP, marker);
	return set_result(c, ST_OK, found);
}
