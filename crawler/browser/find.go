package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// ErrNotFound is returned, wrapped, by Find and New when no Chromium or
// Chrome can be found.
var ErrNotFound = errors.New("no Chromium found (set CHROME_PATH or install chromium)")

// Names are the programs Find looks for on PATH, in order.
var Names = []string{"chromium", "chromium-browser", "google-chrome"}

// Find returns the path of the browser to start: the CHROME_PATH
// environment variable when it is set (it must name an executable file),
// else the first of Names found on PATH. The error wraps ErrNotFound.
func Find() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if err := executable(p); err != nil {
			return "", fmt.Errorf("CHROME_PATH=%s: %w: %w", p, err, ErrNotFound)
		}
		return p, nil
	}
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("none of %v is on PATH: %w", Names, ErrNotFound)
}

// executable reports why path cannot be run, or nil.
func executable(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return errors.New("no such file")
	case st.IsDir():
		return errors.New("is a directory")
	case st.Mode()&0o111 == 0:
		return errors.New("is not executable")
	}
	return nil
}
