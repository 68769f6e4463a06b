/* guest.h: shared declarations of the snaplab guest. */
#ifndef SNAPLAB_GUEST_H
#define SNAPLAB_GUEST_H

#include "abi.h"

typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

/* word reads and writes a 64-bit word at a guest-physical address. */
#define word(addr) (*(volatile u64 *)(u64)(addr))

/* ctx is where a call finds its buffers, read from the PEB. */
struct ctx {
	u64 peb;
	u8 *in;
	u8 *out;
	u64 in_size;
	u64 out_size;
	u64 heap_base;
	u64 heap_size;
};

/* frame is the stack picture isr_common builds. */
struct frame {
	u64 r15, r14, r13, r12, r11, r10, r9, r8;
	u64 rdi, rsi, rbp, rbx, rdx, rcx, rax;
	u64 vector, error, rip, cs, rflags, rsp, ss;
};

static inline u64 read_cr2(void)
{
	u64 v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline u64 read_cr3(void)
{
	u64 v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(u64 v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void outl(u16 port, u32 v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

/* init.c */
u64 guest_init(u64 peb);

/* fault.c */
u64 scratch_base(void);
u64 *pte_for(u64 va);
int cow_page(u64 va);
void fatal(u64 vector, u64 error, u64 cr2, u64 rip);

/* mem.c */
void copy_words(void *dst, const void *src, u64 words);
void copy_bytes(void *dst, const void *src, u64 n);
int ctx_load(struct ctx *c, u64 peb);

/* functions */
u64 fn_echo(struct ctx *c);
u64 fn_touch(struct ctx *c, const u64 *a);
u64 fn_checksum(struct ctx *c, const u64 *a);
u64 fn_layout(struct ctx *c);
u64 fn_alloc(struct ctx *c, const u64 *a);
u64 fn_call_host(struct ctx *c, u64 nargs, const u64 *a);
u64 fn_fault(struct ctx *c, const u64 *a);
u64 fn_fill(struct ctx *c, const u64 *a);
u64 fn_scan(struct ctx *c, const u64 *a);
u64 fn_dirty_regs(struct ctx *c, const u64 *a);
u64 fn_read_regs(struct ctx *c);

/* set_result stores a call's result word and returns its status. */
static inline u64 set_result(struct ctx *c, u64 status, u64 result)
{
	word(c->out + OUT_STATUS) = status;
	word(c->out + OUT_RESULT) = result;
	return status;
}

#endif
