package inquiry

import "testing"

func TestFieldKind(t *testing.T) {
	tests := []struct {
		f    fieldScan
		want string
	}{
		{fieldScan{Tag: "input", Type: "text", Placeholder: "Họ và tên *"}, ValueName},
		{fieldScan{Tag: "input", Type: "text", Name: "dien_thoai"}, ValuePhone},
		{fieldScan{Tag: "input", Type: "text", Placeholder: "Số điện thoại"}, ValuePhone},
		{fieldScan{Tag: "input", Type: "text", Label: "E-posta adresiniz"}, ValueEmail},
		{fieldScan{Tag: "input", Type: "text", Label: "Soyadınız"}, ValueLastName},
		{fieldScan{Tag: "input", Type: "text", Name: "txtFirstName"}, ValueFirstName},
		{fieldScan{Tag: "input", Type: "text", Label: "Konu"}, ValueSubject},
		{fieldScan{Tag: "textarea", Name: "body"}, ValueMessage},
		{fieldScan{Tag: "textarea", Label: "Your name"}, ValueMessage},
		{fieldScan{Tag: "input", Type: "checkbox", Label: "KVKK metnini okudum, onaylıyorum"}, ValueConsent},
		{fieldScan{Tag: "input", Type: "checkbox", Label: "Send me offers"}, ""},
		{fieldScan{Tag: "input", Type: "text", Name: "q"}, "search"},
	}
	for _, tc := range tests {
		if got := tc.f.kind(); got != tc.want {
			t.Errorf("kind(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestHoneypot(t *testing.T) {
	for _, f := range []fieldScan{
		{Name: "website"}, {Name: "_gotcha"}, {Name: "x", Hidden: "display:none"}, {Name: "x", Hidden: "off-screen"},
		{Name: "x", Hidden: "tabindex=-1"}, {Name: "x", Hidden: "aria-hidden"}, {ID: "my-honeypot"},
	} {
		if !f.honeypot() {
			t.Errorf("honeypot(%+v) = false", f)
		}
	}
	if (fieldScan{Name: "email"}).honeypot() {
		t.Errorf("a visible e-mail field is a honeypot")
	}
}

func TestChooseForm(t *testing.T) {
	search := formScan{Index: 0, Role: "search", Fields: []fieldScan{{Tag: "input", Type: "search", Name: "q"}}}
	news := formScan{Index: 1, Buttons: "Subscribe", Fields: []fieldScan{{Tag: "input", Type: "email", Name: "email"}}}
	login := formScan{Index: 2, Fields: []fieldScan{{Tag: "input", Type: "email", Name: "email"}, {Tag: "input", Type: "password", Name: "pw"}}}
	contact := formScan{Index: 3, Fields: []fieldScan{{Tag: "input", Name: "name"}, {Tag: "input", Type: "email"}, {Tag: "textarea", Name: "message"}}}
	if f, ok := chooseForm([]formScan{search, news, login, contact}); !ok || f.Index != 3 {
		t.Errorf("chooseForm = form %d, %v; want the contact form (3)", f.Index, ok)
	}
	if f, ok := chooseForm([]formScan{search, news, login}); ok {
		t.Errorf("chooseForm chose form %d among search, newsletter and log-in forms", f.Index)
	}
}

func TestPlanFillRequiredUnknown(t *testing.T) {
	f := formScan{Fields: []fieldScan{{Tag: "textarea", Name: "message"}, {Tag: "input", Name: "order_ref", Required: true, Label: "Order reference"}}}
	_, _, missing := planFill(f, Persona{Name: "A B", Email: "a@b.example"}, "s", "b")
	if missing != "order_ref" {
		t.Errorf("missing = %q, want order_ref", missing)
	}
}
