/*
 * abi.h: the contract between the snaplab host and its guest.
 *
 * Every value here has a twin in vmcore/guest/abi.go; a test parses
 * this file and fails if the two disagree.
 */
#ifndef SNAPLAB_ABI_H
#define SNAPLAB_ABI_H

#define PAGE_SIZE 4096
#define PHYS_TOP 0x1000000000

/* I/O ports the guest writes to leave the VM. */
#define PORT_DONE 0xE0
#define PORT_HOSTCALL 0xE1
#define PORT_FAULT 0xE2

/* Function numbers in the input header. */
#define FN_ECHO 1
#define FN_TOUCH 2
#define FN_CHECKSUM 3
#define FN_LAYOUT 4
#define FN_ALLOC 5
#define FN_CALL_HOST 6
#define FN_SPIN 7
#define FN_FAULT 8
#define FN_FILL 9
#define FN_SCAN 10
#define FN_DIRTY_REGS 11
#define FN_READ_REGS 12

/* Status words in the output header. */
#define ST_OK 0
#define ST_READY 1
#define ST_BAD_FUNCTION 2
#define ST_BAD_ARGUMENT 3
#define ST_TOO_BIG 4
#define ST_NO_MEMORY 5
#define ST_FAULT 6
#define ST_HOST_ERROR 7

/* Input header, at the start of the input buffer. */
#define IN_FUNCTION 0
#define IN_NARGS 8
#define IN_ARGS 16
#define IN_PAYLOAD_LEN 80
#define IN_PAYLOAD 128
#define MAX_ARGS 8

/* Output header, at the start of the output buffer. */
#define OUT_STATUS 0
#define OUT_RESULT 8
#define OUT_PAYLOAD_LEN 16
#define OUT_WORDS 24
#define OUT_PAYLOAD 128
#define HEADER_SIZE 128

/* A host call frame the guest leaves in the output buffer. */
#define HC_NARGS 8
#define HC_ARGS 16
#define HC_NAME_LEN 80
#define HC_NAME 128

/* Process environment block, at a page of its own after the code. */
#define PEB_MAGIC 0
#define PEB_CODE_SIZE 8
#define PEB_HEAP_BASE 16
#define PEB_HEAP_SIZE 24
#define PEB_INIT_BASE 32
#define PEB_INIT_SIZE 40
#define PEB_INIT_PERMS 48
#define PEB_INPUT_OFFSET 56
#define PEB_INPUT_SIZE 64
#define PEB_OUTPUT_OFFSET 72
#define PEB_OUTPUT_SIZE 80
#define PEB_SNAPSHOT_BASE 88
#define PEB_SNAPSHOT_SIZE 96
#define PEB_MAGIC_VALUE 0x31424550504e5301

/* Bookkeeping words, counted down from the top of scratch. */
#define BK_SCRATCH_SIZE (PHYS_TOP - 8)
#define BK_ALLOC_CURSOR (PHYS_TOP - 16)
#define BK_PT_GPA (PHYS_TOP - 24)
#define BK_GENERATION (PHYS_TOP - 32)
#define BK_ALLOC_LIMIT (PHYS_TOP - 40)
#define BK_COW_COUNT (PHYS_TOP - 48)
#define BK_FAULT_DEPTH (PHYS_TOP - 56)
#define BK_PEB (PHYS_TOP - 64)

/* Page-table entry bits the guest and host agree on. */
#define PTE_PRESENT 0x1
#define PTE_WRITE 0x2
#define PTE_COW 0x200
#define PTE_NX 0x8000000000000000
#define PTE_ADDR 0x000ffffffffff000

/* Init data permission bits, as the PEB records them. */
#define PERM_READ 1
#define PERM_WRITE 2
#define PERM_EXEC 4

/* Dispatch flags the host passes in the second argument register. */
#define FLAG_FLUSH_TLB 1

/* The model-specific registers the guest may write. */
#define MSR_KERNEL_GS_BASE 0xC0000102
#define MSR_TSC_AUX 0xC0000103

#endif
