package replies

import "encoding/base64"

func mimeB64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
