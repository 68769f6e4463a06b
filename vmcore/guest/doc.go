// Package guest holds the snaplab guest: a freestanding 64-bit
// program in C and assembly (src/), its built image (guest.elf,
// embedded so that no C compiler is needed to run the lab), the ABI
// constants the host shares with it, and an ELF loader.
//
// Rebuild the image with `make guest` at the top of the repository;
// a test fails when the committed image no longer matches its source.
package guest
