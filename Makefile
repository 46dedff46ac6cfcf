# The two commands of the README.
.PHONY: run test

# run serves the API and the page on :8080, loading the bundled demo corpus
# into an empty ./data.
run:
	go run ./cmd/vnsearch serve

# test is what CI runs: it installs chromium when missing, then gofmt,
# go vet, staticcheck and go test -race ./...
test:
	bash .ci/run
