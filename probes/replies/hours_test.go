package replies

import (
	"testing"
	"time"
)

func TestBusinessHoursSeconds(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	ist, _ := time.LoadLocation("Europe/Istanbul")
	utc := BusinessHours{}
	cases := []struct {
		name     string
		h        BusinessHours
		from, to time.Time
		want     time.Duration
	}{
		{"same day inside", utc, time.Date(2024, 6, 3, 10, 0, 0, 0, time.UTC), time.Date(2024, 6, 3, 12, 30, 0, 0, time.UTC), 150 * time.Minute},
		{"before opening to after closing", utc, time.Date(2024, 6, 3, 6, 0, 0, 0, time.UTC), time.Date(2024, 6, 3, 20, 0, 0, 0, time.UTC), 8 * time.Hour},
		{"friday evening to monday noon", utc, time.Date(2024, 6, 7, 16, 0, 0, 0, time.UTC), time.Date(2024, 6, 10, 12, 0, 0, 0, time.UTC), 4 * time.Hour},
		{"whole weekend", utc, time.Date(2024, 6, 8, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC), 0},
		{"two weeks", utc, time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC), 80 * time.Hour},
		{"reversed", utc, time.Date(2024, 6, 4, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC), 0},
		// 23:00 UTC Sunday is 06:00 Monday in Ho Chi Minh City.
		{"zone of the company", BusinessHours{Location: hcm}, time.Date(2024, 6, 2, 23, 0, 0, 0, time.UTC), time.Date(2024, 6, 3, 4, 0, 0, 0, time.UTC), 2 * time.Hour},
		// Istanbul works Monday to Saturday.
		{"saturday open", BusinessHours{Location: ist, Days: []time.Weekday{1, 2, 3, 4, 5, 6}, Open: 10 * time.Hour, Close: 18 * time.Hour},
			time.Date(2024, 6, 8, 0, 0, 0, 0, ist), time.Date(2024, 6, 9, 23, 0, 0, 0, ist), 8 * time.Hour},
		// Clocks go back on Sunday 3 Nov 2024 in New York; Saturday-Sunday
		// opening counts real time across the change (01:00-03:00 wall is 3h).
		{"DST end", BusinessHours{Location: ny, Days: []time.Weekday{0}, Open: time.Hour, Close: 3 * time.Hour},
			time.Date(2024, 11, 2, 12, 0, 0, 0, ny), time.Date(2024, 11, 4, 0, 0, 0, 0, ny), 3 * time.Hour},
		// Clocks go forward on Monday-free Sunday 10 Mar 2024; Monday 9-17 stays 8h.
		{"DST start", BusinessHours{Location: ny}, time.Date(2024, 3, 9, 0, 0, 0, 0, ny), time.Date(2024, 3, 12, 0, 0, 0, 0, ny), 8 * time.Hour},
	}
	for _, c := range cases {
		if got := c.h.Seconds(c.from, c.to); got != c.want.Seconds() {
			t.Errorf("%s: Seconds = %v, want %v", c.name, time.Duration(got*float64(time.Second)), c.want)
		}
	}
}

func TestBusinessHoursKept(t *testing.T) {
	h := BusinessHours{}
	fri := time.Date(2024, 6, 7, 15, 0, 0, 0, time.UTC)
	twoDays := Promise{Duration: 48 * time.Hour, Business: true, Count: 2, Unit: "day"}
	// Friday 15:00 + 2 business days (16 business hours) = Tuesday 15:00.
	if !h.Kept(twoDays, fri, time.Date(2024, 6, 11, 15, 0, 0, 0, time.UTC)) {
		t.Error("a reply on Tuesday 15:00 broke a 2-business-day promise made Friday 15:00")
	}
	if h.Kept(twoDays, fri, time.Date(2024, 6, 11, 15, 1, 0, 0, time.UTC)) {
		t.Error("a reply on Tuesday 15:01 kept a 2-business-day promise made Friday 15:00")
	}
	day := Promise{Duration: 24 * time.Hour, Count: 24, Unit: "hour"}
	if h.Kept(day, fri, fri.Add(25*time.Hour)) || !h.Kept(day, fri, fri.Add(24*time.Hour)) {
		t.Error("a 24-hour promise is not counted in wall-clock time")
	}
}
