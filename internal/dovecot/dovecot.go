// Package dovecot starts a real Dovecot IMAP server on loopback for tests:
// a throw-away configuration, user, password and maildir in the test's
// temporary directory, IMAP with STARTTLS on one port and implicit TLS on
// another (self-signed certificate made for the test), and the log printed
// when the test fails.
//
// Tests that need it call Start; when no dovecot binary is installed the
// test is skipped, except under CI=true where it fails (scripts/test.sh
// installs Debian's dovecot-imapd).
package dovecot

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/shopper-audit/shopper/internal/loopcert"
)

// Options change how the server is configured. The zero value is a
// standard Dovecot with IDLE.
type Options struct {
	// NoIdle leaves IDLE out of the capabilities the server advertises
	// after login, so clients must poll. Default false.
	NoIdle bool
}

// Server is one running Dovecot. Its fields are fixed for the life of the
// test, across Stop and Start.
type Server struct {
	// Addr is host:port of plain IMAP on 127.0.0.1 (STARTTLS offered).
	Addr string
	// TLSAddr is host:port of IMAP over implicit TLS on 127.0.0.1.
	TLSAddr string
	// User and Password log in; plaintext login is allowed on loopback.
	User, Password string
	// TLSConfig trusts the server's self-signed certificate.
	TLSConfig *tls.Config
	// CertPEM is that certificate in PEM, as a client's CA file (a
	// campaign's ca_file) would hold it to trust the server.
	CertPEM []byte
	// Dir holds the configuration, the mail and the log.
	Dir string
	// LogPath is Dovecot's log file.
	LogPath string

	t       testing.TB
	bin     string
	conf    string
	mailDir string
	mu      sync.Mutex
	cmd     *exec.Cmd
	done    chan struct{}
}

// Binary returns the path of the dovecot binary, or "" when none is
// installed.
func Binary() string {
	if p, err := exec.LookPath("dovecot"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/dovecot", "/usr/local/sbin/dovecot"} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// Require skips the test when Dovecot is not installed, or fails it under
// CI=true, and returns the binary's path.
func Require(t testing.TB) string {
	t.Helper()
	bin := Binary()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("dovecot is not installed; scripts/test.sh installs dovecot-imapd")
		}
		t.Skip("dovecot is not installed (apt-get install dovecot-imapd); skipping outside CI")
	}
	return bin
}

// Start starts a standard Dovecot for the test and stops it when the test
// ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartWith(t, Options{})
}

// StartWith starts Dovecot configured by opts and stops it when the test
// ends. The log is printed if the test fails.
func StartWith(t testing.TB, opts Options) *Server {
	t.Helper()
	bin := Require(t)
	dir := t.TempDir()
	s := &Server{
		User:     "shopper",
		Password: "imap-test-" + randomHex(8),
		Dir:      dir,
		LogPath:  filepath.Join(dir, "dovecot.log"),
		t:        t,
		bin:      bin,
		conf:     filepath.Join(dir, "dovecot.conf"),
	}
	s.mailDir = filepath.Join(dir, "mail", s.User)
	if err := s.configure(opts); err != nil {
		t.Fatalf("configure dovecot: %v", err)
	}
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("dovecot log:\n%s", s.Log())
		}
	})
	s.Start()
	return s
}

// Log returns the server's log so far.
func (s *Server) Log() string {
	b, err := os.ReadFile(s.LogPath)
	if err != nil {
		return fmt.Sprintf("(no log: %v)", err)
	}
	return string(b)
}

// MailboxDir returns the maildir that holds folder ("INBOX" or a
// top-level folder name such as "Sent").
func (s *Server) MailboxDir(folder string) string {
	if strings.EqualFold(folder, "INBOX") || folder == "" {
		return s.mailDir
	}
	return filepath.Join(s.mailDir, "."+folder)
}

