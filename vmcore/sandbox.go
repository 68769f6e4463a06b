package vmcore

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// KVM slot numbers of the two base regions; dynamic regions follow.
const (
	slotSnapshot = 0
	slotScratch  = 1
	slotDynamic  = 2
)

// generations numbers snapshots across the process.
var generations atomic.Uint64

// Sandbox is one micro-VM running the snaplab guest.
type Sandbox struct {
	mu sync.Mutex
	th *thread

	vm   *kvm.VM
	vcpu *kvm.VCPU

	status     Status
	layout     layout.Layout
	mapped     *blob
	region     *region // the writable snapshot region, if any
	pt         []byte  // page tables restore copies into scratch
	scratch    *scratch
	entry      uint64
	generation uint64

	hostFns  map[string]HostFunction
	hostList []HostFunctionRecord

	clean    cleanState
	msrList  []uint32
	syncRegs bool
	reset    ScratchReset
	tech     Technique

	// staged sregs wait in kvm_run for the next KVM_RUN.
	stagedSregs bool
	flushTLB    bool

	dynamic  []*Region
	nextSlot uint32

	last   RestoreTiming
	faults map[string]error
}

// New builds a sandbox from cfg and runs the guest's init to its
// dispatch point. The sandbox is Ready on success.
func New(cfg Config) (*Sandbox, error) {
	if cfg.Layout == (layout.Layout{}) {
		cfg.Layout = layout.Default()
	}
	l := cfg.Layout.WithOutputs()
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("new sandbox: %w", err)
	}
	image := cfg.Image
	if image == nil {
		image = guest.Builtin()
	}
	img, err := guest.Load(image)
	if err != nil {
		return nil, fmt.Errorf("new sandbox: %w", err)
	}
	b, err := initialBlob(l, img, cfg.InitData)
	if err != nil {
		return nil, fmt.Errorf("new sandbox: %w", err)
	}
	defer b.release()

	s, err := start(cfg, l, b)
	if err != nil {
		return nil, fmt.Errorf("new sandbox: %w", err)
	}
	s.th.do(func() { err = s.runInit(img.Entry) })
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("new sandbox: guest init: %w", err)
	}
	return s, nil
}

// start makes the VM, the vCPU and both base regions over blob b,
// with scratch prepared for layout l.
func start(cfg Config, l layout.Layout, b *blob) (*Sandbox, error) {
	kv, err := system()
	if err != nil {
		return nil, err
	}
	s := &Sandbox{
		th:       startThread(),
		status:   Unrecoverable,
		layout:   l,
		hostFns:  cfg.hostFunctionMap(),
		hostList: cfg.hostFunctionRecords(),
		reset:    cfg.ScratchReset,
		tech:     cfg.Technique,
		nextSlot: slotDynamic,
	}
	s.th.do(func() { err = s.startOnThread(kv, cfg, b) })
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Sandbox) startOnThread(kv *kvm.System, cfg Config, b *blob) error {
	var err error
	if s.vm, err = kv.CreateVM(); err != nil {
		return err
	}
	if s.vcpu, err = s.vm.CreateVCPU(0); err != nil {
		return err
	}
	if s.clean, err = setupVCPU(kv, s.vcpu); err != nil {
		return err
	}
	s.syncRegs = !cfg.NoSyncRegs && kv.CheckExtension(kvm.CapSyncRegs) > 0
	s.msrList = supportedMSRs(kv, msrsGuestMayWrite)

	if err := s.mapSnapshotSlot(b, s.layout); err != nil {
		return err
	}
	if s.scratch, err = newScratch(s.layout.ScratchSize); err != nil {
		return err
	}
	if err := s.mapScratchSlot(s.scratch, s.layout); err != nil {
		return err
	}
	s.scratch.prepare(s.layout, s.pt, s.generation)
	return nil
}

// runInit enters the guest at its ELF entry in long mode and waits
// for it to report its dispatch entry.
func (s *Sandbox) runInit(entry uint64) error {
	base, err := s.vcpu.Sregs()
	if err != nil {
		return err
	}
	l := s.layout
	sregs := longModeSregs(base, l.ScratchBase()+l.PTOffset(),
		s.clean.withXCRs)
	if err := s.vcpu.SetSregs(&sregs); err != nil {
		return err
	}
	regs := kvm.Regs{RIP: entry, RSP: l.StackTop(),
		RDI: layout.SnapshotBase + l.PEBOffset(), RFLAGS: rflagsReserved}
	if err := s.vcpu.SetRegs(&regs); err != nil {
		return err
	}
	s.status = Ready
	if err := s.runGuest(callTimeout{}); err != nil {
		s.status = Unrecoverable
		return err
	}
	st, res := s.outputWord(guest.OutStatus), s.outputWord(guest.OutResult)
	if st != guest.StReady {
		s.status = Unrecoverable
		return fmt.Errorf("guest init ended with status %d", st)
	}
	s.entry = res
	return nil
}

// Status reports where the sandbox stands.
func (s *Sandbox) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// Layout returns the layout the sandbox runs with now.
func (s *Sandbox) Layout() layout.Layout {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.layout
}

// LastRestore returns the step timings of the latest Restore.
func (s *Sandbox) LastRestore() RestoreTiming {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// Close releases every fd and mapping. It is safe to call twice.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status == Closed {
		return nil
	}
	var errs []error
	s.th.do(func() {
		for _, r := range s.dynamic {
			r.free()
		}
		s.dynamic = nil
		if s.vcpu != nil {
			errs = append(errs, s.vcpu.Close())
		}
		if s.vm != nil {
			errs = append(errs, s.vm.Close())
		}
	})
	s.th.stop()
	s.scratch.free()
	s.region.free()
	s.region = nil
	if s.mapped != nil {
		s.mapped.release()
		s.mapped = nil
	}
	s.status = Closed
	return errors.Join(errs...)
}

// usable returns the error a call must fail with, or nil.
func (s *Sandbox) usable() error {
	switch s.status {
	case Ready:
		return nil
	case Poisoned:
		return ErrPoisoned
	case Unrecoverable:
		return ErrUnrecoverable
	}
	return ErrClosed
}
