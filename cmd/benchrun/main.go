// Command benchrun runs the snaplab benchmark suite, compares runs,
// draws plots and writes reports.
//
// With no arguments it runs scenarios/default.toml and writes a report
// in a new run directory under results/, printing the report's path
// as its last line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

// command is one benchrun subcommand. Each lives in its own file and
// registers itself in commands from an init function.
type command struct {
	summary string
	run     func(args []string) error
}

var commands = map[string]command{}

func register(name, summary string, run func([]string) error) {
	commands[name] = command{summary, run}
}

func main() {
	args := os.Args[1:]
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" ||
		args[0] == "--help") {
		usage()
		return
	}
	// With no command, or only flags, run the default command.
	name := "default"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "benchrun: unknown command %q\n", name)
		usage()
		os.Exit(2)
	}
	if err := cmd.run(args); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun %s: %v\n", name, err)
		os.Exit(1)
	}
}

// parseFlags parses a command's arguments; help is true when -h was
// asked for, the usage then printed and there is nothing more to do.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, nil
	}
	return false, err
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchrun [command] [arguments]")
	fmt.Fprintln(os.Stderr, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", n, commands[n].summary)
	}
}
