package replies

import "time"

// BusinessHours are a company's opening hours, by wall clock in its time
// zone. The zero value is Monday to Friday, 09:00 to 17:00, UTC.
type BusinessHours struct {
	// Location is the company's time zone; UTC when nil.
	Location *time.Location
	// Days are the open weekdays; Monday to Friday when empty.
	Days []time.Weekday
	// Open and Close are wall-clock times since midnight; 9h and 17h
	// when both are zero. A day with Close <= Open has no hours.
	Open, Close time.Duration
}

func (h BusinessHours) norm() BusinessHours {
	if h.Location == nil {
		h.Location = time.UTC
	}
	if len(h.Days) == 0 {
		h.Days = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	}
	if h.Open == 0 && h.Close == 0 {
		h.Open, h.Close = 9*time.Hour, 17*time.Hour
	}
	return h
}

// DayLength is the length of one business day (Close - Open), 0 if none.
func (h BusinessHours) DayLength() time.Duration {
	h = h.norm()
	return max(0, h.Close-h.Open)
}

// at returns the wall-clock time d after midnight of the given date, so
// that 09:00 stays 09:00 on days when clocks change.
func at(y int, m time.Month, day int, d time.Duration, loc *time.Location) time.Time {
	return time.Date(y, m, day, int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second), int(d%time.Second), loc)
}

// Seconds returns how many seconds between from and to fall inside
// business hours: real elapsed seconds, so a day when clocks change counts
// what really passed. It is 0 when to is not after from; spans longer
// than 100 years count the first 100.
func (h BusinessHours) Seconds(from, to time.Time) float64 {
	h = h.norm()
	if !to.After(from) || h.Close <= h.Open {
		return 0
	}
	open := map[time.Weekday]bool{}
	for _, d := range h.Days {
		open[d] = true
	}
	start := from.In(h.Location)
	y, m, d := start.Date()
	var total time.Duration
	for i := -1; i < 366*100; i++ {
		day := time.Date(y, m, d+i, 12, 0, 0, 0, h.Location)
		dy, dm, dd := day.Date()
		o, c := at(dy, dm, dd, h.Open, h.Location), at(dy, dm, dd, h.Close, h.Location)
		if o.After(to) {
			break
		}
		if !open[day.Weekday()] {
			continue
		}
		lo, hi := o, c
		if from.After(lo) {
			lo = from
		}
		if to.Before(hi) {
			hi = to
		}
		if hi.After(lo) {
			total += hi.Sub(lo)
		}
	}
	return total.Seconds()
}

// Kept reports whether a reply at replied to an inquiry sent at sent kept
// promise p: within p.Duration of wall-clock time, or, for a business
// promise, within p.Count business hours or days of business time.
func (h BusinessHours) Kept(p Promise, sent, replied time.Time) bool {
	if !p.Business {
		return replied.Sub(sent) <= p.Duration
	}
	per := time.Hour
	if p.Unit == "day" {
		per = h.DayLength()
	} else if p.Unit == "week" {
		per = h.DayLength() * time.Duration(len(h.norm().Days))
	} else if p.Unit == "minute" {
		per = time.Minute
	}
	return h.Seconds(sent, replied) <= p.Count*per.Seconds()
}
