package main

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("restore", command{
		summary: "restore a backup tar into an empty or absent data dir",
		run:     runRestore,
	})
}

// Bounds on a backup tar, which is read as hostile input.
const (
	defaultRestoreMaxBytes = 256 << 30 // 256 GiB of files
	restoreMaxEntries      = 100_000
)

// restorePrefix starts the name of the directory a restore extracts into,
// inside the data dir, before moving its content in place.
const restorePrefix = ".restore-"

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("restore", "vnsearch restore --data DIR FILE.tar|-", stderr)
	data := fs.String("data", "", "data directory to restore into: empty or absent (required)")
	maxBytes := fs.Int64("max-bytes", defaultRestoreMaxBytes, "refuse a backup whose files add up to more bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *data == "" {
		fs.Usage()
		return errors.New("--data and one backup FILE are required")
	}
	in := os.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("open the backup: %w", err)
		}
		defer f.Close()
		in = f
	}
	n, version, err := restore(ctx, in, *data, *maxBytes)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %d articles into %s\n", n, *data)
	if version != search.AnalysisVersion {
		fmt.Fprintln(stderr, explainVersion(*data, &search.VersionError{Dir: filepath.Join(*data, indexDirName), Index: version, Binary: search.AnalysisVersion}))
	}
	return nil
}

// restore extracts the backup r into data, which must be empty (but for
// its lock file) or absent, and checks that the index opens. It returns the
// number of articles and the analysis version of the restored index. On
// failure it leaves data as it found it.
func restore(ctx context.Context, r io.Reader, data string, maxBytes int64) (uint64, string, error) {
	_, statErr := os.Stat(data)
	created := errors.Is(statErr, os.ErrNotExist)
	lock, err := lockData(ctx, data, "restore")
	if err != nil {
		return 0, "", err
	}
	defer lock.Close()
	if err := checkEmpty(data); err != nil {
		return 0, "", err
	}
	tmp, err := os.MkdirTemp(data, restorePrefix)
	if err == nil {
		var n uint64
		var version string
		if n, version, err = restoreInto(ctx, r, tmp, data, maxBytes); err == nil {
			return n, version, nil
		}
	}
	if created {
		return 0, "", errors.Join(err, os.RemoveAll(data))
	}
	return 0, "", errors.Join(err, emptyDir(data))
}

// restoreInto extracts r into tmp, checks it and moves its content to data.
func restoreInto(ctx context.Context, r io.Reader, tmp, data string, maxBytes int64) (uint64, string, error) {
	if err := extractTar(ctx, r, tmp, maxBytes); err != nil {
		return 0, "", err
	}
	n, version, err := checkRestored(filepath.Join(tmp, indexDirName))
	if err != nil {
		return 0, "", err
	}
	for _, name := range []string{indexDirName, crawlDBName} {
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(data, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return 0, "", fmt.Errorf("restore %s: %w", name, err)
		}
	}
	if err := os.Remove(tmp); err != nil {
		return 0, "", fmt.Errorf("restore: %w", err)
	}
	return n, version, syncParent(filepath.Join(data, indexDirName))
}

// checkEmpty refuses a data dir that holds anything but its lock file.
func checkEmpty(data string) error {
	entries, err := os.ReadDir(data)
	if err != nil {
		return fmt.Errorf("restore into %s: %w", data, err)
	}
	for _, e := range entries {
		if e.Name() != lockFileName {
			return fmt.Errorf("restore into %s: the directory is not empty (it holds %s); restore into an empty or new directory", data, e.Name())
		}
	}
	return nil
}

// emptyDir removes what data holds but its lock file.
func emptyDir(data string) error {
	entries, err := os.ReadDir(data)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if e.Name() != lockFileName {
			errs = append(errs, os.RemoveAll(filepath.Join(data, e.Name())))
		}
	}
	return errors.Join(errs...)
}

// checkRestored opens the restored index: it must hold an index that opens.
func checkRestored(dir string) (uint64, string, error) {
	if !search.Exists(dir) {
		return 0, "", errors.New("the backup holds no index")
	}
	ix, err := search.OpenAnyVersion(dir)
	if err != nil {
		return 0, "", fmt.Errorf("the restored index does not open: %w", err)
	}
	defer ix.Close()
	n, err := ix.Count()
	if err != nil {
		return 0, "", fmt.Errorf("the restored index: %w", err)
	}
	version, err := ix.Version()
	return n, version, err
}

// extractTar writes the regular files and directories of the tar r under
// dir. It refuses absolute or climbing paths, links and other special
// files, names outside index/ and crawl.db, files written twice, more than
// restoreMaxEntries entries and more than maxBytes of files.
func extractTar(ctx context.Context, r io.Reader, dir string, maxBytes int64) error {
	tr := tar.NewReader(r)
	var total int64
	for entries := 0; ; entries++ {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the backup: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if entries >= restoreMaxEntries {
			return fmt.Errorf("the backup holds more than %d entries", restoreMaxEntries)
		}
		name, err := entryName(hdr)
		if err != nil {
			return err
		}
		if total += hdr.Size; hdr.Size < 0 || total > maxBytes {
			return fmt.Errorf("the backup holds more than %d bytes (--max-bytes)", maxBytes)
		}
		if err := extractEntry(tr, hdr, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			return fmt.Errorf("restore %s: %w", name, err)
		}
	}
}

// entryName checks the name and type of a tar entry and returns the clean
// relative path it is written to.
func entryName(hdr *tar.Header) (string, error) {
	name := strings.TrimSuffix(hdr.Name, "/")
	switch {
	case hdr.Typeflag != tar.TypeReg && hdr.Typeflag != tar.TypeDir:
		return "", fmt.Errorf("the backup entry %q is not a regular file or a directory (type %q)", hdr.Name, hdr.Typeflag)
	case name == "" || path.IsAbs(name) || strings.ContainsAny(name, `\:`) || path.Clean(name) != name ||
		name == ".." || strings.HasPrefix(name, "../"):
		return "", fmt.Errorf("the backup entry %q has an unsafe path", hdr.Name)
	case name == crawlDBName && hdr.Typeflag == tar.TypeReg,
		name == indexDirName && hdr.Typeflag == tar.TypeDir,
		strings.HasPrefix(name, indexDirName+"/"):
		return name, nil
	}
	return "", fmt.Errorf("the backup entry %q is not part of a vnsearch data dir", hdr.Name)
}

// extractEntry creates the directory or file of hdr at target, the file
// with the content tr holds; it never overwrites.
func extractEntry(tr io.Reader, hdr *tar.Header, target string) error {
	if hdr.Typeflag == tar.TypeDir {
		return os.MkdirAll(target, 0o755)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, tr)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}
