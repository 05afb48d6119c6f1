package campaign

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
	"github.com/shopper-audit/shopper/store"
)

// The audits a campaign makes are kept in the store's audit history as
// one batch per campaign, one job key per company, so status and report
// never audit again and a resumed run audits only what is missing.
func auditBatch(campaign string) string { return "campaign:" + campaign }

func auditKey(campaign, company string) string { return auditBatch(campaign) + "/" + company }

// StoredAudits returns the campaign's stored audits by company name.
func StoredAudits(ctx context.Context, db *store.DB, f *File) (map[string]*audit.Result, error) {
	list, err := db.BatchAudits(ctx, auditBatch(f.Name))
	if err != nil {
		return nil, err
	}
	out := map[string]*audit.Result{}
	prefix := auditBatch(f.Name) + "/"
	for _, a := range list {
		company, ok := strings.CutPrefix(a.Key, prefix)
		if !ok || a.Error != "" {
			continue
		}
		var res audit.Result
		if err := json.Unmarshal(a.Result, &res); err != nil {
			return nil, fmt.Errorf("stored audit of %s: %w", company, err)
		}
		out[company] = &res
	}
	return out, nil
}

// saveAudit keeps the audit of a company for the campaign; a second audit
// of the same company is not kept.
func saveAudit(ctx context.Context, db *store.DB, f *File, company string, res *audit.Result, at time.Time) error {
	js, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("keep audit of %s: %w", company, err)
	}
	site := res.URL
	if site == "" {
		site = company
	}
	_, err = db.SaveJobAudit(ctx, store.Audit{Site: site, At: at, Result: js,
		Batch: auditBatch(f.Name), Key: auditKey(f.Name, company)})
	return err
}

// Attach puts the outcomes of a company's inquiries into its audit result
// and scores it again with rubric (nil: the default rubric), so the
// scorecard's e-mail response section and the PDFs show them. Outcomes of
// other companies are left out. The result's Company becomes the name the
// campaign file gives.
func Attach(res *audit.Result, company string, outcomes []Outcome, rubric *scoring.Rubric) {
	res.Company = company
	res.Inquiries = nil
	for _, o := range outcomes {
		if o.Company == company {
			res.Inquiries = append(res.Inquiries, o.Inquiry)
		}
	}
	res.Rescore(rubric)
}

// Scorecard is one company's audit with its inquiries attached, or why it
// has none.
type Scorecard struct {
	// Company is the company's name in the campaign file.
	Company string
	// Result is its audit, rescored with its inquiries; nil when the
	// company has no stored audit.
	Result *audit.Result
	// Missing says why Result is nil.
	Missing string
}

// Scorecards returns a scorecard for every company of the campaign, in the
// file's order: its stored audit with the outcomes of its inquiries
// (measured at now) attached and scored with rubric. Nothing is audited.
func Scorecards(ctx context.Context, db *store.DB, f *File, now time.Time, rubric *scoring.Rubric) ([]Scorecard, error) {
	outcomes, err := Results(ctx, db, f, now)
	if err != nil {
		return nil, err
	}
	audits, err := StoredAudits(ctx, db, f)
	if err != nil {
		return nil, err
	}
	out := make([]Scorecard, 0, len(f.Companies))
	for _, c := range f.Companies {
		sc := Scorecard{Company: c.Name}
		switch res := audits[c.Name]; {
		case res != nil:
			Attach(res, c.Name, outcomes, rubric)
			sc.Result = res
		case c.URL == "":
			sc.Missing = "no url in the campaign file, so its site was not audited"
		default:
			sc.Missing = "its site has not been audited yet; run the campaign again"
		}
		out = append(out, sc)
	}
	return out, nil
}