func (s *Server) configure(opts Options) error {
	uid, gid := os.Getuid(), os.Getgid()
	cur, err := user.Current()
	if err != nil {
		return fmt.Errorf("current user: %w", err)
	}
	internalUser, loginUser := cur.Username, cur.Username
	internalGroup := ""
	if uid == 0 {
		// Dovecot refuses to run login processes or mail as root: use the
		// package's own users and give mail to nobody.
		internalUser, loginUser = existingUser("dovecot", "nobody"), existingUser("dovenull", "nobody")
		nobody, err := user.Lookup("nobody")
		if err != nil {
			return fmt.Errorf("look up nobody: %w", err)
		}
		uid, _ = strconv.Atoi(nobody.Uid)
		gid, _ = strconv.Atoi(nobody.Gid)
		// The login and internal users must reach the sockets in Dir.
		for _, d := range []string{s.Dir, filepath.Dir(s.Dir)} {
			if err := os.Chmod(d, 0o755); err != nil {
				return fmt.Errorf("open %s to dovecot's users: %w", d, err)
			}
		}
	} else if g, err := user.LookupGroupId(strconv.Itoa(gid)); err == nil {
		internalGroup = g.Name
	}
	for _, d := range []string{"run", "state", "mail", "home"} {
		p := filepath.Join(s.Dir, d)
		if err := os.MkdirAll(p, 0o755); err != nil {
			return fmt.Errorf("make %s: %w", d, err)
		}
		if d == "mail" || d == "home" {
			if err := os.Chown(p, uid, gid); err != nil {
				return fmt.Errorf("give %s to uid %d: %w", d, uid, err)
			}
		}
	}
	lc, err := loopcert.New("127.0.0.1", time.Now())
	if err != nil {
		return err
	}
	certPEM, keyPEM, pool := lc.CertPEM, lc.KeyPEM, lc.Pool
	certPath, keyPath := filepath.Join(s.Dir, "cert.pem"), filepath.Join(s.Dir, "key.pem")
	if err := os.WriteFile(certPath, certPEM, 0o644); err != nil {
		return fmt.Errorf("write certificate: %w", err)
	}
	if err := os.WriteFile(keyPath, keyPEM, 0o600); err != nil {
		return fmt.Errorf("write key: %w", err)
	}
	s.TLSConfig = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	s.CertPEM = certPEM
	passwd := filepath.Join(s.Dir, "passwd")
	if err := os.WriteFile(passwd, []byte(s.User+":{PLAIN}"+s.Password+"::::::\n"), 0o644); err != nil {
		return fmt.Errorf("write passwd: %w", err)
	}
	ports, err := freePorts(2)
	if err != nil {
		return err
	}
	s.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[0]))
	s.TLSAddr = net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[1]))

	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	p("base_dir = %s", filepath.Join(s.Dir, "run"))
	p("state_dir = %s", filepath.Join(s.Dir, "state"))
	p("instance_name = shopper-test-%d", ports[0])
	p("log_path = %s", s.LogPath)
	p("protocols = imap")
	p("listen = 127.0.0.1")
	p("ssl = yes")
	p("ssl_cert = <%s", certPath)
	p("ssl_key = <%s", keyPath)
	p("disable_plaintext_auth = no")
	p("auth_mechanisms = plain login")
	p("default_internal_user = %s", internalUser)
	if internalGroup != "" {
		p("default_internal_group = %s", internalGroup)
	}
	p("default_login_user = %s", loginUser)
	p("first_valid_uid = %d", min(uid, 1))
	p("first_valid_gid = 0")
	p("mail_location = maildir:%s", filepath.Join(s.Dir, "mail", "%u"))
	if opts.NoIdle {
		p("imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS MOVE NAMESPACE UNSELECT CHILDREN")
	}
	p("namespace inbox {\n  inbox = yes\n  separator = /\n  mailbox Sent {\n    special_use = \\Sent\n    auto = create\n  }\n}")
	p("auth_failure_delay = 0")
	p("passdb {\n  driver = passwd-file\n  args = scheme=PLAIN %s\n}", passwd)
	p("userdb {\n  driver = static\n  args = uid=%d gid=%d home=%s\n}", uid, gid, filepath.Join(s.Dir, "home", "%u"))
	p("service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = %d\n    ssl = yes\n  }\n}", ports[0], ports[1])
	for _, svc := range []string{"anvil", "auth", "stats", "pop3-login", "submission-login", "managesieve-login", "imap-urlauth-login"} {
		p("service %s {\n  chroot =\n}", svc)
	}
	return os.WriteFile(s.conf, []byte(b.String()), 0o644)
}

// Start starts the server (again) with the same configuration, ports and
// mail, and waits until it greets. Start on a running server does nothing.
func (s *Server) Start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return
	}
	cmd := exec.Command(s.bin, "-F", "-c", s.conf)
	cmd.Dir = s.Dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start dovecot: %v", err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.cmd, s.done = cmd, done
	deadline := time.Now().Add(20 * time.Second)
	for {
		if err := greets(s.Addr); err == nil {
			if err := greets(s.TLSAddr); err == nil {
				return
			}
		}
		select {
		case <-done:
			s.cmd = nil
			s.t.Fatalf("dovecot exited at start: %s\nlog:\n%s", strings.TrimSpace(out.String()), s.Log())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("dovecot did not greet on %s within 20s\nlog:\n%s", s.Addr, s.Log())
		}
	}
}

// greets reports whether something accepts connections at addr.
func greets(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	return c.Close()
}

