package vmcore

import (
	"encoding/binary"
	"fmt"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/layout"
)

// writePEB fills the process environment block inside a blob's
// guest-visible part.
func writePEB(l layout.Layout, visible []byte) {
	peb := visible[l.PEBOffset():][:layout.PEBSize]
	clear(peb)
	put := func(off int, v uint64) {
		binary.LittleEndian.PutUint64(peb[off:], v)
	}
	put(guest.PEBMagic, guest.PEBMagicValue)
	put(guest.PEBCodeSize, l.CodeSize)
	put(guest.PEBHeapBase, layout.SnapshotBase+l.HeapOffset())
	put(guest.PEBHeapSize, l.HeapSize)
	put(guest.PEBInitBase, layout.SnapshotBase+l.InitDataOffset())
	put(guest.PEBInitSize, l.InitDataSize)
	put(guest.PEBInitPerms, uint64(l.InitDataPerms))
	put(guest.PEBInputOffset, l.InputOffset())
	put(guest.PEBInputSize, l.InputSize)
	put(guest.PEBOutputOffset, l.OutputOffset())
	put(guest.PEBOutputSize, l.OutputSize)
	put(guest.PEBSnapshotBase, layout.SnapshotBase)
	put(guest.PEBSnapshotSize, l.SnapshotSize)
}

// initialBlob builds the first blob of a sandbox: the guest image in
// the code area, the PEB, an empty heap, the init data and the PT
// tail.
func initialBlob(l layout.Layout, img *guest.Image,
	initData []byte) (*blob, error) {
	if img.Base < layout.SnapshotBase ||
		img.End > layout.SnapshotBase+l.CodeSize {
		return nil, fmt.Errorf("code_size = %s: the guest image needs "+
			"%s from %#x", layout.FormatSize(l.CodeSize),
			layout.FormatSize(layout.RoundUp(img.End-layout.SnapshotBase)),
			layout.SnapshotBase)
	}
	if uint64(len(initData)) > l.InitDataSize {
		return nil, fmt.Errorf("init data is %d bytes, "+
			"init_data_size = %s", len(initData),
			layout.FormatSize(l.InitDataSize))
	}
	b, err := newBlob(l.SnapshotSize, l.PTSize)
	if err != nil {
		return nil, err
	}
	visible := b.mem[:l.SnapshotSize]
	for _, s := range img.Segments {
		copy(visible[s.Addr-layout.SnapshotBase:], s.Data)
	}
	writePEB(l, visible)
	copy(visible[l.InitDataOffset():], initData)
	buildPageTables(l, b.ptTail(), false)
	if err := b.seal(); err != nil {
		b.release()
		return nil, err
	}
	return b, nil
}
