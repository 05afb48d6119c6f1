// Package campaign runs test-inquiry campaigns: it reads a campaign file
// (Load), audits each company to find where to write, sends each inquiry
// exactly once by e-mail or contact form, watches the persona's mailbox
// for the replies, and turns what happened into scoring.Inquiry values
// for the scorecard (Results, Attach).
//
// Every inquiry's state is kept in the store before and after each
// network step — draft, sending, sent (or failed, blocked), replied or
// no_reply — so a run that is interrupted, even killed, resumes where it
// stopped and never sends an inquiry twice: an inquiry found "sending" on
// resume is looked for in the Sent folder by its Message-ID, and when it
// cannot be found it is left for the operator, never sent again. Replies
// are stored before the mailbox cursor moves past them, so none is lost.
package campaign
