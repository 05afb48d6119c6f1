package campaign

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/store"
)

// ReasonUnknown is the reason an inquiry is left failed when it may or
// may not have gone out: shopper never sends it again.
const ReasonUnknown = "unknown whether sent: check by hand; shopper will not resend"

// reasonNotSent starts the reason of an inquiry that certainly did not go
// out; such an inquiry is tried again by the next run.
const reasonNotSent = "not sent: "

// Mailer submits e-mail; inquiry.SMTP is one. An error wrapping
// inquiry.ErrMaybeSent means the message may have gone out.
type Mailer interface {
	Send(ctx context.Context, from string, to []string, raw []byte) error
}

// FormSender submits contact forms. With dryRun it fills the form and
// reports the fields without submitting.
type FormSender interface {
	Submit(ctx context.Context, pageURL string, p inquiry.Persona, subject, body string, dryRun bool) (FormResult, error)
}

// FormResult is what a form submission did.
type FormResult struct {
	// Status is sent, failed or blocked.
	Status string
	// Reason says why for failed and blocked.
	Reason string
	// Filled lists the fields filled, "name: value", for dry runs.
	Filled []string
}

// Inbox is the persona's mailbox as the campaign reads it.
type Inbox interface {
	// Watch reads the inbox from the message after cursor on, calling
	// handle for each message in order with the cursor that passes it,
	// until ctx ends or handle returns an error; it may deliver a message
	// twice (after a UIDVALIDITY change).
	Watch(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error) error
	// FindSent reports whether the Sent folder holds a message with the
	// Message-ID (without angle brackets).
	FindSent(ctx context.Context, messageID string) (bool, error)
	// AppendSent keeps a copy of a sent message in the Sent folder.
	AppendSent(ctx context.Context, raw []byte) error
}

// Mail is one message read from the inbox.
type Mail struct {
	MessageID string
	From      string
	Subject   string
	// Text is the message's decoded text.
	Text string
	// Received is when the message arrived.
	Received time.Time
	// Message is the reader's own value (a replies.Message), for the
	// Analyzer.
	Message any
}

// Question is what an Analyzer needs to know of the inquiry a reply
// answers.
type Question struct {
	Token, Subject, Body, Language string
	MustAddress                    []string
	Persona                        inquiry.Persona
	// Company is the company asked.
	Company string
	// OtherReplies are the texts of the human replies other companies of
	// the campaign sent: a reply that reads like them is a template.
	OtherReplies []string
}

// Analyzer matches replies to inquiries and judges them.
type Analyzer interface {
	// Match returns the token, among tokens, of the inquiry m answers,
	// or "".
	Match(m Mail, tokens []string) string
	// Analyze judges m as a reply to q.
	Analyze(m Mail, q Question) Analysis
}

// Analysis is a reply's judgement, as stored with it; nil scores were
// not measured.
type Analysis struct {
	AutoAck         bool     `json:"auto_ack"`
	AutoAckReasons  []string `json:"auto_ack_reasons,omitempty"`
	PromisedSeconds *float64 `json:"promised_seconds,omitempty"`
	PromisePhrase   string   `json:"promise_phrase,omitempty"`
	// PromiseBusiness says the promise counts PromiseCount PromiseUnits
	// ("hour", "day", ...) of business time.
	PromiseBusiness        bool     `json:"promise_business,omitempty"`
	PromiseCount           float64  `json:"promise_count,omitempty"`
	PromiseUnit            string   `json:"promise_unit,omitempty"`
	Personalization        *float64 `json:"personalization"`
	PersonalizationReasons []string `json:"personalization_reasons,omitempty"`
	Answered               *float64 `json:"answered"`
	AnsweredReasons        []string `json:"answered_reasons,omitempty"`
	Courtesy               *float64 `json:"courtesy"`
	CourtesyReasons        []string `json:"courtesy_reasons,omitempty"`
}

