window.LL_FAQ = [
 {
  "section": "Getting started",
  "title": "How do I sign up for Ledger Lane?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Is there a free trial?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Can I import data from Xero?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Can I import data from QuickBooks?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Which browsers do you support?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Is there a mobile app?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Can my accountant access my books?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "How do I set my financial year end?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Getting started",
  "title": "Can I use Ledger Lane for more than one business?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "How do I send my first invoice?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "Can I add my logo to invoices?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "Can I send recurring invoices?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "How do I chase late payments?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "Can customers pay invoices by card?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "Can I invoice in euros or dollars?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "How do I turn a quote into an invoice?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "Can I issue a credit note?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Invoices & quotes",
  "title": "What invoice numbering can I use?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "Which banks can I connect?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "How often does my bank feed update?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "Why has my bank feed stopped?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "Is connecting my bank safe?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "Can I upload a bank statement manually?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "How do I reconcile a transaction?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "Can I create bank rules?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "What happens to duplicate transactions?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Bank feeds",
  "title": "How long do bank connections last before I reauthorise?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Is Ledger Lane recognised by HMRC for MTD?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "How do I connect to HMRC?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Which VAT schemes do you support?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Can I file my VAT return from Ledger Lane?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Do you support the Flat Rate Scheme?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "How do I correct an error on a submitted return?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Can I file Self Assessment?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Do you support domestic reverse charge for construction?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "VAT & Making Tax Digital",
  "title": "Can I see my VAT obligations?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "Is payroll included in my plan?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "How many employees can I pay?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "Do you submit RTI to HMRC?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "Can I run auto-enrolment pensions?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "How much does Ledger Lane cost?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "Can I change plans?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "How do I cancel my subscription?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "Do you offer discounts for charities?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 },
 {
  "section": "Payroll & billing",
  "title": "How do I download my invoices from Ledger Lane?",
  "body": "<p>See the step-by-step guide in the app, or message our support team.</p>"
 }
];
