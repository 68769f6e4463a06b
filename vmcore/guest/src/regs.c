/*
 * regs.c: change and report the register state a restore must reset:
 * debug registers, XCR0, the x87 control word, MXCSR, an SSE register
 * and the MSRs the guest may write. The guest is built without SSE,
 * so xmm15 keeps whatever was last put there.
 */
#include "guest.h"

/* fx_area holds FXSAVE images; it lives in the code region, so its
 * page is copied on first use after each restore. */
static u8 fx_area[512] __attribute__((aligned(16)));

/* has_osxsave reads CPUID leaf 1 and clears EBX at once: EBX carries
 * an APIC ID that, on kvm_pvm, follows the host CPU the vCPU runs on;
 * spilled to the stack it made two identical sandboxes differ. */
static int has_osxsave(void)
{
	u32 c;
	__asm__ volatile("cpuid; xor %%ebx, %%ebx"
			 : "=c"(c)
			 : "a"(1), "c"(0)
			 : "ebx", "edx");
	return (c >> 27) & 1;
}

static u64 xgetbv0(void)
{
	u32 lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((u64)hi << 32) | lo;
}

static u64 rdmsr(u32 msr)
{
	u32 lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static void wrmsr(u32 msr, u64 v)
{
	__asm__ volatile("wrmsr"
			 :
			 : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

/* fn_dirty_regs takes: DR0..DR3 values, an x87 control word, MXCSR,
 * an xmm15 value and a KERNEL_GS_BASE value; it also adds AVX state
 * to XCR0 where the CPU offers it. */
u64 fn_dirty_regs(struct ctx *c, const u64 *a)
{
	__asm__ volatile("mov %0, %%db0" : : "r"(a[0]));
	__asm__ volatile("mov %0, %%db1" : : "r"(a[1]));
	__asm__ volatile("mov %0, %%db2" : : "r"(a[2]));
	__asm__ volatile("mov %0, %%db3" : : "r"(a[3]));
	/* FXSAVE, edit, FXRSTOR: the x87 control word, MXCSR and xmm15
	 * in one go, with the two instructions KVM's emulator knows. */
	__asm__ volatile("fxsave64 %0" : "=m"(fx_area));
	*(u16 *)&fx_area[0] = (u16)a[4];
	*(u32 *)&fx_area[24] = (u32)a[5];
	*(u64 *)&fx_area[160 + 15 * 16] = a[6];
	__asm__ volatile("fxrstor64 %0" : : "m"(fx_area));
	wrmsr(MSR_KERNEL_GS_BASE, a[7]);
	if (has_osxsave()) {
		u32 ea, ec = 0;
		__asm__ volatile("cpuid; xor %%ebx, %%ebx"
				 : "=a"(ea), "+c"(ec)
				 : "a"(0xd)
				 : "ebx", "edx");
		u64 x = xgetbv0() | (ea & 4);
		__asm__ volatile("xsetbv"
				 :
				 : "a"((u32)x), "d"((u32)(x >> 32)), "c"(0));
	}
	return set_result(c, ST_OK, 0);
}

/* fn_read_regs reports, in order: DR0..DR3, DR7, XCR0 (0 without
 * OSXSAVE), x87 control word, MXCSR, xmm15, KERNEL_GS_BASE. */
u64 fn_read_regs(struct ctx *c)
{
	u64 *w = (u64 *)(c->out + OUT_PAYLOAD);
	__asm__ volatile("mov %%db0, %0" : "=r"(w[0]));
	__asm__ volatile("mov %%db1, %0" : "=r"(w[1]));
	__asm__ volatile("mov %%db2, %0" : "=r"(w[2]));
	__asm__ volatile("mov %%db3, %0" : "=r"(w[3]));
	__asm__ volatile("mov %%db7, %0" : "=r"(w[4]));
	w[5] = has_osxsave() ? xgetbv0() : 0;
	/* One FXSAVE gives the x87 control word, MXCSR and xmm15; KVM's
	 * instruction emulator, which runs CPL0 code on some backends,
	 * handles it where it lacks stmxcsr. */
	__asm__ volatile("fxsave64 %0" : "=m"(fx_area));
	w[6] = *(u16 *)&fx_area[0];
	w[7] = *(u32 *)&fx_area[24];
	w[8] = *(u64 *)&fx_area[160 + 15 * 16];
	w[9] = rdmsr(MSR_KERNEL_GS_BASE);
	word(c->out + OUT_PAYLOAD_LEN) = 10 * 8;
	return set_result(c, ST_OK, 10);
}