// Runner runs a campaign. File, DB and Out are required; Mailer, Inbox
// and Analyzer are needed to send (Send true) and watch; Forms for form
// inquiries.
//
// With Queue set, the audits, sends and deadline checks are River jobs
// (see RegisterJobs) worked by whichever processes work the queue, this
// one included when its Queue has workers; the inbox is still watched by
// Run itself.
type Runner struct {
	File *File
	DB   *store.DB
	// Queue, when set, makes the audits, sends and deadline checks jobs on
	// it. Default nil: Run does all of it itself.
	Queue *jobs.Queue
	// FileText is the campaign file's text, put in the send and deadline
	// jobs so that every worker reads the same campaign. Default: read
	// from File.Path when the jobs are enqueued.
	FileText []byte
	// Send sends for real; false is a dry run that prints what would be
	// sent and sends nothing.
	Send bool
	// Out receives the dry run's messages and progress lines.
	Out io.Writer
	// Audit audits a company's site to find where to write. Default
	// audit.Run with zero options.
	Audit func(ctx context.Context, siteURL string) (*audit.Result, error)
	// SMTPAddr names the submission server in the dry run's output.
	SMTPAddr string
	Mailer   Mailer
	Forms    FormSender
	Inbox    Inbox
	Analyzer Analyzer
	// CursorName names the inbox's cursor in the store.
	CursorName string
	// CatchUp bounds how long a run reads the inbox to its end before it
	// closes inquiries past their deadline (a resumed run reads the replies
	// that came while it was not running). The read stops as soon as the
	// inbox is read. Default 30 seconds.
	CatchUp time.Duration
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// Hook, when set, is called at each durable step with its name:
	// "drafted", "sending", "smtp-sent", "sent", "reply", "watching".
	// Tests use it to crash the process at a known point.
	Hook func(point string)

	catchingUp bool
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) hook(point string) {
	if r.Hook != nil {
		r.Hook(point)
	}
}

func (r *Runner) logf(format string, args ...any) {
	fmt.Fprintf(r.Out, format+"\n", args...)
}

// Run drafts the campaign's inquiries (auditing companies to find where
// to write), and with Send sends each draft once and watches the inbox
// until every inquiry is answered or past its deadline. Without Send it
// prints each draft as it would be sent. Run resumes an interrupted run.
func (r *Runner) Run(ctx context.Context) error {
	if err := r.draft(ctx); err != nil {
		return err
	}
	if !r.Send {
		return r.dryRun(ctx)
	}
	if (r.Mailer == nil && r.Queue == nil) || r.Inbox == nil || r.Analyzer == nil {
		return errors.New("campaign run: sending needs a mailer, an inbox and an analyzer")
	}
	if err := r.recover(ctx); err != nil {
		return err
	}
	if r.Queue != nil {
		if err := r.sendQueued(ctx); err != nil {
			return err
		}
	} else if err := r.sendDrafts(ctx); err != nil {
		return err
	}
	return r.watch(ctx)
}

// draft audits every company with a url that has no stored audit (to
// find where to write, and for its scorecard) and writes a draft for
// every company and template that has none.
func (r *Runner) draft(ctx context.Context) error {
	audits, err := StoredAudits(ctx, r.DB, r.File)
	if err != nil {
		return err
	}
	if r.Queue != nil {
		if audits, err = r.auditQueued(ctx, audits); err != nil {
			return err
		}
	}
	for _, c := range r.File.Companies {
		res := audits[c.Name]
		if res == nil && c.URL != "" && r.Queue == nil {
			res, err = r.audit(ctx, c.URL)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				r.logf("%s: could not audit %s (%v); it will be tried again on the next run.", c.Name, c.URL, err)
			} else if err := saveAudit(ctx, r.DB, r.File, c.Name, res, r.now()); err != nil {
				return err
			}
		}
		for _, id := range c.Inquiries {
			if _, err := r.DB.Inquiry(ctx, r.File.Name, c.Name, id); err == nil {
				continue
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
			channel, target := c.Channel, c.To
			if target == "" && res == nil {
				break // not audited: drafted on the next run
			}
			reason := ""
			if target == "" {
				channel, target = targetOf(c.Channel, res)
				if target == "" {
					reason = "no e-mail address or contact form found on the site; give one in the campaign file (to:)"
				}
			}
			tpl, _ := r.File.Template(id)
			subject, body, err := tpl.Render(Fields{Company: c.Name, URL: c.URL, Persona: r.File.Persona})
			if err != nil {
				return fmt.Errorf("campaign %s: %s: %w", r.File.Name, c.Name, err)
			}
			q := &store.Inquiry{Campaign: r.File.Name, Company: c.Name, Template: id, Channel: channel,
				Target: target, Token: inquiry.NewToken(), Subject: subject, Body: body, CreatedAt: r.now()}
			if reason != "" {
				q.Status, q.Reason = store.StatusFailed, reason
			}
			if _, err := r.DB.AddInquiry(ctx, q); err != nil {
				return err
			}
			r.hook("drafted")
		}
	}
	return nil
}

