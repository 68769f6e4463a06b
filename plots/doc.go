// Package plots draws the lab's charts from benchmark summaries.
//
// Draw takes the summaries of a run (see snaplab/lab/results) and
// writes, into a directory, each chart its data supports, as SVG for
// documents and PNG for quick viewing:
//
//   - latency: restore-ns/op per strategy, grouped by case;
//   - sweep: restore-ns/op against the region size a heap-* or
//     scratch-* sweep varies, on log-log axes, with a panel per
//     memory technique on shared axes when there are several;
//   - fallback: the cross-layout cases, where strict can only build a
//     fresh sandbox, against the strategies that restore in place,
//     with the floor benchmark as a reference;
//   - first-call: restore-ns/op stacked under first-call-ns/op, so a
//     restore that is cheap because it defers work to the next call
//     shows it.
//
// Every chart shows medians with their 95% confidence intervals. A
// strategy has the same colour in every chart; a chart whose data is
// absent is not drawn.
//
// The bar charts (latency, fallback, first-call) are drawn once per
// memory technique when a scenario's cases ran under several: twelve
// groups of five bars leave no room for a label. Text never overlaps:
// x labels turn when they would touch, a log axis labels fewer
// values when it is short, and the values above the bars are left
// out, all of them, when one would run into another label or bar, or
// when a chart has more than 20 bars.
package plots
