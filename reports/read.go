package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/shopper-audit/shopper/audit"
)

// ReadResults reads the JSON Lines that `shopper audit --json` writes (one
// audit.Result a line; blank lines are skipped), so that reports can be
// rendered again without the network. name says where the lines come from
// in errors. A line that is not a result is an error naming its number.
func ReadResults(r io.Reader, name string) ([]*audit.Result, error) {
	br := bufio.NewReader(r)
	var out []*audit.Result
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var res audit.Result
			if jerr := json.Unmarshal(line, &res); jerr != nil {
				return nil, fmt.Errorf("%s line %d is not an audit result from 'shopper audit --json': %w", name, n, jerr)
			}
			if res.URL == "" {
				return nil, fmt.Errorf("%s line %d is not an audit result from 'shopper audit --json': it has no url", name, n)
			}
			out = append(out, &res)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no audit results; write them with 'shopper audit --json URL... > results.jsonl'", name)
	}
	return out, nil
}
