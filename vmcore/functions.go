package vmcore

import (
	"encoding/binary"
	"fmt"
	"time"

	"snaplab/vmcore/guest"
)

// Typed wrappers over Call, one per guest function.

// call runs fn and turns a non-OK guest status into a *StatusError.
func (s *Sandbox) call(name string, req Request) (Response, error) {
	r, err := s.Call(req)
	if err != nil {
		return r, fmt.Errorf("%s: %w", name, err)
	}
	if r.Status != guest.StOK {
		return r, &StatusError{Function: name, Status: r.Status,
			Result: r.Result}
	}
	return r, nil
}

// Echo sends data to the guest and returns what it sent back.
func (s *Sandbox) Echo(data []byte) ([]byte, error) {
	r, err := s.call("echo", Request{Function: guest.FnEcho, Payload: data})
	return r.Payload, err
}

// Touch writes pattern into count heap pages, stride pages apart,
// starting at page first. Each write to a page not yet copied costs
// one in-guest copy-on-write fault.
func (s *Sandbox) Touch(first, count, stride, pattern uint64) error {
	_, err := s.call("touch", Request{Function: guest.FnTouch,
		Args: []uint64{first, count, stride, pattern}})
	return err
}

// Checksum hashes length bytes of the heap from offset, word by word.
func (s *Sandbox) Checksum(offset, length uint64) (uint64, error) {
	r, err := s.call("checksum", Request{Function: guest.FnChecksum,
		Args: []uint64{offset, length}})
	return r.Result, err
}

// Alloc takes n bytes from the guest's heap and returns their address.
func (s *Sandbox) Alloc(n uint64) (uint64, error) {
	r, err := s.call("alloc", Request{Function: guest.FnAlloc,
		Args: []uint64{n}})
	return r.Result, err
}

// CallHost asks the guest to call host function name with args.
func (s *Sandbox) CallHost(name string, args ...uint64) (uint64, error) {
	r, err := s.call("call_host", Request{Function: guest.FnCallHost,
		Args: args, Payload: []byte(name)})
	return r.Result, err
}

// Spin runs a guest loop that never ends; the deadline stops it.
func (s *Sandbox) Spin(deadline time.Time) error {
	_, err := s.call("spin", Request{Function: guest.FnSpin,
		Deadline: deadline})
	return err
}

// Fault kinds for the guest's fault function.
const (
	FaultWritePEB  = 0 // write the read-only PEB: a page fault
	FaultUD        = 1 // undefined instruction
	FaultNullGuard = 2 // read below the snapshot region
)

// Fault makes the guest fault on purpose.
func (s *Sandbox) Fault(kind uint64) error {
	_, err := s.call("fault", Request{Function: guest.FnFault,
		Args: []uint64{kind}})
	return err
}

// Fill marks every page the guest can write with marker and returns
// how many pages it marked. The marker travels split in two so that
// the input buffer never holds it whole.
func (s *Sandbox) Fill(marker uint64) (uint64, error) {
	r, err := s.call("fill", Request{Function: guest.FnFill,
		Args: []uint64{marker ^ markerKey, markerKey}})
	return r.Result, err
}

// Scan counts words equal to marker in all memory the guest can read.
func (s *Sandbox) Scan(marker uint64) (uint64, error) {
	r, err := s.call("scan", Request{Function: guest.FnScan,
		Args: []uint64{marker ^ markerKey, markerKey}})
	return r.Result, err
}

const markerKey = 0x5a5a_1234_a5a5_4321

// GuestLayout is the layout as the guest itself reports it.
type GuestLayout struct {
	InputSize, OutputSize, HeapSize, CodeSize uint64
	InitDataSize, InitDataPerms, ScratchSize  uint64
	SnapshotSize, PTGPA, Generation           uint64
	HeapBase, InitDataBase, AllocCursor       uint64
	CowFaults                                 uint64
}

// LayoutReport asks the guest where it believes everything is.
func (s *Sandbox) LayoutReport() (GuestLayout, error) {
	r, err := s.call("layout", Request{Function: guest.FnLayout})
	if err != nil {
		return GuestLayout{}, err
	}
	w := words(r.Payload, 14)
	return GuestLayout{w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
		w[8], w[9], w[10], w[11], w[12], w[13]}, nil
}

// RegisterValues are the registers the guest can change and report.
type RegisterValues struct {
	DR      [4]uint64
	DR7     uint64
	XCR0    uint64
	FCW     uint64
	MXCSR   uint64
	XMM15   uint64
	KGSBase uint64
}

// DirtyRegisters sets DR0-3, the x87 control word, MXCSR, xmm15 and
// KERNEL_GS_BASE from v, and adds AVX to XCR0 where offered.
func (s *Sandbox) DirtyRegisters(v RegisterValues) error {
	_, err := s.call("dirty_regs", Request{Function: guest.FnDirtyRegs,
		Args: []uint64{v.DR[0], v.DR[1], v.DR[2], v.DR[3], v.FCW,
			v.MXCSR, v.XMM15, v.KGSBase}})
	return err
}

// ReadRegisters reports the registers DirtyRegisters changes.
func (s *Sandbox) ReadRegisters() (RegisterValues, error) {
	r, err := s.call("read_regs", Request{Function: guest.FnReadRegs})
	if err != nil {
		return RegisterValues{}, err
	}
	w := words(r.Payload, 10)
	return RegisterValues{DR: [4]uint64{w[0], w[1], w[2], w[3]},
		DR7: w[4], XCR0: w[5], FCW: w[6], MXCSR: w[7], XMM15: w[8],
		KGSBase: w[9]}, nil
}

func words(b []byte, n int) []uint64 {
	w := make([]uint64, n)
	for i := range w {
		if 8*i+8 <= len(b) {
			w[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
	}
	return w
}
