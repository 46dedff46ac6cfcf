package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/indexer/ingest"
)

// remoteImportAnswer bounds the wait for the server's summary once the
// whole file is sent: the server has its last batch and the regrouping
// of copies left to do.
const remoteImportAnswer = 5 * time.Minute

// importClient sends a file to a server: connecting and the answer are
// bounded, the upload itself runs as long as it progresses (Ctrl-C stops
// it).
var importClient = &http.Client{Transport: &http.Transport{
	Proxy:                 http.ProxyFromEnvironment,
	DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
	TLSHandshakeTimeout:   10 * time.Second,
	ResponseHeaderTimeout: remoteImportAnswer,
}}

// importRemote streams r to POST /api/admin/import of a running serve and
// returns the summary it answers.
func importRemote(ctx context.Context, cfg importConfig, r io.Reader) (ingest.Summary, error) {
	var sum ingest.Summary
	endpoint, err := url.JoinPath(cfg.Server, "/api/admin/import")
	if err != nil || !strings.HasPrefix(endpoint, "http") {
		return sum, fmt.Errorf("--server %q: want a base URL such as http://127.0.0.1:8080", cfg.Server)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, io.NopCloser(r))
	if err != nil {
		return sum, fmt.Errorf("import into %s: %w", cfg.Server, err)
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+cfg.Token)
	}
	resp, err := importClient.Do(req)
	if err != nil {
		return sum, fmt.Errorf("import into %s: %w", cfg.Server, err)
	}
	defer resp.Body.Close()
	var answer struct {
		ingest.Summary
		Error string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&answer); err != nil {
		return sum, fmt.Errorf("import into %s: %s, unreadable answer: %w", cfg.Server, resp.Status, err)
	}
	if answer.Error != "" {
		if answer.Error == "missing or wrong bearer token" {
			answer.Error += " (give --token or set VNSEARCH_ADMIN_TOKEN)"
		}
		return answer.Summary, fmt.Errorf("%s: %s", cfg.Server, answer.Error)
	}
	if resp.StatusCode != http.StatusOK {
		return answer.Summary, errors.New(resp.Status)
	}
	return answer.Summary, nil
}
