/*
 * start.S: the guest's entry points and exception stubs.
 *
 * The host enters _start once, in long mode with paging on, RSP at the
 * stack top and RDI holding the PEB's address. Every later call enters
 * dispatch_entry with RDI = PEB, RSI = dispatch flags.
 */
#include "abi.h"

	.section .text.start, "ax"
	.code64
	.global _start
_start:
	lgdt gdt_pointer(%rip)
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	pushq $0x08
	lea 1f(%rip), %rax
	pushq %rax
	lretq
1:
	call guest_init
	mov $PORT_DONE, %dx
	outl %eax, %dx
2:	hlt
	jmp 2b

	.global dispatch_entry
dispatch_entry:
	call guest_dispatch
	mov $PORT_DONE, %dx
	outl %eax, %dx
3:	hlt
	jmp 3b

/* Exception stubs: push a dummy error code where the CPU pushes none,
 * then the vector, then join the common path. */
.macro stub_noerr vec
	.global isr\vec
isr\vec:
	pushq $0
	pushq $\vec
	jmp isr_common
.endm
.macro stub_err vec
	.global isr\vec
isr\vec:
	pushq $\vec
	jmp isr_common
.endm

	stub_noerr 0
	stub_noerr 1
	stub_noerr 2
	stub_noerr 3
	stub_noerr 4
	stub_noerr 5
	stub_noerr 6
	stub_noerr 7
	stub_err 8
	stub_noerr 9
	stub_err 10
	stub_err 11
	stub_err 12
	stub_err 13
	stub_err 14
	stub_noerr 15
	stub_noerr 16
	stub_err 17
	stub_noerr 18
	stub_noerr 19
	stub_noerr 20
	stub_err 21

isr_common:
	pushq %rax
	pushq %rcx
	pushq %rdx
	pushq %rbx
	pushq %rbp
	pushq %rsi
	pushq %rdi
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	mov %rsp, %rdi
	call exception_handler
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rdi
	popq %rsi
	popq %rbp
	popq %rbx
	popq %rdx
	popq %rcx
	popq %rax
	add $16, %rsp
	iretq

	.section .rodata
	.align 16
gdt:
	.quad 0
	.quad 0x00af9b000000ffff	/* 64-bit code, accessed */
	.quad 0x00cf93000000ffff	/* data, accessed */
gdt_end:
	.align 8
gdt_pointer:
	.word gdt_end - gdt - 1
	.quad gdt

	.global isr_table
	.align 8
isr_table:
	.quad isr0, isr1, isr2, isr3, isr4, isr5, isr6, isr7
	.quad isr8, isr9, isr10, isr11, isr12, isr13, isr14, isr15
	.quad isr16, isr17, isr18, isr19, isr20, isr21
	.global isr_count
isr_count:
	.quad 22
