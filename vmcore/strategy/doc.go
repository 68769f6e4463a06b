// Package strategy holds the lab's restore strategies, selectable by
// name:
//
//	strict             every configured layout field must match
//	subset             only the fields in DefaultSubset must match
//	subset:F1,F2       only the named fields must match
//	adopt              always admitted; the sandbox takes the layout
//	adopt-remap-first  as adopt, with the older step order
//
// Admission is all a strategy changes: once admitted, every restore
// adopts the snapshot's layout, and every strategy keeps the
// snapshot validity check and the host-function check (they live in
// vmcore). A strict or subset user whose snapshot is refused takes
// the fallback: a fresh sandbox built from the snapshot.
package strategy
