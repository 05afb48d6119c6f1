// Package pgtest starts a real PostgreSQL server for tests: a throwaway
// cluster in a temporary directory, listening on a free port of 127.0.0.1
// only, stopped when the test binary ends.
//
// A test binary starts at most one server (call Main from TestMain) and each
// test asks for its own database with NewDB, which keeps the suite fast.
// PostgreSQL refuses to run as root, so when the tests run as root the
// cluster belongs to the unprivileged "postgres" user (Debian's
// postgresql package creates it) and the server runs as that user.
//
// When no PostgreSQL binaries are found the tests that need one fail under
// CI=true and are skipped otherwise.
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Server is a running PostgreSQL cluster.
type Server struct {
	// URL reaches the server's "postgres" database as its superuser.
	URL  string
	Port int

	dir  string
	cmd  *exec.Cmd
	done chan struct{}
}

var (
	mu      sync.Mutex
	current *Server
	why     error // why no server could be started
	dbSeq   atomic.Int64
)

// BinDir finds the directory holding initdb and postgres: $PG_BIN, else
// the newest /usr/lib/postgresql/*/bin, else the directory of initdb on
// PATH. It returns "" when there is none.
func BinDir() string {
	if d := os.Getenv("PG_BIN"); d != "" {
		return d
	}
	if ds, _ := filepath.Glob("/usr/lib/postgresql/*/bin"); len(ds) > 0 {
		sort.Slice(ds, func(i, j int) bool { return version(ds[i]) > version(ds[j]) })
		for _, d := range ds {
			if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
				return d
			}
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Main starts the server for a test binary, runs the tests and stops the
// server: call it from TestMain as os.Exit(pgtest.Main(m)). The server is
// started on first use (NewDB, URL), so a run of tests that need none
// starts none.
func Main(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// Stop stops the server if one was started. Main calls it.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if current != nil {
		current.stop()
		current = nil
	}
}

// Start returns the test binary's server, starting it on first use. It
// fails the test under CI=true when PostgreSQL is not installed and skips it
// otherwise; a server that is installed but does not start fails the test.
func Start(t testing.TB) *Server {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if current == nil && why == nil {
		current, why = start()
	}
	if why != nil {
		if errors.Is(why, errNotInstalled) && os.Getenv("CI") != "true" {
			t.Skipf("pgtest: %v", why)
		}
		t.Fatalf("pgtest: %v", why)
	}
	return current
}

var errNotInstalled = errors.New("PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN to the directory holding initdb and postgres)")

// NewDB creates an empty database on the test binary's server and returns
// its URL; it is dropped when the test ends.
func NewDB(t testing.TB) string {
	t.Helper()
	s := Start(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	admin, err := sql.Open("pgx", s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", s.URL)
		if err != nil {
			return
		}
		defer a.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = a.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return s.dbURL(name)
}

func (s *Server) dbURL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, name)
}

// start makes a cluster in a new temporary directory and starts postgres
// on a free loopback port.
func start() (*Server, error) {
	bin := BinDir()
	if bin == "" {
		return nil, errNotInstalled
	}
	for _, b := range []string{"initdb", "postgres"} {
		if _, err := os.Stat(filepath.Join(bin, b)); err != nil {
			return nil, errNotInstalled
		}
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	s := &Server{dir: dir, done: make(chan struct{})}
	data := filepath.Join(dir, "data")
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("tests run as root and PostgreSQL refuses root, but there is no 'postgres' user to run it as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("chown %s: %w", dir, err)
		}
		// The temporary directory's parents must let the user in.
		if err := os.Chmod(dir, 0o700); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, strings.TrimSpace(string(out)))
	}
	for range 5 {
		port, err := freePort()
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.Port = port
		s.URL = s.dbURL("postgres")
		if err := s.launch(bin, data, cred); err == nil {
			return s, nil
		} else if !strings.Contains(err.Error(), "in use") {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	os.RemoveAll(dir)
	return nil, errors.New("postgres: no free port on 127.0.0.1")
}

func (s *Server) launch(bin, data string, cred *syscall.Credential) error {
	logPath := filepath.Join(s.dir, "postgres.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer logf.Close()
	if cred != nil {
		_ = os.Chown(logPath, int(cred.Uid), int(cred.Gid))
	}
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", data,
		"-p", strconv.Itoa(s.Port), "-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+s.dir, "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=64MB")
	cmd.Stdout, cmd.Stderr = logf, logf
	// Pdeathsig: a test binary killed outright takes its server with it.
	// The signal follows the thread that started the child, not the
	// process, so that thread stays locked until the server exits.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
	started := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			runtime.UnlockOSThread()
			return
		}
		started <- nil
		cmd.Wait()
		close(exited)
		runtime.UnlockOSThread()
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	db, err := sql.Open("pgx", s.URL)
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err = db.PingContext(ctx)
		cancel()
		if err == nil {
			s.cmd, s.done = cmd, exited
			return nil
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres exited: %s", lastLines(string(log), 5))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			<-exited
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not accept connections within a minute: %s", lastLines(string(log), 5))
		}
	}
}

// stop shuts the server down quickly and removes its directory.
func (s *Server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGQUIT) // immediate shutdown
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	}
	os.RemoveAll(s.dir)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
