package phone

import "testing"

func TestLabelBefore(t *testing.T) {
	cases := []struct {
		ctx  string
		want label
	}{
		{"", labelNone},
		{"Hotline: ", labelNone},
		{"Contact us on ", labelNone},
		{"Order #", labelID},
		{"Your order number is ", labelID},
		{"Call to order: ", labelPhone},
		{"Mã đơn hàng: ", labelID},
		{"Mã số thuế (MST): ", labelID},
		{"Sipariş No: ", labelID},
		{"Vergi Dairesi: Kadıköy, Vergi No: ", labelID},
		{"Mersis Numarası: ", labelID},
		{"ISBN ", labelID},
		{"Giá: ", labelID},
		{"Friedrichstraße ", labelID},
		{"Büyükdere Cad. No: ", labelID},
		{"Fax: ", labelNone},
		{"Tel/Fax: ", labelNone},
		{"Tra cứu đơn hàng qua hotline ", labelNone},
		{"in any case, ", labelNone},
		{"Contact us via ", labelNone},
		{"Booking: ", labelNone},
	}
	for _, c := range cases {
		if got := labelBefore(c.ctx); got != c.want {
			t.Errorf("labelBefore(%q) = %v, want %v", c.ctx, got, c.want)
		}
	}
}