// Stop stops the server, dropping every connection. Mail is kept. Stop on
// a stopped server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	pid := s.cmd.Process.Pid
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(3 * time.Second):
		// An IMAP process in IDLE can take Dovecot ten seconds to shut
		// down: end the process group we started, as a crash would.
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		<-s.done
	}
	// Children may outlive the master by a moment; the ports must be free
	// before the next Start.
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	s.cmd, s.done = nil, nil
	for i := 0; i < 200 && (greets(s.Addr) == nil || greets(s.TLSAddr) == nil); i++ {
		time.Sleep(25 * time.Millisecond)
	}
}

// Restart stops and starts the server: clients are disconnected, mail and
// UIDs are kept.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	s.Start()
}

// ResetUIDValidity stops the server, removes the UID list and indexes of
// folder so Dovecot numbers its messages afresh under a new UIDVALIDITY,
// and starts it again.
func (s *Server) ResetUIDValidity(folder string) {
	s.t.Helper()
	s.Stop()
	dir := s.MailboxDir(folder)
	var victims []string
	for _, pattern := range []string{"dovecot-uidlist", "dovecot.index*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		victims = append(victims, m...)
	}
	// The mailbox list index caches each folder's UIDVALIDITY too.
	m, _ := filepath.Glob(filepath.Join(s.mailDir, "dovecot.list.index*"))
	victims = append(victims, m...)
	for _, v := range victims {
		if err := os.Remove(v); err != nil {
			s.t.Fatalf("reset UIDVALIDITY of %s: %v", folder, err)
		}
	}
	s.Start()
}

// Dial logs in to the server over STARTTLS. The client is closed when the
// test ends.
func (s *Server) Dial() *imapclient.Client {
	s.t.Helper()
	c, err := imapclient.DialStartTLS(s.Addr, &imapclient.Options{TLSConfig: s.TLSConfig})
	if err != nil {
		s.t.Fatalf("dial dovecot: %v", err)
	}
	s.t.Cleanup(func() { _ = c.Close() })
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		s.t.Fatalf("log in to dovecot: %v", err)
	}
	return c
}

// Append stores raw in folder ("INBOX" when empty) as a delivery would,
// and returns the new message's UIDVALIDITY and UID.
func (s *Server) Append(folder string, raw []byte) (uidValidity uint32, uid uint32) {
	s.t.Helper()
	if folder == "" {
		folder = "INBOX"
	}
	c := s.Dial()
	defer func() { _ = c.Logout().Wait(); _ = c.Close() }()
	cmd := c.Append(folder, int64(len(raw)), nil)
	if _, err := cmd.Write(raw); err != nil {
		s.t.Fatalf("append to %s: %v", folder, err)
	}
	if err := cmd.Close(); err != nil {
		s.t.Fatalf("append to %s: %v", folder, err)
	}
	data, err := cmd.Wait()
	if err != nil {
		s.t.Fatalf("append to %s: %v", folder, err)
	}
	return data.UIDValidity, uint32(data.UID)
}

// Deliver drops raw into folder's maildir as a local delivery agent would,
// bypassing IMAP: for bytes APPEND would refuse, such as NULs. The server
// sees it at its next look at the folder.
func (s *Server) Deliver(folder string, raw []byte) {
	s.t.Helper()
	dir := s.MailboxDir(folder)
	st, err := os.Stat(dir)
	if err != nil {
		s.t.Fatalf("deliver to %s: the folder has not been created yet: %v", folder, err)
	}
	name := fmt.Sprintf("%d.%s.shopper-test", time.Now().UnixNano(), randomHex(6))
	tmp := filepath.Join(dir, "tmp", name)
	if err := os.WriteFile(tmp, raw, 0o644); err != nil {
		s.t.Fatalf("deliver to %s: %v", folder, err)
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		_ = os.Chown(tmp, int(sys.Uid), int(sys.Gid))
	}
	if err := os.Rename(tmp, filepath.Join(dir, "new", name)); err != nil {
		s.t.Fatalf("deliver to %s: %v", folder, err)
	}
}

// UIDValidity returns folder's current UIDVALIDITY.
func (s *Server) UIDValidity(folder string) uint32 {
	s.t.Helper()
	c := s.Dial()
	defer func() { _ = c.Logout().Wait(); _ = c.Close() }()
	data, err := c.Status(folder, &imap.StatusOptions{UIDValidity: true}).Wait()
	if err != nil {
		s.t.Fatalf("status of %s: %v", folder, err)
	}
	return data.UIDValidity
}

func existingUser(names ...string) string {
	for _, n := range names {
		if _, err := user.Lookup(n); err == nil {
			return n
		}
	}
	return names[len(names)-1]
}

func freePorts(n int) ([]int, error) {
	var ports []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			_ = l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("find a free port: %w", err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%x", b)
}
