# The two commands of the README: `make run` and `make test`.
.PHONY: run test deps

run:
	go run ./cmd/vnsearch serve

# deps installs what the tests need beyond Go: Debian's chromium for the
# browser test.
deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: deps
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	go test -race -count=1 -timeout 30m ./...
