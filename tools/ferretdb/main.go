// Command ferretdb runs an embedded FerretDB 1.24 (MongoDB wire protocol) on SQLite or PostgreSQL.
//
// It exists because `go install github.com/FerretDB/FerretDB/cmd/ferretdb` does not work from the
// module proxy (see STACK-NOTES.md); src/storage/local-database.ts builds and starts it.
//
// Once the listener is bound it prints exactly one line to stdout:
//
//	FERRETDB_READY {"uri":"mongodb://127.0.0.1:PORT/","handler":"sqlite"}
//
// and runs until SIGTERM/SIGINT (or, with -exit-on-stdin-eof, until stdin is closed,
// so that it never outlives the process that started it).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP listen address (port 0 picks a free port)")
	handler := flag.String("handler", "sqlite", "backend: sqlite or postgresql")
	sqliteDir := flag.String("sqlite-dir", "data", "directory for the sqlite handler's database files")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL URL for the postgresql handler, e.g. postgres://user@127.0.0.1:5432/ferretdb")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "shut down when stdin is closed (the parent process died)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *handler,
	}

	switch *handler {
	case "sqlite":
		dir, err := filepath.Abs(*sqliteDir)
		if err != nil {
			fail("bad -sqlite-dir: %v", err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fail("cannot create -sqlite-dir: %v", err)
		}
		config.SQLiteURL = "file:" + filepath.ToSlash(dir) + "/"
	case "postgresql":
		if *postgresURL == "" {
			fail("-postgresql-url is required with -handler postgresql")
		}
		config.PostgreSQLURL = *postgresURL
	default:
		fail("unknown -handler %q (want sqlite or postgresql)", *handler)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	f, err := ferretdb.New(config)
	if err != nil {
		fail("%v", err)
	}

	// New has bound the listener already, so the address (and a port picked by the kernel) is known;
	// connections wait in the backlog until Run accepts them.
	ready, err := json.Marshal(map[string]string{"uri": f.MongoDBURI(), "handler": *handler})
	if err != nil {
		fail("%v", err)
	}
	fmt.Printf("FERRETDB_READY %s\n", ready)

	if err := f.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ferretdb: %s\n", strings.TrimSpace(fmt.Sprintf(format, args...)))
	os.Exit(1)
}
