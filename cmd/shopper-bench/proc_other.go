//go:build !linux

package main

import (
	"os"
	"syscall"
)

func childAttr() *syscall.SysProcAttr { return nil }

// resources returns a finished child's CPU time in seconds; peak RSS is only
// measured on Linux, where its unit is known, and is 0 elsewhere.
func resources(ps *os.ProcessState) (cpu float64, rss int64) {
	return (ps.UserTime() + ps.SystemTime()).Seconds(), 0
}

func peakRSS() int64        { return 0 }
func cpuOf(pid int) float64 { return -1 }
func loadAvg() float64      { return -1 }
func busyCPU() float64      { return -1 }
