// Package inquiry sends test inquiries to a company the way a customer
// writes to it: by e-mail through an SMTP submission server, and through
// the contact form on its website, driven in headless Chromium.
//
// Every inquiry carries a token (NewToken) that later lets its replies be
// matched to it: the token is in the sender's plus-address ("name+TOKEN@
// domain", PlusAddress), in the Message-ID and in the subject ("[ref
// TOKEN]"). Build writes the message; SMTP.Send submits it, and tells a
// failure that certainly left nothing delivered apart from one after
// which the message may have gone out (ErrMaybeSent), which must not be
// retried. SubmitForm fills and submits a contact form, never one guarded
// by a CAPTCHA, and never fills a honeypot.
//
// The package decides nothing about scores; it sends and reports what
// happened.
package inquiry
