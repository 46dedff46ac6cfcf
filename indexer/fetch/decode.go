package fetch

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// Text decodes an HTML body to NFC UTF-8, from the charset declared by the
// Content-Type header, a byte order mark or a <meta> tag (UTF-8 when none).
func (r *Response) Text() (string, error) {
	return DecodeHTML(r.Body, r.ContentType)
}

// DecodeHTML decodes body as Response.Text does.
func DecodeHTML(body []byte, contentType string) (string, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	text, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	return norm.NFC.String(string(text)), nil
}