func (r *Runner) audit(ctx context.Context, siteURL string) (*audit.Result, error) {
	if siteURL == "" {
		return nil, errors.New("no url given")
	}
	if r.Audit != nil {
		return r.Audit(ctx, siteURL)
	}
	return audit.Run(ctx, siteURL, audit.Options{})
}

// targetOf picks where to write from an audit: an e-mail address (the
// first shown on the contact page, else the first found) unless the
// channel asks for a form, else the contact form's page.
func targetOf(channel string, res *audit.Result) (string, string) {
	if res == nil {
		return channel, ""
	}
	if channel != "form" && len(res.Email.Addresses) > 0 {
		addr := res.Email.Addresses[0]
		if res.ContactPage != nil {
		contact:
			for _, ev := range res.Email.Evidence {
				if ev.Page != *res.ContactPage {
					continue
				}
				for _, a := range res.Email.Addresses {
					if strings.Contains(strings.ToLower(ev.Detail), a) {
						addr = a
						break contact
					}
				}
			}
		}
		return "email", addr
	}
	if channel != "email" && res.ContactForm.URL != nil {
		return "form", *res.ContactForm.URL
	}
	if channel == "" {
		channel = "email"
	}
	return channel, ""
}

func (r *Runner) persona(token string) (inquiry.Persona, error) {
	p := inquiry.Persona{Name: r.File.Persona.Name, Email: r.File.Persona.Email, Phone: r.File.Persona.Phone}
	plus, err := inquiry.PlusAddress(p.Email, token)
	if err != nil {
		return p, err
	}
	p.Email = plus
	return p, nil
}

func (r *Runner) build(q store.Inquiry) ([]byte, string, error) {
	tpl, _ := r.File.Template(q.Template)
	lang := "en"
	if tpl != nil {
		lang = tpl.Language
	}
	return inquiry.Build(inquiry.Message{
		From: inquiry.Persona{Name: r.File.Persona.Name, Email: r.File.Persona.Email, Phone: r.File.Persona.Phone},
		To:   q.Target, Subject: q.Subject, Body: q.Body, Token: q.Token, Language: lang, Date: r.now(),
	})
}

