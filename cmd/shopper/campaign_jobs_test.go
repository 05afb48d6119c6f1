package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/store"
)

// startChild starts shopper in a new process with the rig's passwords and
// returns it running; crashAt names the step at which it kills itself.
func (g *mailRig) startChild(crashAt string, out *syncBuffer, args ...string) *exec.Cmd {
	g.t.Helper()
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCampaignChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), g.env()...)
	cmd.Env = append(cmd.Env, "SHOPPER_CAMPAIGN_CHILD="+string(js), "SHOPPER_TEST_CRASH_AFTER="+crashAt)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		g.t.Fatal(err)
	}
	g.t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

// TestCampaignWorkerKilledMidSend: 'campaign run --send --workers 0'
// leaves its sends to 'shopper worker' processes on the store. The first
// worker is killed (SIGKILL) once the SMTP server took the inquiry, before
// anything recorded it; River hands the job to a second worker, which
// looks for it in the Sent folder, finds nothing, and leaves it to the
// operator instead of sending again. The desk received it once.
func TestCampaignWorkerKilledMidSend(t *testing.T) {
	t.Parallel()
	g := newMailRig(t)
	file := g.file("killed", "60s", "{name: Acme, to: help@killed.example}")
	db := file + ".db"
	workerArgs := []string{"worker", "--db", db, "--workers", "1", "--render", "never", "--job-timeout", "2s", "--rescue-after", "3s"}

	var runOut syncBuffer
	run := g.startChild("", &runOut, "campaign", "run", "--send", "--workers", "0", "--catch-up", "2s", "--pdf", t.TempDir(), file)
	var firstOut syncBuffer
	first := g.startChild("smtp-sent", &firstOut, workerArgs...)
	first.Wait()
	if st, ok := first.ProcessState.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGKILL {
		t.Fatalf("the first worker was not killed mid-send: %v\n%s\nrun:\n%s", first.ProcessState, firstOut.String(), runOut.String())
	}
	var secondOut syncBuffer
	second := g.startChild("", &secondOut, workerArgs...)
	done := make(chan error, 1)
	go func() { done <- run.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("campaign run: %v\n%s\nsecond worker:\n%s", err, runOut.String(), secondOut.String())
		}
	case <-time.After(90 * time.Second):
		t.Fatalf("the campaign did not finish:\n%s\nsecond worker:\n%s", runOut.String(), secondOut.String())
	}
	second.Process.Signal(syscall.SIGTERM)
	second.Wait()

	list, _ := inquiries(t, file, "killed")
	if n := g.received()[list[0].Token]; n != 1 {
		t.Fatalf("the desk received the inquiry %d times, want 1", n)
	}
	if !strings.Contains(secondOut.String(), "Acme: "+campaign.ReasonUnknown) {
		t.Errorf("the second worker did not settle the interrupted send as unknown:\n%s", secondOut.String())
	}
	if list[0].Status != store.StatusFailed || list[0].Reason != campaign.ReasonUnknown {
		t.Errorf("%s %q, want failed %q\n%s", list[0].Status, list[0].Reason, campaign.ReasonUnknown, runOut.String())
	}
}

// TestBenchmarkSendsTheInquiriesOfEmailRows: a benchmark row with an
// e-mail channel gets the campaign's inquiry after its audit; the result
// and the PDF carry the measured reply.
func TestBenchmarkSendsTheInquiriesOfEmailRows(t *testing.T) {
	t.Parallel()
	g := newMailRig(t)
	site := shop(t)
	g.desk.Script("help@bench.example", desk.Script{Replies: []desk.Reply{
		{After: 300 * time.Millisecond, Kind: desk.AutoAck},
		{After: 1500 * time.Millisecond, Kind: desk.Human, Answer: "You have 30 days to return it, and we e-mail a free return label."},
	}})
	dir := t.TempDir()
	csv := filepath.Join(dir, "companies.csv")
	if err := os.WriteFile(csv, []byte("name,url,region,channel,address\nAcme,"+site.URL+",,email,help@bench.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	common := []string{"benchmark", "--db", filepath.Join(dir, "b.db"), "--out", filepath.Join(dir, "out"), "--allow-private",
		"--delay", "0", "--render", "never", "--quiet"}

	// Without a campaign file there is no persona to write as.
	code, _, errs := runCmd(append(common, csv)...)
	if code != exitUsage || !strings.Contains(errs, "--campaign FILE") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Fatalf("without --campaign: exit %d, want %d and one sentence naming --campaign:\n%s", code, exitUsage, errs)
	}

	file := g.file("bench", "5s", "{name: Placeholder, to: nobody@example.invalid}")
	var out syncBuffer
	cmd := g.startChild("", &out, append(common, "--campaign", file, "--send", csv)...)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("benchmark: %v\n%s", err, out.String())
	}
	if n := len(g.desk.Received()); n != 1 {
		t.Fatalf("the desk received %d messages, want 1 (the placeholder company of the campaign file is not asked)\n%s", n, out.String())
	}
	fh, err := os.Open(filepath.Join(dir, "out", "results.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	if !sc.Scan() {
		t.Fatal("results.jsonl is empty")
	}
	var row struct {
		Name    string `json:"name"`
		Channel string `json:"channel"`
		Address string `json:"address"`
		Result  struct {
			Inquiries []struct {
				Status            string   `json:"status"`
				HumanReplySeconds *float64 `json:"human_reply_seconds"`
				AutoAckSeconds    *float64 `json:"auto_ack_seconds"`
			} `json:"inquiries"`
		} `json:"result"`
	}
	if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
		t.Fatal(err)
	}
	if row.Channel != "email" || row.Address != "help@bench.example" {
		t.Errorf("row %q: channel %q, address %q; want the file's", row.Name, row.Channel, row.Address)
	}
	if len(row.Result.Inquiries) != 1 {
		t.Fatalf("%s: %d inquiries in the result, want 1\n%s", row.Name, len(row.Result.Inquiries), out.String())
	}
	iq := row.Result.Inquiries[0]
	if iq.Status != store.StatusReplied || iq.HumanReplySeconds == nil || iq.AutoAckSeconds == nil || *iq.HumanReplySeconds <= *iq.AutoAckSeconds {
		t.Errorf("inquiry %+v, want replied with the acknowledgement measured before the human reply", iq)
	}
	text := pdfText(t, filepath.Join(dir, "out", "benchmark.pdf"))
	if !strings.Contains(text, "test inquiries") {
		t.Errorf("the benchmark PDF does not say inquiries were sent:\n%s", text)
	}
}
