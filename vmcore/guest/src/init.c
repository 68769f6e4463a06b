/* init.c: one-time setup, run before the first snapshot. */
#include "guest.h"

extern const u64 isr_table[];
extern const u64 isr_count;
extern void dispatch_entry(void);

/* idt lives in its own page of the code region; init gives that page
 * a scratch copy by hand, since no fault can be handled before it,
 * unless the host mapped the region writable to begin with. */
static u64 idt[512] __attribute__((aligned(PAGE_SIZE)));

struct idt_pointer {
	u16 limit;
	u64 base;
} __attribute__((packed));

static void set_gate(int vec, u64 handler)
{
	u64 lo = (handler & 0xffff) | (0x08UL << 16) | (0x8eUL << 40) |
		 ((handler >> 16) & 0xffff) << 48;
	idt[vec * 2] = lo;
	idt[vec * 2 + 1] = handler >> 32;
}

u64 guest_init(u64 peb)
{
	word(BK_PEB) = peb;
	u64 *pte = pte_for((u64)idt);
	if (!pte || (!(*pte & PTE_WRITE) && !cow_page((u64)idt)))
		fatal(255, 0, (u64)idt, 0);
	for (u64 i = 0; i < isr_count; i++)
		set_gate((int)i, isr_table[i]);
	struct idt_pointer p = {sizeof(idt) - 1, (u64)idt};
	__asm__ volatile("lidt %0" : : "m"(p));

	struct ctx c;
	if (!ctx_load(&c, peb))
		fatal(254, 0, peb, 0);
	word(c.out + OUT_PAYLOAD_LEN) = 0;
	return set_result(&c, ST_READY, (u64)dispatch_entry);
}
