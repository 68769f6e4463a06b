/*
 * fault.c: exceptions, copy-on-write and the scratch page allocator.
 *
 * Snapshot pages are mapped read-only. A write to one marked PTE_COW
 * takes a free scratch page, copies the original into it and maps the
 * copy writable, all inside the guest: the host never sees it.
 */
#include "guest.h"

u64 scratch_base(void)
{
	return PHYS_TOP - word(BK_SCRATCH_SIZE);
}

/* pte_for walks the live page tables to the 4 KiB entry for va. */
u64 *pte_for(u64 va)
{
	u64 table = read_cr3() & PTE_ADDR;
	for (int shift = 39; shift > 12; shift -= 9) {
		u64 e = word(table + ((va >> shift) & 511) * 8);
		if (!(e & PTE_PRESENT))
			return 0;
		table = e & PTE_ADDR;
	}
	return (u64 *)(table + ((va >> 12) & 511) * 8);
}

/* scratch_alloc hands out the next free scratch page, or 0. */
static u64 scratch_alloc(void)
{
	u64 next = word(BK_ALLOC_CURSOR);
	if (next + PAGE_SIZE > word(BK_ALLOC_LIMIT))
		return 0;
	word(BK_ALLOC_CURSOR) = next + PAGE_SIZE;
	return next;
}

/* cow_page gives va's page a private writable copy in scratch. */
int cow_page(u64 va)
{
	u64 *pte = pte_for(va);
	if (!pte)
		return 0;
	u64 e = *pte;
	if (!(e & PTE_PRESENT) || !(e & PTE_COW) || (e & PTE_WRITE))
		return 0;
	u64 page = scratch_alloc();
	if (!page)
		return 0;
	copy_words((void *)page, (void *)(e & PTE_ADDR), PAGE_SIZE / 8);
	*pte = (e & ~(PTE_ADDR | PTE_COW)) | page | PTE_WRITE;
	__asm__ volatile("invlpg (%0)" : : "r"(va & ~0xfffUL) : "memory");
	word(BK_COW_COUNT) += 1;
	return 1;
}

/* fatal reports an unhandled exception to the host and stops. */
void fatal(u64 vector, u64 error, u64 cr2, u64 rip)
{
	u64 peb = word(BK_PEB);
	u8 *out = (u8 *)(scratch_base() + word(peb + PEB_OUTPUT_OFFSET));
	word(out + OUT_STATUS) = ST_FAULT;
	word(out + OUT_RESULT) = vector;
	word(out + OUT_WORDS) = error;
	word(out + OUT_WORDS + 8) = cr2;
	word(out + OUT_WORDS + 16) = rip;
	for (;;) {
		outl(PORT_FAULT, (u32)vector);
		__asm__ volatile("cli; hlt");
	}
}

void exception_handler(struct frame *f)
{
	u64 cr2 = read_cr2();
	if (f->vector == 14 && word(BK_FAULT_DEPTH) == 0) {
		word(BK_FAULT_DEPTH) = 1;
		int ok = (f->error & 3) == 3 && cow_page(cr2);
		word(BK_FAULT_DEPTH) = 0;
		if (ok)
			return;
	}
	fatal(f->vector, f->error, cr2, f->rip);
}
