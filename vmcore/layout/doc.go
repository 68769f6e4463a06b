// Package layout describes where a sandbox's memory lives in guest
// physical space, and checks that a description is sane.
//
// Guest physical memory has two base regions. The snapshot region
// starts at SnapshotBase, above a null guard, and holds the guest's
// code, its process environment block (PEB), its heap and its init
// data, in that order. The scratch region ends at the top of a 36-bit
// physical space and holds the input and output buffers, the page
// tables (copied from the snapshot's PT tail at each restore), free
// pages and the stack, with a page of bookkeeping words at its top.
//
// A Layout carries seven configured fields and two outputs of
// snapshot compaction (SnapshotSize and PTSize). Every offset is
// derived from them, each rounded up to PageSize.
package layout
