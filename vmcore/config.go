package vmcore

import "snaplab/vmcore/layout"

// Config is what a new sandbox is built from.
type Config struct {
	// Layout gives the seven configured fields; the outputs
	// (SnapshotSize, PTSize) are computed. The zero Layout means
	// layout.Default().
	Layout layout.Layout
	// Image is the guest ELF; nil means the built-in guest.
	Image []byte
	// InitData is copied to the start of the init data area.
	InitData []byte
	// HostFunctions the guest may call.
	HostFunctions []HostFunction
	// ScratchReset picks how a same-size scratch is cleared.
	ScratchReset ScratchReset
	// Technique picks how the snapshot region is written and reset.
	Technique Technique
	// NoSyncRegs turns off handing registers to KVM_RUN through
	// kvm_run, so each register write is its own ioctl.
	NoSyncRegs bool
}

func (c Config) hostFunctionMap() map[string]HostFunction {
	m := make(map[string]HostFunction, len(c.HostFunctions))
	for _, f := range c.HostFunctions {
		m[f.Name] = f
	}
	return m
}

func (c Config) hostFunctionRecords() []HostFunctionRecord {
	r := make([]HostFunctionRecord, len(c.HostFunctions))
	for i, f := range c.HostFunctions {
		r[i] = HostFunctionRecord{f.Name, f.Signature}
	}
	return r
}
