// Package replies reads the replies to test inquiries from an IMAP folder
// and judges them.
//
// Watch follows a folder with IDLE (or polling), resuming from a Cursor
// across restarts and reconnections, and hands each message, reduced to
// its headers and decoded text (never attachments), to the caller. Match
// ties a message to the inquiry it answers by token. The analysis
// functions (IsAutoAck, ParsePromise, Analyze, BusinessHours) are pure:
// they read a Message and an Inquiry and return scores with the evidence
// they rest on, in English, Vietnamese and Turkish.
package replies
