package vmcore

import (
	"testing"

	"snaplab/vmcore/layout"
)

func TestSmokeEcho(t *testing.T) {
	if err := Available(); err != nil {
		t.Skipf("KVM unusable: %v", err)
	}
	s, err := New(Config{Layout: layout.Default()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, err := s.Echo([]byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("echo: %q", out)
}