// dryRun prints each draft as it would be sent.
func (r *Runner) dryRun(ctx context.Context) error {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	n := 0
	for _, q := range list {
		if q.Status != store.StatusDraft {
			continue
		}
		n++
		switch q.Channel {
		case "email":
			raw, _, err := r.build(q)
			if err != nil {
				return fmt.Errorf("campaign %s: %s: %w", r.File.Name, q.Company, err)
			}
			from, _ := inquiry.PlusAddress(r.File.Persona.Email, q.Token)
			r.logf("=== %s (%s): e-mail to %s through %s, envelope from %s ===", q.Company, q.Template, q.Target, r.SMTPAddr, from)
			text := strings.ReplaceAll(string(raw), "\r\n", "\n")
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			fmt.Fprint(r.Out, text)
			r.logf("=== end of message ===\n")
		case "form":
			r.logf("=== %s (%s): contact form at %s ===", q.Company, q.Template, q.Target)
			if r.Forms != nil {
				p, err := r.persona(q.Token)
				if err != nil {
					return err
				}
				res, err := r.Forms.Submit(ctx, q.Target, p, q.Subject+" [ref "+q.Token+"]", q.Body, true)
				if err != nil {
					r.logf("The form could not be read: %v.", strings.TrimSuffix(err.Error(), "."))
				} else if len(res.Filled) > 0 {
					r.logf("Fields that would be filled:")
				}
				for _, f := range res.Filled {
					r.logf("  %s", f)
				}
				if res.Status == "blocked" || res.Status == "failed" {
					r.logf("(%s: %s)", res.Status, res.Reason)
				}
			} else {
				r.logf("subject: %s [ref %s]\nmessage:\n%s", q.Subject, q.Token, q.Body)
			}
			r.logf("=== end of form ===\n")
		}
	}
	r.logf("Dry run: %d inquiries would be sent; nothing was sent. Run again with --send to send them.", n)
	return nil
}

// recover settles inquiries a previous run left in "sending", and puts
// back to draft those that certainly were not sent.
func (r *Runner) recover(ctx context.Context) error {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	for _, q := range list {
		switch {
		case q.Status == store.StatusSending:
			if err := r.resumeSending(ctx, q); err != nil {
				return err
			}
		case q.Status == store.StatusFailed && strings.HasPrefix(q.Reason, reasonNotSent):
			if err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusFailed}, store.Change{Status: store.StatusDraft}); err != nil && !errors.Is(err, store.ErrConflict) {
				return err
			}
		}
	}
	return nil
}

// resumeSending settles an inquiry found "sending", whose send was
// interrupted: it was sent when its Message-ID is in the Sent folder;
// otherwise nobody knows, and it is left failed for the operator, never
// sent again.
func (r *Runner) resumeSending(ctx context.Context, q store.Inquiry) error {
	found := false
	if q.Channel == "email" && q.MessageID != "" {
		var err error
		found, err = r.Inbox.FindSent(ctx, q.MessageID)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			r.logf("%s: could not look in the Sent folder (%v).", q.Company, err)
			found = false
		}
	}
	c := store.Change{Status: store.StatusFailed, Reason: ReasonUnknown}
	if found {
		c = store.Change{Status: store.StatusSent, SentAt: q.SendingAt}
		r.logf("%s: the interrupted inquiry is in the Sent folder: it was sent.", q.Company)
	} else {
		r.logf("%s: %s.", q.Company, ReasonUnknown)
	}
	if err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusSending}, c); err != nil && !errors.Is(err, store.ErrConflict) {
		return err
	}
	return nil
}

