/* dispatch.c: the entry every call after init goes through. */
#include "guest.h"

u64 guest_dispatch(u64 peb, u64 flags)
{
	if (flags & FLAG_FLUSH_TLB)
		write_cr3(read_cr3());
	word(BK_PEB) = peb;

	struct ctx c;
	if (!ctx_load(&c, peb))
		fatal(254, 0, peb, 0);
	u64 fn = word(c.in + IN_FUNCTION);
	u64 nargs = word(c.in + IN_NARGS);
	const u64 *a = (const u64 *)(c.in + IN_ARGS);
	word(c.out + OUT_PAYLOAD_LEN) = 0;
	if (nargs > MAX_ARGS)
		return set_result(&c, ST_BAD_ARGUMENT, nargs);

	switch (fn) {
	case FN_ECHO:
		return fn_echo(&c);
	case FN_TOUCH:
		return fn_touch(&c, a);
	case FN_CHECKSUM:
		return fn_checksum(&c, a);
	case FN_LAYOUT:
		return fn_layout(&c);
	case FN_ALLOC:
		return fn_alloc(&c, a);
	case FN_CALL_HOST:
		return fn_call_host(&c, nargs, a);
	case FN_SPIN:
		for (;;)
			__asm__ volatile("");
	case FN_FAULT:
		return fn_fault(&c, a);
	case FN_FILL:
		return fn_fill(&c, a);
	case FN_SCAN:
		return fn_scan(&c, a);
	case FN_DIRTY_REGS:
		return fn_dirty_regs(&c, a);
	case FN_READ_REGS:
		return fn_read_regs(&c);
	}
	return set_result(&c, ST_BAD_FUNCTION, fn);
}
