package vmcore

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

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

	status     atomic.Int32 // a Status; read without mu
	closing    atomic.Bool  // Close has begun: stop the guest
	inOp       atomic.Bool  // an operation holds mu on the thread
	layout     layout.Layout
	mapped     *blob
	region     *region // the writable snapshot region, if any
	pt         []byte  // page tables restore copies into scratch
	scratch    *scratch
	entry      uint64 // the guest's dispatch function
	stackTop   uint64 // where each call's stack starts
	generation uint64

	hostFns  map[string]HostFunction
	hostList []HostFunctionRecord

	clean    cleanState
	msrList  []uint32
	msrAt    map[uint32]int // index of each MSR in clean.msrs
	msrBuf   []kvm.MSREntry // the values restore writes, reused
	syncRegs bool
	reset    ScratchReset
	tech     Technique

	// staged sregs wait in kvm_run for the next KVM_RUN.
	stagedSregs bool
	flushTLB    bool

	dynamic []*Region

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
	if e := s.exec(func() error { return s.runInit(img.Entry) }); e != nil {
		err = e
	}
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
		layout:   l,
		hostFns:  cfg.hostFunctionMap(),
		hostList: cfg.hostFunctionRecords(),
		reset:    cfg.ScratchReset,
		tech:     cfg.Technique,
	}
	s.setStatus(Unrecoverable)
	err = s.exec(func() error { return s.startOnThread(kv, cfg, b) })
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
	s.msrList = guestMSRs(kv, s.vcpu)
	if s.clean.msrs, err = readMSRs(s.vcpu, s.msrList); err != nil {
		return err
	}

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
	s.setStatus(Ready)
	if err := s.runGuest(callTimeout{}); err != nil {
		s.setStatus(Unrecoverable)
		return err
	}
	st, res := s.outputWord(guest.OutStatus), s.outputWord(guest.OutResult)
	if st != guest.StReady {
		s.setStatus(Unrecoverable)
		return fmt.Errorf("guest init ended with status %d", st)
	}
	s.entry, s.stackTop = res, l.StackTop()
	return nil
}

// Status reports where the sandbox stands. It does not wait for a
// call in progress.
func (s *Sandbox) Status() Status { return s.getStatus() }

func (s *Sandbox) getStatus() Status  { return Status(s.status.Load()) }
func (s *Sandbox) setStatus(v Status) { s.status.Store(int32(v)) }

// exec runs f on the vCPU thread holding s.mu: every operation on a
// sandbox goes through here, one at a time. It returns ErrClosed,
// having run nothing, once the sandbox's thread has stopped.
func (s *Sandbox) exec(f func() error) error {
	if s.reentrant() {
		return ErrReentrant
	}
	var err error
	if !s.th.do(func() {
		s.mu.Lock()
		s.inOp.Store(true)
		defer func() {
			s.inOp.Store(false)
			s.mu.Unlock()
		}()
		err = f()
	}) {
		return ErrClosed
	}
	return err
}

// reentrant reports whether the caller is an operation of this
// sandbox already running on its thread: a host function calling
// back into its own sandbox. Waiting for the thread would deadlock.
func (s *Sandbox) reentrant() bool {
	return s.inOp.Load() && s.th.onThread()
}

// locked runs f holding mu, or at once if the caller already holds
// it on the thread (a host function asking about its sandbox).
func (s *Sandbox) locked(f func()) {
	if s.reentrant() {
		f()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

// Layout returns the layout the sandbox runs with now; it waits for a
// call in progress.
func (s *Sandbox) Layout() layout.Layout {
	var l layout.Layout
	s.locked(func() { l = s.layout })
	return l
}

// LastRestore returns the step timings of the latest Restore.
func (s *Sandbox) LastRestore() RestoreTiming {
	var t RestoreTiming
	s.locked(func() { t = s.last })
	return t
}

// Close releases every fd and mapping. A call in progress is stopped
// first: its guest is interrupted and the call fails with ErrClosed.
// Close is safe to call twice, and from inside Drive.
func (s *Sandbox) Close() error {
	if s.reentrant() {
		return ErrReentrant
	}
	if !s.closing.CompareAndSwap(false, true) {
		return nil
	}
	stopKicking := s.kickUntilIdle()
	var errs []error
	s.exec(func() error {
		stopKicking()
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
		s.scratch.free()
		s.region.free()
		s.region = nil
		if s.mapped != nil {
			s.mapped.release()
			s.mapped = nil
		}
		s.setStatus(Closed)
		return nil
	})
	s.th.stop()
	return errors.Join(errs...)
}

// kickUntilIdle interrupts the guest every half millisecond until the
// returned function is called, so that a call in progress (a spinning
// guest, say) gives the thread back to Close. The returned function
// waits until no kick can touch the vCPU any more.
func (s *Sandbox) kickUntilIdle() func() {
	vcpu := s.vcpu
	if vcpu == nil {
		return func() {}
	}
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			vcpu.SetImmediateExit(true)
			s.th.kick()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(stop)
		<-stopped
	}
}

// usable returns the error a call must fail with, or nil.
func (s *Sandbox) usable() error {
	switch s.getStatus() {
	case Ready:
		return nil
	case Poisoned:
		return ErrPoisoned
	case Unrecoverable:
		return ErrUnrecoverable
	}
	return ErrClosed
}