func (r *Runner) sendDrafts(ctx context.Context) error {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	for _, q := range list {
		if q.Status != store.StatusDraft {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.sendOne(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

func (r *Runner) sendOne(ctx context.Context, q store.Inquiry) error {
	var raw []byte
	var msgID string
	if q.Channel == "email" {
		var err error
		if raw, msgID, err = r.build(q); err != nil {
			return r.fail(ctx, q, store.StatusDraft, reasonNotSent+err.Error())
		}
	}
	if err := r.DB.MarkSending(ctx, q.ID, msgID, raw, r.now()); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil // another run took it
		}
		return err
	}
	r.hook("sending")
	p, err := r.persona(q.Token)
	if err != nil {
		return r.fail(ctx, q, store.StatusSending, reasonNotSent+err.Error())
	}
	// The send itself is not cut short by an interrupt: an inquiry half
	// sent is one that can never be sent again.
	sendCtx := context.WithoutCancel(ctx)
	sentReason := ""
	switch q.Channel {
	case "email":
		err := r.Mailer.Send(sendCtx, p.Email, []string{q.Target}, raw)
		switch {
		case err == nil:
		case errors.Is(err, inquiry.ErrMaybeSent):
			r.logf("%s: %v", q.Company, err)
			return r.fail(ctx, q, store.StatusSending, ReasonUnknown)
		default:
			r.logf("%s: %v", q.Company, err)
			return r.fail(ctx, q, store.StatusSending, reasonNotSent+err.Error())
		}
		r.hook("smtp-sent")
		if err := r.Inbox.AppendSent(sendCtx, raw); err != nil {
			r.logf("%s: sent, but no copy could be kept in the Sent folder: %v", q.Company, err)
		}
	case "form":
		if r.Forms == nil {
			return r.fail(ctx, q, store.StatusSending, reasonNotSent+"contact forms need a browser, and none is set up")
		}
		res, err := r.Forms.Submit(sendCtx, q.Target, p, q.Subject+" [ref "+q.Token+"]", q.Body, false)
		if errors.Is(err, inquiry.ErrNotSent) {
			// Nothing was submitted (no browser, the page did not load):
			// safe to try again.
			r.logf("%s: %v; it will be tried again on the next run.", q.Company, err)
			return r.fail(ctx, q, store.StatusSending, reasonNotSent+err.Error())
		}
		if err != nil {
			r.logf("%s: %v", q.Company, err)
			return r.fail(ctx, q, store.StatusSending, ReasonUnknown)
		}
		switch res.Status {
		case "sent":
			sentReason = res.Reason
		case "blocked":
			return r.DB.SetStatus(ctx, q.ID, []string{store.StatusSending}, store.Change{Status: store.StatusBlocked, Reason: res.Reason})
		default:
			return r.fail(ctx, q, store.StatusSending, "form not sent: "+res.Reason)
		}
	default:
		return r.fail(ctx, q, store.StatusSending, "unknown channel "+q.Channel)
	}
	if err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusSending}, store.Change{Status: store.StatusSent, Reason: sentReason, SentAt: r.now()}); err != nil {
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
		// Another process settled the interrupted-looking send while it
		// was going out (a resumed run's Sent-folder check): this process
		// knows it was sent.
		if err := r.correct(ctx, q, store.Change{Status: store.StatusSent, Reason: sentReason, SentAt: r.now()}); err != nil {
			return err
		}
	}
	r.logf("%s: sent %s inquiry %s to %s.", q.Company, q.Channel, q.Token, q.Target)
	r.hook("sent")
	return nil
}

func (r *Runner) fail(ctx context.Context, q store.Inquiry, from, reason string) error {
	c := store.Change{Status: store.StatusFailed, Reason: reason}
	err := r.DB.SetStatus(context.WithoutCancel(ctx), q.ID, []string{from}, c)
	if errors.Is(err, store.ErrConflict) && from == store.StatusSending && reason != ReasonUnknown {
		return r.correct(ctx, q, c)
	}
	return err
}

// correct records what the process that sent an inquiry knows of it when
// another process, finding it "sending", has meanwhile left it failed as
// unknown: the sender's knowledge replaces the guess. Any other state is
// left alone.
func (r *Runner) correct(ctx context.Context, q store.Inquiry, c store.Change) error {
	ctx = context.WithoutCancel(ctx)
	now, err := r.inquiry(ctx, q.Token)
	if err != nil {
		return err
	}
	if now.Status != store.StatusFailed || now.Reason != ReasonUnknown {
		return nil
	}
	err = r.DB.SetStatus(ctx, q.ID, []string{store.StatusFailed}, c)
	if errors.Is(err, store.ErrConflict) {
		return nil
	}
	return err
}

// inquiry returns the campaign's inquiry with this token, or
// store.ErrNotFound.
func (r *Runner) inquiry(ctx context.Context, token string) (store.Inquiry, error) {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return store.Inquiry{}, err
	}
	for _, q := range list {
		if q.Token == token {
			return q, nil
		}
	}
	return store.Inquiry{}, fmt.Errorf("campaign %s: inquiry %s: %w", r.File.Name, token, store.ErrNotFound)
}
