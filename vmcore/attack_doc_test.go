package vmcore_test

// The *_attack_test.go files began as attacks on the core, written to
// fail against it: each test's comment describes the hole it showed,
// in the present tense of the day it was found. Every one of those
// holes has since been closed, and the tests stay as regressions: they
// fail if the hole opens again. Where a fix changed the expected
// outcome (a crafted snapshot now refused up front rather than
// poisoning the sandbox), the test accepts only the safe outcomes.
